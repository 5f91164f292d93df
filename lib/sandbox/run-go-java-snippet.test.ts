/**
 * The Go and Java snippets run exactly as the README's sandbox section shows, against the
 * app's own sandbox route served over real HTTP (as run-node-snippet.test.ts does):
 *
 *   OPENCX_API_URL=<sandbox>/api OPENCX_API_KEY=<sandbox key> go run opencx_contact_token.go <email>
 *   OPENCX_API_URL=<sandbox>/api OPENCX_API_KEY=<sandbox key> java OpenCxContactToken.java <email>
 *
 * The token each prints must verify and carry the email given on the command line with the
 * rest of the body as generated; without the email the command prints its usage line and
 * exits 1, sending nothing; a refused key is one line on stderr and exit status 1.
 * (lib/sandbox/readme-commands.test.ts runs the README's lines themselves.)
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
// The test serves the route module itself; lib code never imports app/.
// eslint-disable-next-line no-restricted-imports
import * as route from "@/app/api/widget/authenticate-user/route";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { generateSnippet } from "../snippets";
import { GO_FILE, GO_RUN_USAGE } from "../snippets/go-snippet";
import { JAVA_FILE, JAVA_RUN_USAGE } from "../snippets/java-snippet";
import { loadFixtureConfigs } from "../snippets/test-support/fixtures";
import { describeWithRuntime } from "../snippets/test-support/runtimes";
import { baseEnv, goEnv, runCommand } from "../snippets/test-support/toolchain";
import { SANDBOX_API_KEY } from "./settings";
import { toFetchRequest } from "./test-support/node-http";
import { verifySandboxToken } from "./token";

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
  dir = await mkdtemp(join(tmpdir(), "sandbox-go-java-snippet-"));
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

function fixture(name: string): PlaygroundConfig {
  const found = loadFixtureConfigs().find((f) => f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found.config;
}

/** The README's environment: the sandbox URL and key, nothing else from this process. */
const readmeEnv = () => ({ OPENCX_API_URL: `${baseUrl}/api`, OPENCX_API_KEY: SANDBOX_API_KEY });

/** The fixture's body with the command line's email in place of the sample one. */
const sentWith = (config: PlaygroundConfig, email: string) =>
  JSON.parse(JSON.stringify({ ...toAuthenticateRequest(config), email })) as unknown;

async function expectTokenFor(stdout: string, email: string, config: PlaygroundConfig) {
  const verified = await verifySandboxToken(stdout.trim());
  if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
  expect(verified.claims.email).toBe(email);
  expect(verified.claims.name).toBe(toAuthenticateRequest(config).name);
  expect(verified.claims.customData).toEqual(toAuthenticateRequest(config).customData);
}

// An email other than the fixture's, so the test sees the argument replace the sample.
const EMAIL = "o'brien+cli@example.com";

describeWithRuntime("go", "the Go snippet, run as the README shows, against the sandbox", () => {
  const config = fixture("verified-full");
  let sub: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    sub = join(dir, "go");
    await mkdir(sub);
    await writeFile(join(sub, GO_FILE), generateSnippet("go", config).files[0]!.code);
    env = goEnv(readmeEnv());
  });

  it("go run opencx_contact_token.go <email> prints a token that verifies and carries that email", async () => {
    expect(config.serverEmail).not.toBe(EMAIL);
    const before = received.length;
    const run = await runCommand("go", ["run", GO_FILE, EMAIL], { cwd: sub, env });
    console.log(`Go sandbox run: go run in ${run.ms} ms`);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(received.slice(before)).toEqual([sentWith(config, EMAIL)]);
    await expectTokenFor(run.stdout, EMAIL, config);
  });

  it("without an email prints the usage line and exits 1, sending nothing (go run adds its own last line)", async () => {
    const before = received.length;
    const run = await runCommand("go", ["run", GO_FILE], { cwd: sub, env });
    expect(received.length).toBe(before);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`Usage: ${GO_RUN_USAGE}\nexit status 1\n`);
  });

  it("with a wrong key fails loudly with HTTP 401, one line, and prints no token", async () => {
    const before = received.length;
    const run = await runCommand("go", ["run", GO_FILE, EMAIL], {
      cwd: sub,
      env: { ...env, OPENCX_API_KEY: "not-the-sandbox-key" },
    });
    expect(received.slice(before)).toEqual([sentWith(config, EMAIL)]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("OpenCX authenticate-user failed: HTTP 401\nexit status 1\n");
  });
});

describeWithRuntime(
  "java",
  "the Java snippet, run as the README shows, against the sandbox",
  () => {
    const config = fixture("verified-mcp-listed");
    let sub: string;
    beforeAll(async () => {
      sub = join(dir, "java");
      await mkdir(sub);
      await writeFile(join(sub, JAVA_FILE), generateSnippet("java", config).files[0]!.code);
    });

    it("java OpenCxContactToken.java <email> prints a token that verifies and carries that email", async () => {
      expect(config.serverEmail).not.toBe(EMAIL);
      const before = received.length;
      const run = await runCommand("java", [JAVA_FILE, EMAIL], {
        cwd: sub,
        env: baseEnv(readmeEnv()),
      });
      console.log(`Java sandbox run: java (source launcher) in ${run.ms} ms`);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(received.slice(before)).toEqual([sentWith(config, EMAIL)]);
      await expectTokenFor(run.stdout, EMAIL, config);
    });

    it("without an email prints the usage line and exits 1, sending nothing", async () => {
      const before = received.length;
      const run = await runCommand("java", [JAVA_FILE], { cwd: sub, env: baseEnv(readmeEnv()) });
      expect(received.length).toBe(before);
      expect(run).toMatchObject({ status: 1, stdout: "", stderr: `Usage: ${JAVA_RUN_USAGE}\n` });
    });

    it("with a wrong key fails loudly with HTTP 401, one line, and prints no token", async () => {
      const before = received.length;
      const run = await runCommand("java", [JAVA_FILE, EMAIL], {
        cwd: sub,
        env: baseEnv({ ...readmeEnv(), OPENCX_API_KEY: "not-the-sandbox-key" }),
      });
      expect(received.slice(before)).toEqual([sentWith(config, EMAIL)]);
      expect(run).toMatchObject({
        status: 1,
        stdout: "",
        stderr: "java.io.IOException: OpenCX authenticate-user failed: HTTP 401\n",
      });
    });
  },
);
