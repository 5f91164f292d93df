/**
 * The Ruby printer: the exact escape of every character that needs one, interpolation that
 * never starts, the layout, and a round trip through the real `ruby` (one process for the
 * batch): every printed literal, evaluated and sent through `JSON.generate`, is the JSON
 * `JSON.stringify` sends for the value, and Ruby warns about nothing (no repeated key).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTILE_FRAGMENTS } from "../config/arbitraries";
import { printRuby, raw, rubyString, type PrintableValue } from "./print";
import { printableValue, wireJson } from "./test-support/printable";
import { evaluateRubyLiterals } from "./test-support/ruby";
import { describeWithRuntime } from "./test-support/runtimes";

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

describe("rubyString", () => {
  it("single-quotes visible text, escaping only the backslash and the single quote", () => {
    expect(rubyString("it's")).toBe("'it\\'s'");
    expect(rubyString("a\\b")).toBe("'a\\\\b'");
    expect(rubyString("ends with \\")).toBe("'ends with \\\\'");
    // Nothing interpolates in single quotes: #{…}, #$x, #@x and double quotes stay as typed.
    expect(rubyString('#{x} #$y #@z "q" `id` %w[a]')).toBe("'#{x} #$y #@z \"q\" `id` %w[a]'");
    expect(rubyString("é 中文 😀 👩🏽‍💻")).toBe("'é 中文 😀 👩🏽‍💻'");
    expect(rubyString("")).toBe("''");
  });

  it('double-quotes text with invisible characters: \\\\, \\", \\n, \\r, \\t and \\u{…}', () => {
    expect(rubyString("a\nb")).toBe('"a\\nb"');
    expect(rubyString("\r\t")).toBe('"\\r\\t"');
    expect(rubyString("\\ \" ' $x\n")).toBe('"\\\\ \\" \' $x\\n"');
    expect(rubyString("\u0000")).toBe('"\\u{0000}"');
    expect(rubyString("\u00001")).toBe('"\\u{0000}1"');
    expect(rubyString("\u0008\u000b\u000c\u001b")).toBe('"\\u{0008}\\u{000B}\\u{000C}\\u{001B}"');
    expect(rubyString("é\u2028😀")).toBe('"é\\u{2028}😀"');
  });

  it("escapes # only where it would start an interpolation: before {, $ and @", () => {
    expect(rubyString("#{x}\n")).toBe('"\\#{x}\\n"');
    expect(rubyString("#$x\n")).toBe('"\\#$x\\n"');
    expect(rubyString("#@x\n")).toBe('"\\#@x\\n"');
    expect(rubyString("##{\n")).toBe('"#\\#{\\n"');
    expect(rubyString("# x #\n#")).toBe('"# x #\\n#"');
    // A `#` before an escaped character cannot interpolate.
    expect(rubyString('#"\n#\\')).toBe('"#\\"\\n#\\\\"');
  });

  it("writes a lone surrogate as U+FFFD: Ruby rejects \\u{D800} and JSON.generate invalid UTF-8", () => {
    expect(rubyString("a\ud800b")).toBe('"a\\u{FFFD}b"');
    expect(rubyString("\udfff")).toBe('"\\u{FFFD}"');
    expect(rubyString("\ud83d\ude00")).toBe("'😀'");
  });

  it("escapes every invisible range's edges as \\u{XXXX} and keeps their visible neighbours", () => {
    const each = (cps: number[]) =>
      cps.map((cp) => rubyString(String.fromCodePoint(cp)).slice(1, -1)).join(" ");
    expect(each(INVISIBLE_EDGES)).toBe(
      "\\u{001F} \\u{007F} \\u{009F} \\u{200E} \\u{200F} \\u{2028} \\u{2029} \\u{202A} \\u{202E} " +
        "\\u{2066} \\u{2069} \\u{FFFD} \\u{FFFD} \\u{FFFD} \\u{FFFD} \\u{FDD0} \\u{FDEF} \\u{FEFF} " +
        "\\u{FFFE} \\u{FFFF} \\u{1FFFE} \\u{10FFFF}",
    );
    expect(each(VISIBLE_NEIGHBOURS)).toBe(
      VISIBLE_NEIGHBOURS.map((cp) => String.fromCodePoint(cp)).join(" "),
    );
    for (const cp of VISIBLE_NEIGHBOURS) {
      expect(rubyString(String.fromCodePoint(cp)).startsWith("'"), cp.toString(16)).toBe(true);
    }
  });
});

describe("printRuby", () => {
  it("prints hashes RuboCop style: 2 spaces, string keys with =>, no trailing comma, short flat ones inline", () => {
    const value = {
      email: "jane@example.com",
      customData: { plan: "pro", vip: true, note: null },
      server_ids: ["a", "b"],
      mcp_access: {},
    };
    expect(printRuby(value, { breakTopLevel: true })).toBe(
      [
        "{",
        "  'email' => 'jane@example.com',",
        "  'customData' => { 'plan' => 'pro', 'vip' => true, 'note' => nil },",
        "  'server_ids' => ['a', 'b'],",
        "  'mcp_access' => {}",
        "}",
      ].join("\n"),
    );
    expect(printRuby({ a: { b: false } }, { level: 1, breakTopLevel: true })).toBe(
      "{\n    'a' => { 'b' => false }\n  }",
    );
    expect(printRuby([{}, []])).toBe("[{}, []]");
    expect(printRuby({ 0: "a", 1: "b" })).toBe("{ '0' => 'a', '1' => 'b' }");
  });

  it("breaks a flat container that would pass 80 columns, comma included", () => {
    const a = (n: number) => "a".repeat(n);
    // `  'k' => ['…'],` is 80 columns with 66 letters.
    expect(printRuby({ k: [a(66)] })).toBe(`{\n  'k' => ['${a(66)}']\n}`);
    expect(printRuby({ k: [a(67)] })).toBe(`{\n  'k' => [\n    '${a(67)}'\n  ]\n}`);
    // At level 1 a value starts 2 columns in: `['…'],` fits 80 columns with 73 letters.
    expect(printRuby([a(73)], { level: 1 })).toBe(`['${a(73)}']`);
    expect(printRuby([a(74)], { level: 1 })).toBe(`[\n    '${a(74)}'\n  ]`);
  });

  it("prints scalars: true/false/nil, numbers as JSON.stringify sends them, raw code", () => {
    expect(printRuby([true, false, null, -0, 1.5, -12.75, 1e21, 5e-324, raw("token")])).toBe(
      "[true, false, nil, 0, 1.5, -12.75, 1e+21, 5e-324, token]",
    );
  });

  it("refuses non-finite numbers, naming the number", () => {
    expect(() => printRuby(Number.NaN)).toThrow("Cannot print the non-finite number NaN");
    expect(() => printRuby({ a: Infinity })).toThrow("Cannot print the non-finite number Infinity");
  });

  it("merges keys that become the same once lone surrogates are U+FFFD: first place, last value", () => {
    expect(printRuby({ a: 1, "\ud800": 2, b: 3, "\udc00": 4 })).toBe(
      "{ 'a' => 1, '\ufffd' => 4, 'b' => 3 }",
    );
  });
});

describeWithRuntime("ruby", "printRuby through ruby 3 (one process for the batch)", () => {
  it("every literal, sent through JSON.generate, is the JSON JSON.stringify sends for the value", () => {
    const values: PrintableValue[] = [
      ...fc.sample(printableValue, RUNS),
      ...HOSTILE_FRAGMENTS,
      { "\ud800": 1, "\udbff": 2 },
    ];
    const literals = values.map((v) => printRuby(v));
    const { results, stderr } = evaluateRubyLiterals(literals);
    expect(stderr).toBe("");
    results.forEach((result, i) => {
      if (!result.ok) expect(result, literals[i]).toEqual({ ok: true, json: expect.any(String) });
      if (result.ok) expect(JSON.parse(result.json), literals[i]).toEqual(wireJson(values[i]!));
    });
  });

  it("round-trips every special character on its own, before {, $, @ and a digit", () => {
    const chars = [
      ..."\\'\"#$`{}@\n\r\t\u0000\u0008\u000b\u000c\u001b\u007f\u0085\u2028\u2029\ufeff\u202e",
      "\ud800",
      "\udfff",
      "\ufffe",
      "\u{1fffe}",
      "\u{10ffff}",
    ];
    const strings = chars.flatMap((c) => [c, `${c}1`, `${c}{x}`, `#${c}`, `${c}#$x`, `${c}#@x`]);
    const { results, stderr } = evaluateRubyLiterals(strings.map(rubyString));
    expect(stderr).toBe("");
    expect(results.map((r) => (r.ok ? JSON.parse(r.json) : r))).toEqual(
      strings.map((s) => wireJson(s)),
    );
  });
});
