/**
 * The Python server snippets, proven by python3 itself over random verified configs with
 * ordinary and hostile strings:
 *
 * - Flask, read: one `python3` process parses both files of every Flask snippet (`ast`) and
 *   evaluates the token module's body literal (`ast.literal_eval`, its `email` parameter bound):
 *   it equals `toAuthenticateRequest(config)` with that email.
 * - Python, run as its main guard allows (`python3 opencx_contact_token.py <email>`): ONE
 *   process runs every case's module as `__main__` (`runpy`) with `sys.argv` set, against a
 *   local stand-in of authenticate-user. Each sends exactly the body with the email given
 *   (after JSON serialisation), the key from `OPENCX_API_KEY`, and prints the token it got; an
 *   empty or missing email prints the usage line and exits 1 without sending anything.
 * - Flask, run: ONE process imports every case's routes module (which imports its token module)
 *   into a fresh Flask app and POSTs to the route with Flask's test client, the signed-in user's
 *   email in the session: it answers `{ token }` (no-store) having sent exactly the body, and
 *   401 without a signed-in user.
 *
 * `requests` and Flask may be missing on a machine: those runs then skip with a loud line
 * (`describeWithRuntime`), or fail with `REQUIRE_RUNTIMES=1`.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { runProgram } from "../sandbox/test-support/run-command";
import { generateSnippet } from "./index";
import { AUTHENTICATE_USER_PATH, CONTACT_TOKEN_ENDPOINT } from "./model";
import { FLASK_ROUTES_FILE, PYTHON_TOKEN_FILE } from "./python-snippet";
import { expectBothMajors, sampleConfigs } from "./test-support/property";
import { evaluatePythonBatchAsync, pythonBodyCase } from "./test-support/python";
import { describeWithRuntime } from "./test-support/runtimes";
import { bodyForEmail } from "./test-support/snippet-checks";
import {
  startStandInApi,
  type RecordedRequest,
  type StandInApi,
} from "./test-support/stand-in-api";
import type { SnippetFile } from "./types";

/** Configs per kind of string (ordinary, hostile). */
const PER_KIND = 100;
const ENV_API_KEY = "env-api-key-sentinel";
const USAGE = "Usage: python3 opencx_contact_token.py <email>\n";

const ordinary = sampleConfigs(false, PER_KIND);
const hostile = sampleConfigs(true, PER_KIND, true);
const seeds = `seeds ${ordinary.seed} (ordinary) and ${hostile.seed} (hostile)`;
/** The sample, plus a config without an email and one with, whatever the sample holds. */
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

const flaskFiles = configs.map((config) => generateSnippet("flask", config).files);

/**
 * The cases the Flask routes serve: every other one (ordinary and hostile alike) and the last
 * three, with and without an email. A route costs an app and a test client; its token module
 * is the Python one, which every case runs.
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

function expectAuthenticateCall(token: unknown, i: number, message: string): void {
  const request = requestOf(token);
  expect(request, message).toBeDefined();
  const { method, path, headers, json } = request!;
  // The Python printer keeps the sign of -0.0 (print.test.ts) and json.dumps sends `-0.0`, the
  // same JSON number as the `0` JSON.stringify sends: compare the numbers, not the sign of zero.
  const received = JSON.parse(JSON.stringify(json)) as unknown;
  expect({ method, path, json: received }, message).toEqual({
    method: "POST",
    path: AUTHENTICATE_USER_PATH,
    json: wire(configs[i]!, emails[i]!),
  });
  expect(headers.authorization, message).toBe(`Bearer ${ENV_API_KEY}`);
  expect(headers["content-type"], message).toBe("application/json");
}

/**
 * Writes `files` into one folder per case, the cases and a driver next to them, and runs the
 * driver in ONE python3 process pointed at the stand-in; returns what it wrote per case.
 */
