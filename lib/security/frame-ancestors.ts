/**
 * Who may frame `/embed` and `/preview` (docs/embed.md): any site, or the
 * origins in EMBED_ALLOWED_ORIGINS (space or comma separated, e.g.
 * "https://docs.example.com https://*.example.org"). `/preview` allows what
 * `/embed` allows, because `frame-ancestors` checks every ancestor, including
 * the docs page two levels up. Every other page: this origin only.
 */

/** `https://docs.example.com`, `http://localhost:3000`, `https://*.example.org`. */
const ORIGIN =
  /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:(\d{1,5}|\*))?$/i;

/**
 * The `frame-ancestors` sources for `/embed` and `/preview`. Unset or empty
 * gives `*`; a list gives `'self'` plus its valid origins. Anything else in the
 * list (a path, a quote, a semicolon) is dropped with a warning, so the variable
 * can never add another directive; a list with nothing valid allows `'self'` only.
 */
export function embedFrameAncestors(
  value: string | undefined,
  warn: (message: string) => void = (m) => console.warn(m),
): string {
  const tokens = (value ?? "").split(/[\s,]+/).filter((token) => token !== "");
  if (tokens.length === 0 || tokens.includes("*")) return "*";
  const origins: string[] = [];
  for (const token of tokens) {
    const origin = token.replace(/\/+$/, "");
    if (origin === "'self'" || origin === "self") continue;
    if (!ORIGIN.test(origin)) {
      warn(
        `EMBED_ALLOWED_ORIGINS: ignored "${token}": expected an origin such as https://docs.example.com.`,
      );
      continue;
    }
    const lower = origin.toLowerCase();
    if (!origins.includes(lower)) origins.push(lower);
  }
  if (origins.length === 0)
    warn("EMBED_ALLOWED_ORIGINS has no valid origin: /embed can be framed by this site only.");
  return ["'self'", ...origins].join(" ");
}

/** `/embed`, `/preview` and anything below them (not `/embed.js`, not `/embedded`). */
export function isFramablePath(pathname: string): boolean {
  return /^\/(?:embed|preview)(?:\/|$)/i.test(pathname);
}
