/**
 * StrykerJS for one area of the core (see mutation/areas.mjs); `npm run test:mutation` runs
 * every area in turn through scripts/mutation.mjs, which sets MUTATION_AREA.
 */
import { currentArea } from "./mutation/areas.mjs";

const spec = currentArea();
const area = spec.name;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.mts" },
  coverageAnalysis: "perTest",
  mutate: spec.mutate,
  thresholds: { high: spec.threshold, low: spec.threshold - 10, break: spec.threshold },
  incremental: true,
  incrementalFile: `mutation/incremental/${area}.json`,
  reporters: ["clear-text", "html", "json", "progress"],
  htmlReporter: { fileName: `reports/mutation/${area}.html` },
  jsonReporter: { fileName: `reports/mutation/${area}.json` },
  clearTextReporter: {
    allowColor: false,
    logTests: false,
    maxTestsToLog: 0,
    reportScoreTable: true,
  },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  ignoreStatic: true,
  // Vitest strips types without checking them, and a `// @ts-nocheck` line would change the
  // golden fixtures Stryker copies into its sandbox.
  disableTypeChecks: false,
};
