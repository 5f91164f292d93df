/**
 * A Content-Security-Policy that keeps the widget out. The embed script comes from its CDN (or
 * your host) under `script-src-elem` (else `script-src`, else `default-src`); the inline script
 * that calls `initOpenScript` needs `'unsafe-inline'`, a nonce or a hash there; the widget calls
 * `https://api.open.cx` under `connect-src` (else `default-src`). A policy with `'strict-dynamic'`
 * ignores host lists, so the doctor does not judge its script sources. The widget's frames style
 * themselves inline: a policy that restricts styles is named in the fix, not reported (the docs
 * say nothing about it).
 */
import type { PageFacts } from "../page-facts";
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

function parseOrigin(origin: string): URL | null {
  try {
    return new URL(origin);
  } catch {
    return null;
  }
}

/**
 * Whether a source list lets `origin` (`https://host[:port]`) load. `'self'` matches `self`, the
 * page's own origin, when it is known (the probe knows it; pasted text does not).
 */
export function allows(
  sources: readonly string[],
  origin: string,
  self: string | null = null,
): boolean {
  const url = parseOrigin(origin);
  if (!url) return true;
  for (const source of sources) {
    if (source === "*" || source === url.protocol) return true;
    if (source === "'self'") {
      if (self !== null && parseOrigin(self)?.origin === url.origin) return true;
      continue;
    }
    if (source.startsWith("'")) continue;
    const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+)(?::(\d+|\*))?/.exec(source);
    if (!match) continue;
    const [, scheme, wildcard, host] = match;
    if (scheme && `${scheme}:` !== url.protocol) continue;
    if (wildcard ? url.hostname.endsWith(`.${host}`) : url.hostname === host) return true;
  }
  return false;
}

function effective(directives: Map<string, string[]>, ...names: string[]): string[] | undefined {
  for (const name of [...names, "default-src"]) {
    const sources = directives.get(name);
    if (sources) return sources;
  }
  return undefined;
}

/**
 * Where the page loads the widget script from: its URL's origin (a protocol-relative URL is
 * https), the CDN by default; `""` for a path on the page's own origin.
 */
export function scriptOrigin(src: string | null | undefined): string {
  if (!src) return DEFAULT_SCRIPT_ORIGIN;
  if (!/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src.trim())) return "";
  return parseOrigin(new URL(src.trim(), "https://page.invalid").href)?.origin ?? "";
}

export interface PolicyContext {
  /** The widget script's origin (`scriptOrigin`). */
  script: string;
  /** The page's own origin, when known. */
  self: string | null;
  /** The page calls `initOpenScript` from an inline script. */
  inlineInit: boolean;
}

/** What `policy` blocks of the widget, in words; empty when it lets the widget run. */
export function policyBlocks(policy: string, context: PolicyContext): string[] {
  const directives = parsePolicy(policy);
  const blocked: string[] = [];
  const script = effective(directives, "script-src-elem", "script-src");
  if (script && !script.includes("'strict-dynamic'")) {
    if (context.script !== "" && !allows(script, context.script, context.self))
      blocked.push(
        `\`script-src\` does not allow ${context.script}, so the widget script never runs`,
      );
    const inlineAllowed = script.some(
      (s) => s === "'unsafe-inline'" || /^'(nonce|sha256|sha384|sha512)-/.test(s),
    );
    if (context.inlineInit && !inlineAllowed)
      blocked.push(
        "`script-src` allows no inline script (no `'unsafe-inline'`, nonce or hash), so the script that calls `initOpenScript` never runs",
      );
  }
  const connect = effective(directives, "connect-src");
  if (connect && !allows(connect, WIDGET_API_ORIGIN, context.self))
    blocked.push(
      `\`connect-src\` does not allow ${WIDGET_API_ORIGIN}, so the widget cannot load its configuration and renders nothing`,
    );
  return blocked;
}

export function policyFix(scriptOrigin: string): string {
  return `Allow the widget in the policy (the header too, if your server sends one): \`script-src ${scriptOrigin || "'self'"}\` plus a nonce (or \`'unsafe-inline'\`) for the script that calls \`initOpenScript\`, and \`connect-src ${WIDGET_API_ORIGIN}\`. If the policy restricts styles, the widget's frames need \`style-src 'unsafe-inline'\`.`;
}

export const cspBlocksWidget: PageRule = {
  id: "csp-blocks-widget",
  check(facts: PageFacts) {
    const origin = scriptOrigin(facts.scripts.find((s) => s.widget)?.src);
    const inlineInit = facts.scripts.some(
      (s) => s.codeStart !== null && /\binitOpenScript\s*\(/.test(facts.text.slice(s.codeStart)),
    );
    return facts.policies.flatMap(({ policy, range }) => {
      const blocked = policyBlocks(policy, { script: origin, self: null, inlineInit });
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
