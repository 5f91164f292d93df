/**
 * 10 000 fuzzed requests through the route module: valid bodies, one wrong field,
 * unknown fields, random JSON, random text and bytes, huge and deeply nested
 * bodies, odd headers and methods, and the transport around the body:
 * Content-Type and charset spellings, Authorization spellings, Content-Encoding
 * (gzip bodies and false gzip claims), a UTF-8 BOM, invalid UTF-8, UTF-16,
 * bodies of exactly the size limit and one byte over, and chunked (streamed)
 * bodies, some of them interrupted. v5's `mcp_access` (domain-v5.md §10.4) is in the valid
 * bodies, in wrong shapes at every level, and beside the sandbox-only demo lifetime header.
 * Every answer is a 201 or a 4xx with the JSON error shape; nothing throws, nothing is a 5xx.
 * Where the input decides the outcome (valid → 201, wrong field → 400 naming it, gzip → 415,
 * …) the test checks that too, and every 201's token is checked: the `widget-contact`
 * envelope, `mcp_access` as sent (`{}` → `server_ids: ["*"]`), and `exp - iat` exactly 3600
 * (or the demo lifetime) with `mcp_access`, no `exp` without. The counts of statuses are printed.
 */
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// The fuzz test drives the route module itself; lib code never imports app/.
// eslint-disable-next-line no-restricted-imports
import * as route from "@/app/api/widget/authenticate-user/route";
import { API_LANGUAGES } from "../config/languages";
import type { SandboxError } from "./errors";
import type { JsonValue } from "./json-value";
import { BODY_FIELDS, formatPath } from "./request-body";
import { SANDBOX_API_KEY, SANDBOX_LIMITS, SANDBOX_ORG_ID, TOKEN_LIFETIME_HEADER } from "./settings";
import { contactIdOf, verifySandboxToken, type TokenMcpAccess } from "./token";
import { fakeKey } from "../secrets/test-support/fake-keys";
import { ENDPOINT, nextClientIp } from "./test-support/requests";

