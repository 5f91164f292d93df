/**
 * Golden files: every fixture config × every widget major × every target that
 * applies to it, one reviewed file per generated file, in
 * `__fixtures__/<config>/<major>/<target>/<path>`, plus `snippet.json` for the
 * tab label, install command and file list.
 *
 * `UPDATE_GOLDEN=1 npx vitest run lib/snippets/golden.test.ts` rewrites them;
 * review the diff like code.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { applicableTargets, generateSnippet } from "./index";
import { WIDGET_MAJORS } from "../config/versions";
import { FIXTURES_DIR, loadFixtureCases } from "./test-support/fixtures";
import type { Snippet } from "./types";

const UPDATE = process.env.UPDATE_GOLDEN === "1";
const META_FILE = "snippet.json";

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

function expectedFiles(snippet: Snippet): Map<string, string> {
  const meta = {
    label: snippet.label,
    install: snippet.install ?? null,
    files: snippet.files.map(({ path, language }) => ({ path, language })),
  };
  const files = new Map<string, string>([[META_FILE, JSON.stringify(meta, null, 2) + "\n"]]);
  for (const file of snippet.files) files.set(file.path, file.code);
  return files;
}

const fixtures = loadFixtureCases();

describe("golden snippets", () => {
  it("has at least ten fixture configs, each in every major, covering every identity model", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10 * WIDGET_MAJORS.length);
    for (const major of WIDGET_MAJORS) {
      const models = new Set(fixtures.filter((f) => f.major === major).map((f) => f.config.model));
      expect([...models].sort(), major).toEqual(["anonymous", "browser", "collect", "server"]);
    }
    // v5's personal connections: some fixtures mint with mcp_access (and so renew the token).
    expect(fixtures.some((f) => f.major === "v5" && f.config.personalConnections)).toBe(true);
  });

  it("keeps no golden directory for a major that does not exist", () => {
    for (const name of new Set(fixtures.map((f) => f.name))) {
      const dirs = readdirSync(join(FIXTURES_DIR, name)).filter((e) =>
        statSync(join(FIXTURES_DIR, name, e)).isDirectory(),
      );
      expect(dirs.sort(), name).toEqual([...WIDGET_MAJORS].sort());
    }
  });

  for (const { dir: caseDir, config } of fixtures) {
    describe(caseDir, () => {
      const targets = applicableTargets(config);

      for (const target of targets) {
        it(`${target} matches its golden files`, () => {
          const dir = join(FIXTURES_DIR, caseDir, target);
          const expected = expectedFiles(generateSnippet(target, config));
          if (UPDATE) {
            rmSync(dir, { recursive: true, force: true });
            for (const [path, content] of expected) {
              mkdirSync(dirname(join(dir, path)), { recursive: true });
              writeFileSync(join(dir, path), content);
            }
          }
          const actual = listFiles(dir).map((f) => relative(dir, f));
          expect(actual.sort(), `files in ${relative(process.cwd(), dir)}`).toEqual(
            [...expected.keys()].sort(),
          );
          for (const [path, content] of expected) {
            expect(readFileSync(join(dir, path), "utf8"), `${caseDir}/${target}/${path}`).toBe(
              content,
            );
          }
        });
      }

      it("keeps no golden files for targets that do not apply", () => {
        const dir = join(FIXTURES_DIR, caseDir);
        if (UPDATE) mkdirSync(dir, { recursive: true });
        const stale = readdirSync(dir).filter(
          (entry) =>
            statSync(join(dir, entry)).isDirectory() && !(targets as string[]).includes(entry),
        );
        if (UPDATE)
          for (const entry of stale) rmSync(join(dir, entry), { recursive: true, force: true });
        else expect(stale).toEqual([]);
      });
    });
  }
});
