/**
 * The tests Stryker runs for one mutation area (MUTATION_AREA; see mutation/areas.mjs).
 */
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.mts";
import { currentArea } from "./mutation/areas.mjs";

const { tests } = currentArea();

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: tests.filter((glob) => !glob.startsWith("!")),
      exclude: [
        "**/node_modules/**",
        ...tests.filter((g) => g.startsWith("!")).map((g) => g.slice(1)),
      ],
      maxWorkers: 1,
    },
  }),
);
