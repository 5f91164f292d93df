/**
 * The probe a user runs on their own live page (DevTools console, or as a bookmarklet). It is
 * plain JavaScript kept as text so that what the user reads is exactly what runs: no bundler
 * touches it. It only reads, sends nothing, and prints one code to paste back into the
 * playground (`probe.ts` decodes it; the playground shows everything in it before diagnosing).
 *
 * It reads: `window.openCXWidgetVersion`; the widget's `<script>` tags (origin and path, no query,
 * `defer`, `async`); how many inline scripts mention `initOpenScript`; how many widget roots and
 * frames exist; the Content-Security-Policy `<meta>` tags with nonces and hashes blanked; the
 * NAMES of `opencx-widget:` localStorage keys; for a stored contact token, the owner claims only
 * (org, contact id, verified, issued, expires), never the token or its signature; and, for three
 * seconds, the CSP violations against the widget's hosts (their origin and directive).
 */

/** The code's prefix: the format's name and version. */
export const PROBE_PREFIX = "OPENCX-PROBE-1:";

/** How long the probe listens for CSP violations. */
export const PROBE_LISTEN_MS = 3000;

const BODY = `// OpenCX installation probe: reads, sends nothing, prints a code for the playground.
// Optional: the user.token your page passes right now (from your app's state), to check that
// the contact stored in this browser is the same person. Only its owner claims are kept.
const currentUserToken = "";

const claimsOf = (token) => {
  try {
    const part = String(token).split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = decodeURIComponent(
      [...atob(part)].map((c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0")).join(""),
    );
    const raw = JSON.parse(json);
    const claims = raw && raw.sub && typeof raw.sub === "object" && raw.sub.payload ? raw.sub.payload : raw;
    const contact = claims && typeof claims.contact === "object" && claims.contact ? claims.contact : {};
    const text = (v) => (typeof v === "string" ? v.slice(0, 80) : null);
    const time = (v) => (typeof v === "number" && isFinite(v) ? v : null);
    return {
      org: text(claims.org_id),
      contact: text(contact.id),
      verified: typeof contact.verified === "boolean" ? contact.verified : null,
      personal: Boolean(claims.mcp_access),
      iat: time(raw.iat),
      exp: time(raw.exp),
    };
  } catch {
    return null;
  }
};

const widgetScript = /@opencx\\/widget(?![\\w-])|\\/dist-embed\\/script\\.js/;
const hostOf = (url) => {
  try {
    return new URL(url, location.href).origin;
  } catch {
    return "";
  }
};
const scripts = [...document.querySelectorAll("script[src]")]
  .filter((s) => widgetScript.test(s.getAttribute("src")))
  .slice(0, 10)
  .map((s) => {
    const url = new URL(s.getAttribute("src"), location.href);
    return { src: url.origin + url.pathname, defer: s.defer, async: s.async, module: s.type === "module" };
  });
const widgetHosts = new Set(["https://api.open.cx", "https://unpkg.com", ...scripts.map((s) => hostOf(s.src))]);

const keys = [];
let stored = null;
for (let i = 0; i < localStorage.length && keys.length < 50; i++) {
  const key = localStorage.key(i);
  if (!key || !key.startsWith("opencx-widget:")) continue;
  keys.push(key.slice(0, 200));
  if (key.endsWith(":contact-token") && stored === null) stored = claimsOf(localStorage.getItem(key));
}
keys.sort();

const csp = [];
const listen = (event) => {
  const origin = hostOf(event.blockedURI);
  if (widgetHosts.has(origin) && csp.length < 20) csp.push({ directive: event.effectiveDirective, blocked: origin });
};
document.addEventListener("securitypolicyviolation", listen);
await new Promise((resolve) => setTimeout(resolve, __LISTEN_MS__));
document.removeEventListener("securitypolicyviolation", listen);

const facts = {
  url: location.origin + location.pathname,
  version: typeof window.openCXWidgetVersion === "string" ? window.openCXWidgetVersion.slice(0, 40) : null,
  initDefined: typeof window.initOpenScript === "function",
  scripts,
  inlineInits: [...document.querySelectorAll("script:not([src])")].filter((s) => s.textContent.includes("initOpenScript")).length,
  roots: document.querySelectorAll("#opencx-root, [data-opencx-root]").length,
  chatFrames: document.querySelectorAll('iframe[title="OpenCX Live Chat"]').length,
  policies: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')]
    .slice(0, 5)
    .map((m) => String(m.content).replace(/'(nonce|sha256|sha384|sha512)-[^']*'/g, "'$1-…'").slice(0, 2000)),
  keys,
  stored,
  current: currentUserToken ? claimsOf(currentUserToken) : null,
  csp,
};
const bytes = new TextEncoder().encode(JSON.stringify(facts));
const code = "__PREFIX__" + btoa(String.fromCharCode(...bytes)).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
`;

function body(): string {
  return BODY.replace("__LISTEN_MS__", String(PROBE_LISTEN_MS)).replace("__PREFIX__", PROBE_PREFIX);
}

/** The console version: shows what it collected, then the code (copied when DevTools can). */
export function probeConsoleSource(): string {
  return `(async () => {\n${indent(body())}\n  console.log("OpenCX probe collected:", facts);\n  console.log(code);\n  if (typeof copy === "function") copy(code);\n  return code;\n})();\n`;
}

/** The bookmarklet: the same probe, showing the code in a prompt to copy. */
export function probeBookmarklet(): string {
  const source = `(async () => {\n${body()}\nwindow.prompt("OpenCX probe: copy this code into the playground", code);\n})();`;
  return `javascript:${encodeURIComponent(source)}`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
}
