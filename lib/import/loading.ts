/**
 * When a pasted page loads the widget (the `loading` option, issue 21), read from the names the
 * playground's snippets use: the consent function or gate (`onOpenCxConsent()`, a
 * `consented` prop that renders nothing until true) and the look-alike launcher (`#opencx-launcher`,
 * `ChatLauncher`). A page that loads the embed with a script tag or imports the React widget at
 * once loads on page load. Anything else says nothing (the import keeps the current choice): a
 * consent tool wired in another way is the page's own business.
 */
import type { LoadingMode } from "../config/options";

const CONSENT = [/\bfunction onOpenCxConsent\s*\(/, /\bif\s*\(\s*!consented\s*\)\s*return null\b/];
const CLICK = [/\bid\s*=\s*["']opencx-launcher["']/, /\bfunction ChatLauncher\s*\(/];
const AT_ONCE = [
  /<script\b[^>]*\bsrc\s*=\s*["'][^"']*@opencx\/widget@/i,
  /^\s*import\s*\{[^}]*\bWidget\b[^}]*\}\s*from\s*["']@opencx\/widget-react["']/m,
];

export function readLoading(text: string): LoadingMode | null {
  const consent = CONSENT.some((re) => re.test(text));
  const click = CLICK.some((re) => re.test(text));
  if (consent !== click) return consent ? "consent" : "click";
  if (consent) return null; // Both: not a page this playground wrote; keep the current choice.
  return AT_ONCE.some((re) => re.test(text)) ? "page-load" : null;
}
