/**
 * The response headers of the production server (`next start`), read from the
 * wire: the Content-Security-Policy directive by directive (parsed, never
 * compared whole), and the headers around it. docs/security.md says why each
 * directive is what it is.
 */
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { parseCsp } from "../lib/security/csp";
import { expect, test } from "./support/fixtures";

/** Every source any policy of this app may name: keywords and this origin's schemes, never a host. */
const ALLOWED_SOURCES = new Set([
  "'self'",
  "'none'",
  "'strict-dynamic'",
  "'unsafe-inline'", // style-src only: checked below
  "data:", // img-src and font-src only: checked below
  "blob:", // img-src and worker-src only: checked below
  "*", // frame-ancestors of /embed and /preview only: checked below
]);
const NONCE = /^'nonce-([A-Za-z0-9+/]+={0,2})'$/;

function single(response: APIResponse, path: string): Map<string, string[]> {
  const header = response.headers()["content-security-policy"];
  expect(header, `${path}: Content-Security-Policy`).toBeTruthy();
  const policies = parseCsp(header!);
  expect(policies, `${path}: one policy`).toHaveLength(1);
  return policies[0]!;
}

function sources(policy: Map<string, string[]>, directive: string): string[] {
  const list = policy.get(directive);
  expect(list, `directive ${directive}`).toBeDefined();
  return list!;
}

/** No host anywhere; the permissive sources only where they belong. */
function expectOnlyKnownSources(policy: Map<string, string[]>, path: string): void {
  for (const [directive, list] of policy) {
    for (const source of list) {
      const known =
        ALLOWED_SOURCES.has(source) || (directive === "script-src" && NONCE.test(source));
      expect(known, `${path}: ${directive} ${source}`).toBe(true);
      if (source === "'unsafe-inline'")
        expect(directive, `${path}: 'unsafe-inline'`).toBe("style-src");
      if (source === "data:")
        expect(["img-src", "font-src"], `${path}: data: in ${directive}`).toContain(directive);
      if (source === "blob:")
        expect(["img-src", "worker-src"], `${path}: blob: in ${directive}`).toContain(directive);
      if (source === "*") expect(directive, `${path}: * in ${directive}`).toBe("frame-ancestors");
    }
  }
  expect(policy.has("unsafe-eval"), path).toBe(false);
}

function expectCommonHeaders(
  response: APIResponse,
  path: string,
  { framable }: { framable: boolean },
): void {
  const headers = response.headers();
  expect(headers["x-content-type-options"], `${path}: nosniff`).toBe("nosniff");
  expect(headers["referrer-policy"], `${path}: Referrer-Policy`).toBe("same-origin");
  expect(headers["x-frame-options"], `${path}: X-Frame-Options`).toBe(
    framable ? undefined : "SAMEORIGIN",
  );
  expect(headers["x-powered-by"], `${path}: X-Powered-By`).toBeUndefined();
}

/** A page's policy; returns its nonce. */
function expectDocumentPolicy(
  response: APIResponse,
  path: string,
  frameAncestors: string[],
): string {
  const policy = single(response, path);
  expectOnlyKnownSources(policy, path);
  expect(sources(policy, "default-src")).toEqual(["'self'"]);
  const script = sources(policy, "script-src");
  expect(script).toContain("'strict-dynamic'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  const nonces = script.map((s) => NONCE.exec(s)?.[1]).filter((n): n is string => n !== undefined);
  expect(nonces, `${path}: one nonce`).toHaveLength(1);
  expect(
    Buffer.from(nonces[0]!, "base64").length,
    `${path}: nonce bits / 8`,
  ).toBeGreaterThanOrEqual(16);
  expect(sources(policy, "style-src").sort()).toEqual(["'self'", "'unsafe-inline'"]);
  expect(sources(policy, "connect-src")).toEqual(["'self'"]);
  expect(sources(policy, "worker-src").sort()).toEqual(["'self'", "blob:"]);
  expect(sources(policy, "frame-src")).toEqual(["'self'"]);
  expect(sources(policy, "object-src")).toEqual(["'none'"]);
  expect(sources(policy, "base-uri")).toEqual(["'none'"]);
  expect(sources(policy, "form-action")).toEqual(["'self'"]);
  expect(sources(policy, "frame-ancestors")).toEqual(frameAncestors);
  return nonces[0]!;
}

/** Every <script> element of the HTML carries the response's nonce (the browser runs no other). */
async function expectScriptsNonced(
  response: APIResponse,
  nonce: string,
  path: string,
): Promise<string[]> {
  const html = await response.text();
  const tags = html.match(/<script\b[^>]*>/gi) ?? [];
  expect(tags.length, `${path}: scripts`).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)].map((m) => m[1]!);
}

