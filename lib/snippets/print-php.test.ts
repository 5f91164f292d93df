/**
 * The PHP printer: the exact escape of every character that needs one, the layout, the JSON
 * objects PHP would otherwise send as lists, and a round trip through the real `php` (one
 * process for the batch): every printed literal, evaluated and sent through `json_encode` with
 * the snippet's flags, is the JSON `JSON.stringify` sends for the value.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTILE_FRAGMENTS } from "../config/arbitraries";
import { phpCastsObject, phpString, printPhp, raw, type PrintableValue } from "./print";
import { evaluatePhpLiterals } from "./test-support/php";
import { describeWithRuntime } from "./test-support/runtimes";
import { printableValue, wireJson } from "./test-support/printable";

const RUNS = 1000;

/** The first and last code point of each invisible range, and the single ones (as print.test.ts). */
const INVISIBLE_EDGES = [
  0x1f, 0x7f, 0x9f, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202e, 0x2066, 0x2069, 0xd800, 0xdbff,
  0xdc00, 0xdfff, 0xfdd0, 0xfdef, 0xfeff, 0xfffe, 0xffff, 0x1fffe, 0x10ffff,
];
const VISIBLE_NEIGHBOURS = [
  0x20, 0x7e, 0xa0, 0x200d, 0x2010, 0x2027, 0x202f, 0x2065, 0x206a, 0xd7ff, 0xe000, 0xfdcf, 0xfdf0,
  0xfefe, 0xfffd, 0x10000, 0x1fffd,
];

describe("phpString", () => {
  it("single-quotes visible text, escaping only the backslash and the single quote", () => {
    expect(phpString("it's")).toBe("'it\\'s'");
    expect(phpString("a\\b")).toBe("'a\\\\b'");
    expect(phpString("ends with \\")).toBe("'ends with \\\\'");
    expect(phpString("\\'")).toBe("'\\\\\\''");
    // Nothing interpolates in single quotes: $, {$…}, double quotes and backticks stay as typed.
    expect(phpString('$HOME {$x} ${y} "q" `id` ?> <?php')).toBe(
      "'$HOME {$x} ${y} \"q\" `id` ?> <?php'",
    );
    expect(phpString("é 中文 😀 👩🏽‍💻")).toBe("'é 中文 😀 👩🏽‍💻'");
    expect(phpString("")).toBe("''");
  });

  it('double-quotes text with invisible characters: \\\\, \\", \\$, \\n, \\r, \\t and \\u{…}', () => {
    expect(phpString("a\nb")).toBe('"a\\nb"');
    expect(phpString("\r\t")).toBe('"\\r\\t"');
    expect(phpString("\\ \" ' $x {$y}\n")).toBe('"\\\\ \\" \' \\$x {\\$y}\\n"');
    expect(phpString("\u0000")).toBe('"\\u{0000}"');
    // The escape ends at its brace: a digit after NUL stays a digit (`\01` would be octal 1).
    expect(phpString("\u00001")).toBe('"\\u{0000}1"');
    expect(phpString("\u0008\u000b\u000c\u001b")).toBe('"\\u{0008}\\u{000B}\\u{000C}\\u{001B}"');
    expect(phpString("é\u2028😀")).toBe('"é\\u{2028}😀"');
  });

  it("writes a lone surrogate as U+FFFD: PHP strings are UTF-8 and json_encode refuses the rest", () => {
    expect(phpString("a\ud800b")).toBe('"a\\u{FFFD}b"');
    expect(phpString("\udfff")).toBe('"\\u{FFFD}"');
    // A pair is one visible character, kept as typed.
    expect(phpString("\ud83d\ude00")).toBe("'😀'");
  });

  it("escapes every invisible range's edges as \\u{XXXX} and keeps their visible neighbours", () => {
    const each = (cps: number[]) =>
      cps.map((cp) => phpString(String.fromCodePoint(cp)).slice(1, -1)).join(" ");
    expect(each(INVISIBLE_EDGES)).toBe(
      "\\u{001F} \\u{007F} \\u{009F} \\u{200E} \\u{200F} \\u{2028} \\u{2029} \\u{202A} \\u{202E} " +
        "\\u{2066} \\u{2069} \\u{FFFD} \\u{FFFD} \\u{FFFD} \\u{FFFD} \\u{FDD0} \\u{FDEF} \\u{FEFF} " +
        "\\u{FFFE} \\u{FFFF} \\u{1FFFE} \\u{10FFFF}",
    );
    expect(each(VISIBLE_NEIGHBOURS)).toBe(
      VISIBLE_NEIGHBOURS.map((cp) => String.fromCodePoint(cp)).join(" "),
    );
    for (const cp of VISIBLE_NEIGHBOURS) {
      expect(phpString(String.fromCodePoint(cp)).startsWith("'"), cp.toString(16)).toBe(true);
    }
  });
});

