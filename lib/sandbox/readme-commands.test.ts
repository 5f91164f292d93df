/**
 * Every server snippet runs as the README's Sandbox section shows: each command line below is
 * run exactly as written there (by bash, in a folder holding the generated files at their
 * paths), with only the port of `http://127.0.0.1:3000` changed to the test server's, which
 * serves the app's own sandbox route over real HTTP. The token each prints must verify and
 * carry the email given on the command line (the cURL script mints for its sample email).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The test serves the route module itself; lib code never imports app/.
// eslint-disable-next-line no-restricted-imports
import * as route from "@/app/api/widget/authenticate-user/route";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { generateSnippet } from "../snippets/index";
import { loadFixtureConfigs } from "../snippets/test-support/fixtures";
import { describeWithRuntime } from "../snippets/test-support/runtimes";
import type { SnippetTarget } from "../snippets/types";
import { SANDBOX_API_KEY } from "./settings";
import { projectWith, runCommandLine, type CommandResult } from "./test-support/run-command";
import { startSandboxServer, type SandboxServer } from "./test-support/sandbox-server";
import { verifySandboxToken } from "./token";

/** Where the README's commands point: `npm run dev` on its default port. */
const README_API_URL = "http://127.0.0.1:3000/api";
/** The email the README's Node and Python commands mint for (not any fixture's sample). */
const README_EMAIL = "ada@example.com";
const ENV = `OPENCX_API_URL=${README_API_URL} OPENCX_API_KEY=${SANDBOX_API_KEY}`;

/** The README's Sandbox command lines, one per runnable server target, exactly. */
const README_COMMANDS = {
  node: `${ENV} node server/opencx-contact-token.mjs ${README_EMAIL}`,
  python: `${ENV} python3 opencx_contact_token.py ${README_EMAIL}`,
  curl: `${ENV} bash opencx-contact-token.sh`,
} as const satisfies Partial<Record<SnippetTarget, string>>;

const config: PlaygroundConfig = (() => {
  const found = loadFixtureConfigs().find((f) => f.name === "verified-full");
  if (!found) throw new Error("no fixture verified-full");
  return found.config;
})();

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer(route);
});
afterAll(() => sandbox.close());

/** Writes the target's files for `config` into a fresh folder and runs its README line there. */
async function runAsReadmeShows(target: keyof typeof README_COMMANDS): Promise<CommandResult> {
  const line = README_COMMANDS[target];
  const local = line.replace(README_API_URL, `${sandbox.baseUrl}/api`);
  expect(local).not.toBe(line);
  const project = await projectWith(generateSnippet(target, config).files);
  try {
    return await runCommandLine(local, project.dir);
  } finally {
    await project.remove();
  }
}

/** The printed token verifies, names `email`, and carries the sample's name and customData. */
async function expectTokenFor(result: CommandResult, email: string): Promise<void> {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^\S+\n$/);
  const verified = await verifySandboxToken(result.stdout.trim());
  if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
  const sample = toAuthenticateRequest(config);
  expect(verified.claims.email).toBe(email);
  expect(verified.claims.name).toBe(sample.name);
  expect(verified.claims.customData).toEqual(sample.customData);
  expect(sandbox.received.at(-1)).toEqual({ ...JSON.parse(JSON.stringify(sample)), email });
}

describe("the README's sandbox commands, run as written", () => {
  it("the sample's email is not the command line's, so the token shows which one was sent", () => {
    expect(config.serverEmail).not.toBe(README_EMAIL);
  });

  it(`Node: ${README_COMMANDS.node.replace(SANDBOX_API_KEY, "…")}`, async () => {
    await expectTokenFor(await runAsReadmeShows("node"), README_EMAIL);
  });
});

describeWithRuntime("python-requests", "the README's Python sandbox command", () => {
  it(`Python: ${README_COMMANDS.python.replace(SANDBOX_API_KEY, "…")}`, async () => {
    await expectTokenFor(await runAsReadmeShows("python"), README_EMAIL);
  });
});

describeWithRuntime("curl", "the README's cURL sandbox command", () => {
  it(`cURL: ${README_COMMANDS.curl.replace(SANDBOX_API_KEY, "…")}`, async () => {
    await expectTokenFor(await runAsReadmeShows("curl"), config.serverEmail);
  });
});
