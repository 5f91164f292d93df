import type { Metadata } from "next";
import "../globals.css";

export const metadata: Metadata = {
  title: "OpenCX Live Chat (preview)",
  robots: { index: false, follow: false },
};

/** The preview document's root layout: shown in the playground's iframe; the widget replica only uses its own tokens. */
export default function PreviewLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-white font-sans antialiased">{children}</body>
    </html>
  );
}
