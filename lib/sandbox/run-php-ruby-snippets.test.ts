/**
 * End to end without Next, as the README shows it: the generated PHP and Ruby files run as
 *
 *   OPENCX_API_URL=http://127.0.0.1:<port>/api OPENCX_API_KEY=<sandbox key> php opencx_contact_token.php jane@example.com
 *   OPENCX_API_URL=http://127.0.0.1:<port>/api OPENCX_API_KEY=<sandbox key> ruby opencx_contact_token.rb jane@example.com
 *
 * against a tiny `node:http` server in this process that hands each request to the sandbox
 * route's handlers (as run-node-snippet.test.ts does). The token each prints must verify and
 * carry the email from the command line, and the other sample values as generated; without the
 * email the command prints its usage line and exits 1, sending nothing.
 * (lib/sandbox/readme-commands.test.ts runs the README's lines themselves.)
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
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
import { fakeKey } from "../secrets/test-support/fake-keys";
import { generatePhpSnippet, PHP_FUNCTION_FILE, PHP_RUN_USAGE } from "../snippets/php-snippet";
import { generateRubySnippet, RUBY_FUNCTION_FILE, RUBY_RUN_USAGE } from "../snippets/ruby-snippet";
import { loadFixtureConfigs } from "../snippets/test-support/fixtures";
import { wireJson } from "../snippets/test-support/printable";
import { describeWithRuntime } from "../snippets/test-support/runtimes";
import { runCommand } from "../snippets/test-support/server-language";
import { SANDBOX_API_KEY } from "./settings";
import { toFetchRequest } from "./test-support/node-http";
import { verifySandboxToken } from "./token";

const ROUTE_PATH = "/api/widget/authenticate-user";
/** What the README passes on the command line. */
const EMAIL = "jane@example.com";
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
  dir = await mkdtemp(join(tmpdir(), "sandbox-php-ruby-snippet-"));
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

const fixtures = loadFixtureConfigs();
function fixture(name: string): PlaygroundConfig {
  const found = fixtures.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found.config;
}

const LANGUAGES = [
  { runtime: "php", file: PHP_FUNCTION_FILE, usage: PHP_RUN_USAGE, generate: generatePhpSnippet },
  {
    runtime: "ruby",
    file: RUBY_FUNCTION_FILE,
    usage: RUBY_RUN_USAGE,
    generate: generateRubySnippet,
  },
] as const;

for (const lang of LANGUAGES) {
  let runs = 0;
  /** Writes the config's function file as generated and runs the README's command in its folder. */
  async function readmeCommand(config: PlaygroundConfig, args: string[], apiKey = SANDBOX_API_KEY) {
    const file = lang.generate(config).files.find((f) => f.path === lang.file)!;
    const folder = await mkdtemp(join(dir, `${lang.runtime}-${++runs}-`));
    await writeFile(join(folder, lang.file), file.code, "utf8");
    return runCommand(lang.runtime, [lang.file, ...args], folder, {
      OPENCX_API_URL: `${baseUrl}/api`,
      OPENCX_API_KEY: apiKey,
    });
  }

  describeWithRuntime(lang.runtime, `the generated ${lang.file} against the sandbox`, () => {
    it.each(["verified-full", "verified-mcp-listed"])(
      `%s: \`${lang.runtime} ${lang.file} ${EMAIL}\` prints a token that verifies, for that email`,
      async (name) => {
        const config = { ...fixture(name), serverEmail: "sample@example.com" };
        const before = received.length;
        const result = await readmeCommand(config, [EMAIL]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^\S+\n$/);
        const verified = await verifySandboxToken(result.stdout.trim());
        if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
        expect(verified.claims.email).toBe(EMAIL);
        // The email argument replaced the sample email; everything else was sent as generated.
        expect(received.slice(before)).toEqual([
          { ...(wireJson(toAuthenticateRequest(config)) as object), email: EMAIL },
        ]);
      },
    );

    it("carries hostile sample values intact, with the email from the command line", async () => {
      const config = fixture("hostile-verified");
      const result = await readmeCommand(config, ["o'brien+test@example.com"]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const verified = await verifySandboxToken(result.stdout.trim());
      if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
      const sent = toAuthenticateRequest(config);
      expect(verified.claims.email).toBe("o'brien+test@example.com");
      expect(verified.claims.name).toBe(sent.name);
      expect(verified.claims.customData).toEqual(sent.customData);
    });

    it("without an email argument prints the usage line, exits 1 and sends nothing", async () => {
      const before = received.length;
      const result = await readmeCommand(fixture("verified-full"), []);
      expect(result).toEqual({ code: 1, stdout: "", stderr: `Usage: ${lang.usage}\n` });
      expect(received.length).toBe(before);
    });

    if (lang.runtime === "php")
      it("required from inside a function (Composer, artisan, PHPUnit) it defines the function and runs nothing", async () => {
        const file = lang
          .generate(fixture("verified-full"))
          .files.find((f) => f.path === lang.file)!;
        const folder = await mkdtemp(join(dir, "php-required-"));
        await writeFile(join(folder, lang.file), file.code, "utf8");
        const loader = [
          "<?php",
          "declare(strict_types=1);",
          `(function (): void { require __DIR__ . '/${lang.file}'; })();`,
          "echo function_exists('opencx_contact_token') ? 'defined' : 'missing', PHP_EOL;",
        ].join("\n");
        await writeFile(join(folder, "loader.php"), loader, "utf8");
        const before = received.length;
        const result = await runCommand("php", ["loader.php", EMAIL], folder, {
          OPENCX_API_URL: `${baseUrl}/api`,
          OPENCX_API_KEY: SANDBOX_API_KEY,
        });
        expect(result).toEqual({ code: 0, stdout: "defined\n", stderr: "" });
        expect(received.length).toBe(before);
      });

    it("fails loudly with HTTP 401 when the key is not the sandbox key", async () => {
      const result = await readmeCommand(
        fixture("verified-minimal"),
        [EMAIL],
        fakeKey("live", "not_for_the_sandbox"),
      );
      expect(result).toEqual({
        code: 1,
        stdout: "",
        stderr: "OpenCX authenticate-user failed: HTTP 401\n",
      });
    });
  });
}
