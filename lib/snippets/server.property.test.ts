/**
 * Properties of the server snippets (Node, Express, Next.js route, Python, Flask, cURL) over
 * random verified configs with ordinary strings (hostile strings, 10 000 configs, are in
 * hostile-server.property.test.ts): each parses or runs, sends exactly
 * `toAuthenticateRequest(config)` with the email its token function is given, takes the key
 * from the environment and never contains a sensitive value. Python and bash run once
 * per batch of cases, so the thousand runs stay fast. cURL is in
 * curl.property.test.ts, so the two files run in parallel.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSnippet } from "./index";
import {
  expectBothMajors,
  expectNoSecrets,
  RUNS,
  sampleConfigs,
  verifiedConfigs,
} from "./test-support/property";
import { bodyForEmail, checkServerJs, fileOf } from "./test-support/snippet-checks";
import { evaluatePythonBatch, pythonBodyCase } from "./test-support/python";
import { forksProcess } from "./test-support/runtimes";

for (const hostile of [false]) {
  const kind = hostile ? "hostile" : "ordinary";

  describe(`server snippets (${kind} strings)`, () => {
    it("Node, Express and the Next.js route: the JS parses and its body equals toAuthenticateRequest with the email parameter", () => {
      fc.assert(
        fc.property(verifiedConfigs(hostile), (config) => {
          const expected = bodyForEmail(config);
          const node = generateSnippet("node", config);
          const route = generateSnippet("nextjs-route", config);
          for (const file of [fileOf(node, ".mjs"), fileOf(route, "route.ts")]) {
            expect(checkServerJs(file)).toEqual(expected);
            expectNoSecrets(file.code);
          }
          // Express imports the very module the Node target runs; the Next.js page's route is this one.
          expect(generateSnippet("express", config).files[0]).toEqual(node.files[0]);
          expect(fileOf(generateSnippet("nextjs", config), "route.ts")).toEqual(route.files[0]);
        }),
        { numRuns: RUNS },
      );
    });

    forksProcess(
      "Python: python3 parses every file and literal_eval(body) equals toAuthenticateRequest",
      () => {
        const { seed, configs } = sampleConfigs(hostile);
        expectBothMajors(configs, RUNS / 10);
        const files = configs.map((config) => fileOf(generateSnippet("python", config), ".py"));
        const results = evaluatePythonBatch(files.map((file) => pythonBodyCase(file.code)));
        results.forEach((result, i) => {
          const message = `seed ${seed}, case ${i}:\n${files[i]!.code}`;
          expect(result, message).toEqual({ ok: true, value: bodyForEmail(configs[i]!) });
          expect(files[i]!.code, message).toContain('os.environ.get("OPENCX_API_KEY")');
          expectNoSecrets(files[i]!.code);
          // Flask imports the very module the Python target runs.
          expect(generateSnippet("flask", configs[i]!).files[0], message).toEqual(files[i]);
        });
      },
    );
  });
}
