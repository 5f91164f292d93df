/**
 * The Go printer: the exact escape of every special character, numbers, layout and gofmt's
 * alignment rule, then the proof with the real toolchain: one Go program holding every printed
 * value is gofmt-clean, compiles, and json.Marshal gives back each value (one `go run`).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  goComment,
  goNumber,
  goString,
  printGoLayout,
  printGoValue,
  raw,
  type PrintableValue,
} from "./print";
import { goAlignment } from "./print/go";
import { alignmentObject, printableValue } from "./test-support/printable-go-java";
import { describeWithRuntime } from "./test-support/runtimes";
import { goEnv, goWire, runCommand } from "./test-support/toolchain";

/** What the printer writes between the quotes for each character on its own. */
const inner = (cps: number[]) => cps.map((cp) => goString(String.fromCodePoint(cp)).slice(1, -1));

describe("goString", () => {
  it("double-quotes and uses Go's short escape for a backslash, a quote and each control it has", () => {
    expect(goString("")).toBe('""');
    expect(goString("\\")).toBe('"\\\\"');
    expect(goString('"')).toBe('"\\""');
    expect(goString("\x07")).toBe('"\\a"');
    expect(goString("\b")).toBe('"\\b"');
    expect(goString("\f")).toBe('"\\f"');
    expect(goString("\n")).toBe('"\\n"');
    expect(goString("\r")).toBe('"\\r"');
    expect(goString("\t")).toBe('"\\t"');
    expect(goString("\v")).toBe('"\\v"');
  });

  it("escapes other invisible characters as \\uxxxx, beyond U+FFFF as \\Uxxxxxxxx, never as a \\x byte", () => {
    expect(
      inner([
        0x00, 0x01, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a,
        0x202e, 0x2066, 0x2069, 0xfdd0, 0xfdef, 0xfeff, 0xfffe, 0xffff, 0x1fffe, 0x10ffff,
      ]),
    ).toEqual([
      "\\u0000",
      "\\u0001",
      "\\u001b",
      "\\u001f",
      "\\u007f",
      "\\u0080",
      "\\u0085",
      "\\u009f",
      "\\u200e",
      "\\u200f",
      "\\u2028",
      "\\u2029",
      "\\u202a",
      "\\u202e",
      "\\u2066",
      "\\u2069",
      "\\ufdd0",
      "\\ufdef",
      "\\ufeff",
      "\\ufffe",
      "\\uffff",
      "\\U0001fffe",
      "\\U0010ffff",
    ]);
  });

  it("writes U+FFFD for a lone surrogate, which no Go string can hold", () => {
    expect(inner([0xd800, 0xdbff, 0xdc00, 0xdfff])).toEqual(Array(4).fill("\\ufffd"));
    expect(goString("a\uD800b\uDC00")).toBe('"a\\ufffdb\\ufffd"');
    // A pair is one character, kept as typed.
    expect(goString("\uD83D\uDE00")).toBe('"😀"');
  });

  it("keeps visible text as typed: Go source is UTF-8, and backticks, quotes and ${ mean nothing here", () => {
    const visible = [
      0x20, 0x7e, 0xa0, 0xe9, 0x200d, 0x2027, 0x202f, 0xd7ff, 0xe000, 0xfffd, 0x10000,
    ];
    expect(inner(visible)).toEqual(visible.map((cp) => String.fromCodePoint(cp)));
    expect(goString("`${x}' 中文 👩🏽‍💻 %s")).toBe('"`${x}\' 中文 👩🏽‍💻 %s"');
    // Text that looks like an escape is text: its backslash is escaped.
    expect(goString("\\u000a \\x41 \\U0001F600")).toBe('"\\\\u000a \\\\x41 \\\\U0001F600"');
  });
});

