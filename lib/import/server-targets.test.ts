/**
 * Import of every server target's generated files, as a table: each file either reads back
 * (the authenticate-user body the config models, as round-trip.test.ts proves for the JS
 * targets) or is refused with the sentence naming its language; never a bare syntax error, and
 * a refused import keeps the config it was given. Every target in SNIPPET_TARGETS must be in the
 * table (client targets are read back in round-trip.test.ts): a target added later fails here
 * until it is classified.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { looksLikeApiKey, looksLikeJwt } from "../secrets/detect";
import { generateSnippet } from "../snippets";
import { loadFixtureCases } from "../snippets/test-support/fixtures";
import { verifiedConfigs } from "../snippets/test-support/property";
import {
  CLIENT_TARGETS,
  SERVER_TARGETS,
  SNIPPET_TARGETS,
  type SnippetTarget,
} from "../snippets/types";
import { importSnippet } from "./index";
import { unreadableServerCodeMessage } from "./server-languages";

/** What importing one generated file does. */
type Outcome =
  /** Reads back: the config's authenticate-user body (the email stays the playground's). */
  | { reads: "body" }
  /** JavaScript without options or a body (a route that imports the token module): says so. */
  | { reads: "nothing" }
  /** Refused with the sentence naming the language. */
  | { refused: "PHP" | "Ruby" | "Python" | "Go" | "Java" | "cURL" };

type Classification =
  /** A page target: its options read back in round-trip.test.ts. */
  | "client"
  /** A server target: what importing each of its files (by path) does. */
  | Readonly<Record<string, Outcome>>;

const BODY: Outcome = { reads: "body" };
const refused = (language: "PHP" | "Ruby" | "Python" | "Go" | "Java" | "cURL"): Outcome => ({
  refused: language,
});

/** Every target; a new one is a type error here and a failing test until it is added. */
const IMPORT_OF: Readonly<Record<SnippetTarget, Classification>> = {
  html: "client",
  react: "client",
  nextjs: "client",
  vue: "client",
  nuxt: "client",
  svelte: "client",
  sveltekit: "client",
  angular: "client",
  node: { "server/opencx-contact-token.mjs": BODY },
  express: {
    "server/opencx-contact-token.mjs": BODY,
    "server/opencx-routes.mjs": { reads: "nothing" },
  },
  "nextjs-route": { "app/api/opencx/contact-token/route.ts": BODY },
  python: { "opencx_contact_token.py": refused("Python") },
  flask: {
    "opencx_contact_token.py": refused("Python"),
    "opencx_routes.py": refused("Python"),
  },
  php: {
    "opencx_contact_token.php": refused("PHP"),
    "api/opencx/contact-token.php": refused("PHP"),
  },
  ruby: {
    "opencx_contact_token.rb": refused("Ruby"),
    "opencx_routes.rb": refused("Ruby"),
  },
  go: { "opencx_contact_token.go": refused("Go") },
  java: { "OpenCxContactToken.java": refused("Java") },
  curl: { "opencx-contact-token.sh": refused("cURL") },
};

/** The sample email the playground holds when server code is imported. */
const PLAYGROUND_EMAIL = "kept-sample@example.com";
const NOTHING_FOUND =
  "No widget options found: expected an options object, initOpenScript(options) or <Widget options={…} />.";

const serverTargets = SNIPPET_TARGETS.filter((t) => IMPORT_OF[t] !== "client");

/** Import refuses a secret-looking value on purpose (import.test.ts checks that). */
function holdsSecretLookalike(config: PlaygroundConfig): boolean {
  return [
    config.serverEmail,
    config.serverName,
    config.serverAvatarUrl,
    config.serverPhone,
    config.serverChatContext,
    ...config.serverCustomData.map((r) => String(r.value)),
    config.mcpAccountId,
    ...config.mcpServerIds,
  ].some((s) => looksLikeApiKey(s, config.apiKey) || looksLikeJwt(s));
}

/** Imports `code` with a base that keeps the config's key and version; checks `outcome`. */
function expectOutcome(code: string, config: PlaygroundConfig, outcome: Outcome, where: string) {
  const base: PlaygroundConfig = {
    ...defaultConfig(),
    apiKey: config.apiKey,
    widgetVersion: config.widgetVersion,
    serverEmail: PLAYGROUND_EMAIL,
  };
  const result = importSnippet(code, base);
  const messages = result.problems.map((p) => p.message);
  for (const message of messages) expect(message, where).not.toMatch(/^Syntax error/);
  if ("refused" in outcome) {
    expect(result.ok, where).toBe(false);
    expect(result.kind, where).toBeNull();
    expect(result.config, where).toBe(base);
    expect(result.problems, where).toEqual([
      {
        severity: "error",
        path: "",
        message: unreadableServerCodeMessage(outcome.refused),
        range: expect.any(Object),
      },
    ]);
  } else if (outcome.reads === "nothing") {
    expect(result.ok, where).toBe(false);
    expect(result.config, where).toBe(base);
    expect(messages, where).toEqual([NOTHING_FOUND]);
  } else {
    expect(result.ok, where).toBe(true);
    expect(result.config.model, where).toBe("server");
    expect(
      result.problems.filter((p) => p.severity === "error"),
      where,
    ).toEqual([]);
    // The body's email is the token function's parameter (the signed-in user's, known only at
    // run time): the playground keeps its own sample email.
    expect(toAuthenticateRequest(result.config), where).toEqual({
      ...toAuthenticateRequest(config),
      email: PLAYGROUND_EMAIL,
    });
  }
}

function checkTarget(target: SnippetTarget, config: PlaygroundConfig, where: string): void {
  const table = IMPORT_OF[target];
  if (table === "client") throw new Error(`${target} is a client target`);
  const files = generateSnippet(target, config).files;
  expect(files.map((f) => f.path).sort(), `${where}: the files`).toEqual(Object.keys(table).sort());
  for (const file of files) {
    expectOutcome(file.code, config, table[file.path]!, `${where} ${target} ${file.path}`);
  }
}

describe("importing a server target's files", () => {
  it("every target is classified, server targets by file, in agreement with the target lists", () => {
    expect(Object.keys(IMPORT_OF).sort()).toEqual([...SNIPPET_TARGETS].sort());
    expect(serverTargets).toEqual(SERVER_TARGETS);
    expect(SNIPPET_TARGETS.filter((t) => IMPORT_OF[t] === "client")).toEqual(CLIENT_TARGETS);
  });

  const fixtures = loadFixtureCases().filter(({ config }) => !holdsSecretLookalike(config));

  it("the fixtures cover both majors and the hostile config", () => {
    expect(new Set(fixtures.map((f) => f.config.widgetVersion)).size).toBe(2);
    expect(fixtures.some((f) => f.dir.startsWith("hostile-verified"))).toBe(true);
  });

  for (const target of serverTargets) {
    it(`${target}: every fixture's files read back or are refused by name`, () => {
      for (const { dir, config } of fixtures) checkTarget(target, config, dir);
    });
  }

  it("so do random hostile verified configs, for every server target", () => {
    fc.assert(
      fc.property(
        verifiedConfigs(true).filter((c) => !holdsSecretLookalike(c)),
        fc.constantFrom(...serverTargets),
        (config, target) => checkTarget(target, config, "random config"),
      ),
      { numRuns: 300 },
    );
  });
});
