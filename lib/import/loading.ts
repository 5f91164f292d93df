/**
 * When a pasted page loads the widget (the `loading` option, issue 21), read from the names the
 * playground's snippets use: the consent function or gate (`onOpenCxConsent()`, a
 * `consented` prop that renders nothing until true) and the look-alike launcher (`#opencx-launcher`,
 * `ChatLauncher`). A page that loads the embed with a script tag, imports the React widget at
 * once, or (Next.js) loads it with `dynamic` and shows no trigger loads on page load. A trigger
 * beside a widget loaded at once, or both triggers, is not a page the playground wrote and says
 * nothing; so does anything else (the import keeps the current choice): a consent tool wired in
 * another way is the page's own business.
 */
import type { LoadingMode } from "../config/options";

const CONSENT = [/\bfunction onOpenCxConsent\s*\(/, /\bif\s*\(\s*!consented\s*\)\s*return null\b/];
const CLICK = [/\bid\s*=\s*["']opencx-launcher["']/, /\bfunction ChatLauncher\s*\(/];
/** A page that loads the widget with the page: the embed's script tag, or the package imported at once. */
const AT_ONCE = [
  /<script\b[^>]*\bsrc\s*=\s*["'][^"']*@opencx\/widget[@/]/i,
  /^\s*import\s*\{[^}]*\bWidget\b[^}]*\}\s*from\s*["']@opencx\/widget-react["']/m,
];
/** Next.js loads the package with `dynamic` in every mode: on its own it means page load. */
const DYNAMIC =
  /\bdynamic\s*(?:<[^>]*>)?\s*\(\s*\(\)\s*=>\s*import\(\s*["']@opencx\/widget-react["']/;

export function readLoading(text: string): LoadingMode | null {
  const consent = CONSENT.some((re) => re.test(text));
  const click = CLICK.some((re) => re.test(text));
  const atOnce = AT_ONCE.some((re) => re.test(text));
  // Both triggers, or a trigger beside a widget loaded at once: not a page this playground wrote.
  if (consent && click) return null;
  if (consent || click) return atOnce ? null : consent ? "consent" : "click";
  return atOnce || DYNAMIC.test(text) ? "page-load" : null;
}

/**
 * Whether a widget option of a pasted page comes with its loading mode rather than from the
 * config: on click the page opens the widget as it replaces the launcher (`isOpen: true`,
 * `loadingOptionsValue`), so the import and the doctor's migration do not report it.
 */
export function setByLoading(key: string, loading: LoadingMode): boolean {
  return key === "isOpen" && loading === "click";
}