const RUNS = 10_000;
const METHODS = ["POST", "GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
/** Methods the route does not export: Next answers them itself; here they go to GET, like the node:http adapter's. */
const OTHER_METHODS = ["PURGE", "PROPFIND", "post"] as const;
type Method = (typeof METHODS)[number] | (typeof OTHER_METHODS)[number];

type Expectation =
  | {
      kind: "created";
      email: string;
      /** When set: the token's `sub.payload.mcp_access` (`null`: none, and no `exp`) and `exp - iat`. */
      token?: { mcpAccess: TokenMcpAccess | null; lifetime: number | null };
    }
  | { kind: "error"; status: number; code?: string; field?: string }
  | { kind: "any" };

interface Scenario {
  label: string;
  method: Method;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Send the body as a stream in these chunk sizes (chunked, no Content-Length); `fail` breaks it off. */
  stream?: { sizes: number[]; fail?: boolean; textChunk?: boolean };
  expect: Expectation;
}

const VALID_HEADERS = {
  authorization: `Bearer ${SANDBOX_API_KEY}`,
  "content-type": "application/json",
};
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
    mcp_access: fc.record(
      {
        server_ids: fc.array(
          fc.string({ minLength: 1, maxLength: 20 }).filter((id) => id !== "*"),
          { maxLength: 4 },
        ),
        account_id: fc.string({ minLength: 1, maxLength: 20 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["email"] },
);

type ValidBody = typeof validBody extends fc.Arbitrary<infer T> ? T : never;

/** What the token must say about a valid body's `mcp_access`; `lifetime` is the demo header's value. */
function expectedToken(
  body: ValidBody,
  lifetime: number | null = null,
): { mcpAccess: TokenMcpAccess | null; lifetime: number | null } {
  const access = body.mcp_access;
  if (access === undefined) return { mcpAccess: null, lifetime: null };
  // The sandbox writes the all-servers grant ({}) as ["*"] (settings.ts, ALL_SERVERS_ID).
  const mcpAccess: TokenMcpAccess = { server_ids: access.server_ids ?? ["*"] };
  if (access.account_id !== undefined) mcpAccess.account_id = access.account_id;
  return { mcpAccess, lifetime: lifetime ?? 3600 };
}

function createdOr413(body: ValidBody, text: string, lifetime: number | null = null): Expectation {
  return encoder.encode(text).byteLength > SANDBOX_LIMITS.maxBodyBytes
    ? { kind: "error", status: 413, code: "payload_too_large" }
    : { kind: "created", email: body.email.trim(), token: expectedToken(body, lifetime) };
}

const validScenario = fc
  .tuple(
    validBody,
    fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "APPLICATION/JSON;Charset=UTF-8",
    ),
  )
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
const notObject = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(leaf, { maxLength: 3 }),
);
const WRONG: Record<(typeof BODY_FIELDS)[number], fc.Arbitrary<unknown>> = {
  email: fc.oneof(
    notString,
    fc.string({ maxLength: 40 }).filter((s) => !s.includes("@")),
  ),
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
  // Wrong shapes inside mcp_access name a nested field: mcp-access.test.ts covers them.
  mcp_access: notObject,
};
const wrongFieldScenario = fc
  .tuple(validBody, fc.constantFrom(...BODY_FIELDS))
  .chain(([body, field]) =>
    WRONG[field].map((value) => ({ body: { ...body, [field]: value }, field })),
  )
  .map(({ body, field }): Scenario => ({
    label: `wrong ${field}`,
    method: "POST",
    headers: VALID_HEADERS,
    body: JSON.stringify(body),
    expect: { kind: "error", status: 400, code: "invalid_field", field },
  }));

// ---- a wrong shape inside mcp_access --------------------------------------------

const serverId = fc.string({ minLength: 1, maxLength: 20 }).filter((id) => id !== "*");
const badServerId = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("", "*", "s".repeat(SANDBOX_LIMITS.serverId + 1)),
);
/** `[mcp_access, the field the 400 must name, its code]`. */
const wrongMcpAccess: fc.Arbitrary<[unknown, string, string]> = fc.oneof(
  fc
    .oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(key, leaf))
    .map((v): [unknown, string, string] => [
      { server_ids: v },
      "mcp_access.server_ids",
      "invalid_field",
    ]),
  fc
    .tuple(fc.array(serverId, { maxLength: 3 }), badServerId, fc.array(serverId, { maxLength: 3 }))
    .map(([before, bad, after]): [unknown, string, string] => [
      { server_ids: [...before, bad, ...after] },
      `mcp_access.server_ids[${before.length}]`,
      "invalid_field",
    ]),
  fc.constant<[unknown, string, string]>([
    { server_ids: Array.from({ length: SANDBOX_LIMITS.serverIds + 1 }, (_, i) => `s${i}`) },
    "mcp_access.server_ids",
    "invalid_field",
  ]),
  fc
    .oneof(notString, fc.constantFrom("", "a".repeat(SANDBOX_LIMITS.accountId + 1)))
    .map((v): [unknown, string, string] => [
      { account_id: v },
      "mcp_access.account_id",
      "invalid_field",
    ]),
  fc
    .tuple(
      fc
        .string({ minLength: 1, maxLength: 20 })
        .filter((k) => k !== "server_ids" && k !== "account_id"),
      json,
    )
    .map(([k, v]): [unknown, string, string] => [
      { [k]: v },
      formatPath(["mcp_access", k]),
      "unknown_field",
    ]),
);
const wrongMcpAccessScenario = fc
  .tuple(validBody, wrongMcpAccess)
  .map(([body, [mcp_access, field, code]]): Scenario => ({
    label: "mcp_access wrong shape",
    method: "POST",
    headers: VALID_HEADERS,
    body: JSON.stringify({ ...body, mcp_access }),
    expect: { kind: "error", status: 400, code, field },
  }));

// ---- the sandbox-only demo lifetime header ----------------------------------------

const lifetimeValue = fc.oneof(
  fc.integer({ min: 1, max: 3600 }).map((n): [string, number | null] => [String(n), n]),
  fc.constantFrom<[string, number | null]>(
    [" 60 ", 60],
    ["0", null],
    ["3601", null],
    ["86400", null],
    ["-5", null],
    ["1.5", null],
    ["1e3", null],
    ["+60", null],
    ["0x10", null],
    ["60s", null],
    ["abc", null],
    ["", null],
    ["99999999999999999999", null],
  ),
);
const lifetimeScenario = fc
  .tuple(validBody, lifetimeValue, fc.boolean())
  .map(([body, [header, seconds], withAccess]): Scenario => {
    const sent: ValidBody = { ...body };
    if (withAccess) sent.mcp_access ??= {};
    else delete sent.mcp_access;
    const text = JSON.stringify(sent);
    const invalid: Expectation = {
      kind: "error",
      status: 400,
      code: "invalid_header",
      field: TOKEN_LIFETIME_HEADER,
    };
    return {
      label: "lifetime header",
      method: "POST",
      headers: { ...VALID_HEADERS, [TOKEN_LIFETIME_HEADER]: header },
      body: text,
      // The header is read before the body; a valid one needs mcp_access.
      expect:
        seconds === null
          ? invalid
          : encoder.encode(text).byteLength > SANDBOX_LIMITS.maxBodyBytes
            ? { kind: "error", status: 413, code: "payload_too_large" }
            : withAccess
              ? createdOr413(sent, text, seconds)
              : invalid,
    };
  });

