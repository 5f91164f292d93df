/**
 * The Java printer: the exact escape of every special character, why no text can start a
 * Unicode escape (Java reads `\uXXXX` before it reads tokens, in comments too), numbers and
 * layout; then the proof with the real toolchain: one class holding every printed value and
 * comment compiles with `javac -Xlint:all -Werror`, and each value comes back exact (one
 * `javac`, one `java`).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  javaComment,
  javaNumber,
  javaString,
  printJavaValue,
  raw,
  type PrintableValue,
} from "./print";
import { LONE_SURROGATES } from "../config/arbitraries";
import {
  anyString,
  GO_JAVA_FRAGMENTS,
  JAVAC_TRAPS,
  printableValue,
} from "./test-support/printable-go-java";
import { describeWithRuntime } from "./test-support/runtimes";
import { JVM_QUICK_START } from "./test-support/server-batches";
import { baseEnv, runCommand } from "./test-support/toolchain";

const print = (value: PrintableValue, opts: { level?: number; breakTopLevel?: boolean } = {}) =>
  printJavaValue(value, { objectFunction: "object", ...opts });
/** What the printer writes between the quotes for each UTF-16 code unit on its own. */
const inner = (units: number[]) =>
  units.map((u) => javaString(String.fromCharCode(u)).slice(1, -1));

/**
 * The Unicode escapes Java would translate in `source` (JLS §3.3): a backslash preceded by an
 * even number of backslashes, then one or more `u`s and four hex digits. Returns each escape's
 * code unit, or -1 where the `u`s are not followed by four hex digits (a compile error).
 */
function unicodeEscapes(source: string): number[] {
  const found: number[] = [];
  for (const match of source.matchAll(/\\+/g)) {
    const end = match.index + match[0].length;
    if (match[0].length % 2 === 0 || source[end] !== "u") continue;
    const hexDigits = /^u+([0-9a-fA-F]{4})/.exec(source.slice(end));
    found.push(hexDigits ? parseInt(hexDigits[1]!, 16) : -1);
  }
  return found;
}

/**
 * Where javac 17 goes wrong although the escapes are right (print/java.ts): a Unicode escape
 * of a high surrogate followed by two or more backslashes and a `u`. After such an escape
 * javac's look-ahead for the low half shifts its count of the backslashes by one, so the `u`
 * starts an escape where JLS §3.3 says it does not (`\uD800\\u2028`: "illegal escape
 * character"), or does not where it does (`\uD800\\\uDC00`). Checked against javac 17.0.15:
 * `\uD800\uDC00`, `\uD800\u0041`, `\uD800\\x`, `\uD800\134\\u0041` all compile.
 */
function javacSurrogateTraps(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\\+/g)) {
    const end = match.index + match[0].length;
    if (match[0].length % 2 === 0) continue;
    const trap = /^u+[dD][89abAB][0-9a-fA-F]{2}\\{2,}u/.exec(source.slice(end));
    if (trap) found.push(`\\${trap[0]}`);
  }
  return found;
}

/** Lone surrogates, backslashes and `u`s packed together: what javac's look-ahead trips on. */
const surrogateAndBackslash = fc
  .array(
    fc.oneof(
      fc.constantFrom(...LONE_SURROGATES, "\\", "\\\\", "u", "u2028", "\\u000a", "\uD83D\uDE00"),
      anyString,
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));

