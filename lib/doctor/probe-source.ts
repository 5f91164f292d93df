/**
 * The probe a user runs on their own live page (DevTools console, or as a bookmarklet). It is
 * plain JavaScript kept as text so that what the user reads is exactly what runs: no bundler
 * touches it. It only reads, sends nothing, and prints one code to paste back into the
 * playground (`probe.ts` decodes it; the playground shows everything in it before diagnosing).
 *
 * It reads: the page's origin (no path, no query); `window.openCXWidgetVersion`; the widget's
 * `<script>` tags (origin and path, no query, `defer`, `async`); how many inline scripts call
 * `initOpenScript`; how many widget roots, chat frames and trigger frames exist; the
 * Content-Security-Policy `<meta>` tags with nonces, hashes and URL queries blanked; whether
 * storage can be read; the NAMES of `opencx-widget:` localStorage keys; for a stored contact
 * token, the owner claims only (org, contact id, verified, issued, expires), never the token or
 * its signature; and the CSP violations against the widget's hosts (origin and directive) that
 * the browser reported since the page loaded (where it keeps them) or reports in three seconds.
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
const urlOf = (value) => {
  try {
    return new URL(value, location.href);
  } catch {
    return null;
  }
};
const hostOf = (value) => {
  const url = urlOf(value);
  return url && /^https?:$/.test(url.protocol) ? url.origin : "";
};
const scripts = [...document.querySelectorAll("script[src]")]
  .filter((s) => widgetScript.test(s.getAttribute("src")))
  .slice(0, 10)
  .map((s) => {
    const url = urlOf(s.getAttribute("src"));
    return { src: url ? url.origin + url.pathname : "", defer: s.defer, async: s.async, module: s.type === "module" };
  });
const widgetHosts = new Set(["https://api.open.cx", "https://unpkg.com", ...scripts.map((s) => hostOf(s.src))]);

// Storage can be blocked (site data off, a sandboxed frame): then say so instead of failing.
const keys = [];
let stored = null;
let storage = "readable";
try {
  for (let i = 0; i < localStorage.length && keys.length < 50; i++) {
    const key = localStorage.key(i);
    if (!key || !key.startsWith("opencx-widget:")) continue;
    keys.push(key.slice(0, 200));
    if (key.endsWith(":contact-token") && stored === null) stored = claimsOf(localStorage.getItem(key));
  }
} catch {
  storage = "blocked";
}
keys.sort();

// CSP violations: those reported since the page loaded (a buffered ReportingObserver, where the
// browser has one), and those during the next seconds. Only the blocked origin and directive.
const csp = [];
const note = (directive, blocked) => {
  const origin = hostOf(blocked);
  if (origin && widgetHosts.has(origin) && csp.length < 20 && !csp.some((v) => v.directive === directive && v.blocked === origin))
    csp.push({ directive: String(directive).slice(0, 60), blocked: origin });
};
const listen = (event) => note(event.effectiveDirective, event.blockedURI);
document.addEventListener("securitypolicyviolation", listen);
let observer = null;
try {
  observer = new ReportingObserver((reports) => reports.forEach((r) => note(r.body.effectiveDirective, r.body.blockedURL)), { types: ["csp-violation"], buffered: true });
  observer.observe();
} catch {
  observer = null;
}
await new Promise((resolve) => setTimeout(resolve, __LISTEN_MS__));
document.removeEventListener("securitypolicyviolation", listen);
if (observer) {
  observer.takeRecords().forEach((r) => note(r.body.effectiveDirective, r.body.blockedURL));
  observer.disconnect();
}

const jsTypes = ["", "text/javascript", "application/javascript", "module"];
const facts = {
  origin: location.origin,
  version: typeof window.openCXWidgetVersion === "string" ? window.openCXWidgetVersion.slice(0, 40) : null,
  initDefined: typeof window.initOpenScript === "function",
  scripts,
  inlineInits: [...document.querySelectorAll("script:not([src])")].filter(
    (s) => jsTypes.includes((s.getAttribute("type") || "").trim().toLowerCase()) && /\\binitOpenScript\\s*\\(/.test(s.textContent),
  ).length,
  roots: document.querySelectorAll("#opencx-root, [data-opencx-root]").length,
  chatFrames: document.querySelectorAll('iframe[title="OpenCX Live Chat"]').length,
  triggerFrames: document.querySelectorAll('iframe[title="OpenCX Live Chat Trigger"]').length,
  policies: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')]
    .slice(0, 5)
    .map((m) =>
      String(m.content)
        .replace(/'(nonce|sha256|sha384|sha512)-[^']*'/gi, "'$1-…'")
        .replace(/(https?:\\/\\/[^\\s;?#']*)[?#][^\\s;']*/g, "$1")
        .slice(0, 2000),
    ),
  storage,
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
