import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { THEME_BOOT_SCRIPT } from "@/components/playground/theme-toggle";
import "../globals.css";

export const metadata: Metadata = {
  title: "Identity Playground · open.cx chat widget",
  description:
    "Pick how the open.cx chat widget identifies visitors, watch a faithful preview, and copy matching, tested snippets.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function PlaygroundLayout({ children }: { children: React.ReactNode }) {
  // The CSP nonce proxy.ts made for this response: the only inline script Next does not write itself.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-neutral-50 font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        {children}
      </body>
    </html>
  );
}
