// @ts-check

/**
 * Response headers (docs/security.md, docs/embed.md).
 *
 * - Every response: `X-Content-Type-Options: nosniff` and `Referrer-Policy: same-origin`.
 * - Every response but `/embed` and `/preview` (and what lies below them):
 *   `X-Frame-Options: SAMEORIGIN`. Those two may be framed by other sites
 *   (`frame-ancestors` in their CSP), and X-Frame-Options cannot list origins:
 *   where both are sent, browsers that know CSP ignore it while older ones
 *   would refuse the frame.
 * - The Content-Security-Policy of pages (with its nonce and its
 *   `frame-ancestors`) comes from proxy.ts; API routes and `/_next/*`, which
 *   the proxy does not see, get the resource policy below: it is
 *   `serializePolicy(RESOURCE_POLICY)` of lib/security/csp.ts, written out
 *   because this file cannot import TypeScript (a unit test keeps them equal).
 */

const RESOURCE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
      // Everything except /embed, /preview and what lies below them (`/embed.js` is a script: same-origin rules).
      {
        source: "/:path((?!(?:embed|preview)(?:/|$)).*)",
        headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }],
      },
      // What proxy.ts does not match (its matcher is the complement of this source).
      {
        source: "/:path((?:api|_next)(?:/.*)?)",
        headers: [{ key: "Content-Security-Policy", value: RESOURCE_CSP }],
      },
    ];
  },
};

module.exports = nextConfig;
