import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { generateSnippet } from "./index";
import {
  EAGER_TARGET,
  loadGenerators,
  madeAtOnce,
  loadedGenerators,
  onGeneratorsLoaded,
  snippetNow,
} from "./on-demand";
import { applicableTargets } from "./targets";
import { SNIPPET_TARGETS } from "./types";

const verified: PlaygroundConfig = {
  ...defaultConfig(),
  model: "server",
  serverEmail: "jane@example.com",
};

describe("generators on demand (the page's first load carries HTML's only)", () => {
  it("makes the first tab's snippet at once, and no other until the generators load", async () => {
    expect(EAGER_TARGET).toBe(SNIPPET_TARGETS[0]);
    expect(loadedGenerators()).toBeUndefined();
    expect(snippetNow(EAGER_TARGET, verified)).toEqual(generateSnippet(EAGER_TARGET, verified));
    for (const target of SNIPPET_TARGETS.filter((t) => t !== EAGER_TARGET))
      expect(snippetNow(target, verified), target).toBeUndefined();
    // The page that loads on consent or on click comes with the other generators.
    for (const loading of ["consent", "click"] as const) {
      expect(madeAtOnce(EAGER_TARGET, { ...verified, loading })).toBe(false);
      expect(snippetNow(EAGER_TARGET, { ...verified, loading }), loading).toBeUndefined();
    }
    expect(madeAtOnce(EAGER_TARGET, verified)).toBe(true);
    expect(madeAtOnce("react", verified)).toBe(false);

    let told = 0;
    const stop = onGeneratorsLoaded(() => told++);
    const generate = await loadGenerators();
    stop();
    expect(told).toBe(1);
    expect(loadedGenerators()).toBe(generate);
    expect(await loadGenerators()).toBe(generate);
    for (const target of applicableTargets(verified))
      expect(snippetNow(target, verified), target).toEqual(generateSnippet(target, verified));
    const onClick = { ...verified, loading: "click" as const };
    expect(snippetNow(EAGER_TARGET, onClick)).toEqual(generateSnippet(EAGER_TARGET, onClick));
  });

  it("imports no generator but HTML's statically (the rest is one dynamic import)", () => {
    const source = readFileSync(new URL("./on-demand.ts", import.meta.url), "utf8");
    const imports = [...source.matchAll(/^import (?!type )[^;]*? from "([^"]+)";/gm)].map(
      (m) => m[1],
    );
    expect(imports).toEqual(["./html-page"]);
    expect(source).toContain('import("./index")');
  });

  it("the page's static import graph from here reaches no other generator and no other language's printer", () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/^import (?!type )[^;]*? from "([^"]+)";/gm)) {
        const spec = m[1] ?? "";
        if (!spec.startsWith(".") && !spec.startsWith("@/")) continue;
        const base = spec.startsWith("@/")
          ? resolve(root, spec.slice(2))
          : resolve(dirname(file), spec);
        const found = [`${base}.ts`, `${base}/index.ts`].find((f) => existsSync(f));
        if (found) visit(found);
      }
    };
    visit(fileURLToPath(new URL("./on-demand.ts", import.meta.url)));
    const reached = [...seen].map((f) => relative(root, f)).sort();
    expect(reached).toContain("lib/snippets/html-page.ts");
    expect(reached).toContain("lib/snippets/print/js.ts");
    const heavy = reached.filter(
      (f) =>
        f === "lib/snippets/index.ts" ||
        f === "lib/snippets/print/index.ts" ||
        // The page that loads on consent or on click (html-snippet.ts) comes with the rest.
        /^lib\/snippets\/[a-z-]+-snippets?\.ts$/.test(f) ||
        /^lib\/snippets\/print\/(go|java|php|ruby|python|shell|json)\.ts$/.test(f),
    );
    expect(heavy).toEqual([]);
  });

  it("applicableTargets: every client target, and the server targets only when verified", () => {
    expect(
      applicableTargets(defaultConfig()).every((t) => applicableTargets(verified).includes(t)),
    ).toBe(true);
    expect(applicableTargets(verified)).toEqual([...SNIPPET_TARGETS]);
    expect(applicableTargets(defaultConfig()).length).toBeLessThan(SNIPPET_TARGETS.length);
  });
});
