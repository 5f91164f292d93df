/**
 * A Content-Security-Policy that keeps the widget out. The embed script comes from its CDN
 * (or your host) under `script-src`; it calls `https://api.open.cx` under `connect-src`; it
 * styles its own frames inline (`style-src 'unsafe-inline'`, inherited by its srcdoc frames).
 * Each directive falls back to `default-src` when absent.
 */
import { finding, type PageRule } from "./rule";

export const WIDGET_API_ORIGIN = "https://api.open.cx";
const DEFAULT_SCRIPT_ORIGIN = "https://unpkg.com";

/** Directive name → its source list, lower-cased; the first of a repeated directive wins. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name || directives.has(name.toLowerCase())) continue;
    directives.set(
      name.toLowerCase(),
      sources.map((s) => s.toLowerCase()),
    );
  }
  return directives;
}

/** Whether a source list lets `origin` (`https://host[:port]`) load; `'self'` is the page's own origin, unknown here. */
export function allows(sources: readonly string[], origin: string): boolean {
  const url = new URL(origin);
  for (const source of sources) {
    if (source === "*" || source === `${url.protocol}`) return true;
    const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+)(?::(\d+|\*))?/.exec(source);
    if (!match || source.startsWith("'")) continue;
    const [, scheme, wildcard, host] = match;
    if (scheme && `${scheme}:` !== url.protocol) continue;
    if (wildcard ? url.hostname.endsWith(`.${host}`) : url.hostname === host) return true;
  }
  return false;
}

function effective(directives: Map<string, string[]>, name: string): string[] | undefined {
  return directives.get(name) ?? directives.get("default-src");
}

/** Where the page loads the widget script from: its URL's origin, the CDN by default. */
export function scriptOrigin(src: string | null | undefined): string {
  if (!src) return DEFAULT_SCRIPT_ORIGIN;
  try {
    return new URL(src).origin;
  } catch {
    // A relative URL is the page's own origin: `'self'`, which a policy usually allows.
    return "";
  }
}

/** What `policy` blocks of a widget loaded from `scriptOrigin` (`""`: the page's own origin). */
export function policyBlocks(policy: string, scriptOrigin: string): string[] {
  const directives = parsePolicy(policy);
  const blocked: string[] = [];
  const script = effective(directives, "script-src");
  if (script && scriptOrigin !== "" && !allows(script, scriptOrigin))
    blocked.push(`\`script-src\` does not allow ${scriptOrigin}, so the widget script never runs`);
  const connect = effective(directives, "connect-src");
  if (connect && !allows(connect, WIDGET_API_ORIGIN))
    blocked.push(
      `\`connect-src\` does not allow ${WIDGET_API_ORIGIN}, so the widget cannot load its configuration and renders nothing`,
    );
  const style = effective(directives, "style-src");
  if (style && !style.includes("'unsafe-inline'"))
    blocked.push("`style-src` lacks `'unsafe-inline'`, so the widget's frames render unstyled");
  return blocked;
}

export function policyFix(scriptOrigin: string): string {
  return `Allow the widget: \`script-src ${scriptOrigin || "'self'"}\`, \`connect-src ${WIDGET_API_ORIGIN}\` and \`style-src 'unsafe-inline'\` (in the header too, if your server sends one).`;
}

export const cspBlocksWidget: PageRule = {
  id: "csp-blocks-widget",
  check(facts) {
    const origin = scriptOrigin(facts.scripts.find((s) => s.widget)?.src);
    return facts.policies.flatMap(({ policy, range }) => {
      const blocked = policyBlocks(policy, origin);
      if (blocked.length === 0) return [];
      return [
        finding("csp-blocks-widget", "error", range, {
          title: "The page's Content-Security-Policy blocks the widget",
          visitor: `${blocked.join("; ")}.`,
          fix: policyFix(origin),
        }),
      ];
    });
  },
};

export const CSP_RULES: readonly PageRule[] = [cspBlocksWidget];
