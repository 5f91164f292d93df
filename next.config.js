// @ts-check

/**
 * Framing rules (docs/embed.md):
 * - Every page but the two below may be framed only by this origin.
 * - `/embed` may be framed by any site, or by the origins in
 *   EMBED_ALLOWED_ORIGINS (space or comma separated, e.g.
 *   "https://docs.example.com https://*.example.org").
 * - `/preview` is framed by the playground (same origin) and by `/embed`, so it
 *   allows what `/embed` allows: `frame-ancestors` checks every ancestor,
 *   including the docs page two levels up.
 * - No X-Frame-Options on those two: it cannot list origins, and where both are
 *   sent, browsers that know CSP ignore it while older ones would refuse the frame.
 * Next reads these rules when it builds, so EMBED_ALLOWED_ORIGINS is a build-time
 * setting: change it, then rebuild.
 */

/** `https://docs.example.com`, `http://localhost:3000`, `https://*.example.org`. */
const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:(\d{1,5}|\*))?$/i;

/**
 * The `frame-ancestors` sources for `/embed` and `/preview`. Unset or empty
 * gives `*`; a list gives `'self'` plus its valid origins. Anything else in the
 * list (a path, a quote, a semicolon) is dropped with a warning, so the variable
 * can never add another directive; a list with nothing valid allows `'self'` only.
 * @param {string | undefined} value
 * @param {(message: string) => void} [warn]
 * @returns {string}
 */
function embedFrameAncestors(value, warn = (message) => console.warn(message)) {
  const tokens = (value ?? "").split(/[\s,]+/).filter((token) => token !== "");
  if (tokens.length === 0 || tokens.includes("*")) return "*";
  /** @type {string[]} */
  const origins = [];
  for (const token of tokens) {
    const origin = token.replace(/\/+$/, "");
    if (origin === "'self'" || origin === "self") continue;
    if (!ORIGIN.test(origin)) {
      warn(`EMBED_ALLOWED_ORIGINS: ignored "${token}": expected an origin such as https://docs.example.com.`);
      continue;
    }
    const lower = origin.toLowerCase();
    if (!origins.includes(lower)) origins.push(lower);
  }
  if (origins.length === 0) warn("EMBED_ALLOWED_ORIGINS has no valid origin: /embed can be framed by this site only.");
  return ["'self'", ...origins].join(" ");
}

const SAME_ORIGIN_ONLY = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'self'" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    const embeddable = [
      { key: "Content-Security-Policy", value: `frame-ancestors ${embedFrameAncestors(process.env.EMBED_ALLOWED_ORIGINS)}` },
    ];
    return [
      // Everything except /embed, /preview and what lies below them (`/embed.js` is a script: same-origin rules).
      { source: "/:path((?!(?:embed|preview)(?:/|$)).*)", headers: SAME_ORIGIN_ONLY },
      { source: "/embed/:path*", headers: embeddable },
      { source: "/preview/:path*", headers: embeddable },
    ];
  },
};

module.exports = nextConfig;