// ---- unknown field ------------------------------------------------------------

const unknownFieldScenario = fc
  .tuple(
    validBody,
    fc
      .string({ minLength: 1, maxLength: 30 })
      .filter((k) => !(BODY_FIELDS as readonly string[]).includes(k)),
    json,
  )
  .map(([body, extra, value]): Scenario => ({
    label: "unknown field",
    method: "POST",
    headers: VALID_HEADERS,
    body: JSON.stringify({ ...body, [extra]: value }),
    expect: { kind: "error", status: 400, code: "unknown_field", field: formatPath([extra]) },
  }));

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
  fc.constantFrom(
    "",
    "null",
    "[]",
    "{}",
    '{"email":null}',
    '{"email":"a@example.com"',
    "\ufeff{}",
    "1e999",
  ),
);
const randomBodyScenario = randomBody.map((body): Scenario => ({
  label: "random body",
  method: "POST",
  headers: VALID_HEADERS,
  body,
  expect: { kind: "any" },
}));

// ---- odd headers and methods -----------------------------------------------------

/** Header values a client can send: no CR, LF or NUL, Latin-1 only. */
const headerValue = fc
  .string({
    unit: fc.integer({ min: 1, max: 0xff }).map((c) => String.fromCharCode(c)),
    maxLength: 60,
  })
  .map((s) => s.replace(/[\r\n\0]/g, ""));
