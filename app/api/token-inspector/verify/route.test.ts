import { SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  issueSandboxToken,
  SANDBOX_API_KEY,
  SANDBOX_AUDIENCE,
  SANDBOX_ISSUER,
  SANDBOX_ORG_ID,
  sandboxSecretFromEnv,
} from "@/lib/sandbox";
import { fakeJwt, fakeKey } from "@/lib/secrets/test-support/fake-keys";
import { createVerifyHandler, MAX_VERIFY_BODY_BYTES } from "@/lib/tokens/verify-handler";
import { POST } from "./route";

const URL_ = "http://127.0.0.1:3000/api/token-inspector/verify";
const encoder = new TextEncoder();
/** A JWT-shaped token signed by nobody, and an org API key: both fake, built at run time. */
const JWT = fakeJwt({ alg: "HS256" }, { sub: "1" }, "sig");
const ORG_KEY = fakeKey("live", "fake_abcdef123456");

function post(
  body: BodyInit | null,
  headers: Record<string, string> = { "Content-Type": "application/json" },
): Request {
  return new Request(URL_, { method: "POST", headers, body });
}
const postJson = (value: unknown) => post(JSON.stringify(value));

async function call(request: Request) {
  const response = await POST(request);
  const text = await response.text();
  return {
    response,
    text,
    body: JSON.parse(text) as {
      verified: boolean;
      reason?: string;
      claims?: Record<string, unknown>;
      error?: string;
    },
  };
}

async function sign(
  claims: Record<string, unknown>,
  secret = sandboxSecretFromEnv(),
  alg = "HS256",
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: "JWT" }).sign(encoder.encode(secret));
}

const logSpies: ReturnType<typeof vi.spyOn>[] = [];
beforeEach(() => {
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    logSpies.push(vi.spyOn(console, method).mockImplementation(() => undefined));
  }
});
afterEach(() => {
  for (const spy of logSpies.splice(0)) {
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  }
});

