/**
 * Contract of the sandbox `POST /api/widget/authenticate-user`, driven through
 * the real Next route module with plain `Request`s: every status it can answer.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
// The contract test drives the route module itself; lib code never imports app/.
// eslint-disable-next-line no-restricted-imports
import * as route from "@/app/api/widget/authenticate-user/route";
import { API_LANGUAGES } from "../config/languages";
import {
  SANDBOX_API_KEY,
  SANDBOX_AUDIENCE,
  SANDBOX_ISSUER,
  SANDBOX_LIMITS,
  SANDBOX_ORG_ID,
  sandboxSettingsFromEnv,
  TOKEN_LIFETIME_HEADER,
} from "./settings";
import { contactIdOf, verifySandboxToken } from "./token";
import { expectError, nextClientIp, readJson, sandboxRequest } from "./test-support/requests";
import { fakeKey } from "../secrets/test-support/fake-keys";

const { POST } = route;

async function issue(body: unknown, opts: Parameters<typeof sandboxRequest>[1] = {}) {
  const response = await POST(sandboxRequest(body, opts));
  expect(response.status).toBe(201);
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(response.headers.get("cache-control")).toBe("no-store");
  const json = (await readJson(response)) as { token: string; contact: { id: string } };
  expect(Object.keys(json).sort()).toEqual(["contact", "token"]);
  expect(Object.keys(json.contact)).toEqual(["id"]);
  const verified = await verifySandboxToken(json.token);
  if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
  expect(contactIdOf(verified.claims)).toBe(json.contact.id);
  return { ...json, claims: verified.claims };
}

const FULL_BODY = {
  email: "jane@example.com",
  name: "Jane Doe",
  avatar_url: "https://example.com/jane.png",
  phone: "+1234567890",
  language: "zh",
  customData: {
    plan: "enterprise",
    seats: 25,
    mrr: 1249.5,
    vip: true,
    manager: null,
    tags: ["a", { b: [1] }],
  },
  chat_context: "Jane is an admin.\nShe prefers short answers.",
  http_action_overrides: {
    query_params: { region: "eu", page: 2 },
    path_params: { org: "org_1" },
    body_params: { nested: { ok: true, list: [1, "two", null] } },
    headers: { "X-Tenant": "acme", "X-Debug": false },
  },
};

describe("201: a contact token", () => {
  it("answers 201 { token, contact: { id } } with a token that verifies and carries the claims", async () => {
    const { claims, contact } = await issue({
      email: "jane@example.com",
      name: "Jane Doe",
      customData: { plan: "pro" },
    });
    expect(contact.id).toMatch(/^ct_[0-9a-f]{32}$/);
    expect(claims.sub).toEqual({
      type: "widget-contact",
      payload: { org_id: SANDBOX_ORG_ID, contact: { id: contact.id, verified: true } },
    });
    expect(claims).toMatchObject({
      email: "jane@example.com",
      name: "Jane Doe",
      iss: SANDBOX_ISSUER,
      aud: SANDBOX_AUDIENCE,
      sandbox: true,
      customData: { plan: "pro" },
    });
    expect(typeof claims.iat).toBe("number");
    expect("exp" in claims).toBe(false);
  });

  it("accepts every documented field at once", async () => {
    const { claims } = await issue(FULL_BODY);
    expect(claims.customData).toEqual(FULL_BODY.customData);
  });

  it("with mcp_access (v5), puts it in the envelope and expires exactly one hour after iat", async () => {
    const { claims, contact } = await issue({
      ...FULL_BODY,
      mcp_access: { server_ids: ["github", "crm"], account_id: "acct_7" },
    });
    expect(claims.sub.payload).toEqual({
      org_id: SANDBOX_ORG_ID,
      contact: { id: contact.id, verified: true },
      mcp_access: { server_ids: ["github", "crm"], account_id: "acct_7" },
    });
    expect(claims.exp! - claims.iat).toBe(3600);
    const all = await issue({ email: "jane@example.com", mcp_access: {} });
    expect(all.claims.sub.payload.mcp_access).toEqual({ server_ids: ["*"] });
    expect(all.claims.exp! - all.claims.iat).toBe(3600);
    expect(all.contact.id).toBe(contact.id);
  });

  it(`takes the sandbox-only ${TOKEN_LIFETIME_HEADER} demo header to shorten an mcp_access token`, async () => {
    const { claims } = await issue(
      { email: "jane@example.com", mcp_access: {} },
      { headers: { [TOKEN_LIFETIME_HEADER]: "45" } },
    );
    expect(claims.exp! - claims.iat).toBe(45);
  });

  it("needs only email, and leaves name and customData out of the token when not sent", async () => {
    const { claims } = await issue({ email: "min@example.com" });
    expect(claims.email).toBe("min@example.com");
    expect("name" in claims).toBe(false);
    expect("customData" in claims).toBe(false);
  });

  it("gives the same contact id on every call and for emails differing only in case and outer spaces", async () => {
    const a = await issue({ email: "jane@example.com" });
    const b = await issue({ email: "jane@example.com", name: "Jane" });
    const c = await issue({ email: "  JANE@Example.COM " });
    const other = await issue({ email: "john@example.com" });
    expect(b.contact.id).toBe(a.contact.id);
    expect(c.contact.id).toBe(a.contact.id);
    expect(c.claims.email).toBe("JANE@Example.COM");
    expect(other.contact.id).not.toBe(a.contact.id);
  });

  it("accepts each of the API's 56 language codes", async () => {
    expect(API_LANGUAGES).toHaveLength(56);
    for (const language of API_LANGUAGES) await issue({ email: "l@example.com", language });
  });

  it("accepts avatar_url null, a charset, a lower-case bearer scheme and a utf-8 BOM-free UTF-8 body", async () => {
    await issue({ email: "n@example.com", avatar_url: null });
    await issue({ email: "n@example.com" }, { contentType: "application/json; charset=UTF-8" });
    await issue({ email: "n@example.com" }, { contentType: 'Application/JSON;charset="utf-8"' });
    await issue({ email: "n@example.com" }, { authorization: `bearer ${SANDBOX_API_KEY}` });
    await issue({ email: "zoë@example.com".replace("ë", "e"), name: "Zoë 中文 👩🏽‍💻" });
  });

  it("keeps a body of exactly 16 KB, and leaves customData over 1 KB out of the token", async () => {
    const base = JSON.stringify({ email: "big@example.com", customData: { blob: "" } });
    const blob = "x".repeat(
      Math.min(SANDBOX_LIMITS.stringValue, SANDBOX_LIMITS.maxBodyBytes - base.length),
    );
    const body = { email: "big@example.com", customData: { blob } };
    const padding = SANDBOX_LIMITS.maxBodyBytes - JSON.stringify(body).length;
    const text = JSON.stringify(body) + " ".repeat(Math.max(0, padding));
    expect(new TextEncoder().encode(text).byteLength).toBe(SANDBOX_LIMITS.maxBodyBytes);
    const { claims } = await issue(text);
    expect("customData" in claims).toBe(false);
  });
});

describe("401: the API key", () => {
  it("refuses a request without Authorization", async () => {
    const error = await expectError(
      await POST(sandboxRequest({ email: "a@example.com" }, { authorization: null })),
      401,
      "missing_authorization",
    );
    expect(error.message).toMatch(/Authorization/);
  });

  it.each([
    ["Basic dXNlcjpwYXNz", /Bearer scheme/],
    ["Bearer", /no key/],
    ["Bearer    ", /no key/],
    [SANDBOX_API_KEY, /Bearer scheme/],
    ["Bearer two words", /cannot contain/],
  ])("refuses a malformed header %j", async (authorization, message) => {
    const response = await POST(sandboxRequest({ email: "a@example.com" }, { authorization }));
    const error = await expectError(response, 401, "malformed_authorization");
    expect(error.message).toMatch(message);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
  });

  it("refuses another key as not the sandbox key, without echoing it", async () => {
    for (const key of [
      fakeKey("live", "EXAMPLE_NOT_A_KEY"),
      fakeKey("test", "abcdef"),
      "not-the-key",
      `${SANDBOX_API_KEY}x`,
    ]) {
      const response = await POST(
        sandboxRequest({ email: "a@example.com" }, { authorization: `Bearer ${key}` }),
      );
      const error = await expectError(response, 401, "invalid_api_key");
      expect(error.message).toMatch(/not the sandbox key/);
      expect(JSON.stringify(error)).not.toContain(key);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
  });

  it("warns when the key looks like a real OpenCX key", async () => {
    const response = await POST(
      sandboxRequest(
        { email: "a@example.com" },
        { authorization: `Bearer ${fakeKey("live", "secret123")}` },
      ),
    );
    expect((await expectError(response, 401)).message).toMatch(/real OpenCX key/);
  });

  it("checks the key before reading the body", async () => {
    const response = await POST(
      sandboxRequest("{not json", { authorization: null, contentType: "text/plain" }),
    );
    await expectError(response, 401);
  });
});

describe("405: only POST", () => {
  it.each(["GET", "PUT", "PATCH", "DELETE", "OPTIONS"] as const)(
    "answers %s with 405 and Allow: POST",
    async (method) => {
      const handler = route[method];
      const response = handler(sandboxRequest(method === "GET" ? undefined : {}, { method }));
      expect(response.headers.get("allow")).toBe("POST");
      expect((await expectError(response, 405, "method_not_allowed")).message).toContain(method);
    },
  );

  it("answers HEAD with 405, Allow: POST and no body", async () => {
    const response = route.HEAD(sandboxRequest(undefined, { method: "HEAD" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("");
  });

  it("answers 405 when the POST handler is given another method", async () => {
    const response = await POST(sandboxRequest({ email: "a@example.com" }, { method: "PUT" }));
    expect(response.headers.get("allow")).toBe("POST");
    await expectError(response, 405, "method_not_allowed");
  });
});

describe("413: bodies over 16 KB", () => {
  it("refuses a Content-Length over the limit without reading the body", async () => {
    const response = await POST(
      sandboxRequest('{"email":"a@example.com"}', {
        headers: { "content-length": String(SANDBOX_LIMITS.maxBodyBytes + 1) },
      }),
    );
    await expectError(response, 413, "payload_too_large");
  });

  it("refuses a body that is larger than its Content-Length says", async () => {
    const big = JSON.stringify({ email: "a@example.com", name: "x".repeat(20_000) });
    const response = await POST(sandboxRequest(big, { headers: { "content-length": "10" } }));
    await expectError(response, 413, "payload_too_large");
  });

  it("stops reading a streamed body soon after 16 KB", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1024;
        controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
      },
    });
    const headers = new Headers({
      authorization: `Bearer ${SANDBOX_API_KEY}`,
      "content-type": "application/json",
      "x-forwarded-for": nextClientIp(),
    });
    const request = new Request("http://127.0.0.1/api/widget/authenticate-user", {
      method: "POST",
      headers,
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expectError(await POST(request), 413, "payload_too_large");
    expect(pulled).toBeLessThan(SANDBOX_LIMITS.maxBodyBytes + 8 * 1024);
  });

  it("refuses a Content-Length that is not a number", async () => {
    const response = await POST(
      sandboxRequest({ email: "a@example.com" }, { headers: { "content-length": "12abc" } }),
    );
    await expectError(response, 400, "invalid_body");
  });
});

describe("415: JSON only", () => {
  it.each([
    null,
    "text/plain",
    "application/x-www-form-urlencoded",
    "application/jsonx",
    "application/json; charset=latin1",
    "multipart/form-data; boundary=x",
  ])("refuses Content-Type %j", async (contentType) => {
    await expectError(
      await POST(sandboxRequest({ email: "a@example.com" }, { contentType })),
      415,
      "unsupported_media_type",
    );
  });

  it("refuses a gzip body, and a plain body labelled gzip, saying to send it uncompressed", async () => {
    const json = JSON.stringify({ email: "a@example.com" });
    for (const [body, encoding] of [
      [new Uint8Array(gzipSync(json)), "gzip"],
      [json, "gzip"],
      [json, "br"],
      [json, "identity, deflate"],
    ] as const) {
      const error = await expectError(
        await POST(sandboxRequest(body, { headers: { "content-encoding": encoding } })),
        415,
        "unsupported_media_type",
      );
      expect(error.message).toContain("uncompressed");
    }
  });

  it("reads a body whose Content-Encoding is identity", async () => {
    const response = await POST(
      sandboxRequest({ email: "a@example.com" }, { headers: { "content-encoding": "Identity" } }),
    );
    expect(response.status).toBe(201);
  });
});

describe("400: the body", () => {
  it.each([
    ["{not json", "invalid_json"],
    ['{"email": "a@example.com",}', "invalid_json"],
    ["", "invalid_json"],
    ["   ", "invalid_json"],
    [new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "invalid_json"],
    ["[]", "invalid_body"],
    ["null", "invalid_body"],
    ['"jane@example.com"', "invalid_body"],
    ["42", "invalid_body"],
  ])("refuses %j as %s", async (body, code) => {
    const error = await expectError(await POST(sandboxRequest(body)), 400, code);
    expect(error.field).toBeUndefined();
  });

  it("does not quote the body in a JSON syntax error", async () => {
    const inBody = fakeKey("live", "inbody");
    const error = await expectError(
      await POST(sandboxRequest(`{"email": ${inBody}}`)),
      400,
      "invalid_json",
    );
    expect(error.message).not.toContain(inBody);
  });

  it("requires email", async () => {
    const error = await expectError(
      await POST(sandboxRequest({ name: "Jane" })),
      400,
      "missing_field",
    );
    expect(error.field).toBe("email");
  });

  const ok = { email: "jane@example.com" };
  it.each([
    [{ email: 42 }, "email"],
    [{ email: null }, "email"],
    [{ email: "not-an-email" }, "email"],
    [{ email: "" }, "email"],
    [{ email: `${"a".repeat(250)}@example.com` }, "email"],
    [{ ...ok, name: 7 }, "name"],
    [{ ...ok, name: null }, "name"],
    [{ ...ok, name: "x".repeat(SANDBOX_LIMITS.name + 1) }, "name"],
    [{ ...ok, avatar_url: 1 }, "avatar_url"],
    [{ ...ok, avatar_url: ["https://x"] }, "avatar_url"],
    [{ ...ok, phone: 1234567890 }, "phone"],
    [{ ...ok, language: "xx" }, "language"],
    [{ ...ok, language: "zh-cn" }, "language"],
    [{ ...ok, language: "EN" }, "language"],
    [{ ...ok, language: 3 }, "language"],
    [{ ...ok, customData: "plan=pro" }, "customData"],
    [{ ...ok, customData: ["pro"] }, "customData"],
    [{ ...ok, customData: null }, "customData"],
    [{ ...ok, customData: { "": 1 } }, "customData"],
    [
      { ...ok, customData: { ["k".repeat(SANDBOX_LIMITS.keyLength + 1)]: 1 } },
      `customData["${"k".repeat(40)}…"]`,
    ],
    [
      { ...ok, customData: { plan: { a: { b: { c: { d: { e: 1 } } } } } } },
      "customData.plan.a.b.c.d",
    ],
    [
      { ...ok, customData: { list: [1, 2, { deep: "x".repeat(SANDBOX_LIMITS.stringValue + 1) }] } },
      "customData.list[2].deep",
    ],
    [{ ...ok, chat_context: { text: "hi" } }, "chat_context"],
    [{ ...ok, http_action_overrides: "x" }, "http_action_overrides"],
    [
      { ...ok, http_action_overrides: { headers: { "Bad Header": "x" } } },
      'http_action_overrides.headers["Bad Header"]',
    ],
    [
      { ...ok, http_action_overrides: { headers: { "X-A": "a\r\nInjected: 1" } } },
      "http_action_overrides.headers.X-A",
    ],
    [
      { ...ok, http_action_overrides: { query_params: { q: { nested: 1 } } } },
      "http_action_overrides.query_params.q",
    ],
    [{ ...ok, http_action_overrides: { path_params: [1] } }, "http_action_overrides.path_params"],
    [{ ...ok, http_action_overrides: { body_params: 5 } }, "http_action_overrides.body_params"],
    [{ ...ok, mcp_access: "all" }, "mcp_access"],
    [{ ...ok, mcp_access: { server_ids: "github" } }, "mcp_access.server_ids"],
    [{ ...ok, mcp_access: { server_ids: ["*"] } }, "mcp_access.server_ids[0]"],
    [{ ...ok, mcp_access: { account_id: 1 } }, "mcp_access.account_id"],
  ])("refuses %j, naming %s", async (body, field) => {
    const error = await expectError(await POST(sandboxRequest(body)), 400, "invalid_field");
    expect(error.field).toBe(field);
    expect(error.message).toContain(field.split(/[.[]/)[0]);
  });

  it("explains widget-only language codes", async () => {
    const error = await expectError(
      await POST(sandboxRequest({ ...ok, language: "zh-cn" })),
      400,
      "invalid_field",
    );
    expect(error.message).toMatch(/"zh"/);
  });

  it("refuses a number too large to be finite", async () => {
    const error = await expectError(
      await POST(sandboxRequest('{"email":"a@example.com","customData":{"n":1e999}}')),
      400,
    );
    expect(error.field).toBe("customData.n");
  });

  it("refuses unknown top-level fields, naming them and suggesting the right spelling", async () => {
    const error = await expectError(
      await POST(sandboxRequest({ ...ok, custom_data: { plan: "pro" }, avatarUrl: "x" })),
      400,
      "unknown_field",
    );
    expect(error.field).toBe("custom_data");
    expect(error.message).toContain('"custom_data" (did you mean "customData"?)');
    expect(error.message).toContain('"avatarUrl" (did you mean "avatar_url"?)');
  });

  it(`refuses a bad ${TOKEN_LIFETIME_HEADER} before reading the body, naming the header`, async () => {
    const error = await expectError(
      await POST(sandboxRequest("{not json", { headers: { [TOKEN_LIFETIME_HEADER]: "7200" } })),
      400,
      "invalid_header",
    );
    expect(error.field).toBe(TOKEN_LIFETIME_HEADER);
    expect(error.message).toMatch(/only shorten/);
  });

  it("refuses unknown fields inside http_action_overrides", async () => {
    const error = await expectError(
      await POST(sandboxRequest({ ...ok, http_action_overrides: { queryParams: {} } })),
      400,
      "unknown_field",
    );
    expect(error.field).toBe("http_action_overrides.queryParams");
    expect(error.message).toContain('did you mean "query_params"');
  });

  it("treats a __proto__ key as an unknown field, and as a plain key inside customData", async () => {
    const unknown = await expectError(
      await POST(sandboxRequest('{"email":"a@example.com","__proto__":{"x":1}}')),
      400,
      "unknown_field",
    );
    expect(unknown.field).toBe("__proto__");
    const { claims } = await issue('{"email":"a@example.com","customData":{"__proto__":{"x":1}}}');
    expect(Object.getOwnPropertyNames(claims.customData)).toEqual(["__proto__"]);
  });
});

describe("429: rate limit", () => {
  const limit = sandboxSettingsFromEnv().rateLimitPerMinute;

  it.skipIf(limit === 0)(
    `allows ${limit} requests a minute per client, then 429 with Retry-After`,
    async () => {
      const clientIp = nextClientIp();
      for (let i = 0; i < limit; i++) {
        const response = await POST(
          sandboxRequest({ email: "a@example.com" }, { clientIp, authorization: null }),
        );
        expect(response.status).toBe(401);
      }
      const response = await POST(sandboxRequest({ email: "a@example.com" }, { clientIp }));
      const error = await expectError(response, 429, "rate_limited");
      expect(error.message).toContain(String(limit));
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Another client is unaffected.
      await issue({ email: "a@example.com" });
    },
  );

  it.skipIf(limit === 0)("counts clients by the first X-Forwarded-For address", async () => {
    const clientIp = nextClientIp();
    for (let i = 0; i < limit; i++) {
      await POST(
        sandboxRequest({}, { clientIp: `${clientIp}, 192.0.2.${i % 250}`, authorization: null }),
      );
    }
    await expectError(
      await POST(sandboxRequest({}, { clientIp: `${clientIp}, 198.51.100.1` })),
      429,
    );
  });
});