const authorization = fc.oneof(
  { weight: 3, arbitrary: fc.constant(`Bearer ${SANDBOX_API_KEY}`) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: headerValue },
  { weight: 1, arbitrary: headerValue.map((s) => `Bearer ${s}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      `Bearer ${fakeKey("live", "abc123")}`,
      `Bearer ${fakeKey("test", "abc123")}`,
      `Basic ${SANDBOX_API_KEY}`,
    ),
  },
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
  {
    weight: 1,
    arbitrary: fc.constantFrom("-1", "1e3", "99999999999999999999999", "0", "16385", "abc"),
  },
);
const oddHeadersScenario = fc
  .record({
    method: fc.oneof(
      { weight: 3, arbitrary: fc.constant("POST" as Method) },
      fc.constantFrom(...METHODS),
    ),
    authorization,
    contentType,
    contentLength,
    forwardedFor: fc.option(headerValue, { nil: undefined }),
    body: fc.oneof(
      validBody.map((b) => JSON.stringify(b)),
      randomBody,
    ),
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
      expect:
        r.method === "POST"
          ? { kind: "any" }
          : { kind: "error", status: 405, code: "method_not_allowed" },
    };
  });

// ---- the transport: charsets, Authorization spellings, encodings, sizes, streams ----

const KEY = SANDBOX_API_KEY;
const created = (email: string): Expectation => ({ kind: "created", email });
const refused = (status: number, code: string): Expectation => ({ kind: "error", status, code });

const contentTypeVariant = fc.constantFrom<[string, boolean]>(
  ["application/json; charset=utf-8", true],
  ['application/json; charset="UTF-8"', true],
  ["APPLICATION/JSON;charset=utf8", true],
  ["application/json ; charset = utf-8", true],
  ["application/json; foo=bar", true],
  ["application/json; charset=utf-16", false],
  ["application/json; charset=iso-8859-1", false],
  ["application/json; charset=", false],
  ["text/json", false],
  ["application/json-patch+json", false],
  ["json", false],
);
const authorizationVariant = fc.constantFrom<[string, boolean]>(
  [`Bearer ${KEY}`, true],
  [`bearer ${KEY}`, true],
  [`BEARER ${KEY}`, true],
  [`Bearer    ${KEY}`, true],
  [`Bearer\t${KEY}`, false],
  [`Bearer ${KEY}x`, false],
  [`Bearer ${KEY.toUpperCase()}`, false],
  [`Bearer ${KEY.slice(0, -1)}`, false],
  [`Basic ${Buffer.from(`${KEY}:`).toString("base64")}`, false],
  [`Token ${KEY}`, false],
  [`Bearer ${KEY}, Bearer ${KEY}`, false],
  [`Bearer ${fakeKey("live", "fake_transport")}`, false],
  ["Bearer", false],
  [`${KEY}`, false],
);
const transportHeadersScenario = fc
  .tuple(validBody, contentTypeVariant, authorizationVariant)
  .map(([body, [contentType, typeOk], [authorization, authOk]]): Scenario => {
    const text = JSON.stringify(body);
    return {
      label: "transport headers",
      method: "POST",
      headers: { authorization, "content-type": contentType },
      body: text,
      // The key is checked before the media type.
      expect: !authOk
        ? { kind: "error", status: 401 }
        : !typeOk
          ? refused(415, "unsupported_media_type")
          : createdOr413(body, text),
    };
  });

const SMALL = { email: "jane@example.com", name: "Jane" };
const bytesOf = (...parts: (string | number[] | Uint8Array)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...encoder.encode(p)] : [...p])));
const utf16le = (text: string) =>
  Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]));
const padTo = (text: string, bytes: number) =>
  text + " ".repeat(bytes - encoder.encode(text).byteLength);

const encodingScenario = fc
  .tuple(
    fc.constantFrom(
      "bom",
      "invalid utf-8",
      "lone surrogate in utf-8",
      "overlong utf-8",
      "utf-16",
      "utf-16 with bom",
      "gzip",
      "false gzip claim",
      "identity",
      "exact limit",
      "one byte over",
      "limit in multibyte text",
    ),
    fc.boolean(),
  )
  .map(([kind, withLength]): Scenario => {
    const json = JSON.stringify(SMALL);
    const headers: Record<string, string> = { ...VALID_HEADERS };
    let body: string | Uint8Array = json;
    let expectation: Expectation = created(SMALL.email);
    switch (kind) {
      case "bom":
        body = bytesOf([0xef, 0xbb, 0xbf], json);
        break;
      case "invalid utf-8":
        body = bytesOf('{"email":"jane@example.com","name":"', [0xff, 0xc3], '"}');
        expectation = refused(400, "invalid_json");
        break;
      case "lone surrogate in utf-8":
        body = bytesOf('{"email":"jane@example.com","name":"', [0xed, 0xa0, 0x80], '"}');
        expectation = refused(400, "invalid_json");
        break;
      case "overlong utf-8":
        body = bytesOf('{"email":"jane@example.com","name":"', [0xc0, 0xaf], '"}');
        expectation = refused(400, "invalid_json");
        break;
      case "utf-16":
        body = utf16le(json);
        expectation = refused(400, "invalid_json");
        break;
      case "utf-16 with bom":
        body = bytesOf([0xff, 0xfe], utf16le(json));
        expectation = refused(400, "invalid_json");
        break;
      case "gzip":
        body = new Uint8Array(gzipSync(json));
        headers["content-encoding"] = "gzip";
        expectation = refused(415, "unsupported_media_type");
        break;
      case "false gzip claim":
        headers["content-encoding"] = "gzip";
        expectation = refused(415, "unsupported_media_type");
        break;
      case "identity":
        headers["content-encoding"] = "identity";
        break;
      case "exact limit":
        body = padTo(json, SANDBOX_LIMITS.maxBodyBytes);
        break;
      case "one byte over":
        body = padTo(json, SANDBOX_LIMITS.maxBodyBytes + 1);
        expectation = refused(413, "payload_too_large");
        break;
      case "limit in multibyte text": {
        // 3-byte characters up to the limit in chat_context (within its 8000 characters).
        const head = '{"email":"jane@example.com","chat_context":"';
        const room = SANDBOX_LIMITS.maxBodyBytes - encoder.encode(`${head}"}`).byteLength;
        body = `${head}${"€".repeat(Math.floor(room / 3))}"}`;
        break;
      }
    }
    if (withLength)
      headers["content-length"] = String(
        typeof body === "string" ? encoder.encode(body).byteLength : body.byteLength,
      );
    return { label: `encoding ${kind}`, method: "POST", headers, body, expect: expectation };
  });

