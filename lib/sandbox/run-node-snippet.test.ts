/**
 * End to end without Next: the generated Node snippet runs in a real `node`
 * child process with `OPENCX_API_URL` pointing at a tiny `node:http` server in
 * this process, which hands each request to the route's handlers. The token the
 * snippet prints must verify and carry the config's server email.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { toFetchRequest } from "./test-support/node-http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The test serves the route module itself; lib code never imports app/.
// eslint-disable-next-line no-restricted-imports
import * as route from "@/app/api/widget/authenticate-user/route";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { generateNodeSnippet } from "../snippets/server-snippets";
import { loadFixtureConfigs } from "../snippets/test-support/fixtures";
import { SANDBOX_API_KEY } from "./settings";
import { contactIdOf, verifySandboxToken } from "./token";
import { fakeKey } from "../secrets/test-support/fake-keys";

const ROUTE_PATH = "/api/widget/authenticate-user";
/** Every body the route received, in order (parsed JSON). */
const received: unknown[] = [];

async function handle(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  if (new URL(req.url ?? "/", origin).pathname !== ROUTE_PATH) {
    res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
    return;
  }
  const request = await toFetchRequest(req, origin, { forwardedFor: "socket" });
  if (request.method === "POST") received.push(JSON.parse(await request.clone().text()) as unknown);
  const method = request.method as keyof typeof route;
  const handler = route[method];
  const response = typeof handler === "function" ? await handler(request) : route.GET(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

let server: Server;
let baseUrl: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sandbox-node-snippet-"));
  server = createServer((req, res) => {
    handle(req, res, baseUrl).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

let files = 0;
/** Writes the config's Node snippet to a temp `.mjs` and prints `await getContactToken()` from a child `node`. */
async function runSnippet(config: PlaygroundConfig, apiKey = SANDBOX_API_KEY): Promise<RunResult> {
  const snippet = generateNodeSnippet(config);
  const file = snippet.files[0];
  if (!file) throw new Error("the Node snippet has no file");
  expect(file.code).toContain("export async function getContactToken()");
  files += 1;
  const path = join(dir, `opencx-contact-token-${files}.mjs`);
  await writeFile(path, file.code, "utf8");
  const script = [
    `const { getContactToken } = await import(${JSON.stringify(pathToFileURL(path).href)});`,
    "process.stdout.write(String(await getContactToken()));",
  ].join("\n");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--input-type=module", "-e", script],
      {
        // Only what the snippet needs: no other variable from this process leaks in.
        env: {
          NODE_ENV: "test",
          PATH: process.env.PATH ?? "",
          OPENCX_API_URL: `${baseUrl}/api`,
          OPENCX_API_KEY: apiKey,
        },
        timeout: 30_000,
      },
      (error: (Error & { code?: unknown }) | null, stdout: string, stderr: string) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

const fixtures = loadFixtureConfigs();
function fixture(name: string): PlaygroundConfig {
  const found = fixtures.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found.config;
}

describe("the generated Node snippet against the sandbox", () => {
  it.each(["verified-full", "verified-minimal", "verified-unsupported-language"])(
    "%s: prints a token that verifies and carries the server email, name and customData",
    async (name) => {
      const config = fixture(name);
      const result = await runSnippet(config);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const verified = await verifySandboxToken(result.stdout.trim());
      if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
      const sent = toAuthenticateRequest(config);
      expect(verified.claims.email).toBe(config.serverEmail);
      expect(verified.claims.name).toBe(sent.name);
      expect(verified.claims.customData).toEqual(sent.customData);
    },
  );

  it("carries hostile strings intact (with a valid email)", async () => {
    const config = { ...fixture("hostile-verified"), serverEmail: "o'brien+test@example.com" };
    const result = await runSnippet(config);
    expect(result.code).toBe(0);
    const verified = await verifySandboxToken(result.stdout.trim());
    if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
    const sent = toAuthenticateRequest(config);
    expect(verified.claims.email).toBe(config.serverEmail);
    expect(verified.claims.name).toBe(sent.name);
    expect(verified.claims.customData).toEqual(sent.customData);
  });

  it("gives the same contact on every run", async () => {
    const config = fixture("verified-minimal");
    const [a, b] = await Promise.all([runSnippet(config), runSnippet(config)]);
    const [ta, tb] = await Promise.all([
      verifySandboxToken(a?.stdout.trim()),
      verifySandboxToken(b?.stdout.trim()),
    ]);
    expect(ta.valid && tb.valid && contactIdOf(ta.claims) === contactIdOf(tb.claims)).toBe(true);
  });

  it.each(["verified-mcp-all", "verified-mcp-listed"])(
    "%s (v5, personal connections): sends mcp_access as generated, and the sandbox mints a token",
    async (name) => {
      const config = fixture(name);
      const sent = toAuthenticateRequest(config);
      expect(sent.mcp_access).toBeDefined();
      const before = received.length;
      const result = await runSnippet(config);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(received.slice(before)).toEqual([JSON.parse(JSON.stringify(sent))]);
      expect((received.at(-1) as { mcp_access?: unknown }).mcp_access).toEqual(sent.mcp_access);
      const verified = await verifySandboxToken(result.stdout.trim());
      if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
      expect(verified.claims.email).toBe(config.serverEmail);
    },
  );

  it("the same config on v4 sends no mcp_access", async () => {
    const config = { ...fixture("verified-mcp-listed"), widgetVersion: "v4" as const };
    const before = received.length;
    const result = await runSnippet(config);
    expect(result.code).toBe(0);
    expect(received.slice(before)).toHaveLength(1);
    expect(received.at(-1)).not.toHaveProperty("mcp_access");
  });

  it("fails loudly with HTTP 401 when the key is not the sandbox key", async () => {
    const result = await runSnippet(
      fixture("verified-minimal"),
      fakeKey("live", "not_for_the_sandbox"),
    );
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("HTTP 401");
  });

  it("fails loudly with HTTP 400 when the config's email is invalid", async () => {
    const result = await runSnippet(fixture("hostile-verified"));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("HTTP 400");
  });
});
