import type { Metadata } from "next";
import "../globals.css";

export const metadata: Metadata = {
  title: "Identity Playground · open.cx widget",
  description:
    "Pick how the open.cx chat widget identifies visitors, watch a faithful preview, and copy matching snippets.",
};

export default function PlaygroundLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-neutral-900 antialiased">{children}</body>
    </html>
  );
}