describe("printPhp", () => {
  it("prints arrays PSR-12 style: 4 spaces, ' => ', trailing commas, short flat ones inline", () => {
    const value = {
      email: "jane@example.com",
      customData: { plan: "pro", seats: 3, vip: true },
      server_ids: ["a", "b"],
    };
    expect(printPhp(value, { breakTopLevel: true })).toBe(
      [
        "[",
        "    'email' => 'jane@example.com',",
        "    'customData' => ['plan' => 'pro', 'seats' => 3, 'vip' => true],",
        "    'server_ids' => ['a', 'b'],",
        "]",
      ].join("\n"),
    );
    expect(printPhp({ a: { b: false } }, { level: 1, breakTopLevel: true })).toBe(
      "[\n        'a' => ['b' => false],\n    ]",
    );
  });

  it("breaks a flat array that would pass 80 columns, comma included", () => {
    const a = (n: number) => "a".repeat(n);
    // `    'k' => ['…'],` is 80 columns with 64 letters.
    expect(printPhp({ k: [a(64)] })).toBe(`[\n    'k' => ['${a(64)}'],\n]`);
    expect(printPhp({ k: [a(65)] })).toBe(`[\n    'k' => [\n        '${a(65)}',\n    ],\n]`);
    // At level 1 a value starts 4 columns in: `['…'],` fits 80 columns with 71 letters.
    expect(printPhp([a(71)], { level: 1 })).toBe(`['${a(71)}']`);
    expect(printPhp([a(72)], { level: 1 })).toBe(`[\n        '${a(72)}',\n    ]`);
  });

  it("casts the JSON objects PHP would send as lists: {} and keys 0…n−1 in order", () => {
    expect(printPhp({})).toBe("(object) []");
    expect(printPhp([])).toBe("[]");
    expect(printPhp({ mcp_access: {} })).toBe("['mcp_access' => (object) []]");
    expect(printPhp({ 0: "a", 1: "b" })).toBe("(object) ['0' => 'a', '1' => 'b']");
    expect(printPhp({ 1: "a" })).toBe("['1' => 'a']");
    expect(printPhp({ 0: "a", 2: "b" })).toBe("['0' => 'a', '2' => 'b']");
    expect(printPhp({ 0: "a", b: "c" })).toBe("['0' => 'a', 'b' => 'c']");
    expect(printPhp({ "00": "a" })).toBe("['00' => 'a']");
    expect(printPhp([{}, []])).toBe("[(object) [], []]");
  });

  it("says when a value holds such a cast, at any depth", () => {
    expect(phpCastsObject({})).toBe(true);
    expect(phpCastsObject({ a: 1 })).toBe(false);
    expect(phpCastsObject({ a: { b: {} } })).toBe(true);
    expect(phpCastsObject({ a: [[{ 0: 1 }]] })).toBe(true);
    expect(phpCastsObject({ a: [1, "x", null] })).toBe(false);
    expect(phpCastsObject([])).toBe(false);
    expect(phpCastsObject("{}")).toBe(false);
    expect(phpCastsObject(raw("$x"))).toBe(false);
    // An undefined member is left out, so it neither counts as a key nor hides a cast.
    expect(phpCastsObject({ a: undefined })).toBe(true);
    expect(phpCastsObject({ 0: 1, x: undefined })).toBe(true);
  });

  it("prints scalars: true/false/null, numbers as JSON.stringify sends them, raw code", () => {
    expect(printPhp([true, false, null, -0, 1.5, -12.75, 1e21, 5e-324, raw("$token")])).toBe(
      "[true, false, null, 0, 1.5, -12.75, 1e+21, 5e-324, $token]",
    );
  });

  it("refuses non-finite numbers, naming the number", () => {
    expect(() => printPhp(Number.NaN)).toThrow("Cannot print the non-finite number NaN");
    expect(() => printPhp({ a: -Infinity })).toThrow(
      "Cannot print the non-finite number -Infinity",
    );
  });

  it("merges keys that become the same once lone surrogates are U+FFFD: first place, last value", () => {
    expect(printPhp({ a: 1, "\ud800": 2, b: 3, "\udc00": 4 })).toBe(
      "['a' => 1, '\ufffd' => 4, 'b' => 3]",
    );
  });
});

describeWithRuntime("php", "printPhp through php 8 (one process for the batch)", () => {
  it("every literal, sent through json_encode, is the JSON JSON.stringify sends for the value", () => {
    const values: PrintableValue[] = [
      ...fc.sample(printableValue, RUNS),
      ...HOSTILE_FRAGMENTS,
      { 0: "a", 1: "b" },
      {},
      [{}],
      { "\ud800": 1, "\udbff": 2 },
    ];
    const literals = values.map((v) => printPhp(v));
    const { results, stderr } = evaluatePhpLiterals(literals);
    expect(stderr).toBe("");
    results.forEach((result, i) => {
      const expected = { ok: true, json: expect.any(String) };
      if (!result.ok) expect(result, literals[i]).toEqual(expected);
      if (result.ok) expect(JSON.parse(result.json), literals[i]).toEqual(wireJson(values[i]!));
    });
  });

  it("round-trips every special character on its own and next to a digit", () => {
    const chars = [
      ..."\\'\"$`{}#@\n\r\t\u0000\u0008\u000b\u000c\u001b\u007f\u0085\u2028\u2029\ufeff\u202e",
      "\ud800",
      "\udfff",
      "\ufffe",
      "\u{1fffe}",
      "\u{10ffff}",
    ];
    const strings = chars.flatMap((c) => [c, `${c}1`, `${c}{$x}`, `x${c}`]);
    const { results } = evaluatePhpLiterals(strings.map(phpString));
    expect(results.map((r) => (r.ok ? JSON.parse(r.json) : r))).toEqual(
      strings.map((s) => wireJson(s)),
    );
  });
});