describe("POST /api/token-inspector/verify: signature checks", () => {
  it("verifies a token issued by the sandbox and returns its claims", async () => {
    const { token, contactId } = await issueSandboxToken(
      { email: "jane@example.com", name: "Zoë" },
      { secret: sandboxSecretFromEnv(), now: () => Date.UTC(2025, 0, 1) },
    );
    const { response, body } = await call(postJson({ token }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(body.verified).toBe(true);
    expect(body.claims).toMatchObject({
      sub: {
        type: "widget-contact",
        payload: { org_id: SANDBOX_ORG_ID, contact: { id: contactId, verified: true } },
      },
      email: "jane@example.com",
      name: "Zoë",
      iss: SANDBOX_ISSUER,
      aud: SANDBOX_AUDIENCE,
      sandbox: true,
    });
    expect(body.reason).toBeUndefined();
  });

  it("says an expired mcp_access token from the sandbox has expired", async () => {
    const { token } = await issueSandboxToken(
      { email: "jane@example.com", mcp_access: { server_ids: ["github"] } },
      { secret: sandboxSecretFromEnv(), now: () => Date.UTC(2025, 0, 1) },
    );
    const { body } = await call(postJson({ token }));
    expect(body).toEqual({ verified: false, reason: "The token has expired." });
  });

  it("says why a token signed with another secret is not the sandbox's", async () => {
    const token = await sign(
      {
        sub: "ct_x",
        email: "a@b.c",
        iss: SANDBOX_ISSUER,
        aud: SANDBOX_AUDIENCE,
        iat: 1,
        sandbox: true,
      },
      "some-other-secret-that-is-long-enough",
    );
    const { response, body, text } = await call(postJson({ token }));
    expect(response.status).toBe(200);
    expect(body).toEqual({ verified: false, reason: expect.stringMatching(/signature/i) });
    expect(text).not.toContain(token);
  });

  it("rejects the sandbox secret with the wrong issuer", async () => {
    const token = await sign({
      sub: "ct_x",
      email: "a@b.c",
      iss: "someone-else",
      aud: SANDBOX_AUDIENCE,
      iat: 1,
      sandbox: true,
    });
    const { body } = await call(postJson({ token }));
    expect(body.verified).toBe(false);
    expect(body.reason).toMatch(/issuer|audience/);
  });

  it("rejects an unsigned (alg: none) token", async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const token = `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: "ct_x", iss: SANDBOX_ISSUER, aud: SANDBOX_AUDIENCE })}.`;
    const { response, body } = await call(postJson({ token }));
    expect(response.status).toBe(200);
    expect(body.verified).toBe(false);
    expect(typeof body.reason).toBe("string");
  });
});

describe("POST /api/token-inspector/verify: only JWTs", () => {
  it.each([
    ["an org API key", ORG_KEY],
    ["the sandbox API key", SANDBOX_API_KEY],
    ["a widget token", "wt_3f9a2c7e"],
    ["a JWT with a Bearer prefix", `Bearer ${JWT}`],
    ["a JWT with surrounding spaces", ` ${JWT} `],
    ["two parts", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0"],
    ["an empty string", ""],
  ])("refuses %s with 400 and does not repeat it", async (_, token) => {
    const { response, body, text } = await call(postJson({ token }));
    expect(response.status).toBe(400);
    expect(body.verified).toBe(false);
    expect(body.error).toBe("not_a_jwt");
    if (token.trim() !== "") expect(text).not.toContain(token.trim());
  });

  it.each([
    ["no token", {}],
    ["a number", { token: 42 }],
    ["extra fields", { token: JWT, apiKey: ORG_KEY }],
    ["an array", [JWT]],
    ["null", null],
  ])("refuses a body with %s", async (_, value) => {
    const { response, body, text } = await call(postJson(value));
    expect(response.status).toBe(400);
    expect(body.error).toBe("invalid_body");
    expect(text).not.toContain("sk_live");
  });
});

describe("POST /api/token-inspector/verify: transport", () => {
  it("refuses invalid JSON without quoting it", async () => {
    const { response, body, text } = await call(post(`{"token": "${ORG_KEY}"`));
    expect(response.status).toBe(400);
    expect(body.error).toBe("invalid_json");
    expect(text).not.toContain("sk_live");
  });

  it.each([
    ["text/plain", { "Content-Type": "text/plain" }],
    ["no content type", {}],
    ["form data", { "Content-Type": "application/x-www-form-urlencoded" }],
    ["another charset", { "Content-Type": "application/json; charset=latin1" }],
  ])("accepts JSON only (%s → 415)", async (_, headers) => {
    const { response, body } = await call(post(JSON.stringify({ token: JWT }), headers));
    expect(response.status).toBe(415);
    expect(body.error).toBe("unsupported_media_type");
  });

  it("accepts application/json; charset=utf-8", async () => {
    const { response } = await call(
      post(JSON.stringify({ token: JWT }), {
        "Content-Type": "Application/JSON; charset=UTF-8",
      }),
    );
    expect(response.status).toBe(200);
  });

  it("refuses bodies over 8 KB, by Content-Length or by reading", async () => {
    const big = JSON.stringify({ token: `eyJ${"A".repeat(MAX_VERIFY_BODY_BYTES)}.a.b` });
    const byLength = await call(
      post(big, { "Content-Type": "application/json", "Content-Length": String(big.length) }),
    );
    expect(byLength.response.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i += 1) controller.enqueue(encoder.encode("x".repeat(1024)));
        controller.close();
      },
    });
    const streamed = await call(
      new Request(URL_, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.response.status).toBe(413);
    expect(streamed.body.error).toBe("payload_too_large");
  });

  it("accepts a body of exactly 8 KB", async () => {
    const prefix = `{"token":"${fakeJwt({ alg: "HS256" }, { sub: "1" }, "")}`;
    const body = `${prefix}${"c".repeat(MAX_VERIFY_BODY_BYTES - prefix.length - 2)}"}`;
    expect(encoder.encode(body).byteLength).toBe(MAX_VERIFY_BODY_BYTES);
    const { response } = await call(post(body));
    expect(response.status).toBe(200);
  });

  it("refuses a malformed Content-Length and invalid UTF-8", async () => {
    const bad = await call(
      post("{}", { "Content-Type": "application/json", "Content-Length": "abc" }),
    );
    expect(bad.response.status).toBe(400);
    const latin = await call(post(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])));
    expect(latin.response.status).toBe(400);
  });

  it("answers other methods with 405 and Allow: POST", async () => {
    const handler = createVerifyHandler();
    const response = await handler(
      new Request(URL_, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("passes the bare token to the check", async () => {
    const seen: string[] = [];
    const handler = createVerifyHandler({
      verify: async (token) => {
        seen.push(token);
        return { valid: false, reason: "nope" };
      },
    });
    const token = JWT;
    const response = await handler(postJson({ token }));
    expect(await response.json()).toEqual({ verified: false, reason: "nope" });
    expect(seen).toEqual([token]);
  });
});
