/**
 * StrykerJS over the core areas of mutation/areas.mjs: every area in one run, or those named by
 * MUTATION_AREAS (scripts/mutation.mjs sets it from `npm run test:mutation [area ...]`).
 */
import { AREAS, incrementalFileFor, runName, selectedAreas } from "./mutation/areas.mjs";

const names = selectedAreas();
const run = runName(names);
const lowest = Math.min(...names.map((n) => AREAS[n].threshold));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // The ordinary tests: the long fuzz, hostile and load files and the tsc golden check are left out.
  vitest: { configFile: "vitest.mutation.mts" },
  coverageAnalysis: "perTest",
  mutate: names.flatMap((n) => AREAS[n].mutate),
  // Per-area targets are enforced by scripts/mutation.mjs; Stryker's own break is the lowest one.
  thresholds: { high: lowest, low: lowest - 10, break: lowest },
  incremental: true,
  incrementalFile: incrementalFileFor(names),
  reporters: ["clear-text", "html", "json", "progress"],
  htmlReporter: { fileName: `reports/mutation/${run}.html` },
  jsonReporter: { fileName: `reports/mutation/${run}.json` },
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
  // The dry run runs every test once with per-test coverage: about 2 min on a quiet 2-core machine
  // since issue 18's targets, past Stryker's 5-minute default when the machine is busy.
  dryRunTimeoutMinutes: 20,
  ignoreStatic: true,
  // Vitest strips types without checking them, and a `// @ts-nocheck` line would change the
  // golden fixtures Stryker copies into its sandbox.
  disableTypeChecks: false,
};