const get = (request: APIRequestContext, path: string) => request.get(path, { maxRedirects: 0 });

test.describe("production response headers", () => {
  for (const { path, frameAncestors, status } of [
    { path: "/", frameAncestors: ["'self'"], status: 200 },
    { path: "/embed", frameAncestors: ["*"], status: 200 },
    { path: "/embed?panels=preview&theme=dark", frameAncestors: ["*"], status: 200 },
    { path: "/preview", frameAncestors: ["*"], status: 200 },
    { path: "/no-such-page", frameAncestors: ["'self'"], status: 404 },
  ]) {
    test(`page ${path}: a nonce policy, nothing inline or remote`, async ({ request }) => {
      const first = await get(request, path);
      expect(first.status()).toBe(status);
      expectCommonHeaders(first, path, { framable: frameAncestors[0] === "*" });
      const nonce = expectDocumentPolicy(first, path, frameAncestors);
      await expectScriptsNonced(first, nonce, path);
      // Fresh for every response.
      const second = await get(request, path);
      expect(expectDocumentPolicy(second, path, frameAncestors)).not.toBe(nonce);
    });
  }

  test("an API route and static assets: the resource policy", async ({ request }) => {
    const api = await request.post("/api/demo-backend/contact-token", {
      data: { email: "jane@example.com" },
    });
    expect(api.status()).toBe(201);
    const page = await get(request, "/");
    const nonce = expectDocumentPolicy(page, "/", ["'self'"]);
    const chunk = (await expectScriptsNonced(page, nonce, "/")).find((src) =>
      src.startsWith("/_next/static/"),
    );
    expect(chunk, "a static chunk on /").toBeDefined();
    const checked: [string, APIResponse][] = [
      ["POST /api/demo-backend/contact-token", api],
      ["GET /api/widget/authenticate-user", await get(request, "/api/widget/authenticate-user")],
      [chunk!, await get(request, chunk!)],
    ];
    for (const [path, response] of checked) {
      expectCommonHeaders(response, path, { framable: false });
      const policy = single(response, path);
      expectOnlyKnownSources(policy, path);
      expect(sources(policy, "default-src"), path).toEqual(["'none'"]);
      // A worker script runs under its own response's policy: its chunks and its fetches, this origin only.
      expect(sources(policy, "script-src"), path).toEqual(["'self'"]);
      expect(sources(policy, "connect-src"), path).toEqual(["'self'"]);
      expect(sources(policy, "base-uri"), path).toEqual(["'none'"]);
      expect(sources(policy, "frame-ancestors"), path).toEqual(["'self'"]);
    }
    // Public files (the embed's host script, the icon) are served past the proxy's policy: same rules.
    for (const path of ["/embed.js", "/icon.svg"]) {
      const response = await get(request, path);
      expect(response.status(), path).toBe(200);
      expectCommonHeaders(response, path, { framable: false });
      const policy = single(response, path);
      expectOnlyKnownSources(policy, path);
      expect(sources(policy, "frame-ancestors"), path).toEqual(["'self'"]);
      expect(sources(policy, "object-src"), path).toEqual(["'none'"]);
    }
  });
});
