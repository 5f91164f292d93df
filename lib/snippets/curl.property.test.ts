/**
 * The cURL snippet, run by bash with stub curl and jq functions, over random
 * verified configs.
 *
 * Every bash case costs a fork (the snippet's `| jq` pipeline), about 8 ms on
 * this VM, so cURL gets one batch of 1000 cases: half ordinary, half hostile.
 */
import { describe, expect, it } from "vitest";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { generateSnippet } from "./index";
import { runBashBatch } from "./test-support/bash";
import { expectBothMajors, expectNoSecrets, RUNS, sampleConfigs } from "./test-support/property";
import { fileOf } from "./test-support/snippet-checks";

/** What the shell's OPENCX_API_KEY holds when the cURL snippet runs. */
const ENV_API_KEY = "env-api-key-sentinel";

/** What goes over the wire: the body after JSON serialisation (-0 becomes 0). */
const wire = (config: PlaygroundConfig) =>
  JSON.parse(JSON.stringify(toAuthenticateRequest(config))) as unknown;

describe("server snippets: cURL (ordinary and hostile strings)", () => {
  const ordinary = sampleConfigs(false, RUNS / 2);
  const hostile = sampleConfigs(true, RUNS / 2);
  const seeds = `seeds ${ordinary.seed} (ordinary) and ${hostile.seed} (hostile)`;
  const configs = [...ordinary.configs, ...hostile.configs];

  it("bash runs every script and curl gets the URL, both headers and exactly the body", () => {
    expectBothMajors(configs, RUNS / 10);
    const files = configs.map((config) => fileOf(generateSnippet("curl", config), ".sh"));
    const results = runBashBatch(
      files.map((f) => f.code),
      { OPENCX_API_KEY: ENV_API_KEY },
    );
    expect(results).toHaveLength(RUNS);
    results.forEach((result, i) => {
      const message = `${seeds}, case ${i}:\n${files[i]!.code}\n${result.stderr}`;
      expect(result.status, message).toBe(0);
      expect(result.stdout, message).toBe("stub-token\n");
      const args = result.curlArgs ?? [];
      expect(args.slice(0, 5), message).toEqual([
        "--fail",
        "--silent",
        "--show-error",
        "--request",
        "POST",
      ]);
      expect(args[5], message).toBe("https://api.open.cx/widget/authenticate-user");
      expect(args.slice(6, 10), message).toEqual([
        "--header",
        `Authorization: Bearer ${ENV_API_KEY}`,
        "--header",
        "Content-Type: application/json",
      ]);
      expect(args[10], message).toBe("--data-raw");
      expect(args, message).toHaveLength(12);
      expect(JSON.parse(args[11]!), message).toEqual(wire(configs[i]!));
      expectNoSecrets(files[i]!.code);
    });
  });

  it("uses OPENCX_API_URL when set, and stops before calling curl without OPENCX_API_KEY", () => {
    const code = fileOf(generateSnippet("curl", configs[0]!), ".sh").code;
    const [custom] = runBashBatch([code], {
      OPENCX_API_KEY: ENV_API_KEY,
      OPENCX_API_URL: "https://eu.example.test",
    });
    expect(custom!.curlArgs?.[5]).toBe("https://eu.example.test/widget/authenticate-user");
    const [missing] = runBashBatch([code]);
    expect(missing!.status).not.toBe(0);
    expect(missing!.curlArgs).toBeNull();
    expect(missing!.stderr).toContain("Set OPENCX_API_KEY");
  });
});
