// The committed lockfile must be one `npm ci` accepts on every platform: npm ci refuses a
// lockfile that is "not in sync" with package.json, and a lockfile without the macOS/Windows
// builds of the native optional packages cannot install them there. This reads the lockfile the
// way npm resolves it (nearest node_modules up the tree) and fails on any missing entry.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

type Entry = {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
type Lock = { lockfileVersion: number; packages: Record<string, Entry> };

const root = fileURLToPath(new URL("../", import.meta.url));
const lock = JSON.parse(readFileSync(`${root}package-lock.json`, "utf8")) as Lock;
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as Entry;

/** Where npm finds `name` when required from the package at `from` (a lockfile key). */
function resolve(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const key = `${base ? `${base}/` : ""}node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!base) return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut === -1 ? "" : base.slice(0, cut);
  }
}

describe("package-lock.json", () => {
  it("is a v3 lockfile whose root lists exactly package.json's dependencies", () => {
    expect(lock.lockfileVersion).toBe(3);
    const rootEntry = lock.packages[""];
    expect(rootEntry?.dependencies).toEqual(pkg.dependencies);
    expect(rootEntry?.devDependencies).toEqual(pkg.devDependencies);
  });

  it("has an entry for every dependency and optional dependency of every package (npm ci's sync check)", () => {
    const missing: string[] = [];
    for (const [key, entry] of Object.entries(lock.packages)) {
      const wanted = { ...entry.dependencies, ...entry.optionalDependencies };
      for (const name of Object.keys(wanted)) {
        if (!resolve(key, name)) missing.push(`${key || "(root)"} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each([
    [
      "@next/swc-",
      ["darwin-arm64", "darwin-x64", "win32-x64-msvc", "linux-x64-gnu", "linux-arm64-gnu"],
    ],
    [
      "@tailwindcss/oxide-",
      ["darwin-arm64", "darwin-x64", "win32-x64-msvc", "linux-x64-gnu", "linux-arm64-gnu"],
    ],
    [
      "lightningcss-",
      ["darwin-arm64", "darwin-x64", "win32-x64-msvc", "linux-x64-gnu", "linux-arm64-gnu"],
    ],
  ])(
    "holds the macOS, Windows and Linux builds of %s with integrity hashes",
    (prefix, platforms) => {
      for (const platform of platforms) {
        const entry = lock.packages[`node_modules/${prefix}${platform}`] as
          (Entry & { integrity?: string; resolved?: string }) | undefined;
        expect(entry, `${prefix}${platform}`).toBeDefined();
        expect(entry?.integrity, `${prefix}${platform} integrity`).toMatch(/^sha512-/);
      }
    },
  );
});
