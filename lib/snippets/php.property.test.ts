/**
 * The PHP snippet run by php 8 (curl extension), one process per batch, against the recording
 * stand-in API (`test-support/server-language.ts` states the shared properties), and its
 * endpoint file served by PHP's own web server (`php -S`), with a signed-in user in a real PHP
 * session.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, createConnection, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTACT_TOKEN_ENDPOINT } from "./model";
import {
  generatePhpSnippet,
  PHP_ENDPOINT_FILE,
  PHP_FUNCTION_FILE,
  PHP_RUN_USAGE,
} from "./php-snippet";
import { loadFixtureConfigs } from "./test-support/fixtures";
import { runPhpSnippets } from "./test-support/php";
import { describeWithRuntime } from "./test-support/runtimes";
import {
  ENV_API_KEY,
  expectAuthenticateCall,
  expectedWire,
  serverLanguageProperties,
  type LanguageUnderTest,
} from "./test-support/server-language";
import { snippetEnv } from "./test-support/batch-process";
import { startStandInApi, type StandInApi } from "./test-support/stand-in-api";

const PHP: LanguageUnderTest = {
  name: "PHP",
  target: "php",
  command: "php",
  functionFile: PHP_FUNCTION_FILE,
  usage: PHP_RUN_USAGE,
  run: runPhpSnippets,
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection(port, "127.0.0.1");
      socket.on("connect", () => resolve(socket.end() !== undefined));
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`php -S did not listen on ${port}`);
}

/** `php -S` serving `root`, sessions in `sessions`, with exactly `env`. */
async function phpServer(root: string, sessions: string, env: Record<string, string>) {
  const port = await freePort();
  const child: ChildProcess = spawn(
    "php",
    ["-d", `session.save_path=${sessions}`, "-S", `127.0.0.1:${port}`, "-t", root],
    { env: { NODE_ENV: "test", ...snippetEnv(env) }, stdio: "ignore" },
  );
  await waitForPort(port);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        child.on("exit", () => resolve());
        child.kill();
      }),
  };
}

describeWithRuntime("php", "PHP snippet against the stand-in API", () => {
  describe(PHP_FUNCTION_FILE, () => {
    serverLanguageProperties(PHP);
  });

  describe(`${PHP_ENDPOINT_FILE}, served by php -S`, () => {
    const config = loadFixtureConfigs().find((f) => f.name === "verified-full")!.config;
    const SESSION = "opencxendpointtest1";
    const EMAIL = "signed.in@example.com";
    let api: StandInApi;
    let dir: string;
    let root: string;
    let sessions: string;

    beforeAll(async () => {
      api = await startStandInApi();
      dir = mkdtempSync(join(tmpdir(), "snippet-php-endpoint-"));
      root = join(dir, "public");
      sessions = join(dir, "sessions");
      mkdirSync(sessions, { recursive: true });
      for (const file of generatePhpSnippet(config).files) {
        mkdirSync(dirname(join(root, file.path)), { recursive: true });
        writeFileSync(join(root, file.path), file.code);
      }
      // What a login would have stored: PHP's own session format.
      writeFileSync(
        join(sessions, `sess_${SESSION}`),
        `user_email|s:${Buffer.byteLength(EMAIL)}:"${EMAIL}";`,
      );
    });
    afterAll(async () => {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const post = (url: string, cookie?: string, method = "POST") =>
      fetch(`${url}${CONTACT_TOKEN_ENDPOINT}.php`, {
        method,
        headers: cookie ? { cookie: `PHPSESSID=${cookie}` } : {},
      });

    it("answers the signed-in user with { token } only, minted for the session's email", async () => {
      const server = await phpServer(root, sessions, {
        OPENCX_API_URL: api.baseUrl,
        OPENCX_API_KEY: ENV_API_KEY,
      });
      try {
        const before = api.requests.length;
        const response = await post(server.url, SESSION);
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/json");
        expect(response.headers.get("cache-control")).toBe("no-store");
        const requests = api.requests.slice(before);
        expect(requests).toHaveLength(1);
        expectAuthenticateCall(requests[0], expectedWire(config, EMAIL), "endpoint");
        expect(await response.json()).toEqual({ token: requests[0]!.token });

        // Nobody signed in: 401, and no call to the API.
        const anonymous = await post(server.url);
        expect(anonymous.status).toBe(401);
        expect(await anonymous.json()).toEqual({ error: "Not signed in" });
        const unknown = await post(server.url, "nosuchsession");
        expect(unknown.status).toBe(401);
        // The page calls it with POST; other methods are refused.
        const get = await post(server.url, SESSION, "GET");
        expect(get.status).toBe(405);
        expect(get.headers.get("allow")).toBe("POST");
        expect(api.requests.length).toBe(before + 1);
      } finally {
        await server.close();
      }
    });

    it("answers 502 without details when the API call fails", async () => {
      const closed = await freePort();
      const server = await phpServer(root, sessions, {
        OPENCX_API_URL: `http://127.0.0.1:${closed}`,
        OPENCX_API_KEY: ENV_API_KEY,
      });
      try {
        const response = await post(server.url, SESSION);
        expect(response.status).toBe(502);
        const text = await response.text();
        expect(JSON.parse(text)).toEqual({ error: "Could not get a contact token" });
        expect(text).not.toContain(ENV_API_KEY);
      } finally {
        await server.close();
      }
    });
  });
});
