/**
 * A short load on the sandbox endpoint through a real HTTP server: `node:http`
 * hands each request to the same handler the route uses, built with the
 * production settings (rate limit 60 per minute per client; the e2e web server
 * turns it off, this test does not). 16 clients send a mix of valid and
 * invalid requests for about 8 s (SANDBOX_LOAD_SECONDS to change it).
 *
 * Asserted: correctness only, not speed. No 5xx; every status is the one the
 * request calls for; every 201 token verifies and carries the contact id of
 * its email; a client over its limit gets 429 with Retry-After. Then memory:
 * the limiter remembers at most `SANDBOX_LIMITS.rateLimitClients` clients after
 * 12 000 more distinct ones, and the heap after a forced GC has not grown by
 * more than a few MB. The counts are printed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { toFetchRequest } from "./test-support/node-http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxError } from "./errors";
import { createSandboxHandler } from "./handler";
import { SANDBOX_API_KEY, SANDBOX_LIMITS, sandboxSettingsFromEnv } from "./settings";
import { contactIdFor, contactIdOf, verifySandboxToken } from "./token";
import { fakeKey } from "../secrets/test-support/fake-keys";

const ROUTE_PATH = "/api/widget/authenticate-user";
const SECONDS = Number(process.env.SANDBOX_LOAD_SECONDS ?? 8);
const CONCURRENCY = 16;
/** Production settings: what `createSandboxHandler()` reads from an empty environment. */
const settings = sandboxSettingsFromEnv({});
const sandbox = createSandboxHandler(settings);

