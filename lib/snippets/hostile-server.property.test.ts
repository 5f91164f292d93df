/**
 * The server snippets (Node, Express, Next.js route, Python, cURL) under hostile input, at
 * volume: one sample of 10 000 verified configs whose strings hold quotes,
 * backslashes, `${`, backticks, `$(…)`, CR/LF, NUL, U+2028/2029, lone
 * surrogates, emoji and values at their length limits. Each snippet still
 * parses and its body still evaluates to exactly `toAuthenticateRequest` (with the token
 * function's `email` parameter where it has one):
 * - Node (and Express, which imports its module) and the Next.js route with the TypeScript
 *   parser and the literal evaluator;
 * - Python in one `python3` process for all 10 000 files (`ast.literal_eval`);
 * - cURL in one `bash` process that sources all 10 000 scripts with a stub
 *   `curl` that records its arguments.
 *
 * Python and bash start first and work on the other core while this thread
 * parses the Node and Express files (vitest runs one worker on two cores).
 *
 * The cURL scripts run without their last line, `| jq -r '.token'`: a
 * pipeline costs bash a fork (≈ 10 ms here, 100 s for the batch), and that
 * line holds no value from the config. The test checks the line is exactly
 * that before cutting it; curl.property.test.ts runs the whole script.
 */
import { describe, expect, it } from "vitest";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { generateSnippet } from "./index";
import { runBashBatchAsync } from "./test-support/bash";
import { expectNoSecretsFast, expectSame, isEqual, TroubleCounter } from "./test-support/hostile";
import { expectBothMajors, sampleConfigs } from "./test-support/property";
import { evaluatePythonBatchAsync, pythonBodyCase } from "./test-support/python";
import { bodyForEmail, checkServerJs, fileOf } from "./test-support/snippet-checks";

const RUNS = 10_000;
const MIN_PER_KIND = 50;
const ENV_API_KEY = "env-api-key-sentinel";
const JQ_TAIL = " \\\n  | jq -r '.token'\n";

const { seed, configs } = sampleConfigs(true, RUNS, true);
const where = (i: number) => `seed ${seed}, case ${i}`;

const pythonFiles = configs.map((config) => fileOf(generateSnippet("python", config), ".py"));
const curlFiles = configs.map((config) => fileOf(generateSnippet("curl", config), ".sh"));
const curlScripts = curlFiles.map(({ code }) =>
  code.endsWith(JQ_TAIL) ? `${code.slice(0, -JQ_TAIL.length)}\n` : code,
);
// Started now, awaited by their tests; a failure is reported there.
const pythonRun = evaluatePythonBatchAsync(pythonFiles.map((file) => pythonBodyCase(file.code)));
const bashRun = runBashBatchAsync(curlScripts, { OPENCX_API_KEY: ENV_API_KEY });
pythonRun.catch(() => undefined);
bashRun.catch(() => undefined);

/** What goes over the wire: the body after JSON serialisation (-0 becomes 0). */
const wire = (config: PlaygroundConfig) =>
  JSON.parse(JSON.stringify(toAuthenticateRequest(config))) as unknown;

describe(`server snippets under hostile input (${RUNS} verified configs)`, () => {
  it("the sample carries every kind of trouble into the bodies", () => {
    expectBothMajors(configs, RUNS / 10);
    const trouble = new TroubleCounter();
    for (const config of configs) trouble.add(toAuthenticateRequest(config));
    console.log(
      `server bodies: ${RUNS} configs (seed ${seed}), ${trouble.strings} strings: ${trouble.summary()}`,
    );
    expect(trouble.rare(MIN_PER_KIND)).toEqual([]);
  });

  it("Node, Express and the Next.js route: the JS parses and its body equals toAuthenticateRequest with the email parameter", () => {
    configs.forEach((config, i) => {
      const expected = bodyForEmail(config);
      const node = fileOf(generateSnippet("node", config), ".mjs");
      const route = fileOf(generateSnippet("nextjs-route", config), "route.ts");
      for (const [target, file] of [
        ["node", node],
        ["nextjs-route", route],
      ] as const) {
        let body: unknown;
        try {
          body = checkServerJs(file);
        } catch (error) {
          throw new Error(`${target}, ${where(i)}: ${String(error)}\n${file.code}`, {
            cause: error,
          });
        }
        expectSame(body, expected, `${target}, ${where(i)}`);
        expectNoSecretsFast(file.code);
      }
      // Express imports the very module the Node target runs.
      const express = generateSnippet("express", config).files[0]!;
      if (express.code !== node.code) expect(express, `express, ${where(i)}`).toEqual(node);
    });
  });

  it("Python: one python3 process parses all files and literal_eval(body) equals toAuthenticateRequest", async () => {
    const results = await pythonRun;
    expect(results).toHaveLength(RUNS);
    results.forEach((result, i) => {
      const expected = bodyForEmail(configs[i]!);
      if (!result.ok || !isEqual(result.value, expected)) {
        expect(result, `${where(i)}:\n${pythonFiles[i]!.code}`).toEqual({
          ok: true,
          value: expected,
        });
      }
      expectNoSecretsFast(pythonFiles[i]!.code);
      // Flask imports the very module the Python target runs.
      const flask = generateSnippet("flask", configs[i]!).files[0]!;
      if (flask.code !== pythonFiles[i]!.code) expect(flask, where(i)).toEqual(pythonFiles[i]);
    });
  });

  it("cURL: one bash process sources all scripts; curl gets the URL, both headers and exactly the body", async () => {
    curlFiles.forEach(({ code }, i) => {
      if (!code.endsWith(JQ_TAIL)) expect(code.slice(-40), where(i)).toBe(JQ_TAIL);
      expectNoSecretsFast(code);
    });
    const results = await bashRun;
    expect(results).toHaveLength(RUNS);
    results.forEach((result, i) => {
      const args = result.curlArgs ?? [];
      const ok =
        result.status === 0 &&
        result.stderr === "" &&
        args.length === 12 &&
        args[5] === "https://api.open.cx/widget/authenticate-user" &&
        args[7] === `Authorization: Bearer ${ENV_API_KEY}` &&
        args[9] === "Content-Type: application/json" &&
        args[10] === "--data-raw";
      const message = `${where(i)}:\n${curlScripts[i]}\n${result.stderr}`;
      if (!ok) {
        expect(result.status, message).toBe(0);
        expect(result.stderr, message).toBe("");
        expect(args, message).toEqual([
          "--fail",
          "--silent",
          "--show-error",
          "--request",
          "POST",
          "https://api.open.cx/widget/authenticate-user",
          "--header",
          `Authorization: Bearer ${ENV_API_KEY}`,
          "--header",
          "Content-Type: application/json",
          "--data-raw",
          expect.any(String),
        ]);
      }
      expectSame(JSON.parse(args[11]!), wire(configs[i]!), message);
    });
  });
});
