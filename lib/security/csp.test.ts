import { describe, expect, it } from "vitest";
import { createNonce, documentPolicy, parseCsp, RESOURCE_POLICY, serializePolicy } from "./csp";

describe("parseCsp", () => {
  it("splits policies, directives and sources; lower-cases names; keeps the first of a repeated directive", () => {
    const [a, b] = parseCsp(
      "Default-Src 'self';  script-src 'nonce-x' 'strict-dynamic' ;;script-src *, frame-ancestors 'none'",
    );
    expect([...a!.entries()]).toEqual([
      ["default-src", ["'self'"]],
      ["script-src", ["'nonce-x'", "'strict-dynamic'"]],
    ]);
    expect([...b!.entries()]).toEqual([["frame-ancestors", ["'none'"]]]);
    expect(parseCsp("")).toEqual([]);
  });

  it("reads back what serializePolicy writes", () => {
    const policy = documentPolicy({
      nonce: createNonce(),
      frameAncestors: "'self' https://docs.example.com",
    });
    const [parsed] = parseCsp(serializePolicy(policy));
    expect([...parsed!.entries()]).toEqual(policy.map(([name, sources]) => [name, [...sources]]));
    expect(parsed!.get("frame-ancestors")).toEqual(["'self'", "https://docs.example.com"]);
  });
});

describe("documentPolicy", () => {
  it("refuses a nonce that could smuggle a directive", () => {
    expect(() =>
      documentPolicy({ nonce: "abc'; script-src *", frameAncestors: "'self'" }),
    ).toThrow();
    expect(() => documentPolicy({ nonce: "", frameAncestors: "'self'" })).toThrow();
  });

  it("adds eval and the HMR socket only for next dev", () => {
    const [prod] = parseCsp(
      serializePolicy(documentPolicy({ nonce: "bm9uY2U=", frameAncestors: "'self'" })),
    );
    const [dev] = parseCsp(
      serializePolicy(
        documentPolicy({ nonce: "bm9uY2U=", frameAncestors: "'self'", development: true }),
      ),
    );
    expect(prod!.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(dev!.get("script-src")).toContain("'unsafe-eval'");
    expect(prod!.get("connect-src")).toEqual(["'self'"]);
    expect(dev!.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
  });

  it("the resource policy allows no inline code and no other origin", () => {
    const text = serializePolicy(RESOURCE_POLICY);
    expect(text).not.toMatch(/unsafe|\*|https?:/);
    expect(parseCsp(text)[0]!.get("default-src")).toEqual(["'none'"]);
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});