describe("goNumber", () => {
  it("prints 32-bit integers as int constants and every other number as a float64 constant", () => {
    expect(goNumber(0)).toBe("0");
    expect(goNumber(42)).toBe("42");
    expect(goNumber(2 ** 31 - 1)).toBe("2147483647");
    expect(goNumber(-(2 ** 31))).toBe("-2147483648");
    expect(goNumber(2 ** 31)).toBe("2147483648.0");
    expect(goNumber(-(2 ** 31) - 1)).toBe("-2147483649.0");
    expect(goNumber(-12.75)).toBe("-12.75");
    expect(goNumber(1e21)).toBe("1e+21");
    expect(goNumber(5e-324)).toBe("5e-324");
    expect(goNumber(2 ** 53)).toBe("9007199254740992.0");
  });

  it("prints -0 as 0 (Go constants have no negative zero; JSON.stringify sends 0 too)", () => {
    expect(goNumber(-0)).toBe("0");
  });

  it("refuses non-finite numbers, naming the number", () => {
    expect(() => goNumber(Infinity)).toThrow("Cannot print the non-finite number Infinity in Go");
    expect(() => goNumber(-Infinity)).toThrow("non-finite number -Infinity");
    expect(() => goNumber(NaN)).toThrow("non-finite number NaN");
    expect(() => printGoValue({ a: [NaN] })).toThrow("non-finite number NaN");
  });
});

describe("printGoValue", () => {
  it("prints scalars, nil, raw code and typed empty composites", () => {
    expect(printGoValue(true)).toBe("true");
    expect(printGoValue(false)).toBe("false");
    expect(printGoValue(null)).toBe("nil");
    expect(printGoValue(raw("email"))).toBe("email");
    expect(printGoValue({})).toBe("map[string]any{}");
    expect(printGoValue([])).toBe("[]string{}");
    expect(printGoValue({ a: undefined })).toBe("map[string]any{}");
  });

  it("types a list of strings []string and any other list []any", () => {
    expect(printGoValue(["a", "b"])).toBe('[]string{"a", "b"}');
    expect(printGoValue(["a", 1])).toBe('[]any{"a", 1}');
    expect(printGoValue([null])).toBe("[]any{nil}");
    expect(printGoValue({ k: [true, {}] })).toBe(
      'map[string]any{\n\t"k": []any{true, map[string]any{}},\n}',
    );
  });

  it("breaks the top level when asked, with tabs, a trailing comma on every line and the closing brace at the level", () => {
    expect(printGoValue({ a: 1, b: "x" }, { level: 1, breakTopLevel: true })).toBe(
      'map[string]any{\n\t\t"a": 1,\n\t\t"b": "x",\n\t}',
    );
    expect(printGoValue(["x"], { breakTopLevel: true })).toBe('[]string{\n\t"x",\n}');
  });

  it("keeps a short flat composite on one line and breaks one that holds a non-empty composite", () => {
    expect(printGoValue({ plan: "pro", seats: 3 })).toBe(
      'map[string]any{"plan": "pro", "seats": 3}',
    );
    expect(printGoValue({ a: { b: 1 } })).toBe(
      'map[string]any{\n\t"a": map[string]any{"b": 1},\n}',
    );
    expect(printGoValue([[1]])).toBe("[]any{\n\t[]any{1},\n}");
  });

  it("fits a one-line composite in 100 columns, its comma included, a tab counting 4", () => {
    const a = (n: number) => "a".repeat(n);
    // `[]string{"…"}` is 12 + n columns; at level 1 it starts at column 4; +1 for the comma.
    expect(printGoValue([a(83)], { level: 1 })).toBe(`[]string{"${a(83)}"}`);
    expect(printGoValue([a(84)], { level: 1 })).toBe(`[]string{\n\t\t"${a(84)}",\n\t}`);
    expect(printGoValue([a(87)], { column: 0 })).toBe(`[]string{"${a(87)}"}`);
    expect(printGoValue([a(88)], { column: 0 })).toBe(`[]string{\n\t"${a(88)}",\n}`);
    // Characters, not bytes: 87 two-byte letters fit as well.
    expect(printGoValue(["é".repeat(87)])).toBe(`[]string{"${"é".repeat(87)}"}`);
    // A value inside an object starts after its key.
    expect(printGoValue({ k: [a(78)] })).toBe(`map[string]any{\n\t"k": []string{"${a(78)}"},\n}`);
    expect(printGoValue({ k: [a(79)] })).toBe(
      `map[string]any{\n\t"k": []string{\n\t\t"${a(79)}",\n\t},\n}`,
    );
  });

  it("breaks a composite whose raw code spans lines", () => {
    expect(printGoValue({ token: raw("a +\nb") })).toBe('map[string]any{\n\t"token": a +\nb,\n}');
    expect(printGoValue({ token: raw("a +\rb") })).toBe('map[string]any{\n\t"token": a +\rb,\n}');
  });

  it("counts empty composites as flat, and an object of undefined members as empty", () => {
    expect(printGoValue({ a: [], b: {} })).toBe(
      'map[string]any{"a": []string{}, "b": map[string]any{}}',
    );
    expect(printGoValue({ x: { b: undefined } })).toBe('map[string]any{"x": map[string]any{}}');
  });

  it("decides alignment on key sizes in bytes, as gofmt does", () => {
    // 30 two-byte letters: 62 bytes, 32 characters; next to a 3-byte key, not aligned.
    const e30 = "é".repeat(30);
    expect(printGoValue({ [e30]: 1, b: 2 }, { breakTopLevel: true })).toBe(
      `map[string]any{\n\t"${e30}": 1,\n\t"b": 2,\n}`,
    );
  });

  it("aligns the values of consecutive one-line entries as gofmt does, padding by characters", () => {
    expect(
      printGoValue({ email: raw("email"), avatar_url: "x", é: 1 }, { breakTopLevel: true }),
    ).toBe('map[string]any{\n\t"email":      email,\n\t"avatar_url": "x",\n\t"é":          1,\n}');
    // An entry that spans lines is not aligned and ends the section above it.
    expect(printGoValue({ a: 1, customData: { x: { y: 1 } }, language: "fr", b: 2 })).toBe(
      'map[string]any{\n\t"a": 1,\n\t"customData": map[string]any{\n\t\t"x": map[string]any{"y": 1},\n\t},\n\t"language": "fr",\n\t"b":        2,\n}',
    );
  });

  it("keeps the last of two keys that become one Go string", () => {
    expect(printGoValue({ "\uD800": 1, "\uDC00": 2 })).toBe('map[string]any{"\\ufffd": 2}');
  });
});

