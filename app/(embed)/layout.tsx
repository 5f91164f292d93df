import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { EMBED_THEME_BOOT_SCRIPT } from "@/lib/embed/theme";
import "../globals.css";

export const metadata: Metadata = {
  title: "Identity Playground · open.cx chat widget (embed)",
  description: "The open.cx Identity Playground, embedded.",
  robots: { index: false, follow: true },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * The embed's own root layout: the playground's stylesheet only (never the
 * preview document's), and a natural height (no `min-h-screen`), because the
 * host sizes the iframe to the content and viewport units would feed back.
 */
export default async function EmbedLayout({ children }: { children: React.ReactNode }) {
  // The CSP nonce proxy.ts made for this response (see the playground layout).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: EMBED_THEME_BOOT_SCRIPT }} />
      </head>
      <body className="bg-neutral-50 font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        {children}
      </body>
    </html>
  );
}
