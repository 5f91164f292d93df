/**
 * The generated Python module run directly (`python3 opencx_contact_token.py <email>`) against
 * the app's sandbox route served over real HTTP: it prints a token that verifies for the email
 * it was given, and every failure exits 1 with one line on stderr, sending nothing it should not.
 * (readme-commands.test.ts runs the README's own line; python-run.property.test.ts the body over
 * random and hostile configs against a stand-in.)
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
// The test serves the route module itself; lib code never imports app/.
// eslint-disable-next-line no-restricted-imports
import * as route from "@/app/api/widget/authenticate-user/route";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { fakeKey } from "../secrets/test-support/fake-keys";
import { generatePythonSnippet, PYTHON_TOKEN_FILE } from "../snippets/python-snippet";
import { loadFixtureConfigs } from "../snippets/test-support/fixtures";
import { describeWithRuntime } from "../snippets/test-support/runtimes";
import { SANDBOX_API_KEY } from "./settings";
import { bareEnv, projectWith, runProgram, type CommandResult } from "./test-support/run-command";
import { startSandboxServer, type SandboxServer } from "./test-support/sandbox-server";
import { verifySandboxToken } from "./token";

const fixtures = loadFixtureConfigs();
function fixture(name: string): PlaygroundConfig {
  const found = fixtures.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found.config;
}

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer(route);
});
afterAll(() => sandbox.close());

/** `python3 opencx_contact_token.py <args…>` in a folder holding the config's module. */
async function runSnippet(
  config: PlaygroundConfig,
  args: readonly string[],
  apiKey: string | null = SANDBOX_API_KEY,
  apiUrl = `${sandbox.baseUrl}/api`,
): Promise<CommandResult> {
  const project = await projectWith(generatePythonSnippet(config).files);
  const env: Record<string, string> = { ...bareEnv(), OPENCX_API_URL: apiUrl };
  if (apiKey !== null) env.OPENCX_API_KEY = apiKey;
  try {
    return await runProgram("python3", [PYTHON_TOKEN_FILE, ...args], project.dir, env);
  } finally {
    await project.remove();
  }
}

describeWithRuntime("python-requests", "the generated Python module against the sandbox", () => {
  it("v5 with personal connections: prints a token that verifies for the email given, sent with the sample's mcp_access", async () => {
    const config = fixture("verified-mcp-listed");
    const email = "runner@example.com";
    const before = sandbox.received.length;
    const result = await runSnippet(config, [email]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const verified = await verifySandboxToken(result.stdout.trim());
    if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
    expect(verified.claims.email).toBe(email);
    const sent = JSON.parse(JSON.stringify(toAuthenticateRequest(config))) as object;
    expect(sandbox.received.slice(before)).toEqual([{ ...sent, email }]);
  });

  it("fails with HTTP 401 when the key is not the sandbox key", async () => {
    const config = fixture("verified-minimal");
    expect(
      await runSnippet(config, [config.serverEmail], fakeKey("live", "not_for_the_sandbox")),
    ).toEqual({ code: 1, stdout: "", stderr: "OpenCX authenticate-user failed: HTTP 401\n" });
  });

  it("fails on a redirect instead of following it (a followed 302 would turn the POST into a GET)", async () => {
    // Answers 302 to the sandbox's token path: a client that follows it sends a GET there.
    const redirecting = createServer((req, res) => {
      res.writeHead(302, { location: `${sandbox.baseUrl}/api/widget/authenticate-user` }).end();
      req.resume();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = redirecting.address() as AddressInfo;
      const config = fixture("verified-minimal");
      expect(
        await runSnippet(config, [config.serverEmail], SANDBOX_API_KEY, `http://127.0.0.1:${port}`),
      ).toEqual({ code: 1, stdout: "", stderr: "OpenCX authenticate-user failed: HTTP 302\n" });
    } finally {
      await new Promise<void>((resolve) => redirecting.close(() => resolve()));
    }
  });

  it("fails with HTTP 400 when the email is not valid", async () => {
    const email = fixture("hostile-verified").serverEmail;
    expect(await runSnippet(fixture("verified-minimal"), [email])).toEqual({
      code: 1,
      stdout: "",
      stderr: "OpenCX authenticate-user failed: HTTP 400\n",
    });
  });

  it("without an email or OPENCX_API_KEY, says what is missing, exits 1 and sends nothing", async () => {
    const config = fixture("verified-minimal");
    const before = sandbox.received.length;
    const usage = {
      code: 1,
      stdout: "",
      stderr: "Usage: python3 opencx_contact_token.py <email>\n",
    };
    expect(await runSnippet(config, [])).toEqual(usage);
    expect(await runSnippet(config, [""])).toEqual(usage);
    expect(await runSnippet(config, [config.serverEmail], null)).toEqual({
      code: 1,
      stdout: "",
      stderr: "OPENCX_API_KEY is not set\n",
    });
    expect(sandbox.received.length).toBe(before);
  });
});
