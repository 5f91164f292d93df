import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.mts";

/**
 * The unit tests Stryker runs against each mutant: the ordinary tests. Left out: the 10 000-run
 * fuzz files, the hostile-input property files and the load test (long, and they repeat what the
 * ordinary tests state), the golden `tsc` check (its compiler run fails inside Stryker's sandbox)
 * and the repository checks under scripts/ (they test no core code).
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        ...configDefaults.exclude,
        "**/*.fuzz.test.ts",
        "lib/sandbox/fuzz.test.ts",
        "**/hostile-*.test.ts",
        "lib/sandbox/load.test.ts",
        "lib/snippets/typecheck.test.ts",
        "scripts/**",
      ],
    },
  }),
);
