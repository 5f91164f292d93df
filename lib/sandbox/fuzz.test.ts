/**
 * 1 000 fuzzed requests through the route module: valid bodies, one wrong field,
 * unknown fields, random JSON, random text and bytes, huge and deeply nested
 * bodies, odd headers and methods. Every answer is a 201 or a 4xx with the JSON
 * error shape; nothing throws, nothing is a 5xx. Where the input decides the
 * outcome (valid → 201, wrong field → 400 naming it) the test checks that too.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// The fuzz test drives the route module itself; lib code never imports app/.
// eslint-disable-next-line no-restricted-imports
import * as route from "@/app/api/widget/authenticate-user/route";
import { API_LANGUAGES } from "../config/languages";
import type { SandboxError } from "./errors";
import type { JsonValue } from "./json-value";
import { BODY_FIELDS, formatPath } from "./request-body";
import { SANDBOX_API_KEY, SANDBOX_LIMITS } from "./settings";
import { verifySandboxToken } from "./token";
import { ENDPOINT, nextClientIp } from "./test-support/requests";

const RUNS = 1000;
const METHODS = ["POST", "GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];

type Expectation =
  | { kind: "created"; email: string }
  | { kind: "error"; status: number; code?: string; field?: string }
  | { kind: "any" };

interface Scenario {
  label: string;
  method: Method;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  expect: Expectation;
}

const VALID_HEADERS = { authorization: `Bearer ${SANDBOX_API_KEY}`, "content-type": "application/json" };
const encoder = new TextEncoder();

// ---- valid bodies -------------------------------------------------------------

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9_+-]{1,16}(\.[a-z0-9_+-]{1,8})?$/),
    fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/), { minLength: 1, maxLength: 3 }),
    fc.stringMatching(/^[a-z]{2,6}$/),
    fc.boolean(),
    fc.constantFrom("", " ", "\t", "  "),
  )
  .map(([local, labels, tld, upper, pad]) => {
    const address = `${local}@${labels.join(".")}.${tld}`;
    return `${pad}${upper ? address.toUpperCase() : address}${pad}`;
  });

const key = fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 });
const leaf: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const { json } = fc.letrec<{ json: JsonValue }>((tie) => ({
  json: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    leaf,
    fc.array(tie("json"), { maxLength: 4 }),
    fc.dictionary(key, tie("json"), { maxKeys: 4 }),
  ),
}));
const scalar = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n\0]/g, "")),
  fc.integer(),
  fc.boolean(),
);
const headerName = fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/);

const validBody = fc.record(
  {
    email,
    name: fc.string({ unit: "grapheme", maxLength: 20 }),
    avatar_url: fc.oneof(fc.constant(null), fc.webUrl()),
    phone: fc.stringMatching(/^\+[0-9]{6,15}$/),
    language: fc.constantFrom(...API_LANGUAGES),
    customData: fc.dictionary(key, json, { maxKeys: 6 }),
    chat_context: fc.string({ unit: "grapheme", maxLength: 200 }),
    http_action_overrides: fc.record(
      {
        query_params: fc.dictionary(key, scalar, { maxKeys: 3 }),
        path_params: fc.dictionary(key, scalar, { maxKeys: 3 }),
        body_params: fc.dictionary(key, json, { maxKeys: 3 }),
        headers: fc.dictionary(headerName, scalar, { maxKeys: 3 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["email"] },
);

function createdOr413(body: { email: string }, text: string): Expectation {
  return encoder.encode(text).byteLength > SANDBOX_LIMITS.maxBodyBytes
    ? { kind: "error", status: 413, code: "payload_too_large" }
    : { kind: "created", email: body.email.trim() };
}

const validScenario = fc
  .tuple(validBody, fc.constantFrom("application/json", "application/json; charset=utf-8", "APPLICATION/JSON;Charset=UTF-8"))
  .map(([body, contentType]): Scenario => {
    const text = JSON.stringify(body);
    return {
      label: "valid",
      method: "POST",
      headers: { ...VALID_HEADERS, "content-type": contentType },
      body: text,
      expect: createdOr413(body, text),
    };
  });

// ---- one wrong field ----------------------------------------------------------

const notString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(leaf, { maxLength: 3 }),
  fc.dictionary(key, leaf, { maxKeys: 3 }),
);
const notObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(leaf, { maxLength: 3 }));
const WRONG: Record<(typeof BODY_FIELDS)[number], fc.Arbitrary<unknown>> = {
  email: fc.oneof(notString, fc.string({ maxLength: 40 }).filter((s) => !s.includes("@"))),
  name: fc.oneof(notString, fc.constant("n".repeat(SANDBOX_LIMITS.name + 1))),
  avatar_url: notString.filter((v) => v !== null),
  phone: notString,
  language: fc.oneof(
    notString,
    fc.string({ maxLength: 8 }).filter((s) => !(API_LANGUAGES as readonly string[]).includes(s)),
  ),
  customData: notObject,
  chat_context: fc.oneof(notString, fc.constant("c".repeat(SANDBOX_LIMITS.chatContext + 1))),
  http_action_overrides: notObject,
};
const wrongFieldScenario = fc
  .tuple(validBody, fc.constantFrom(...BODY_FIELDS))
  .chain(([body, field]) => WRONG[field].map((value) => ({ body: { ...body, [field]: value }, field })))
  .map(
    ({ body, field }): Scenario => ({
      label: `wrong ${field}`,
      method: "POST",
      headers: VALID_HEADERS,
      body: JSON.stringify(body),
      expect: { kind: "error", status: 400, code: "invalid_field", field },
    }),
  );

// ---- unknown field ------------------------------------------------------------

const unknownFieldScenario = fc
  .tuple(
    validBody,
    fc.string({ minLength: 1, maxLength: 30 }).filter((k) => !(BODY_FIELDS as readonly string[]).includes(k)),
    json,
  )
  .map(
    ([body, extra, value]): Scenario => ({
      label: "unknown field",
      method: "POST",
      headers: VALID_HEADERS,
      body: JSON.stringify({ ...body, [extra]: value }),
      expect: { kind: "error", status: 400, code: "unknown_field", field: formatPath([extra]) },
    }),
  );

// ---- random and hostile bodies --------------------------------------------------

const hugeString = fc
  .tuple(fc.integer({ min: 10_000, max: 60_000 }), fc.constantFrom("x", "é", "😀", '"', "\\u0000"))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));
const deepNesting = fc
  .tuple(fc.integer({ min: 1, max: 8000 }), fc.constantFrom("array", "object", "customData"))
  .map(([depth, kind]) => {
    if (kind === "array") return "[".repeat(depth) + "]".repeat(depth);
    const inner = '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
    return kind === "object" ? inner : `{"email":"a@example.com","customData":${inner}}`;
  });
const randomBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v) ?? ""),
  fc.json(),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.uint8Array({ maxLength: 400 }),
  hugeString,
  hugeString.map((s) => JSON.stringify({ email: "a@example.com", name: s })),
  deepNesting,
  fc.constantFrom("", "null", "[]", "{}", '{"email":null}', '{"email":"a@example.com"', "\ufeff{}", "1e999"),
);
const randomBodyScenario = randomBody.map(
  (body): Scenario => ({ label: "random body", method: "POST", headers: VALID_HEADERS, body, expect: { kind: "any" } }),
);

// ---- odd headers and methods -----------------------------------------------------

/** Header values a client can send: no CR, LF or NUL, Latin-1 only. */
const headerValue = fc
  .string({ unit: fc.integer({ min: 1, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 60 })
  .map((s) => s.replace(/[\r\n\0]/g, ""));
const authorization = fc.oneof(
  { weight: 3, arbitrary: fc.constant(`Bearer ${SANDBOX_API_KEY}`) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: headerValue },
  { weight: 1, arbitrary: headerValue.map((s) => `Bearer ${s}`) },
  { weight: 1, arbitrary: fc.constantFrom("Bearer sk_live_abc123", "Bearer sk_test_abc123", `Basic ${SANDBOX_API_KEY}`) },
);
const contentType = fc.oneof(
  { weight: 3, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: headerValue },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "text/plain",
      "application/json; charset=utf-16",
      "application/json;charset",
      "application/ld+json",
      "application/json, text/plain",
      ";",
      "multipart/form-data; boundary=----x",
    ),
  },
);
const contentLength = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.nat().map(String) },
  { weight: 1, arbitrary: fc.constantFrom("-1", "1e3", "99999999999999999999999", "0", "16385", "abc") },
);
const oddHeadersScenario = fc
  .record({
    method: fc.oneof({ weight: 3, arbitrary: fc.constant("POST" as Method) }, fc.constantFrom(...METHODS)),
    authorization,
    contentType,
    contentLength,
    forwardedFor: fc.option(headerValue, { nil: undefined }),
    body: fc.oneof(validBody.map((b) => JSON.stringify(b)), randomBody),
  })
  .map((r): Scenario => {
    const headers: Record<string, string> = {};
    if (r.authorization !== undefined) headers.authorization = r.authorization;
    if (r.contentType !== undefined) headers["content-type"] = r.contentType;
    if (r.contentLength !== undefined) headers["content-length"] = r.contentLength;
    if (r.forwardedFor !== undefined) headers["x-forwarded-for"] = r.forwardedFor;
    const hasBody = r.method !== "GET" && r.method !== "HEAD";
    return {
      label: "odd headers",
      method: r.method,
      headers,
      body: hasBody ? r.body : undefined,
      expect: r.method === "POST" ? { kind: "any" } : { kind: "error", status: 405, code: "method_not_allowed" },
    };
  });

