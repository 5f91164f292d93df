/**
 * End to end without Next: the generated Node module runs directly, as its main guard allows
 * (`node server/opencx-contact-token.mjs <email>`), in a real `node` child process with
 * `OPENCX_API_URL` pointing at the app's sandbox route served over real HTTP
 * (`startSandboxServer`). The token it prints must verify and carry the email it was given and
 * the config's sample name and customData; every failure exits 1 with a message on stderr.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The test serves the route module itself; lib code never imports app/.
// eslint-disable-next-line no-restricted-imports
import * as route from "@/app/api/widget/authenticate-user/route";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { generateNodeSnippet, NODE_TOKEN_FILE } from "../snippets/server-snippets";
import { loadFixtureConfigs } from "../snippets/test-support/fixtures";
import { SANDBOX_API_KEY } from "./settings";
import { bareEnv, projectWith, runProgram, type CommandResult } from "./test-support/run-command";
import { startSandboxServer, type SandboxServer } from "./test-support/sandbox-server";
import { contactIdOf, verifySandboxToken } from "./token";
import { fakeKey } from "../secrets/test-support/fake-keys";

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer(route);
});
afterAll(() => sandbox.close());

/**
 * Writes the config's Node module at its path in a fresh folder and runs
 * `node server/opencx-contact-token.mjs <args…>` there, with only the two OpenCX variables set.
 */
async function runSnippet(
  config: PlaygroundConfig,
  args: readonly string[] = [config.serverEmail],
  apiKey: string | null = SANDBOX_API_KEY,
): Promise<CommandResult> {
  const project = await projectWith(generateNodeSnippet(config).files);
  const env: Record<string, string> = { ...bareEnv(), OPENCX_API_URL: `${sandbox.baseUrl}/api` };
  if (apiKey !== null) env.OPENCX_API_KEY = apiKey;
  try {
    return await runProgram(process.execPath, [NODE_TOKEN_FILE, ...args], project.dir, env);
  } finally {
    await project.remove();
  }
}

const fixtures = loadFixtureConfigs();
function fixture(name: string): PlaygroundConfig {
  const found = fixtures.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found.config;
}

describe("the generated Node snippet against the sandbox", () => {
  it.each(["verified-full", "verified-minimal", "verified-unsupported-language"])(
    "%s: prints a token that verifies and carries the email it was given and the sample's name and customData",
    async (name) => {
      const config = fixture(name);
      const email = `runner+${name}@example.com`;
      const before = sandbox.received.length;
      const result = await runSnippet(config, [email]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^\S+\n$/);
      const verified = await verifySandboxToken(result.stdout.trim());
      if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
      const sent = toAuthenticateRequest(config);
      expect(verified.claims.email).toBe(email);
      expect(verified.claims.name).toBe(sent.name);
      expect(verified.claims.customData).toEqual(sent.customData);
      expect(sandbox.received.slice(before)).toEqual([
        { ...JSON.parse(JSON.stringify(sent)), email },
      ]);
    },
  );

  it("carries hostile strings intact (with a valid email on the command line)", async () => {
    const config = fixture("hostile-verified");
    const email = "o'brien+test@example.com";
    const result = await runSnippet(config, [email]);
    expect(result.code).toBe(0);
    const verified = await verifySandboxToken(result.stdout.trim());
    if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
    const sent = toAuthenticateRequest(config);
    expect(verified.claims.email).toBe(email);
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
      const before = sandbox.received.length;
      const result = await runSnippet(config);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(sandbox.received.slice(before)).toEqual([JSON.parse(JSON.stringify(sent))]);
      expect((sandbox.received.at(-1) as { mcp_access?: unknown }).mcp_access).toEqual(
        sent.mcp_access,
      );
      const verified = await verifySandboxToken(result.stdout.trim());
      if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
      expect(verified.claims.email).toBe(config.serverEmail);
    },
  );

  it("the same config on v4 sends no mcp_access", async () => {
    const config = { ...fixture("verified-mcp-listed"), widgetVersion: "v4" as const };
    const before = sandbox.received.length;
    const result = await runSnippet(config);
    expect(result.code).toBe(0);
    expect(sandbox.received.slice(before)).toHaveLength(1);
    expect(sandbox.received.at(-1)).not.toHaveProperty("mcp_access");
  });

  it("fails loudly with HTTP 401 when the key is not the sandbox key", async () => {
    const config = fixture("verified-minimal");
    const result = await runSnippet(
      config,
      [config.serverEmail],
      fakeKey("live", "not_for_the_sandbox"),
    );
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "Error: OpenCX authenticate-user failed: HTTP 401\n",
    });
  });

  it("fails loudly with HTTP 400 when the email is not valid", async () => {
    const result = await runSnippet(fixture("verified-minimal"), [
      fixture("hostile-verified").serverEmail,
    ]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "Error: OpenCX authenticate-user failed: HTTP 400\n",
    });
  });

  it.each([
    ["no email", []],
    ["an empty email", [""]],
  ] as const)("with %s, prints how to run it, exits 1 and sends nothing", async (_, args) => {
    const before = sandbox.received.length;
    const result = await runSnippet(fixture("verified-minimal"), args);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "Usage: node server/opencx-contact-token.mjs <email>\n",
    });
    expect(sandbox.received.length).toBe(before);
  });

  it("without OPENCX_API_KEY, says so, exits 1 and sends nothing", async () => {
    const before = sandbox.received.length;
    const config = fixture("verified-minimal");
    const result = await runSnippet(config, [config.serverEmail], null);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "Error: OPENCX_API_KEY is not set\n",
    });
    expect(sandbox.received.length).toBe(before);
  });
});