describe("gofmt's alignment rule (go/printer exprList)", () => {
  const aligned = (sizes: number[]) => goAlignment(sizes).aligned;

  it("aligns keys of at most 40 bytes, whatever their ratio", () => {
    expect(aligned([1, 40, 3])).toEqual([false, true, true]);
    expect(aligned([40, 3])).toEqual([false, true]);
  });

  it("past 40 bytes, aligns while the size is within a factor 2.5 of the section's geometric mean", () => {
    expect(aligned([40, 41])).toEqual([false, true]);
    expect(aligned([10, 41])).toEqual([false, false]);
    expect(aligned([50, 124])).toEqual([false, true]);
    expect(aligned([50, 126])).toEqual([false, false]);
    expect(aligned([50, 21])).toEqual([false, true]);
    expect(aligned([50, 19])).toEqual([false, false]);
    // Geometric: √(50·120) ≈ 77.5, so 190 is in (2.45) and 200 out (2.58; the arithmetic mean,
    // 85, would have let it in).
    expect(aligned([50, 120, 190])).toEqual([false, true, true]);
    expect(aligned([50, 120, 200])).toEqual([false, true, false]);
  });

  it("starts a new section, and a new mean, after every break", () => {
    // 18 → 300 breaks; the mean restarts at 300, so 197 aligns with it.
    expect(aligned([18, 300, 197])).toEqual([false, false, true]);
    expect(aligned([18, 561, 197, 15])).toEqual([false, false, false, false]);
  });

  it("never aligns an entry that spans lines (size 0) or the one after it", () => {
    expect(aligned([5, 0, 5, 5])).toEqual([false, false, false, true]);
    expect(aligned([0, 5])).toEqual([false, false]);
  });

  it("reports a ratio of exactly 2.5 or 0.4 as borderline and does not align it", () => {
    expect(goAlignment([42, 105])).toEqual({ aligned: [false, false], borderline: true });
    expect(goAlignment([50, 20])).toEqual({ aligned: [false, false], borderline: true });
    expect(goAlignment([50, 124, 3])).toEqual({ aligned: [false, true, false], borderline: false });
    const long = (n: number) => "k".repeat(n - 2);
    expect(printGoLayout({ [long(42)]: 1, [long(105)]: 2 }).borderline).toBe(true);
    expect(printGoLayout({ [long(42)]: 1, [long(104)]: 2 }).borderline).toBe(false);
    expect(printGoLayout({ x: { [long(42)]: 1, [long(105)]: 2, y: {} } }).borderline).toBe(true);
  });
});