const scenario = fc.oneof(
  { weight: 3, arbitrary: validScenario },
  { weight: 3, arbitrary: wrongFieldScenario },
  { weight: 1, arbitrary: unknownFieldScenario },
  { weight: 2, arbitrary: randomBodyScenario },
  { weight: 2, arbitrary: oddHeadersScenario },
);

// ---- running one ---------------------------------------------------------------

function toRequest(s: Scenario): Request {
  const headers = new Headers(s.headers);
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", nextClientIp());
  return new Request(ENDPOINT, { method: s.method, headers, body: s.body as BodyInit | undefined });
}

async function call(s: Scenario): Promise<Response> {
  const request = toRequest(s);
  // Dispatch as Next does: by method, to the route module's export.
  return s.method === "POST" ? route.POST(request) : route[s.method](request);
}

async function check(s: Scenario): Promise<void> {
  const response = await call(s);
  const status = response.status;
  expect(status === 201 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(response.headers.get("cache-control")).toBe("no-store");
  const text = await response.text();
  if (s.method === "HEAD") {
    expect(text).toBe("");
    expect(status).toBe(405);
    return;
  }
  const body = JSON.parse(text) as { token?: unknown; contact?: { id?: unknown }; error?: SandboxError };

  if (status === 201) {
    expect(typeof body.token).toBe("string");
    const verified = await verifySandboxToken(body.token);
    if (!verified.valid) throw new Error(`issued token does not verify: ${verified.reason}`);
    expect(verified.claims.sub).toBe(body.contact?.id);
    if (s.expect.kind === "created") expect(verified.claims.email).toBe(s.expect.email);
  } else {
    const error = body.error;
    expect(error).toBeDefined();
    if (!error) return;
    expect(error.status).toBe(status);
    expect(error.code).toMatch(/^[a-z_]+$/);
    expect(typeof error.message).toBe("string");
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toContain("sk_live_");
    expect(error.message).not.toContain("sk_test_");
    if (error.field !== undefined) expect(typeof error.field).toBe("string");
  }

  const e = s.expect;
  if (e.kind === "created") expect(status, JSON.stringify(body)).toBe(201);
  if (e.kind === "error") {
    expect(status, JSON.stringify(body)).toBe(e.status);
    if (e.code) expect(body.error?.code).toBe(e.code);
    if (e.field) expect(body.error?.field).toBe(e.field);
  }
}

describe("fuzzed requests", () => {
  it(`answers ${RUNS} random requests with 201 or a JSON 4xx, never a 5xx or a throw`, async () => {
    const labels = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const kind = s.label.split(" ")[0] ?? s.label;
        labels.set(kind, (labels.get(kind) ?? 0) + 1);
        await check(s);
      }),
      { numRuns: RUNS },
    );
    // Every kind of scenario ran a fair number of times.
    for (const kind of ["valid", "wrong", "unknown", "random", "odd"]) {
      expect(labels.get(kind) ?? 0, kind).toBeGreaterThan(RUNS / 40);
    }
  });
});
