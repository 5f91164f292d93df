/**
 * The framing headers from next.config.js, matched the way Next matches them
 * (its own path-to-regexp), for the paths that matter.
 */
import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";

const require = createRequire(import.meta.url);

interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}
const nextConfig = require("../../next.config.js") as { headers: () => Promise<HeaderRule[]> };
const { pathToRegexp } = require("next/dist/compiled/path-to-regexp") as {
  pathToRegexp: (source: string, keys: unknown[], options: object) => RegExp;
};

/** The headers a response to `path` gets: later rules override earlier ones, as in Next. */
async function headersFor(path: string, allowed?: string): Promise<Record<string, string>> {
  vi.stubEnv("EMBED_ALLOWED_ORIGINS", allowed);
  const out: Record<string, string> = {};
  for (const rule of await nextConfig.headers()) {
    const regex = pathToRegexp(rule.source, [], { strict: true, sensitive: false, delimiter: "/" });
    if (regex.test(path)) for (const { key, value } of rule.headers) out[key] = value;
  }
  return out;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const SELF_ONLY = { "Content-Security-Policy": "frame-ancestors 'self'", "X-Frame-Options": "SAMEORIGIN" };

describe("framing headers", () => {
  it.each(["/", "/api/widget/authenticate-user", "/embed.js", "/embedded", "/previews", "/_next/static/chunks/a.js", "/icon.svg"])(
    "%s may be framed by this origin only",
    async (path) => {
      expect(await headersFor(path)).toEqual(SELF_ONLY);
    },
  );

  it.each(["/embed", "/preview", "/preview/x"])("%s may be framed by any site by default, without X-Frame-Options", async (path) => {
    expect(await headersFor(path)).toEqual({ "Content-Security-Policy": "frame-ancestors *" });
    expect(await headersFor(path, "")).toEqual({ "Content-Security-Policy": "frame-ancestors *" });
  });

  it("lists the configured origins for /embed and /preview alike, plus this origin", async () => {
    const allowed = " https://docs.example.com,https://*.example.org  http://localhost:4000/ HTTPS://Docs.Example.com";
    const expected = { "Content-Security-Policy": "frame-ancestors 'self' https://docs.example.com https://*.example.org http://localhost:4000" };
    expect(await headersFor("/embed", allowed)).toEqual(expected);
    expect(await headersFor("/preview", allowed)).toEqual(expected);
    expect(await headersFor("/", allowed)).toEqual(SELF_ONLY);
  });

  it("drops anything that is not an origin, so the variable cannot add a directive", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const csp = (await headersFor("/embed", "https://ok.example; script-src https://x.example/path 'unsafe-inline' javascript: 'none'"))["Content-Security-Policy"];
    expect(csp).toBe("frame-ancestors 'self'");
    expect(warn).toHaveBeenCalled();
    expect(await headersFor("/embed", "https://docs.example.com *")).toEqual({ "Content-Security-Policy": "frame-ancestors *" });
    expect((await headersFor("/embed", "nonsense"))["Content-Security-Policy"]).toBe("frame-ancestors 'self'");
  });
});