async function runPythonBatch<T>(
  driver: string,
  cases: readonly { files: readonly SnippetFile[]; input: Record<string, unknown> }[],
): Promise<T[]> {
  const dir = await mkdtemp(join(tmpdir(), "python-snippets-"));
  try {
    const inputs = [];
    for (const [i, { files, input }] of cases.entries()) {
      const caseDir = join(dir, `case_${i}`);
      for (const file of files) {
        await mkdir(dirname(join(caseDir, file.path)), { recursive: true });
        await writeFile(join(caseDir, file.path), file.code);
      }
      inputs.push({ dir: caseDir, ...input });
    }
    await writeFile(join(dir, "cases.json"), JSON.stringify(inputs));
    await writeFile(join(dir, "driver.py"), driver);
    const run = await runProgram("python3", ["driver.py", "cases.json", "results.json"], dir, {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      LANG: "C.UTF-8",
      OPENCX_API_URL: api.baseUrl,
      OPENCX_API_KEY: ENV_API_KEY,
    });
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    return JSON.parse(await readFile(join(dir, "results.json"), "utf8")) as T[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs each case's token module as `__main__` with `sys.argv = [file, *args]`, as python3 would. */
const MAIN_DRIVER = String.raw`
import contextlib, io, json, os, runpy, sys, traceback

sys.dont_write_bytecode = True
cases_file, results_file = sys.argv[1], sys.argv[2]
with open(cases_file, encoding="utf-8") as f:
    cases = json.load(f)
results = []
for case in cases:
    path = os.path.join(case["dir"], case["file"])
    out, err = io.StringIO(), io.StringIO()
    status = 0
    sys.argv = [path, *case["args"]]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            runpy.run_path(path, run_name="__main__")
        except SystemExit as exit:
            # What the interpreter does with the exception it ends on.
            if isinstance(exit.code, str):
                print(exit.code, file=sys.stderr)
                status = 1
            else:
                status = exit.code or 0
        except BaseException:
            traceback.print_exc()
            status = 1
    results.append({"status": status, "stdout": out.getvalue(), "stderr": err.getvalue()})
with open(results_file, "w", encoding="utf-8") as f:
    json.dump(results, f, ensure_ascii=True)
`;

/** Imports each case's routes into a fresh Flask app and POSTs to the route with the test client. */
const FLASK_DRIVER = String.raw`
import importlib, json, sys
import flask

sys.dont_write_bytecode = True
cases_file, results_file = sys.argv[1], sys.argv[2]
with open(cases_file, encoding="utf-8") as f:
    cases = json.load(f)
results = []
for i, case in enumerate(cases):
    for name in ("opencx_contact_token", "opencx_routes"):
        sys.modules.pop(name, None)
    sys.path.insert(0, case["dir"])
    try:
        routes = importlib.import_module("opencx_routes")
    finally:
        sys.path.remove(case["dir"])
    app = flask.Flask(f"case_{i}")
    app.secret_key = "test-session-secret"
    app.register_blueprint(routes.opencx_routes)
    client = app.test_client()
    if case["email"] is not None:
        with client.session_transaction() as session:
            session["user_email"] = case["email"]
    response = client.post(case["path"])
    results.append({
        "status": response.status_code,
        "json": response.get_json(silent=True),
        "cacheControl": response.headers.get("Cache-Control"),
    })
with open(results_file, "w", encoding="utf-8") as f:
    json.dump(results, f, ensure_ascii=True)
`;

describe(`Python snippets (${configs.length} configs, ${seeds})`, () => {
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

  it("Flask: python3 parses both files, and the token module's body equals toAuthenticateRequest with the email parameter", async () => {
    const results = await evaluatePythonBatchAsync(
      flaskFiles.flatMap(([token, routes]) => [
        pythonBodyCase(token!.code),
        { code: routes!.code, variable: null },
      ]),
    );
    expect(results).toHaveLength(2 * configs.length);
    configs.forEach((config, i) => {
      const message = `${seeds}, case ${i}:\n${flaskFiles[i]!.map((f) => f.code).join("\n")}`;
      expect(
        flaskFiles[i]!.map((f) => f.path),
        message,
      ).toEqual([PYTHON_TOKEN_FILE, FLASK_ROUTES_FILE]);
      expect(results[2 * i], message).toEqual({ ok: true, value: bodyForEmail(config) });
      expect(results[2 * i + 1], message).toEqual({ ok: true, value: null });
    });
  });
});

describeWithRuntime(
  "python-requests",
  "Python: run as `python3 opencx_contact_token.py <email>`",
  () => {
    it("one python3 process runs every module as __main__; each sends exactly the body for the email given and prints the token", async () => {
      const cases = configs.map((config, i) => ({
        files: generateSnippet("python", config).files,
        input: { file: PYTHON_TOKEN_FILE, args: [emails[i]] },
      }));
      const before = api.requests.length;
      const results = await runPythonBatch<{ status: number; stdout: string; stderr: string }>(
        MAIN_DRIVER,
        [
          ...cases,
          // No email at all.
          { files: cases[0]!.files, input: { file: PYTHON_TOKEN_FILE, args: [] } },
        ],
      );
      expect(results).toHaveLength(configs.length + 1);
      let sent = 0;
      results.slice(0, configs.length).forEach((result, i) => {
        const message = `${seeds}, case ${i}:\n${cases[i]!.files[0]!.code}\n${result.stderr}`;
        if (emails[i] === "") {
          expect(result, message).toEqual({ status: 1, stdout: "", stderr: USAGE });
          return;
        }
        sent++;
        expect(result.status, message).toBe(0);
        expect(result.stderr, message).toBe("");
        expect(result.stdout, message).toMatch(/^token-\d+\n$/);
        expectAuthenticateCall(result.stdout.trim(), i, message);
      });
      expect(results.at(-1)).toEqual({ status: 1, stdout: "", stderr: USAGE });
      expect(api.requests.length - before).toBe(sent);
      console.log(`Python: ${configs.length + 1} runs as __main__ in one process, ${sent} sent`);
    });
  },
);

describeWithRuntime("flask", "Flask: the route, through Flask's test client", () => {
  it("one python3 process serves every route; it answers { token } for the session's user, sent with exactly the body, and 401 without one", async () => {
    const before = api.requests.length;
    const results = await runPythonBatch<{
      status: number;
      json: unknown;
      cacheControl: string | null;
    }>(FLASK_DRIVER, [
      ...routeCases.map((i) => ({
        files: flaskFiles[i]!,
        input: { email: emails[i], path: CONTACT_TOKEN_ENDPOINT },
      })),
      // Nobody signed in.
      { files: flaskFiles[0]!, input: { email: null, path: CONTACT_TOKEN_ENDPOINT } },
    ]);
    expect(results).toHaveLength(routeCases.length + 1);
    const notSignedIn = { status: 401, json: { error: "Not signed in" }, cacheControl: null };
    let sent = 0;
    results.slice(0, routeCases.length).forEach((result, n) => {
      const i = routeCases[n]!;
      const message = `${seeds}, case ${i}:\n${flaskFiles[i]!.map((f) => f.code).join("\n")}`;
      if (emails[i] === "") {
        // An empty email in the session is nobody signed in.
        expect(result, message).toEqual(notSignedIn);
        return;
      }
      sent++;
      expect(result, message).toMatchObject({ status: 200, cacheControl: "no-store" });
      const body = result.json as { token: unknown };
      expect(Object.keys(body), message).toEqual(["token"]);
      expectAuthenticateCall(body.token, i, message);
    });
    expect(results.at(-1)).toEqual(notSignedIn);
    expect(api.requests.length - before).toBe(sent);
    console.log(`Flask: ${routeCases.length + 1} requests in one process, ${sent} sent`);
  });
});