describe("javaString", () => {
  it("double-quotes and uses Java's short escape for a backslash, a quote and each control it has", () => {
    expect(javaString("")).toBe('""');
    expect(javaString("\\")).toBe('"\\\\"');
    expect(javaString('"')).toBe('"\\""');
    expect(javaString("\b")).toBe('"\\b"');
    expect(javaString("\f")).toBe('"\\f"');
    expect(javaString("\n")).toBe('"\\n"');
    expect(javaString("\r")).toBe('"\\r"');
    expect(javaString("\t")).toBe('"\\t"');
    expect(javaString("'")).toBe('"\'"');
  });

  it("writes other ASCII controls as three-digit octal escapes, never as Unicode escapes", () => {
    expect(inner([0x00, 0x01, 0x07, 0x0b, 0x1b, 0x1f, 0x7f])).toEqual([
      "\\000",
      "\\001",
      "\\007",
      "\\013",
      "\\033",
      "\\037",
      "\\177",
    ]);
    // Three digits, so a digit after NUL stays a digit.
    expect(javaString("\u00001")).toBe('"\\0001"');
  });

  it("writes every code unit beyond ASCII as \\uXXXX, a character beyond U+FFFF as a surrogate pair", () => {
    expect(inner([0x80, 0x9f, 0xa0, 0xe9, 0x2028, 0x202e, 0xd800, 0xdfff, 0xfeff, 0xffff])).toEqual(
      [
        "\\u0080",
        "\\u009F",
        "\\u00A0",
        "\\u00E9",
        "\\u2028",
        "\\u202E",
        "\\uD800",
        "\\uDFFF",
        "\\uFEFF",
        "\\uFFFF",
      ],
    );
    expect(javaString("😀")).toBe('"\\uD83D\\uDE00"');
    expect(javaString("\u{10FFFF}")).toBe('"\\uDBFF\\uDFFF"');
  });

  it("keeps printable ASCII as typed", () => {
    const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))
      .filter((c) => c !== "\\" && c !== '"')
      .join("");
    expect(javaString(printable)).toBe(`"${printable}"`);
  });

  it("text that looks like a Unicode escape stays text: its backslash is doubled and starts nothing", () => {
    expect(javaString("\\u000a")).toBe('"\\\\u000a"');
    expect(javaString("\\u0022")).toBe('"\\\\u0022"');
    expect(javaString("\\uuuu005c")).toBe('"\\\\uuuu005c"');
    expect(javaString("\\\\u0041")).toBe('"\\\\\\\\u0041"');
    expect(unicodeEscapes(javaString("\\u000a \\\\u0022 \\uuuu005c"))).toEqual([]);
    // A backslash before a character beyond ASCII: the pair, then the printer's own escape.
    expect(javaString("\\é")).toBe('"\\\\\\u00E9"');
    expect(unicodeEscapes(javaString("\\é"))).toEqual([0xe9]);
  });

  it("writes a backslash right after a high surrogate as \\134, where javac would misread \\\\", () => {
    // The input that failed go-java.property.test.ts (a customData key): javac 17 read the
    // printed `\uD800\\u2028` as `\uD800`, a backslash and U+2028 ("illegal escape character").
    expect(javaString("&+mLNFgnR^P*\uD800\\u2028")).toBe('"&+mLNFgnR^P*\\uD800\\134u2028"');
    expect(javaString("\uDBFF\\\uD800")).toBe('"\\uDBFF\\134\\uD800"');
    expect(javaString("\uD800\\\\u0041")).toBe('"\\uD800\\134\\\\u0041"');
    expect(javaString("\uD800\\")).toBe('"\\uD800\\134"');
    // Only there: after a low surrogate, a pair or any other character, the backslash is `\\`.
    expect(javaString("\uDC00\\u0041")).toBe('"\\uDC00\\\\u0041"');
    expect(javaString("\uD83D\uDE00\\u0041")).toBe('"\\uD83D\\uDE00\\\\u0041"');
    expect(javaString("\u00E9\\u0041")).toBe('"\\u00E9\\\\u0041"');
    expect(javaString("\uD800x\\")).toBe('"\\uD800x\\\\"');
    for (const trap of JAVAC_TRAPS) {
      expect(javacSurrogateTraps(javaString(trap)), trap).toEqual([]);
      expect(unicodeEscapes(javaString(trap)), trap).toEqual(
        Array.from(trap, (_, i) => trap.charCodeAt(i)).filter(
          (u, i) => i < trap.length && u >= 0x80,
        ),
      );
    }
    // The check itself finds what javac trips on.
    expect(javacSurrogateTraps('"\\uD800\\\\u2028"')).toEqual(["\\uD800\\\\u"]);
    expect(javacSurrogateTraps('"\\\\uD800\\\\u2028"')).toEqual([]);
  });

  it("for any text with lone surrogates and backslashes, javac's look-ahead after a high surrogate meets no backslash pair", () => {
    fc.assert(
      fc.property(surrogateAndBackslash, (s) => {
        const literal = javaString(s);
        expect(javacSurrogateTraps(literal)).toEqual([]);
        const units = Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
        expect(unicodeEscapes(literal)).toEqual(units.filter((u) => u >= 0x80));
      }),
      { numRuns: 2000 },
    );
  });

  it("for any text, the only Unicode escapes Java sees are the printer's, each for a character beyond ASCII", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const literal = javaString(s);
        expect(literal).toMatch(/^"[\x20-\x7e]*"$/);
        const units = Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
        expect(unicodeEscapes(literal)).toEqual(units.filter((u) => u >= 0x80));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("javaNumber", () => {
  it("prints 32-bit integers as int literals and every other number as a double literal", () => {
    expect(javaNumber(0)).toBe("0");
    expect(javaNumber(42)).toBe("42");
    expect(javaNumber(2 ** 31 - 1)).toBe("2147483647");
    expect(javaNumber(-(2 ** 31))).toBe("-2147483648");
    expect(javaNumber(2 ** 31)).toBe("2147483648.0");
    expect(javaNumber(-(2 ** 31) - 1)).toBe("-2147483649.0");
    expect(javaNumber(-12.75)).toBe("-12.75");
    expect(javaNumber(1e21)).toBe("1e+21");
    expect(javaNumber(5e-324)).toBe("5e-324");
  });

  it("prints -0 as 0 (JSON.stringify sends 0 too) and refuses non-finite numbers", () => {
    expect(javaNumber(-0)).toBe("0");
    expect(() => javaNumber(Infinity)).toThrow(
      "Cannot print the non-finite number Infinity in Java",
    );
    expect(() => javaNumber(NaN)).toThrow("non-finite number NaN");
    expect(() => print([-Infinity])).toThrow("non-finite number -Infinity");
  });
});

describe("printJavaValue", () => {
  it("prints scalars, null and raw code, objects through the object function and lists as List.of", () => {
    expect(print(true)).toBe("true");
    expect(print(null)).toBe("null");
    expect(print(raw("email"))).toBe("email");
    expect(print({})).toBe("object()");
    expect(print([])).toBe("List.of()");
    expect(print({ a: 1, b: null, c: undefined })).toBe('object("a", 1, "b", null)');
    expect(print(["x", 2, false])).toBe('List.of("x", 2, false)');
    expect(printJavaValue({ a: 1 }, { objectFunction: "obj" })).toBe('obj("a", 1)');
  });

  it("refuses null in a list, which List.of would throw on", () => {
    expect(() => print([1, null])).toThrow("Cannot print null in a Java List.of");
  });

  it("breaks with one key-value pair per line and the closing parenthesis after the last one", () => {
    expect(print({ a: 1, b: "x" }, { level: 2, breakTopLevel: true })).toBe(
      'object(\n            "a", 1,\n            "b", "x")',
    );
    expect(print({ a: { b: [1] }, c: 2 })).toBe(
      'object(\n    "a", object(\n        "b", List.of(1)),\n    "c", 2)',
    );
    expect(print([[1]])).toBe("List.of(\n    List.of(1))");
  });

  it("fits a one-line call in 100 columns with room for the `);` after it", () => {
    const a = (n: number) => "a".repeat(n);
    // `List.of("…")` is 11 + n columns.
    expect(print([a(87)])).toBe(`List.of("${a(87)}")`);
    expect(print([a(88)])).toBe(`List.of(\n    "${a(88)}")`);
    expect(print([a(83)], { level: 1 })).toBe(`List.of("${a(83)}")`);
    expect(print([a(84)], { level: 1 })).toBe(`List.of(\n        "${a(84)}")`);
    // A value inside an object starts after its key: `    "k", List.of("…")` is 20 + n.
    expect(print({ k: [a(78)] })).toBe(`object(\n    "k", List.of("${a(78)}"))`);
    expect(print({ k: [a(79)] })).toBe(`object(\n    "k", List.of(\n        "${a(79)}"))`);
  });

  it("breaks a call whose raw code spans lines", () => {
    expect(print({ token: raw("a +\nb") })).toBe('object(\n    "token", a +\nb)');
    expect(print({ token: raw("a +\rb") })).toBe('object(\n    "token", a +\rb)');
  });

  it("counts empty calls as flat, and an object of undefined members as empty", () => {
    expect(print({ a: [], b: {} })).toBe('object("a", List.of(), "b", object())');
    expect(print({ x: { b: undefined } })).toBe('object("x", object())');
  });
});

describe("javaComment", () => {
  it("doubles backslashes so no Unicode escape can end the comment early", () => {
    expect(javaComment("a \\u000a b")).toBe("// a \\\\u000a b");
    expect(javaComment("\\\\u0041")).toBe("// \\\\\\\\u0041");
    expect(unicodeEscapes(javaComment("x \\u000a \\\\u000d \\\\\\u002a\\u002f y"))).toEqual([]);
  });

  it("writes a lone surrogate as U+FFFD, so a high surrogate's escape is always followed by its low half's", () => {
    // javac 17 read `\uD800\\u000a` in a comment as a line break: `x = 1;` became code.
    expect(javaComment("\uD800\\u000a x = 1;")).toBe("// \\uFFFD\\\\u000a x = 1;");
    expect(javaComment("\uDC00 \uDBFF\\")).toBe("// \\uFFFD \\uFFFD\\\\");
    // A pair stays itself.
    expect(javaComment("\uD83D\uDE00\\u000a")).toBe("// \\uD83D\\uDE00\\\\u000a");
    for (const trap of [...JAVAC_TRAPS, ...fc.sample(surrogateAndBackslash, 500)]) {
      const comment = javaComment(trap.replace(/[\n\r]/g, " "));
      expect(javacSurrogateTraps(comment), trap).toEqual([]);
      // No escape that ends the line, or a broken one (controls are `\u00XX` in a comment).
      const breaking = unicodeEscapes(comment).filter((u) => u === 0x0a || u === 0x0d || u < 0);
      expect(breaking, trap).toEqual([]);
    }
  });

  it("keeps the file ASCII and refuses a line break", () => {
    expect(javaComment("café 😀\t*/")).toBe("// caf\\u00E9 \\uD83D\\uDE00\\u0009*/");
    expect(javaComment("~\x7f")).toBe("// ~\\u007F");
    expect(javaComment("")).toBe("//");
    expect(() => javaComment("a\nb")).toThrow("A Java line comment cannot hold a line break: a\nb");
    expect(() => javaComment("a\rb")).toThrow("cannot hold a line break");
  });
});

const VALUES_PER_METHOD = 40;

describeWithRuntime("java", "the Java printer with the Java toolchain", () => {
  it("one class of every printed value and comment compiles without a warning, and each value comes back exact", async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    // First the text that once broke javac, as values, keys and comments.
    const values: PrintableValue[] = [
      ...JAVAC_TRAPS,
      Object.fromEntries(JAVAC_TRAPS.map((trap) => [trap, [trap]])),
      ...fc.sample(printableValue({ nullInLists: false }), { numRuns: 600, seed }),
      ...fc.sample(surrogateAndBackslash, { numRuns: 200, seed }),
    ];
    const comments = [
      ...JAVAC_TRAPS,
      ...GO_JAVA_FRAGMENTS,
      ...fc.sample(anyString, { numRuns: 200, seed }),
      ...fc.sample(surrogateAndBackslash, { numRuns: 200, seed }),
    ].map((text) => text.replace(/[\n\r]/g, " "));
    const methods: string[] = [];
    for (let start = 0; start < values.length; start += VALUES_PER_METHOD) {
      const chunk = values.slice(start, start + VALUES_PER_METHOD);
      methods.push(
        [
          `    static void add${methods.length}(List<Object> values) {`,
          ...chunk.map((v) => `        values.add(${print(v, { level: 2 })});`),
          "    }",
        ].join("\n"),
      );
    }
    const source = `import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Values {
    private Values() {}

    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

${methods.join("\n\n")}

    /** Every string as \\\\u escapes only: nothing here depends on the printer under test. */
    static void write(StringBuilder out, Object value) {
        if (value instanceof String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                out.append(String.format("\\\\u%04x", (int) text.charAt(i)));
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                write(out, entry.getKey());
                out.append(':');
                write(out, entry.getValue());
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i > 0 ? "," : "");
                write(out, list.get(i));
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    public static void main(String[] args) {
        int statements = 0;
${comments.map((text) => `        ${javaComment(text)}\n        statements++;`).join("\n")}
        List<Object> values = new ArrayList<>();
${methods.map((_, i) => `        add${i}(values);`).join("\n")}
        StringBuilder out = new StringBuilder();
        write(out, values);
        System.out.println(statements);
        System.out.print(out);
    }
}
`;
    expect(source).toMatch(/^[\n\x20-\x7e]*$/);
    const dir = mkdtempSync(join(tmpdir(), "print-java-"));
    try {
      writeFileSync(join(dir, "Values.java"), source);
      const quick = JVM_QUICK_START.map((flag) => `-J${flag}`);
      const javac = await runCommand(
        "javac",
        [...quick, "-Xlint:all", "-Werror", "-d", "classes", "Values.java"],
        { cwd: dir, env: baseEnv() },
      );
      expect(javac.stderr, `seed ${seed}`).toBe("");
      expect(javac.status).toBe(0);
      const run = await runCommand("java", [...JVM_QUICK_START, "-cp", "classes", "Values"], {
        cwd: dir,
        env: baseEnv(),
      });
      console.log(
        `Java printer: ${values.length} values, ${comments.length} comments, javac in ${javac.ms} ms, java in ${run.ms} ms (seed ${seed})`,
      );
      expect(run.stderr, `seed ${seed}`).toBe("");
      const [statements, json] = run.stdout.split("\n");
      // Every comment stayed one comment: no text ran as code, none swallowed a statement.
      expect(Number(statements)).toBe(comments.length);
      const decoded = JSON.parse(json!) as unknown[];
      expect(decoded).toHaveLength(values.length);
      values.forEach((value, i) => {
        expect(decoded[i], `seed ${seed}, value ${i}: ${print(value)}`).toEqual(
          JSON.parse(JSON.stringify(value)),
        );
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