describe("goComment", () => {
  it("writes a // line and refuses a line break", () => {
    expect(goComment("a */ b")).toBe("// a */ b");
    expect(goComment("")).toBe("//");
    expect(() => goComment("a\nb")).toThrow("A Go line comment cannot hold a line break: a\nb");
    expect(() => goComment("a\rb")).toThrow("cannot hold a line break");
  });
});

describeWithRuntime("go", "the Go printer with the Go toolchain", () => {
  it("one program of every printed value is gofmt-clean, compiles, and json.Marshal gives back each value", async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const values: PrintableValue[] = [
      ...fc.sample(printableValue({ nullInLists: true }), { numRuns: 400, seed }),
      ...fc.sample(alignmentObject, { numRuns: 200, seed }),
    ];
    // A value whose alignment sits on one of gofmt's thresholds is left out of the gofmt check
    // (goAlignment); it still compiles and round-trips.
    const layouts = values.map((v) => printGoLayout(v, { level: 1 }));
    const program = [
      "package main",
      "",
      "import (",
      '\t"encoding/json"',
      '\t"os"',
      ")",
      "",
      "var values = []any{",
      ...layouts.map(({ code }) => `\t${code},`),
      "}",
      "",
      "func main() {",
      "\tif err := json.NewEncoder(os.Stdout).Encode(values); err != nil {",
      "\t\tpanic(err)",
      "\t}",
      "}",
      "",
    ].join("\n");
    const dir = mkdtempSync(join(tmpdir(), "print-go-"));
    const env = goEnv();
    try {
      writeFileSync(join(dir, "values.go"), program);
      const checked = layouts.filter((layout) => !layout.borderline);
      expect(checked.length).toBeGreaterThan(values.length * 0.9);
      writeFileSync(
        join(dir, "layout.go"),
        [
          "package main",
          "",
          "var layouts = []any{",
          ...checked.map(({ code }) => `\t${code},`),
          "}",
          "",
        ].join("\n"),
      );
      const gofmt = await runCommand("gofmt", ["-d", "layout.go"], { cwd: dir, env });
      expect(gofmt.stderr, `seed ${seed}`).toBe("");
      expect(gofmt.stdout, `seed ${seed}: gofmt would change the layout`).toBe("");
      const run = await runCommand("go", ["run", "values.go"], { cwd: dir, env });
      console.log(`Go printer: ${values.length} values, go run in ${run.ms} ms (seed ${seed})`);
      expect(run.stderr, `seed ${seed}`).toBe("");
      expect(run.status).toBe(0);
      const decoded = JSON.parse(run.stdout) as unknown[];
      expect(decoded).toHaveLength(values.length);
      values.forEach((value, i) => {
        expect(decoded[i], `seed ${seed}, value ${i}: ${printGoValue(value)}`).toEqual(
          goWire(value),
        );
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
