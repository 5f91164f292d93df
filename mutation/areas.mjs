/**
 * The areas `npm run test:mutation` mutates, each with the score below which the run fails and the
 * source files it mutates. One Stryker run mutates every selected area at once (one dry run of the
 * tests instead of one per area); scripts/mutation.mjs then scores each area from the report.
 * Per-test coverage runs, for each mutant, only the tests that reach it.
 */
const sources = (dir) => [`${dir}/**/*.ts`, `!${dir}/**/*.test.ts`, `!${dir}/**/test-support/**`];

export const AREAS = {
  identity: { dir: "lib/identity", threshold: 90, mutate: sources("lib/identity") },
  rules: { dir: "lib/rules", threshold: 90, mutate: sources("lib/rules") },
  url: { dir: "lib/url", threshold: 90, mutate: sources("lib/url") },
  config: {
    dir: "lib/config",
    threshold: 90,
    // arbitraries.ts is test support (generators for property tests), not product code.
    mutate: [...sources("lib/config"), "!lib/config/arbitraries.ts"],
  },
  snippets: {
    dir: "lib/snippets",
    threshold: 95,
    mutate: [...sources("lib/snippets"), "!lib/snippets/__fixtures__/**"],
  },
};

export const AREA_NAMES = Object.keys(AREAS);

/** The committed baseline of the run over every area: a clean clone re-tests only what changed. */
export const BASELINE = "mutation/incremental.json";

/** The areas named by MUTATION_AREAS (comma-separated; all when unset), or an error naming the choices. */
export function selectedAreas(value = process.env.MUTATION_AREAS ?? "") {
  const names = value === "" ? AREA_NAMES : value.split(",");
  const unknown = names.filter((n) => !(n in AREAS));
  if (unknown.length > 0)
    throw new Error(`Unknown area ${unknown.join(", ")}: choose from ${AREA_NAMES.join(", ")}.`);
  return names;
}

/** Where a run over these areas keeps its incremental file and reports (`all` for every area). */
export function runName(names) {
  return names.length === AREA_NAMES.length ? "all" : [...names].sort().join("-");
}

export function incrementalFileFor(names) {
  return names.length === AREA_NAMES.length
    ? BASELINE
    : `mutation/incremental/${runName(names)}.json`;
}

/** The area a mutated file belongs to, or undefined. */
export function areaOf(path) {
  const normalised = path.replaceAll("\\", "/");
  return AREA_NAMES.find((name) => normalised.startsWith(`${AREAS[name].dir}/`));
}