const streamScenario = fc
  .tuple(
    fc.oneof(
      validBody.map((b) => ({ text: JSON.stringify(b), email: b.email.trim() })),
      fc.constant({
        text: padTo(JSON.stringify(SMALL), SANDBOX_LIMITS.maxBodyBytes + 1 + 4096),
        email: "",
      }),
    ),
    fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 8 }),
    fc.constantFrom("whole", "whole", "whole", "interrupted", "text chunk"),
  )
  .map(([{ text, email }, sizes, how]): Scenario => {
    const bytes = encoder.encode(text);
    const over = bytes.byteLength > SANDBOX_LIMITS.maxBodyBytes;
    let expectation: Expectation = over ? refused(413, "payload_too_large") : created(email);
    if (how === "interrupted") {
      // The stream errors on its last planned turn, after the chunks before it.
      const sent = sizes.slice(0, -1).reduce((sum, n) => sum + n, 0);
      expectation =
        Math.min(sent, bytes.byteLength) > SANDBOX_LIMITS.maxBodyBytes
          ? refused(413, "payload_too_large")
          : refused(400, "invalid_body");
    }
    if (how === "text chunk") expectation = refused(400, "invalid_body");
    return {
      label: "stream",
      method: "POST",
      headers: VALID_HEADERS,
      body: bytes,
      stream: { sizes, fail: how === "interrupted", textChunk: how === "text chunk" },
      expect: expectation,
    };
  });

const otherMethodScenario = fc
  .tuple(fc.constantFrom(...OTHER_METHODS), validBody)
  .map(([method, body]): Scenario => ({
    label: "odd method",
    method,
    headers: VALID_HEADERS,
    body: JSON.stringify(body),
    // fetch spells "post" as POST; the others are not POST.
    expect: method === "post" ? { kind: "any" } : refused(405, "method_not_allowed"),
  }));

const scenario = fc.oneof(
  { weight: 3, arbitrary: validScenario },
  { weight: 3, arbitrary: wrongFieldScenario },
  { weight: 1, arbitrary: wrongMcpAccessScenario },
  { weight: 1, arbitrary: lifetimeScenario },
  { weight: 1, arbitrary: unknownFieldScenario },
  { weight: 2, arbitrary: randomBodyScenario },
  { weight: 2, arbitrary: oddHeadersScenario },
  { weight: 2, arbitrary: transportHeadersScenario },
  { weight: 2, arbitrary: encodingScenario },
  { weight: 1, arbitrary: streamScenario },
  { weight: 1, arbitrary: otherMethodScenario },
);

// ---- running one ---------------------------------------------------------------

/** A body stream in the scenario's chunk sizes; optionally broken off or with a chunk that is not bytes. */
function streamOf(
  bytes: Uint8Array,
  plan: NonNullable<Scenario["stream"]>,
): ReadableStream<Uint8Array> {
  let offset = 0;
  let turn = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (plan.textChunk && turn === 1) {
        controller.enqueue("not bytes" as unknown as Uint8Array);
      }
      // A broken-off upload never ends cleanly, even when all its bytes went through.
      if (plan.fail && (turn === plan.sizes.length - 1 || offset >= bytes.byteLength)) {
        controller.error(new Error("connection reset"));
        return;
      }
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      const size = plan.sizes[turn % plan.sizes.length]!;
      controller.enqueue(bytes.subarray(offset, offset + size));
      offset += size;
      turn++;
    },
  });
}

function toRequest(s: Scenario): Request {
  const headers = new Headers(s.headers);
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", nextClientIp());
  if (s.stream && s.body !== undefined) {
    const bytes = typeof s.body === "string" ? encoder.encode(s.body) : s.body;
    return new Request(ENDPOINT, {
      method: s.method,
      headers,
      body: streamOf(bytes, s.stream),
      duplex: "half",
    } as RequestInit);
  }
  return new Request(ENDPOINT, { method: s.method, headers, body: s.body as BodyInit | undefined });
}

async function call(s: Scenario): Promise<Response> {
  const request = toRequest(s);
  // Dispatch as Next does: by method, to the route module's export.
  if (request.method === "POST") return route.POST(request);
  return (METHODS as readonly string[]).includes(request.method)
    ? route[request.method as Exclude<Method, "POST" | (typeof OTHER_METHODS)[number]>](request)
    : route.GET(request);
}

const statuses = new Map<number, number>();
const codes = new Map<string, number>();

