/**
 * The areas `npm run test:mutation` mutates. Each has the score below which the run fails, the
 * source files it mutates, and the test files Stryker may run against its mutants (per-test
 * coverage then runs only the tests that reach each mutant). The test sets leave out the fuzzers
 * and hostile-input files (10 000-run properties and forked runtimes): they would make every
 * mutant cost seconds and state nothing the ordinary tests do not.
 */
const sources = (dir) => [`${dir}/**/*.ts`, `!${dir}/**/*.test.ts`, `!${dir}/**/test-support/**`];

export const AREAS = {
  identity: {
    threshold: 90,
    mutate: sources("lib/identity"),
    tests: ["lib/identity/**/*.test.ts", "lib/preview/**/*.test.ts", "lib/rules/**/*.test.ts"],
  },
  rules: {
    threshold: 90,
    mutate: sources("lib/rules"),
    tests: ["lib/rules/**/*.test.ts"],
  },
  url: {
    threshold: 90,
    mutate: sources("lib/url"),
    tests: ["lib/url/**/*.test.ts", "!lib/url/codec.fuzz.test.ts"],
  },
  config: {
    threshold: 90,
    // arbitraries.ts is test support (generators for property tests), not product code.
    mutate: [...sources("lib/config"), "!lib/config/arbitraries.ts"],
    tests: [
      "lib/config/**/*.test.ts",
      "lib/state/**/*.test.ts",
      "lib/url/codec.test.ts",
      "lib/snippets/golden.test.ts",
      "lib/identity/simulate.test.ts",
    ],
  },
  snippets: {
    threshold: 95,
    mutate: [...sources("lib/snippets"), "!lib/snippets/__fixtures__/**"],
    tests: ["lib/snippets/**/*.test.ts", "!lib/snippets/hostile-*.test.ts"],
  },
};

export const AREA_NAMES = Object.keys(AREAS);

/** The area named by MUTATION_AREA (Stryker and Vitest read it), or an error naming the choices. */
export function currentArea() {
  const name = process.env.MUTATION_AREA ?? "";
  const area = AREAS[name];
  if (!area)
    throw new Error(`MUTATION_AREA must be one of ${AREA_NAMES.join(", ")}; got "${name}"`);
  return { name, ...area };
}
