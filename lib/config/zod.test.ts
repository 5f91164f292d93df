/**
 * Every module that imports zod turns its eval off first (see zod.ts): the
 * side-effect import of `config/zod` comes before the import of "zod".
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SOURCES = ["lib", "components", "app", "proxy.ts"];

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (/\.(ts|tsx)$/.test(entry)) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((d) => {
    const child = path.join(entry, d.name);
    if (d.isDirectory()) return sourceFiles(child);
    return /\.(ts|tsx)$/.test(d.name) && !/\.test\.ts$/.test(d.name)
      ? [path.join(ROOT, child)]
      : [];
  });
}

describe("zod runs jitless everywhere", () => {
  const files = SOURCES.flatMap(sourceFiles).filter(
    (f) => !f.endsWith(path.join("lib", "config", "zod.ts")),
  );
  const users = files.filter((f) =>
    /^import\s[^;]*from\s+["']zod(\/[^"']*)?["'];?/m.test(readFileSync(f, "utf8")),
  );

  it("finds the modules that use zod", () => {
    expect(users.length).toBeGreaterThanOrEqual(5);
  });

  it.each(users.map((f) => [path.relative(ROOT, f)]))(
    "%s imports config/zod before zod",
    (file) => {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      const setup = text.search(/^import\s+["'](\.{1,2}\/|@\/lib\/)(config\/)?zod["'];?/m);
      const zod = text.search(/^import\s[^;]*from\s+["']zod(\/[^"']*)?["'];?/m);
      expect(setup, "no side-effect import of config/zod").toBeGreaterThanOrEqual(0);
      expect(setup).toBeLessThan(zod);
    },
  );
});