/** Plain checks (an `expect` call costs ~0.1 ms, and there are 10 000 requests); a failure throws with the details. */
async function check(s: Scenario): Promise<void> {
  const response = await call(s);
  const status = response.status;
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const text = await response.text();
  const fail = (why: string): never => {
    throw new Error(
      `${why}\n${s.label} ${s.method} ${JSON.stringify(s.headers)} → ${status} ${text.slice(0, 500)}`,
    );
  };
  if (!(status === 201 || (status >= 400 && status < 500))) fail(`status ${status}`);
  if (response.headers.get("content-type") !== "application/json") fail("not JSON");
  if (response.headers.get("cache-control") !== "no-store") fail("no Cache-Control: no-store");
  if (s.method === "HEAD") {
    if (text !== "" || status !== 405) fail("HEAD is not a bodiless 405");
    return;
  }
  const body = JSON.parse(text) as {
    token?: unknown;
    contact?: { id?: unknown };
    error?: SandboxError;
  };

  if (status === 201) {
    if (typeof body.token !== "string") fail("no token");
    const verified = await verifySandboxToken(body.token);
    if (!verified.valid) fail(`issued token does not verify: ${verified.reason}`);
    else {
      if (contactIdOf(verified.claims) !== body.contact?.id)
        fail("contact.id is not the token's sub.payload.contact.id");
      if (s.expect.kind === "created" && verified.claims.email !== s.expect.email)
        fail("wrong email in the token");
      const { sub, iat, exp } = verified.claims;
      if (sub.type !== "widget-contact" || sub.payload.org_id !== SANDBOX_ORG_ID)
        fail("sub is not the widget-contact envelope of the sandbox org");
      if (sub.payload.contact.verified !== true) fail("the contact is not verified");
      const want = s.expect.kind === "created" ? s.expect.token : undefined;
      if (want !== undefined) {
        if (JSON.stringify(sub.payload.mcp_access ?? null) !== JSON.stringify(want.mcpAccess))
          fail(`mcp_access in the token is not ${JSON.stringify(want.mcpAccess)}`);
        if (want.lifetime === null ? exp !== undefined : exp !== iat + want.lifetime)
          fail(`exp - iat is not ${want.lifetime ?? "absent"}`);
      } else if ((exp === undefined) !== (sub.payload.mcp_access === undefined))
        fail("exp without mcp_access, or mcp_access without exp");
    }
  } else {
    const error = body.error;
    if (!error) return fail("no error object");
    const keys = Object.keys(body);
    if (keys.length !== 1) fail("more than the error at the top level");
    if (Object.keys(error).some((k) => !["status", "code", "message", "field"].includes(k)))
      fail("unknown key in the error");
    if (error.status !== status) fail("error.status is not the HTTP status");
    if (!/^[a-z_]+$/.test(error.code)) fail("error.code is not snake_case");
    if (typeof error.message !== "string" || error.message.length === 0) fail("no message");
    if (/sk_live_|sk_test_/.test(error.message)) fail("the message echoes a key");
    if (error.field !== undefined && typeof error.field !== "string") fail("field is not a string");
    codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
  }

  const e = s.expect;
  if (e.kind === "created" && status !== 201) fail("expected 201");
  if (e.kind === "error") {
    if (status !== e.status) fail(`expected ${e.status}`);
    if (e.code && body.error?.code !== e.code) fail(`expected code ${e.code}`);
    if (e.field && body.error?.field !== e.field) fail(`expected field ${e.field}`);
  }
}

describe("fuzzed requests", () => {
  it(
    `answers ${RUNS} random requests with 201 or a JSON 4xx, never a 5xx or a throw`,
    { timeout: 240_000 },
    async () => {
      const labels = new Map<string, number>();
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          const kind = s.label.split(" ")[0] ?? s.label;
          labels.set(kind, (labels.get(kind) ?? 0) + 1);
          await check(s);
        }),
        { numRuns: RUNS },
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const list = (m: Map<string | number, number>) =>
        [...m]
          .sort((a, b) => (a[0] < b[0] ? -1 : 1))
          .map(([k, n]) => `${k} ${n}`)
          .join(", ");
      console.log(
        `sandbox fuzz: ${RUNS} requests in ${seconds} s\n  scenarios: ${list(labels)}\n  statuses: ${list(statuses)}\n  error codes: ${list(codes)}`,
      );
      // Every kind of scenario ran a fair number of times.
      for (const kind of [
        "valid",
        "wrong",
        "lifetime",
        "mcp_access",
        "unknown",
        "random",
        "odd",
        "transport",
        "encoding",
        "stream",
      ]) {
        expect(labels.get(kind) ?? 0, kind).toBeGreaterThan(RUNS / 40);
      }
      expect(statuses.get(201) ?? 0).toBeGreaterThan(RUNS / 10);
      expect(
        [...statuses.keys()].every((status) => status === 201 || (status >= 400 && status < 500)),
      ).toBe(true);
    },
  );
});
