/**
 * The layering of the source tree, checked from every import specifier (static, `export … from`,
 * dynamic `import()`), with `@/` and relative paths resolved to project paths:
 *
 * 1. The rooms (top-level folders of components/) form no cycle: a room never imports a room
 *    that imports it back, directly or through others.
 * 2. A nested folder (components/<room>/<folder>/…) does not reach up: its files import inside
 *    their own folder, other rooms and the core, never the rest of their room
 *    (e.g. widget-replica/ importing host/ or the room's top-level files).
 * 3. The core (lib/) imports neither components/ nor app/ (ESLint says so too).
 *
 * Tests (`*.test.ts`) are left out: they may reach across layers to drive what they test (the
 * sandbox's tests in lib/ serve the app's route module).
 *
 * The rules run on a synthetic tree first, so each is seen failing, then on the real one.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const TEST = /\.test\.[a-z]+$/;

/** Project-relative file path → its source text. */
type Tree = ReadonlyMap<string, string>;
interface Import {
  file: string;
  specifier: string;
  /** The project path the specifier reaches (no extension resolution: folders are what count). */
  target: string;
}

function importsOf(tree: Tree): Import[] {
  const out: Import[] = [];
  for (const [file, text] of tree) {
    if (TEST.test(file)) continue;
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      const target = specifier.startsWith("@/")
        ? path.posix.normalize(specifier.slice(2))
        : /^\.\.?(\/|$)/.test(specifier)
          ? path.posix.join(path.posix.dirname(file), specifier)
          : null;
      if (target !== null) out.push({ file, specifier, target });
    }
  }
  return out;
}

const inside = (p: string, folder: string) => p === folder || p.startsWith(`${folder}/`);
/** `components/<room>` for a path under components/, else null. */
function roomOf(p: string): string | null {
  const parts = p.split("/");
  return parts[0] === "components" && parts.length > 1 ? `components/${parts[1]}` : null;
}
const describeImport = (i: Import) => `${i.file} imports "${i.specifier}"`;

/** Rule 1: every import between rooms that lie on a cycle, grouped by cycle. */
function roomCycles(imports: readonly Import[]): string[] {
  const edges = new Map<string, Map<string, Import[]>>();
  for (const i of imports) {
    const from = roomOf(i.file);
    const to = roomOf(i.target);
    if (!from || !to || from === to) continue;
    const out = edges.get(from) ?? new Map<string, Import[]>();
    out.set(to, [...(out.get(to) ?? []), i]);
    edges.set(from, out);
  }
  // Tarjan's strongly connected components: a component of more than one room is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const problems: string[] = [];
  const visit = (room: string) => {
    index.set(room, index.size);
    low.set(room, index.get(room)!);
    stack.push(room);
    for (const next of edges.get(room)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(room, Math.min(low.get(room)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(room, Math.min(low.get(room)!, index.get(next)!));
    }
    if (low.get(room) !== index.get(room)) return;
    const component = stack.splice(stack.indexOf(room));
    if (component.length < 2) return;
    const lines = component.flatMap((from) =>
      [...(edges.get(from) ?? [])]
        .filter(([to]) => component.includes(to))
        .flatMap(([to, list]) => list.map((i) => `  ${from} → ${to}: ${describeImport(i)}`)),
    );
    problems.push(`rooms in a cycle: ${[...component].sort().join(", ")}\n${lines.join("\n")}`);
  };
  for (const room of edges.keys()) if (!index.has(room)) visit(room);
  return problems;
}

/** Rule 2: imports from a nested folder up or across into the rest of its room. */
function reachingUp(imports: readonly Import[]): string[] {
  return imports
    .filter((i) => {
      const folder = path.posix.dirname(i.file);
      const room = roomOf(i.file);
      return (
        room !== null && folder !== room && inside(i.target, room) && !inside(i.target, folder)
      );
    })
    .map((i) => `nested folder reaches up: ${describeImport(i)}`);
}

/** Rule 3: the core importing the UI or the app. */
function coreImportingUi(imports: readonly Import[]): string[] {
  return imports
    .filter(
      (i) => inside(i.file, "lib") && (inside(i.target, "components") || inside(i.target, "app")),
    )
    .map((i) => `lib/ imports the UI: ${describeImport(i)}`);
}

function layeringProblems(tree: Tree): string[] {
  const imports = importsOf(tree);
  return [...roomCycles(imports), ...reachingUp(imports), ...coreImportingUi(imports)];
}

function readTree(...folders: string[]): Map<string, string> {
  const tree = new Map<string, string>();
  for (const folder of folders)
    for (const name of readdirSync(path.join(ROOT, folder), {
      recursive: true,
      encoding: "utf8",
    })) {
      const file = path.posix.join(folder, name.split(path.sep).join("/"));
      // Golden snippet outputs are customer code, not part of the app.
      if (SOURCE.test(file) && !file.includes("/__fixtures__/"))
        tree.set(file, readFileSync(path.join(ROOT, file), "utf8"));
    }
  return tree;
}

describe("the layering rules", () => {
  const fine: [string, string][] = [
    ["components/a/a.tsx", 'import { b } from "@/components/b/b";\nimport { x } from "@/lib/x";'],
    ["components/b/b.tsx", 'import { c } from "../c/c";'],
    ["components/c/c.tsx", 'import type { X } from "@/lib/x";'],
    ["components/c/inner/d.tsx", 'import { e } from "./e";\nimport { y } from "@/lib/y";'],
    ["components/c/top.tsx", 'import { d } from "./inner/d";'],
    ["lib/x.ts", 'import { y } from "./y";\nimport { z } from "zod";'],
    ["lib/x.test.ts", 'import * as route from "@/app/api/route";'],
  ];

  it("pass a tree that keeps them", () => {
    expect(layeringProblems(new Map(fine))).toEqual([]);
  });

  it("name the files of a cycle between rooms, of any length", () => {
    const tree = new Map(fine);
    tree.set("components/c/back.ts", 'export const lazy = () => import("@/components/a/a");');
    const problems = layeringProblems(tree);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("rooms in a cycle: components/a, components/b, components/c");
    expect(problems[0]).toContain('components/c/back.ts imports "@/components/a/a"');
    expect(problems[0]).toContain('components/b/b.tsx imports "../c/c"');
  });

  it("name a nested folder's import of its room, across or up, by any path", () => {
    const tree = new Map(fine);
    tree.set("components/c/inner/up.tsx", 'import { top } from "../top";');
    tree.set("components/c/other/f.tsx", 'export * from "@/components/c/inner/d";');
    expect(layeringProblems(tree)).toEqual([
      'nested folder reaches up: components/c/inner/up.tsx imports "../top"',
      'nested folder reaches up: components/c/other/f.tsx imports "@/components/c/inner/d"',
    ]);
  });

  it("name the core's imports of components/ and app/", () => {
    const tree = new Map(fine);
    tree.set("lib/bad.ts", 'import { a } from "../components/a/a";\nimport "@/app/page";');
    expect(layeringProblems(tree)).toEqual([
      'lib/ imports the UI: lib/bad.ts imports "../components/a/a"',
      'lib/ imports the UI: lib/bad.ts imports "@/app/page"',
    ]);
  });
});

describe("the source tree", () => {
  it("keeps the layering rules", () => {
    const tree = readTree("components", "lib");
    expect(tree.size).toBeGreaterThan(100);
    expect(layeringProblems(tree).join("\n\n")).toBe("");
  });
});
