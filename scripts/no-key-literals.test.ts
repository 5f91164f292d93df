/**
 * No unit-test source spells out a key-shaped value.
 *
 * Mutation testing keeps the full source of every test file in its incremental file
 * (mutation/incremental/<area>.json), which is committed; a secret scanner flags org API keys and
 * JWTs there even when they are fakes. So test files (`*.test.ts(x)` under lib/, components/,
 * app/ and scripts/) and their test-support modules build such values at run time, with
 * lib/secrets/test-support/fake-keys.ts, and this test fails naming file:line for any literal.
 *
 * A pattern that merely names a prefix (a regex such as `sk_live_|sk_test_`) is not a key and
 * stays allowed: an org key needs a tail after its prefix. The patterns below are built from
 * pieces so that this file does not match them itself. Golden JSON fixtures are out of scope.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SANDBOX_API_KEY } from "../lib/sandbox/settings";
import { fakeJwt, fakeKey } from "../lib/secrets/test-support/fake-keys";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SCANNED_ROOTS = ["lib", "components", "app", "scripts"];
const TEST_FILE = /\.test\.tsx?$/;
const TEST_SUPPORT_FILE = /(^|\/)test-support\/.*\.tsx?$/;

const SK = ["s", "k_"].join("");
const JWT_HEAD = ["e", "yJ"].join("");
const B64 = "[A-Za-z0-9_-]";

/** What a key-shaped literal looks like, each with the name a failure gives it. */
const KEY_SHAPES: readonly { name: string; pattern: RegExp }[] = [
  // An org API key: the live or test prefix followed by the start of a tail.
  { name: "org API key", pattern: new RegExp(`${SK}(?:live|test)_[A-Za-z0-9]`) },
  // Any other `sk_<env>_<tail>` with a tail of 8 or more (the sandbox key among them).
  { name: "sk_ key", pattern: new RegExp(`${SK}[a-z]+_[A-Za-z0-9]{8,}`) },
  // A JWT: a JSON header, a payload, and the dot before the signature.
  { name: "JWT", pattern: new RegExp(`${JWT_HEAD}${B64}{10,}\\.${B64}{10,}\\.`) },
];

/** Every `file:line: shape: text` in `text` that looks like a key. */
function keyLiteralsIn(file: string, text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, index) => {
    // One entry per line, naming the first shape it has.
    const shape = KEY_SHAPES.find(({ pattern }) => pattern.test(line));
    if (shape) found.push(`${file}:${index + 1}: ${shape.name}: ${line.trim()}`);
  });
  return found;
}

function scannedFiles(): string[] {
  const out: string[] = [];
  for (const root of SCANNED_ROOTS) {
    const entries = readdirSync(path.join(ROOT, root), { recursive: true, encoding: "utf8" });
    for (const entry of entries) {
      const file = `${root}/${entry.split(path.sep).join("/")}`;
      if (file.includes("/node_modules/")) continue;
      if (TEST_FILE.test(file) || TEST_SUPPORT_FILE.test(file)) out.push(file);
    }
  }
  return out.sort();
}

describe("no key-shaped literal in a unit-test source", () => {
  it("the patterns catch every fake the helpers build, and not a prefix alone", () => {
    const keys = [
      fakeKey("live", "fake_abcdef123456"),
      fakeKey("test", "abc123"),
      fakeKey("live", "abcdef123456"),
      fakeKey("live", "x"),
      SANDBOX_API_KEY,
      `Bearer ${fakeJwt({ alg: "HS256" }, { sub: "1" }, "signature")}`,
      fakeJwt({ alg: "none" }, { sub: "1" }, ""),
    ];
    for (const key of keys) {
      expect(keyLiteralsIn("x.test.ts", `const k = "${key}";`), key).toHaveLength(1);
    }
    const quiet = [
      `/${SK}live_|${SK}test_/`,
      `${SK}abcdefgh`,
      `${JWT_HEAD}.jwt.sig`,
      fakeJwt({ alg: "HS256" }, { sub: "1" }, "x").split(".").slice(0, 2).join("."),
      "task_abcdefgh",
    ];
    for (const text of quiet) expect(keyLiteralsIn("x.test.ts", text), text).toEqual([]);
    expect(keyLiteralsIn("a.test.ts", `ok\n"${fakeKey("test", "abcdef")}"`)).toEqual([
      `a.test.ts:2: org API key: "${fakeKey("test", "abcdef")}"`,
    ]);
  });

  it("scans the test files and the test-support modules", () => {
    const files = scannedFiles();
    expect(files).toContain("scripts/no-key-literals.test.ts");
    expect(files).toContain("lib/secrets/test-support/fake-keys.ts");
    expect(files).toContain("lib/snippets/test-support/property.ts");
    expect(files).toContain("components/tokens/token-inspector.test.ts");
    expect(files).toContain("app/api/token-inspector/verify/route.test.ts");
    expect(files.every((f) => TEST_FILE.test(f) || TEST_SUPPORT_FILE.test(f))).toBe(true);
  });

  it("finds none: build keys and JWTs with lib/secrets/test-support/fake-keys.ts", () => {
    const found = scannedFiles().flatMap((file) =>
      keyLiteralsIn(file, readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(found).toEqual([]);
  });

  it("finds no org key or JWT in the committed mutation baseline (names, status reasons)", () => {
    // The baseline also copies product sources, whose sandbox demo keys are public by design
    // (lib/sandbox/settings.ts); org keys and JWTs are what a secret scanner must not see.
    const baseline = readFileSync(path.join(ROOT, "mutation/incremental.json"), "utf8");
    const shapes = KEY_SHAPES.filter(({ name }) => name !== "sk_ key");
    const found = shapes.flatMap(({ name, pattern }) =>
      [...baseline.matchAll(new RegExp(pattern, "g"))].map((m) => `${name}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});
