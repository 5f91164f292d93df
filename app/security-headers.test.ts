/**
 * Every response's headers as the server assembles them: next.config.js
 * `headers()` (matched the way Next matches them, with its own path-to-regexp)
 * plus, where proxy.ts's matcher applies, the policy the proxy sets. The real
 * server's headers are checked end to end in e2e/security-headers.spec.ts.
 */
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config as proxyConfig, proxy } from "../proxy";
import { parseCsp, RESOURCE_POLICY, serializePolicy } from "../lib/security/csp";

const require = createRequire(import.meta.url);

interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}
const nextConfig = require("../next.config.js") as { headers: () => Promise<HeaderRule[]> };
// Next's own compilers for `headers()` sources and proxy matchers.
const { buildCustomRoute } = require("next/dist/lib/build-custom-route") as {
  buildCustomRoute: (type: "header", rule: HeaderRule) => { regex: string };
};
const { getMiddlewareMatchers } = require("next/dist/build/analysis/get-page-static-info") as {
  getMiddlewareMatchers: (matcher: string[], config: object) => { regexp: string }[];
};
const proxyMatchers = getMiddlewareMatchers(proxyConfig.matcher, { basePath: "", i18n: null }).map(
  (m) => new RegExp(m.regexp),
);

interface Assembled {
  headers: Record<string, string>;
  /** Who set the Content-Security-Policy. */
  cspFrom: ("config" | "proxy")[];
}

/** The headers a response to `path` gets: later rules override earlier ones, as in Next; the proxy's last. */
async function headersFor(path: string, allowed?: string): Promise<Assembled> {
  vi.stubEnv("EMBED_ALLOWED_ORIGINS", allowed);
  const headers: Record<string, string> = {};
  const cspFrom: Assembled["cspFrom"] = [];
  for (const rule of await nextConfig.headers()) {
    if (!new RegExp(buildCustomRoute("header", rule).regex).test(path)) continue;
    for (const { key, value } of rule.headers) {
      headers[key.toLowerCase()] = value;
      if (key.toLowerCase() === "content-security-policy") cspFrom.push("config");
    }
  }
  if (proxyMatchers.some((matcher) => matcher.test(path))) {
    const response = proxy(new NextRequest(new URL(path, "http://127.0.0.1:3000")));
    const csp = response.headers.get("content-security-policy");
    if (csp) {
      headers["content-security-policy"] = csp;
      cspFrom.push("proxy");
    }
  }
  return { headers, cspFrom };
}

const directive = (headers: Record<string, string>, name: string) =>
  parseCsp(headers["content-security-policy"] ?? "")[0]
    ?.get(name)
    ?.join(" ");

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const PAGES = [
  "/",
  "/embedded",
  "/previews",
  "/no-such-page",
  "/embed.js",
  "/icon.svg",
  "/apis",
  "/_nextx",
  "/x/api",
];
const RESOURCES = [
  "/api",
  "/api/widget/authenticate-user",
  "/api/demo-backend/contact-token",
  "/_next/static/chunks/a.js",
  "/_next/image",
];
const FRAMABLE = ["/embed", "/preview", "/preview/x", "/embed/"];

describe("security headers", () => {
  it.each([...PAGES, ...RESOURCES, ...FRAMABLE])(
    "%s: one policy, from exactly one of config and proxy",
    async (path) => {
      const { headers, cspFrom } = await headersFor(path);
      expect(cspFrom).toHaveLength(1);
      expect(parseCsp(headers["content-security-policy"]!)).toHaveLength(1);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("same-origin");
    },
  );

  it.each(PAGES)("%s: the proxy's nonce policy; framed by this origin only", async (path) => {
    const { headers, cspFrom } = await headersFor(path);
    expect(cspFrom).toEqual(["proxy"]);
    expect(directive(headers, "script-src")).toMatch(
      /^'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/,
    );
    expect(directive(headers, "frame-ancestors")).toBe("'self'");
    expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it.each(RESOURCES)("%s: the resource policy from next.config.js", async (path) => {
    const { headers, cspFrom } = await headersFor(path);
    expect(cspFrom).toEqual(["config"]);
    expect(headers["content-security-policy"]).toBe(serializePolicy(RESOURCE_POLICY));
    expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("a fresh nonce for every response", async () => {
    const nonces = new Set<string | undefined>();
    for (let i = 0; i < 20; i++)
      nonces.add(directive((await headersFor("/")).headers, "script-src"));
    expect(nonces.size).toBe(20);
  });

  it("no 'unsafe-eval' in production; next dev gets it and the HMR socket", async () => {
    expect(directive((await headersFor("/")).headers, "script-src")).not.toContain("'unsafe-eval'");
    vi.stubEnv("NODE_ENV", "development");
    const response = proxy(new NextRequest("http://127.0.0.1:3000/"));
    const policy = parseCsp(response.headers.get("content-security-policy")!)[0]!;
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("connect-src")).toContain("ws:");
  });

  it("hands Next the same policy on the request, and the nonce as x-nonce", () => {
    const response = proxy(new NextRequest("http://127.0.0.1:3000/"));
    const policy = response.headers.get("content-security-policy")!;
    // NextResponse.next({ request: { headers } }) passes request headers as x-middleware-request-*.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    const nonce = response.headers.get("x-middleware-request-x-nonce");
    expect(policy).toContain(`'nonce-${nonce}'`);
  });
});

describe("framing (docs/embed.md)", () => {
  it.each(FRAMABLE)(
    "%s may be framed by any site by default, without X-Frame-Options",
    async (path) => {
      for (const allowed of [undefined, ""]) {
        const { headers } = await headersFor(path, allowed);
        expect(directive(headers, "frame-ancestors")).toBe("*");
        expect(headers["x-frame-options"]).toBeUndefined();
      }
    },
  );

  it("lists the configured origins for /embed and /preview alike, plus this origin", async () => {
    const allowed =
      " https://docs.example.com,https://*.example.org  http://localhost:4000/ HTTPS://Docs.Example.com";
    const expected = "'self' https://docs.example.com https://*.example.org http://localhost:4000";
    expect(directive((await headersFor("/embed", allowed)).headers, "frame-ancestors")).toBe(
      expected,
    );
    expect(directive((await headersFor("/preview", allowed)).headers, "frame-ancestors")).toBe(
      expected,
    );
    expect(directive((await headersFor("/", allowed)).headers, "frame-ancestors")).toBe("'self'");
  });

  it("drops anything that is not an origin, so the variable cannot add a directive", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const hostile =
      "https://ok.example; script-src https://x.example/path 'unsafe-inline' javascript: 'none'";
    const { headers } = await headersFor("/embed", hostile);
    expect(directive(headers, "frame-ancestors")).toBe("'self'");
    expect(directive(headers, "script-src")).not.toContain("x.example");
    expect(parseCsp(headers["content-security-policy"]!)).toHaveLength(1);
    expect(warn).toHaveBeenCalled();
    expect(
      directive(
        (await headersFor("/embed", "https://docs.example.com *")).headers,
        "frame-ancestors",
      ),
    ).toBe("*");
    expect(directive((await headersFor("/embed", "nonsense")).headers, "frame-ancestors")).toBe(
      "'self'",
    );
  });
});
