/**
 * The PHP and Ruby snippets under hostile input, at volume: one sample of verified configs whose
 * strings hold quotes, backslashes, `$`, `#{`, `{$`, backticks, CR/LF, NUL, U+2028/2029, lone
 * surrogates, emoji and values at their length limits. Every file is loaded by its language's
 * interpreter, ONE php process and ONE ruby process for the whole sample, running side by side
 * against a stand-in API each; each function call must send exactly
 * `toAuthenticateRequest(config)` (lone surrogates as U+FFFD: `print/well-formed.ts`) and return
 * the token the stand-in answered.
 *
 * RUNS is what keeps each language under about 10 s on this 2-core machine (measured: the
 * interpreters' own time is logged); Python, which only parses, does 10 000 in
 * hostile-server.property.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toAuthenticateRequest } from "../config/widget-config";
import type { PlaygroundConfig } from "../config/options";
import { PHP_FUNCTION_FILE, PHP_RUN_USAGE } from "./php-snippet";
import { wellFormedText } from "./print/well-formed";
import { RUBY_FUNCTION_FILE, RUBY_RUN_USAGE } from "./ruby-snippet";
import type { BatchRun } from "./test-support/batch-process";
import { expectNoSecretsFast, expectSame, TroubleCounter } from "./test-support/hostile";
import { runPhpSnippets, type SnippetResult } from "./test-support/php";
import { expectBothMajors, sampleConfigs } from "./test-support/property";
import { runRubySnippets } from "./test-support/ruby";
import { describeWithRuntime, hasRuntime } from "./test-support/runtimes";
import {
  ENV_API_KEY,
  expectAuthenticateCall,
  expectedWire,
  functionFileOf,
  type LanguageUnderTest,
} from "./test-support/server-language";
import { startStandInApi, type StandInApi } from "./test-support/stand-in-api";

const RUNS = 3000;
const MIN_PER_KIND = 30;

const LANGUAGES: readonly LanguageUnderTest[] = [
  {
    name: "PHP",
    target: "php",
    command: "php",
    functionFile: PHP_FUNCTION_FILE,
    usage: PHP_RUN_USAGE,
    run: runPhpSnippets,
  },
  {
    name: "Ruby",
    target: "ruby",
    command: "ruby",
    functionFile: RUBY_FUNCTION_FILE,
    usage: RUBY_RUN_USAGE,
    run: runRubySnippets,
  },
];

const { seed, configs } = sampleConfigs(true, RUNS, true);
const where = (i: number) => `seed ${seed}, case ${i}`;
/**
 * The signed-in user's email each call gets: the sample's (hostile ones too), when it has one,
 * as the language holds it (a PHP or Ruby string is UTF-8: a lone surrogate cannot be passed).
 */
const emailOf = (config: PlaygroundConfig) =>
  wellFormedText(config.serverEmail) || "jane@example.com";

interface Started {
  api: StandInApi;
  files: { code: string }[];
  run: Promise<BatchRun<SnippetResult>>;
}
const started = new Map<string, Started>();

beforeAll(async () => {
  for (const lang of LANGUAGES) {
    if (!hasRuntime(lang.target)) continue;
    const api = await startStandInApi();
    const files = configs.map((config) => functionFileOf(lang, config));
    // Started now, side by side; each language's test awaits its own.
    const run = lang.run(
      files.map(({ code }, i) => ({
        code,
        name: lang.functionFile,
        mode: "call",
        args: [emailOf(configs[i]!)],
      })),
      { OPENCX_API_URL: api.baseUrl, OPENCX_API_KEY: ENV_API_KEY },
    );
    run.catch(() => undefined);
    started.set(lang.target, { api, files, run });
  }
});

afterAll(async () => {
  for (const { api, run } of started.values()) {
    await run.catch(() => undefined);
    await api.close();
  }
});

describe(`PHP and Ruby snippets under hostile input (${RUNS} verified configs)`, () => {
  it("the sample carries every kind of trouble into the bodies", () => {
    expectBothMajors(configs, RUNS / 10);
    const trouble = new TroubleCounter();
    for (const config of configs) trouble.add(toAuthenticateRequest(config));
    console.log(
      `PHP/Ruby bodies: ${RUNS} configs (seed ${seed}), ${trouble.strings} strings: ${trouble.summary()}`,
    );
    expect(trouble.rare(MIN_PER_KIND)).toEqual([]);
  });
});

for (const lang of LANGUAGES) {
  describeWithRuntime(lang.target, `${lang.name} under hostile input (${RUNS} configs)`, () => {
    it(`one ${lang.command} process loads every file; each call sends exactly toAuthenticateRequest and returns the token`, async () => {
      const { api, files, run: pending } = started.get(lang.target)!;
      const run = await pending;
      console.log(
        `${lang.name}: ${RUNS} hostile snippets in one ${lang.command} process, ${Math.round(run.ms)} ms`,
      );
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.results).toHaveLength(RUNS);
      expect(api.requests).toHaveLength(RUNS);
      run.results.forEach((result, i) => {
        const message = `${lang.name}, ${where(i)}\n${files[i]!.code}`;
        expectAuthenticateCall(
          api.requests[i],
          expectedWire(configs[i]!, emailOf(configs[i]!)),
          message,
        );
        expectSame(result, { ok: true, value: api.requests[i]!.token, stdout: "" }, message);
        expectNoSecretsFast(files[i]!.code);
      });
    });
  });
}
