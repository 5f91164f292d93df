/**
 * The JavaScript server snippets run for real against a local stand-in of authenticate-user
 * (`startStandInApi`), over random verified configs with ordinary and hostile strings:
 *
 * - Node: ONE `node` process imports every case's module and calls `getContactToken(email)`
 *   with another config's (hostile) email. Each call sends exactly `toAuthenticateRequest(config)`
 *   with that email (after JSON serialisation), with the key from `OPENCX_API_KEY` and the base URL from
 *   `OPENCX_API_URL`, and returns the token the stand-in answered; an empty email is refused
 *   before anything is sent. Importing the modules runs no main guard (the process prints
 *   nothing, and the stand-in sees one request per call).
 * - Next.js route: in this process, every route handler is transpiled by TypeScript (one call
 *   for all) and its `POST()` evaluated with the customer's placeholder `getSignedInUser()`
 *   replaced by a stub session; it answers `{ token }` (no-store) for a signed-in user, having
 *   sent exactly the body with that user's email, and 401 without one.
 */
import { writeFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { runProgram } from "../sandbox/test-support/run-command";
import { generateSnippet } from "./index";
import { AUTHENTICATE_USER_PATH, CONTACT_TOKEN_ENDPOINT } from "./model";
import { parseSource } from "./test-support/literal-eval";
import { expectBothMajors, sampleConfigs } from "./test-support/property";
import { forksProcess } from "./test-support/runtimes";
import { fileOf } from "./test-support/snippet-checks";
import {
  startStandInApi,
  type RecordedRequest,
  type StandInApi,
} from "./test-support/stand-in-api";

/** Configs per kind of string (ordinary, hostile): each runs once per target. */
const PER_KIND = 100;
/** What the process's OPENCX_API_KEY holds. */
const ENV_API_KEY = "env-api-key-sentinel";
const EMPTY_EMAIL_ERROR = "Error: getContactToken needs the email of the signed-in user";

const ordinary = sampleConfigs(false, PER_KIND);
const hostile = sampleConfigs(true, PER_KIND, true);
const seeds = `seeds ${ordinary.seed} (ordinary) and ${hostile.seed} (hostile)`;
/** The sample, plus one config with an email and one without, whatever the sample holds. */
const configs: PlaygroundConfig[] = [
  ...ordinary.configs,
  ...hostile.configs,
  { ...ordinary.configs[0]!, serverEmail: "" },
  { ...ordinary.configs[0]!, serverEmail: "jane@example.com" },
];

/**
 * The signed-in user's email each case runs with: the next config's sample email, so the
 * hostile emails go through the calls too, and a snippet that sent its own sample would fail.
 */
const emails = configs.map((_, i) => configs[(i + 1) % configs.length]!.serverEmail);

/**
 * The cases the route handlers run: every other one (ordinary and hostile alike) and the last
 * three, with and without an email. A route costs a TypeScript transpile; its body is the Node
 * module's function, which every case runs.
 */
const routeCases = configs.map((_, i) => i).filter((i) => i % 2 === 0 || i >= configs.length - 3);

/** What goes over the wire for `email`: the body after JSON serialisation (-0 becomes 0). */
const wire = (config: PlaygroundConfig, email: string) =>
  JSON.parse(JSON.stringify({ ...toAuthenticateRequest(config), email })) as unknown;

let api: StandInApi;
beforeAll(async () => {
  api = await startStandInApi();
});
afterAll(() => api.close());

/** The request the stand-in answered with `token` (`token-<n>` names its index). */
function requestOf(token: unknown): RecordedRequest | undefined {
  const match = typeof token === "string" ? /^token-(\d+)$/.exec(token) : null;
  return match ? api.requests[Number(match[1])] : undefined;
}

/** That `request` is the authenticate-user call `config` makes, with the key from the environment. */
function expectAuthenticateCall(
  request: RecordedRequest | undefined,
  config: PlaygroundConfig,
  email: string,
  message: string,
): void {
  expect(request, message).toBeDefined();
  const { method, path, headers, json } = request!;
  expect({ method, path, json }, message).toEqual({
    method: "POST",
    path: AUTHENTICATE_USER_PATH,
    json: wire(config, email),
  });
  expect(headers.authorization, message).toBe(`Bearer ${ENV_API_KEY}`);
  expect(headers["content-type"], message).toBe("application/json");
}

/** Imports every module in turn and calls its `getContactToken(email)`; writes what each gave. */
const NODE_DRIVER = `
import { readFileSync, writeFileSync } from "node:fs";
const [casesFile, resultsFile] = process.argv.slice(2);
const results = [];
for (const { url, email } of JSON.parse(readFileSync(casesFile, "utf8"))) {
  try {
    const { getContactToken } = await import(url);
    results.push({ ok: true, token: await getContactToken(email) });
  } catch (error) {
    results.push({ ok: false, error: String(error) });
  }
}
writeFileSync(resultsFile, JSON.stringify(results));
`;

type NodeResult = { ok: true; token: unknown } | { ok: false; error: string };

describe(`JS server snippets run against a stand-in API (${configs.length} configs, ${seeds})`, () => {
  it("the sample covers both majors and mcp_access, with and without an email", () => {
    expectBothMajors(configs, PER_KIND / 5);
    expectBothMajors(
      routeCases.map((i) => configs[i]!),
      PER_KIND / 10,
    );
    expect(routeCases.filter((i) => emails[i] === "").length).toBeGreaterThan(0);
    expect(emails.filter((email) => email === "").length).toBeGreaterThan(0);
    expect(emails.filter((email, i) => email !== configs[i]!.serverEmail).length).toBeGreaterThan(
      configs.length / 2,
    );
  });

  forksProcess(
    "Node: one process imports every module; getContactToken(email) sends exactly the body and returns the stand-in's token",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "node-snippets-"));
      try {
        const cases = configs.map((config, i) => {
          const path = join(dir, `case-${i}`, "opencx-contact-token.mjs");
          return { path, code: fileOf(generateSnippet("node", config), ".mjs").code, config };
        });
        for (const { path, code } of cases) {
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, code);
        }
        const casesFile = join(dir, "cases.json");
        const resultsFile = join(dir, "results.json");
        writeFileSync(
          casesFile,
          JSON.stringify(
            cases.map(({ path }, i) => ({ url: pathToFileURL(path).href, email: emails[i] })),
          ),
        );
        writeFileSync(join(dir, "driver.mjs"), NODE_DRIVER);
        const before = api.requests.length;
        const run = await runProgram(
          process.execPath,
          ["driver.mjs", casesFile, resultsFile],
          dir,
          {
            PATH: process.env.PATH ?? "",
            OPENCX_API_URL: api.baseUrl,
            OPENCX_API_KEY: ENV_API_KEY,
          },
        );
        // Importing a module runs nothing: no main guard printed a token or a usage line.
        expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
        const results = JSON.parse(await readFile(resultsFile, "utf8")) as NodeResult[];
        expect(results).toHaveLength(configs.length);
        let sent = 0;
        results.forEach((result, i) => {
          const config = configs[i]!;
          const message = `${seeds}, case ${i}:\n${cases[i]!.code}`;
          if (emails[i] === "") {
            expect(result, message).toEqual({ ok: false, error: EMPTY_EMAIL_ERROR });
            return;
          }
          sent++;
          expect(result.ok, message + JSON.stringify(result)).toBe(true);
          const token = (result as { token: unknown }).token;
          expectAuthenticateCall(requestOf(token), config, emails[i]!, message);
        });
        expect(api.requests.length - before).toBe(sent);
        console.log(`Node: ${configs.length} modules in one process, ${sent} calls sent`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  it("Next.js route: POST() of every transpiled handler answers { token } for the signed-in user, sent with exactly the body", async () => {
    const files = routeCases.map((i) =>
      fileOf(generateSnippet("nextjs-route", configs[i]!), "route.ts"),
    );
    const before = api.requests.length;
    const outcomes = await callRoutes(
      files.map((f) => f.code),
      routeCases.map((i) => ({ email: emails[i]! })),
    );
    let sent = 0;
    outcomes.forEach((outcome, n) => {
      const i = routeCases[n]!;
      const message = `${seeds}, case ${i}:\n${files[n]!.code}`;
      if (emails[i] === "") {
        // The session's user has no email: the token function refuses before sending.
        expect(outcome, message).toEqual({ error: EMPTY_EMAIL_ERROR });
        return;
      }
      sent++;
      expect(outcome, message).toMatchObject({ status: 200, cacheControl: "no-store" });
      const body = (outcome as { body: { token: unknown } }).body;
      expect(Object.keys(body), message).toEqual(["token"]);
      expectAuthenticateCall(requestOf(body.token), configs[i]!, emails[i]!, message);
    });
    expect(api.requests.length - before).toBe(sent);
    console.log(
      `Next.js route: ${routeCases.length} handlers in one transpile, ${sent} calls sent`,
    );
  });

  it("Next.js route: without a signed-in user, POST() answers 401 and sends nothing", async () => {
    const code = fileOf(generateSnippet("nextjs-route", configs.at(-1)!), "route.ts").code;
    const before = api.requests.length;
    expect(await callRoutes([code], [null])).toEqual([
      { status: 401, cacheControl: null, body: { error: "Not signed in" } },
    ]);
    expect(api.requests.length).toBe(before);
  });

  it("Next.js route: the placeholder getSignedInUser() the customer replaces throws until they do", async () => {
    const code = fileOf(generateSnippet("nextjs-route", configs.at(-1)!), "route.ts").code;
    expect(await callRoutes([code], [undefined])).toEqual([
      { error: "Error: Implement getSignedInUser() with your auth library" },
    ]);
  });
});

type RouteOutcome =
  { status: number; cacheControl: string | null; body: unknown } | { error: string };

type SessionUser = { email: string } | null;

/**
 * Transpiles route handlers in ONE TypeScript call (each in a namespace of its own, which keeps
 * its top-level names apart and collects its exports), with each `getSignedInUser()` replaced
 * by one that returns the session's user, or kept (the generated placeholder) where `users`
 * says `undefined`. Then calls each `POST()` in turn with its user signed in and the stand-in
 * as `OPENCX_API_URL`. The routes' only globals are the ones a Next.js server gives them.
 */
async function callRoutes(
  codes: readonly string[],
  users: readonly (SessionUser | undefined)[],
): Promise<RouteOutcome[]> {
  const names = codes.map((_, i) => `route_${i}`);
  const program = codes
    .map((code, i) => {
      const source = users[i] === undefined ? code : withSession(code);
      return `namespace ${names[i]} {\n${source}\n}`;
    })
    .join("\n");
  const { outputText, diagnostics } = ts.transpileModule(program, {
    fileName: "routes.ts",
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  expect(diagnostics ?? []).toEqual([]);
  const session: { user: SessionUser | undefined } = { user: null };
  const context = vm.createContext({
    process: { env: { OPENCX_API_URL: api.baseUrl, OPENCX_API_KEY: ENV_API_KEY } },
    fetch,
    Response,
    AbortSignal,
    __session: session,
  });
  const modules = vm.runInContext(`${outputText}\n[${names.join(", ")}]`, context) as Record<
    string,
    unknown
  >[];
  const outcomes: RouteOutcome[] = [];
  for (const [i, exports] of modules.entries()) {
    expect(Object.keys(exports)).toEqual(["POST"]);
    session.user = users[i];
    try {
      const response = await (exports.POST as () => Promise<Response>)();
      outcomes.push({
        status: response.status,
        cacheControl: response.headers.get("cache-control"),
        body: (await response.json()) as unknown,
      });
    } catch (error) {
      outcomes.push({ error: String(error) });
    }
  }
  return outcomes;
}

/** The route with the body of its `getSignedInUser()` returning the test's session user. */
function withSession(code: string): string {
  const source = parseSource(code, "route.ts");
  const found = source.statements.filter(
    (s): s is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(s) && s.name?.text === "getSignedInUser",
  );
  if (found.length !== 1) throw new Error(`expected one getSignedInUser, found ${found.length}`);
  const body = found[0]!.body!;
  return `${code.slice(0, body.getStart(source))}{\n  return __session.user;\n}${code.slice(body.end)}`;
}

// The route's path is where the page fetches the token from.
it("the Next.js route lives at the path the page calls", () => {
  const [file] = generateSnippet("nextjs-route", configs[0]!).files;
  expect(file!.path).toBe(`app${CONTACT_TOKEN_ENDPOINT}/route.ts`);
});
