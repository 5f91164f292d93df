/**
 * Golden files of the fixtures that load on consent or on click (`__fixtures__/loading-*`): the
 * HTML, React and Next.js snippets, the targets that follow the `loading` option, in both majors.
 * Every other target ignores the option (loading.test.ts), so these fixtures keep no other
 * target's files. golden.test.ts holds the rest, and the typecheck compiles these with React's
 * and Next's types. `UPDATE_GOLDEN=1` rewrites them, as it does there.
 *
 * A file of its own (golden.test.ts is unchanged): the mutation baseline keys each killed mutant
 * to the test file that killed it, and an edit there would re-test two thousand mutants.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { generateSnippet } from "./index";
import { LOADING_TARGETS } from "./loading";
import { FIXTURES_DIR, loadFixtureCases } from "./test-support/fixtures";

const UPDATE = process.env.UPDATE_GOLDEN === "1";

const cases = loadFixtureCases({ withLoading: true }).filter(
  (c) => c.config.loading !== "page-load",
);

const listFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
      )
    : [];

describe("golden snippets that load on consent or on click", () => {
  it("covers both modes, both majors and the verified model", () => {
    expect(new Set(cases.map((c) => c.config.loading))).toEqual(new Set(["consent", "click"]));
    expect(new Set(cases.map((c) => c.major))).toEqual(new Set(["v5", "v4"]));
    expect(cases.some((c) => c.config.model === "server")).toBe(true);
  });

  for (const { dir: caseDir, config } of cases) {
    it(`${caseDir}: ${LOADING_TARGETS.join(", ")} match their golden files, and no other target has any`, () => {
      const root = join(FIXTURES_DIR, caseDir);
      if (UPDATE) rmSync(root, { recursive: true, force: true });
      const expected = new Map<string, string>();
      for (const target of LOADING_TARGETS) {
        const snippet = generateSnippet(target, config);
        const meta = {
          label: snippet.label,
          install: snippet.install ?? null,
          files: snippet.files.map(({ path, language }) => ({ path, language })),
        };
        expected.set(join(target, "snippet.json"), JSON.stringify(meta, null, 2) + "\n");
        for (const file of snippet.files) expected.set(join(target, file.path), file.code);
      }
      if (UPDATE)
        for (const [path, content] of expected) {
          mkdirSync(dirname(join(root, path)), { recursive: true });
          writeFileSync(join(root, path), content);
        }
      const actual = listFiles(root).map((f) => relative(root, f));
      expect(actual.sort()).toEqual([...expected.keys()].sort());
      for (const [path, content] of expected)
        expect(readFileSync(join(root, path), "utf8"), `${caseDir}/${path}`).toBe(content);
    });
  }
});
