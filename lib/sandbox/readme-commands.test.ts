/**
 * Every server snippet runs as the README's Sandbox section shows: the test reads that section's
 * shell block, checks that it holds exactly the command lines below (and that each snippet's
 * usage line names its command), then runs each line as written there (by bash, after the
 * block's `export` line, in a folder holding the generated files at their paths), with only the
 * port of `http://127.0.0.1:3000` changed to the test server's, which serves the app's own
 * sandbox route over real HTTP. The token each prints must verify and carry the email given on
 * the command line (the cURL script, for one user, mints for its sample email).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The test serves the route module itself; lib code never imports app/.
// eslint-disable-next-line no-restricted-imports
import * as route from "@/app/api/widget/authenticate-user/route";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { GO_RUN_USAGE } from "../snippets/go-snippet";
import { generateSnippet } from "../snippets/index";
import { JAVA_RUN_USAGE } from "../snippets/java-snippet";
import { PHP_RUN_USAGE } from "../snippets/php-snippet";
import { PYTHON_RUN_USAGE } from "../snippets/python-snippet";
import { RUBY_RUN_USAGE } from "../snippets/ruby-snippet";
import { NODE_RUN_USAGE } from "../snippets/server-snippets";
import { loadFixtureConfigs } from "../snippets/test-support/fixtures";
import { describeWithRuntime, type Runtime } from "../snippets/test-support/runtimes";
import type { SnippetTarget } from "../snippets/types";
import { SANDBOX_API_KEY } from "./settings";
import { projectWith, runCommandLine, type CommandResult } from "./test-support/run-command";
import { startSandboxServer, type SandboxServer } from "./test-support/sandbox-server";
import { verifySandboxToken } from "./token";

/** Where the README's commands point: `npm run dev` on its default port. */
const README_API_URL = "http://127.0.0.1:3000/api";
/** The email the README's commands mint for (not any fixture's sample). */
const README_EMAIL = "ada@example.com";
const EXPORT_LINE = `export OPENCX_API_URL=${README_API_URL} OPENCX_API_KEY=${SANDBOX_API_KEY}`;

/** The README's Sandbox command lines (comments aside), in its order, and what each needs. */
const README_COMMANDS = [
  {
    target: "node",
    runtime: null,
    command: `node server/opencx-contact-token.mjs ${README_EMAIL}`,
  },
  {
    target: "python",
    runtime: "python-requests",
    command: `python3 opencx_contact_token.py ${README_EMAIL}`,
  },
  { target: "php", runtime: "php", command: `php opencx_contact_token.php ${README_EMAIL}` },
  { target: "ruby", runtime: "ruby", command: `ruby opencx_contact_token.rb ${README_EMAIL}` },
  { target: "go", runtime: "go", command: `go run opencx_contact_token.go ${README_EMAIL}` },
  { target: "java", runtime: "java", command: `java OpenCxContactToken.java ${README_EMAIL}` },
  { target: "curl", runtime: "curl", command: "bash opencx-contact-token.sh" },
] as const satisfies readonly { target: SnippetTarget; runtime: Runtime | null; command: string }[];

/** The command each runnable snippet's usage line names: the README's, `<email>` for the address. */
const USAGES: Readonly<Partial<Record<SnippetTarget, string>>> = {
  node: NODE_RUN_USAGE,
  python: PYTHON_RUN_USAGE,
  php: PHP_RUN_USAGE,
  ruby: RUBY_RUN_USAGE,
  go: GO_RUN_USAGE,
  java: JAVA_RUN_USAGE,
};

/** The README's Sandbox section's shell block, as lines. */
function readmeBlock(): string[] {
  const readme = readFileSync(join(process.cwd(), "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## Sandbox\n"));
  const match = /```sh\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error("README.md: no ```sh block in the Sandbox section");
  return match[1]!.split("\n").filter((line) => line !== "");
}

/** The README's line for `target`, exactly as written there (with its comment). */
function readmeLine(target: SnippetTarget): string {
  const line = readmeBlock().find((l) => l.split("#")[0]!.trim() === commandOf(target));
  if (!line) throw new Error(`README.md: no line for ${target}`);
  return line;
}

const commandOf = (target: SnippetTarget) =>
  README_COMMANDS.find((c) => c.target === target)!.command;

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

/** Writes the target's files for `config` into a fresh folder and runs its README lines there. */
async function runAsReadmeShows(target: SnippetTarget): Promise<CommandResult> {
  const script = `${EXPORT_LINE}\n${readmeLine(target)}`;
  const local = script.replace(README_API_URL, `${sandbox.baseUrl}/api`);
  expect(local).not.toBe(script);
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

describe("the README's sandbox commands", () => {
  it("are exactly the lines this test runs, after the export of the sandbox URL and key", () => {
    const [exportLine, ...lines] = readmeBlock();
    expect(exportLine).toBe(EXPORT_LINE);
    expect(lines.map((line) => line.split("#")[0]!.trim())).toEqual(
      README_COMMANDS.map((c) => c.command),
    );
  });

  it("name the command each snippet's usage line names, with the email for <email>", () => {
    for (const { target, command } of README_COMMANDS) {
      if (target === "curl") continue;
      expect(command.replace(README_EMAIL, "<email>"), target).toBe(USAGES[target]);
      const code = generateSnippet(target, config)
        .files.map((f) => f.code)
        .join("\n");
      expect(code, target).toContain(`Usage: ${USAGES[target]}`);
    }
    expect(Object.keys(USAGES)).toEqual(
      README_COMMANDS.filter((c) => c.target !== "curl").map((c) => c.target),
    );
  });

  it("the sample's email is not the command line's, so the token shows which one was sent", () => {
    expect(config.serverEmail).not.toBe(README_EMAIL);
  });
});

for (const { target, runtime } of README_COMMANDS) {
  const email = target === "curl" ? () => config.serverEmail : () => README_EMAIL;
  const name = `${target}: ${commandOf(target)}`;
  const body = () => {
    it("prints a token that verifies, for the email it was given", async () => {
      await expectTokenFor(await runAsReadmeShows(target), email());
    });
  };
  if (runtime === null) describe(name, body);
  else describeWithRuntime(runtime, name, body);
}
