/**
 * Properties of the server snippets (Node, Express, Python, cURL) over random
 * verified configs with ordinary strings (hostile strings, 10 000 configs, are
 * in hostile-server.property.test.ts): each parses or runs,
 * sends exactly `toAuthenticateRequest(config)`, takes the key from the
 * environment and never contains a sensitive value. Python and bash run once
 * per batch of cases, so the thousand runs stay fast. cURL is in
 * curl.property.test.ts, so the two files run in parallel.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toAuthenticateRequest } from "../config/widget-config";
import { generateSnippet } from "./index";
import {
  expectBothMajors,
  expectNoSecrets,
  RUNS,
  sampleConfigs,
  verifiedConfigs,
} from "./test-support/property";
import { checkServerJs, fileOf } from "./test-support/snippet-checks";
import { evaluatePythonBatch } from "./test-support/python";

for (const hostile of [false]) {
  const kind = hostile ? "hostile" : "ordinary";

  describe(`server snippets (${kind} strings)`, () => {
    it("Node and Express: the JS parses and its body equals toAuthenticateRequest", () => {
      fc.assert(
        fc.property(verifiedConfigs(hostile), (config) => {
          const expected = toAuthenticateRequest(config);
          for (const target of ["node", "express"] as const) {
            const file = fileOf(generateSnippet(target, config), ".mjs");
            expect(checkServerJs(file)).toEqual(expected);
            expectNoSecrets(file.code);
          }
        }),
        { numRuns: RUNS },
      );
    });

    it("Python: python3 parses every file and literal_eval(body) equals toAuthenticateRequest", () => {
      const { seed, configs } = sampleConfigs(hostile);
      expectBothMajors(configs, RUNS / 10);
      const files = configs.map((config) => fileOf(generateSnippet("python", config), ".py"));
      const results = evaluatePythonBatch(
        files.map((file) => ({ code: file.code, variable: "body" })),
      );
      results.forEach((result, i) => {
        const message = `seed ${seed}, case ${i}:\n${files[i]!.code}`;
        expect(result, message).toEqual({ ok: true, value: toAuthenticateRequest(configs[i]!) });
        expect(files[i]!.code, message).toContain('os.environ["OPENCX_API_KEY"]');
        expectNoSecrets(files[i]!.code);
      });
    });
  });
}