/** A forced GC without starting node with --expose-gc. */
function collectGarbage(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

async function serve(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  if (new URL(req.url ?? "/", origin).pathname !== ROUTE_PATH) {
    res.writeHead(404).end();
    return;
  }
  const request = await toFetchRequest(req, origin, { forwardedFor: "keep" });
  // As the route does: POST to the handler, every other method to the 405.
  const response =
    request.method === "POST" ? await sandbox.handle(request) : sandbox.methodNotAllowed(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    serve(req, res, baseUrl).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Planned {
  kind: string;
  ip: string;
  init: RequestInit;
  /** The status this request must get, or "created" (201, or 429 once its client is over the limit). */
  want: number | "created";
  email?: string;
}

const AUTH = `Bearer ${SANDBOX_API_KEY}`;
const JSON_HEADERS = { authorization: AUTH, "content-type": "application/json" };
const HOT_IP = "203.0.113.7";
const POOL = 2000;
const HOT_BURST = 90;

let serial = 0;
function plan(): Planned {
  serial++;
  const ip = `198.51.${((serial * 7919) % POOL) >> 8}.${((serial * 7919) % POOL) & 255}`;
  const email = `user${serial % 5000}@load.example`;
  const valid = (headers: Record<string, string> = {}): RequestInit => ({
    method: "POST",
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify({ email, name: `User ${serial}`, customData: { n: serial } }),
  });
  // The first requests all come from one client, so it goes over its limit however slow the machine.
  if (serial <= HOT_BURST)
    return { kind: "hot client", ip: HOT_IP, init: valid(), want: "created", email };
  const r = serial % 20;
  if (r < 9) return { kind: "valid", ip, init: valid(), want: "created", email };
  if (r === 9) return { kind: "hot client", ip: HOT_IP, init: valid(), want: "created", email };
  if (r === 10)
    return {
      kind: "wrong key",
      ip,
      init: valid({ authorization: `Bearer ${fakeKey("live", "fake_load")}` }),
      want: 401,
    };
  if (r === 11)
    return {
      kind: "no key",
      ip,
      init: { method: "POST", headers: { "content-type": "application/json" }, body: "{}" },
      want: 401,
    };
  if (r === 12)
    return {
      kind: "bad JSON",
      ip,
      init: { method: "POST", headers: JSON_HEADERS, body: '{"email": ' },
      want: 400,
    };
  if (r === 13)
    return {
      kind: "no email",
      ip,
      init: { method: "POST", headers: JSON_HEADERS, body: '{"name":"x"}' },
      want: 400,
    };
  if (r === 14)
    return { kind: "text/plain", ip, init: valid({ "content-type": "text/plain" }), want: 415 };
  if (r === 15)
    return { kind: "gzip claim", ip, init: valid({ "content-encoding": "gzip" }), want: 415 };
  if (r === 16) {
    const body = JSON.stringify({ email, chat_context: "x".repeat(SANDBOX_LIMITS.maxBodyBytes) });
    return {
      kind: "too large",
      ip,
      init: { method: "POST", headers: JSON_HEADERS, body },
      want: 413,
    };
  }
  if (r === 17)
    return {
      kind: "GET",
      ip,
      init: { method: "GET", headers: { authorization: AUTH } },
      want: 405,
    };
  if (r === 18)
    return {
      kind: "bad field",
      ip,
      init: { method: "POST", headers: JSON_HEADERS, body: JSON.stringify({ email, phone: 42 }) },
      want: 400,
    };
  return {
    kind: "invalid UTF-8",
    ip,
    init: { method: "POST", headers: JSON_HEADERS, body: new Uint8Array([0x7b, 0xff, 0x7d]) },
    want: 400,
  };
}

describe("the sandbox under load (real HTTP, production rate limit)", () => {
  it(
    `stays correct for ${SECONDS} s at ${CONCURRENCY} concurrent clients, and its memory stays bounded`,
    { timeout: 120_000 },
    async () => {
      const gc = collectGarbage();
      // Warm up (JIT, the HMAC key, the HTTP agent) before the baseline.
      await fetch(`${baseUrl}${ROUTE_PATH}`, {
        method: "POST",
        headers: { ...JSON_HEADERS, "x-forwarded-for": "192.0.2.1" },
        body: '{"email":"warm@load.example"}',
      }).then((r) => r.arrayBuffer());
      gc();
      const heapBefore = process.memoryUsage().heapUsed;

      const sentPerIp = new Map<string, number>();
      const statuses = new Map<number, number>();
      const kinds = new Map<string, number>();
      const failures: string[] = [];
      const contactIds = new Map<string, Promise<string>>();
      let requests = 0;
      let tokens = 0;
      const started = performance.now();
      const deadline = started + SECONDS * 1000;

      async function worker(): Promise<void> {
        while (performance.now() < deadline && failures.length < 5) {
          const p = plan();
          const sent = (sentPerIp.get(p.ip) ?? 0) + 1;
          sentPerIp.set(p.ip, sent);
          const headers = new Headers(p.init.headers);
          headers.set("x-forwarded-for", p.ip);
          const response = await fetch(`${baseUrl}${ROUTE_PATH}`, { ...p.init, headers });
          const text = await response.text();
          requests++;
          kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const fail = (why: string) =>
            failures.push(
              `${p.kind} (${p.ip}, request ${sent} from it): ${why}: ${response.status} ${text.slice(0, 300)}`,
            );
          if (response.status >= 500) {
            fail("a 5xx");
            continue;
          }
          if (response.headers.get("content-type") !== "application/json") fail("not JSON");
          const body = JSON.parse(text) as {
            token?: string;
            contact?: { id?: string };
            error?: SandboxError;
          };
          if (response.status === 429) {
            const retry = Number(response.headers.get("retry-after"));
            if (!(retry >= 1) || body.error?.code !== "rate_limited")
              fail("a 429 without Retry-After or its code");
            // The first 60 requests of a client in a minute always pass.
            if (sent <= settings.rateLimitPerMinute) fail("rate limited within the limit");
            continue;
          }
          if (p.want === "created") {
            if (response.status !== 201 || typeof body.token !== "string") {
              fail("expected 201");
              continue;
            }
            const verified = await verifySandboxToken(body.token);
            let expectedId = contactIds.get(p.email!);
            if (!expectedId)
              contactIds.set(p.email!, (expectedId = contactIdFor(p.email!, settings.jwtSecret)));
            const id = await expectedId;
            if (!verified.valid) fail(`the token does not verify (${verified.reason})`);
            else if (
              contactIdOf(verified.claims) !== id ||
              body.contact?.id !== id ||
              verified.claims.email !== p.email
            )
              fail("wrong contact");
            else tokens++;
          } else if (response.status !== p.want || body.error?.status !== p.want) {
            fail(`expected ${p.want}`);
          }
        }
      }

      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const seconds = (performance.now() - started) / 1000;
      const list = (m: Map<string | number, number>) =>
        [...m]
          .sort((a, b) => (a[0] < b[0] ? -1 : 1))
          .map(([k, n]) => `${k} ${n}`)
          .join(", ");
      console.log(
        `sandbox load: ${requests} requests in ${seconds.toFixed(1)} s (${Math.round(requests / seconds)}/s) at concurrency ${CONCURRENCY}, ${tokens} tokens verified\n` +
          `  statuses: ${list(statuses)}\n  kinds: ${list(kinds)}`,
      );
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThan(200);
      expect(tokens).toBeGreaterThan(requests / 4);
      // The hot client went over its limit and was told to wait.
      expect(statuses.get(429) ?? 0).toBeGreaterThan(0);

      // Memory: 12 000 more distinct clients (refused at the key, after the limiter counted them).
      const extra = 12_000;
      for (let i = 0; i < extra; i++) {
        const response = await sandbox.handle(
          new Request(`${baseUrl}${ROUTE_PATH}`, {
            method: "POST",
            headers: { "x-forwarded-for": `100.${i >> 16}.${(i >> 8) & 255}.${i & 255}` },
          }),
        );
        if (response.status !== 401) throw new Error(`expected 401, got ${response.status}`);
      }
      expect(sandbox.clientsTracked).toBe(SANDBOX_LIMITS.rateLimitClients);
      gc();
      const growth = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
      console.log(
        `  memory: limiter holds ${sandbox.clientsTracked} clients (cap ${SANDBOX_LIMITS.rateLimitClients}); heap after GC grew ${growth.toFixed(1)} MB`,
      );
      expect(growth).toBeLessThan(32);
    },
  );
});
