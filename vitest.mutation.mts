import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.mts";

/**
 * The unit tests Stryker runs against each mutant: the ordinary tests. Left out: the 10 000-run
 * fuzz files, the hostile-input property files and the load test (long, and they repeat what the
 * ordinary tests state), the golden `tsc` checks (their compiler runs fail inside Stryker's
 * sandbox), the repository checks under scripts/ (they test no core code), and every test whose
 * point is to run a snippet with a real interpreter or compiler (node, php, ruby, go,
 * java/javac, python3, bash, the TypeScript program behind vue-tsc) or the Vue and Svelte compilers over
 * hundreds of configs: a mutant would start those processes once per mutant.
 *
 * `SNIPPET_PROCESSES=off` skips the runtime blocks (`describeWithRuntime`) and the `forksProcess`
 * tests of the files that stay, so their string-level tests (printers' exact escapes, the env
 * variable names, the path, the usage lines, the goldens) still cover the new snippet code.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      // A tenth of each property's stated runs (at least 20; lib/config/arbitraries.ts propertyRuns):
      // every mutant re-runs the properties that reach it.
      env: { SNIPPET_PROCESSES: "off", PROPERTY_RUNS_SCALE: "0.1" },
      // One module graph for every file and every mutant run: Stryker re-runs a mutant's covering
      // tests per mutant, and with isolation each run imported the compilers (Svelte, Vue,
      // TypeScript) afresh, about 7 s a mutant. Mutants that would be baked in at import time are
      // static ones, which the run ignores (`ignoreStatic` in stryker.config.mjs).
      isolate: false,
      exclude: [
        ...configDefaults.exclude,
        "**/*.fuzz.test.ts",
        "lib/sandbox/fuzz.test.ts",
        "**/hostile-*.test.ts",
        "lib/sandbox/load.test.ts",
        "lib/snippets/typecheck.test.ts",
        "scripts/**",
        // Real interpreters and compilers, one process (or more) per file.
        "lib/snippets/php.property.test.ts",
        "lib/snippets/ruby.property.test.ts",
        "lib/snippets/go-java.property.test.ts",
        "lib/snippets/python-run.property.test.ts",
        "lib/snippets/curl.property.test.ts",
        "lib/snippets/test-support/bash.test.ts",
        "lib/sandbox/run-php-ruby-snippets.test.ts",
        "lib/sandbox/run-go-java-snippet.test.ts",
        "lib/sandbox/run-python-snippet.test.ts",
        "lib/sandbox/readme-commands.test.ts",
        "lib/sandbox/run-node-snippet.test.ts",
        // The Vue and Svelte compilers over hundreds of configs, and the vue-tsc-style program.
        "lib/snippets/vue.property.test.ts",
        "lib/snippets/svelte.property.test.ts",
        "lib/snippets/vue-typecheck.test.ts",
        // Angular's compiler (ngtsc) over every golden and random config: 4–7 s per run.
        "lib/snippets/angular.test.ts",
        // The installation doctor reads generated snippets as a consumer; it is not a mutated area.
        "lib/doctor/**",
        // The explained diff is not a mutated area; its properties run every generator many times.
        "lib/explain/**",
        // The starter project is not a mutated area; its tests run the TypeScript checker and Node.
        "lib/starter/**",
      ],
    },
  }),
);
