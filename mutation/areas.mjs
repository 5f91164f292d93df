/**
 * The areas `npm run test:mutation` mutates, each with the score below which the run fails and the
 * source files it mutates. Every area runs the project's unit tests (vitest.config.mts); per-test
 * coverage then runs, for each mutant, only the tests that reach it.
 */
const sources = (dir) => [`${dir}/**/*.ts`, `!${dir}/**/*.test.ts`, `!${dir}/**/test-support/**`];

export const AREAS = {
  identity: {
    threshold: 90,
    mutate: sources("lib/identity"),
  },
  rules: {
    threshold: 90,
    mutate: sources("lib/rules"),
  },
  url: {
    threshold: 90,
    mutate: sources("lib/url"),
  },
  config: {
    threshold: 90,
    // arbitraries.ts is test support (generators for property tests), not product code.
    mutate: [...sources("lib/config"), "!lib/config/arbitraries.ts"],
  },
  snippets: {
    threshold: 95,
    mutate: [...sources("lib/snippets"), "!lib/snippets/__fixtures__/**"],
  },
};

export const AREA_NAMES = Object.keys(AREAS);

/** The area named by MUTATION_AREA (stryker.config.mjs reads it), or an error naming the choices. */
export function currentArea() {
  const name = process.env.MUTATION_AREA ?? "";
  const area = AREAS[name];
  if (!area)
    throw new Error(`MUTATION_AREA must be one of ${AREA_NAMES.join(", ")}; got "${name}"`);
  return { name, ...area };
}
