import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { HOSTILE_FRAGMENTS } from "../config/arbitraries";
import {
  jsKey,
  jsonString,
  jsString,
  printJs,
  printJson,
  printPython,
  pythonString,
  raw,
  shellQuote,
  type PrintableValue,
} from "./print";
import { runBashBatch } from "./test-support/bash";
import { parseHtml } from "./test-support/html";
import { evaluateLiteral, parseSource, syntaxErrors } from "./test-support/literal-eval";
import { evaluatePythonBatch } from "./test-support/python";
import { forksProcess } from "./test-support/runtimes";

const RUNS = 1000;

/** Any UTF-16 string, lone surrogates included, mixed with the fragments that break naive escaping. */
const anyString = fc
  .array(
    fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom(...HOSTILE_FRAGMENTS)),
    {
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(""));

/** Well-formed text without NUL: what a shell argument can carry. */
const shellString = fc
  .array(
    fc.oneof(fc.string({ unit: "grapheme", maxLength: 12 }), fc.constantFrom(...HOSTILE_FRAGMENTS)),
    {
      maxLength: 6,
    },
  )
  .map((parts) => parts.join("").replace(/\0/g, ""));

/** JSON-like values with finite numbers (including -0), as snippets embed them. */
const printable: fc.Arbitrary<PrintableValue> = fc.letrec<{ value: PrintableValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    anyString,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(anyString, fc.constantFrom("__proto__", "42", "a-b", "valid_id", "$x")),
      tie("value"),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

/** Reads a JS literal back through the TypeScript parser. */
function readJs(literal: string): unknown {
  const source = parseSource(`const x = ${literal};\n`, "x.ts");
  expect(syntaxErrors(source)).toEqual([]);
  const decl = source.statements[0] as ts.VariableStatement;
  return evaluateLiteral(decl.declarationList.declarations[0]!.initializer!, {});
}

const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("jsString", () => {
  it("single-quotes and escapes backslashes, quotes and line breaks", () => {
    expect(jsString("it's")).toBe("'it\\'s'");
    expect(jsString('say "hi"')).toBe("'say \"hi\"'");
    expect(jsString("a\\b")).toBe("'a\\\\b'");
    expect(jsString("a\nb\r\tc")).toBe("'a\\nb\\r\\tc'");
    expect(jsString("`${x}`")).toBe("'`${x}`'");
  });

  it("escapes control characters, U+2028/2029, the BOM, bidi controls and lone surrogates", () => {
    expect(jsString("\u0000\u0001\u007f")).toBe("'\\x00\\x01\\x7F'");
    expect(jsString("\u2028\u2029\ufeff\u202e")).toBe("'\\u2028\\u2029\\uFEFF\\u202E'");
    expect(jsString("\ud83d")).toBe("'\\uD83D'");
  });

  it("keeps readable non-ASCII text, emoji sequences included", () => {
    expect(jsString("é 中文 😀 👩🏽‍💻")).toBe("'é 中文 😀 👩🏽‍💻'");
  });

  it("breaks up </script, <!-- and --> so the literal can sit inside an HTML script", () => {
    expect(jsString("</script>")).toBe("'<\\/script>'");
    expect(jsString("</SCRIPT >")).toBe("'<\\/SCRIPT >'");
    expect(jsString("<!-- x -->")).toBe("'\\x3C!-- x --\\x3E'");
    expect(jsString("<!-->")).toBe("'\\x3C!--\\x3E'");
    expect(jsString("\\</script>")).toBe("'\\\\<\\/script>'");
  });

  it("round-trips any string through the TypeScript parser", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(readJs(jsString(s))).toBe(s);
      }),
      { numRuns: RUNS },
    );
  });

  it("never contains a raw invisible character or an HTML script breaker", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const literal = jsString(s);
        expect(literal).not.toMatch(INVISIBLE);
        expect(literal).not.toMatch(LONE_SURROGATE);
        expect(literal).not.toMatch(/<\/script|<!--|-->/i);
      }),
      { numRuns: RUNS },
    );
  });

  it("stays inside its <script> element as an HTML parser sees it", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const js = `const x = ${jsString(s)};`;
        const parsed = parseHtml(`<script>${js}</script><p>after</p>`);
        expect(parsed.scripts.map((x) => x.text)).toEqual([js]);
        expect(parsed.others).toEqual(["p", "text:after"]);
        expect(parsed.errors.filter((e) => e !== "missing-doctype")).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("jsKey", () => {
  it("leaves identifiers bare and quotes everything else", () => {
    expect(jsKey("token")).toBe("token");
    expect(jsKey("$x_1")).toBe("$x_1");
    expect(jsKey("account-id")).toBe("'account-id'");
    expect(jsKey("42")).toBe("'42'");
    expect(jsKey("")).toBe("''");
    expect(jsKey("é")).toBe("'é'");
    expect(jsKey("1a")).toBe("'1a'");
    expect(jsKey("a1")).toBe("a1");
    expect(jsKey("_")).toBe("_");
    expect(jsKey("a b")).toBe("'a b'");
  });

  it("prints __proto__ as a computed key, which defines a property instead of the prototype", () => {
    expect(jsKey("__proto__")).toBe("['__proto__']");
  });
});

describe("printJs", () => {
  it("prints nested objects with 2-space indentation, trailing commas and short flat containers inline", () => {
    const value = {
      token: "wt",
      theme: { primaryColor: "#2563eb" },
      extraDataCollectionFields: ["Company", "Order #"],
      user: { data: { name: "Jane", customData: { "account-id": "a1" } }, externalId: "ws" },
    };
    expect(printJs(value, { breakTopLevel: true })).toBe(
      [
        "{",
        "  token: 'wt',",
        "  theme: { primaryColor: '#2563eb' },",
        "  extraDataCollectionFields: ['Company', 'Order #'],",
        "  user: {",
        "    data: {",
        "      name: 'Jane',",
        "      customData: { 'account-id': 'a1' },",
        "    },",
        "    externalId: 'ws',",
        "  },",
        "}",
      ].join("\n"),
    );
  });

  it("breaks a flat container that would pass 80 columns", () => {
    const long = ["a".repeat(30), "b".repeat(30), "c".repeat(30)];
    expect(printJs({ fields: long })).toBe(
      `{\n  fields: [\n    '${long[0]}',\n    '${long[1]}',\n    '${long[2]}',\n  ],\n}`,
    );
  });

  it("prints raw code in place of a value, numbers exactly and empty containers", () => {
    expect(
      printJs({ token: raw("contactToken"), n: -0, m: 1.5, b: false, z: null, e: {}, a: [] }),
    ).toBe("{ token: contactToken, n: -0, m: 1.5, b: false, z: null, e: {}, a: [] }");
    expect(printJs({ token: raw("contactToken") }, { level: 2, breakTopLevel: true })).toBe(
      "{\n      token: contactToken,\n    }",
    );
  });

  it("prints a member whose raw code is its own key as the key alone (shorthand), in JS only", () => {
    expect(printJs({ email: raw("email"), name: "Jane" })).toBe("{ email, name: 'Jane' }");
    expect(printJs({ name: "Jane", email: raw("email") }, { breakTopLevel: true })).toBe(
      "{\n  name: 'Jane',\n  email,\n}",
    );
    expect(printJs({ email: raw("userEmail") })).toBe("{ email: userEmail }");
    expect(printJs({ "e-mail": raw("e-mail") })).toBe("{ 'e-mail': e-mail }");
    expect(printPython({ email: raw("email") })).toBe('{"email": email}');
  });

  it("refuses non-finite numbers, naming the number", () => {
    expect(() => printJs(Number.NaN)).toThrow("Cannot print the non-finite number NaN");
    expect(() => printJs(Infinity)).toThrow("Cannot print the non-finite number Infinity");
    expect(() => printPython(-Infinity)).toThrow("Cannot print the non-finite number -Infinity");
  });

  it("is deterministic and evaluates back to the value it printed", () => {
    fc.assert(
      fc.property(printable, fc.boolean(), (value, breakTopLevel) => {
        const text = printJs(value, { breakTopLevel });
        expect(printJs(value, { breakTopLevel })).toBe(text);
        expect(readJs(text)).toEqual(value);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("printJson", () => {
  it("prints like JSON.stringify(value, null, 2)", () => {
    const value = {
      email: "jane@example.com",
      customData: { vip: true, seats: 3 },
      list: [1, "a"],
    };
    expect(printJson(value)).toBe(JSON.stringify(value, null, 2));
    expect(printJson({ a: 1 }, { level: 1 })).toBe('{\n    "a": 1\n  }');
  });

  it("escapes invisible characters that JSON.stringify leaves raw", () => {
    expect(jsonString("\u2028\u007f\ufeff")).toBe('"\\u2028\\u007f\\ufeff"');
    expect(jsonString("\ud800")).toBe('"\\ud800"');
  });

  it("escapes noncharacters, beyond U+FFFF as a surrogate pair (JS, JSON) or \\U (Python)", () => {
    const text = "a\ufdd0\ufffe\u{10FFFF}\u{1FFFE}b";
    expect(jsonString(text)).toBe('"a\\ufdd0\\ufffe\\udbff\\udfff\\ud83f\\udffeb"');
    expect(JSON.parse(jsonString(text))).toBe(text);
    expect(jsString(text)).toBe("'a\\uFDD0\\uFFFE\\uDBFF\\uDFFF\\uD83F\\uDFFEb'");
    expect(readJs(jsString(text))).toBe(text);
    expect(pythonString(text)).toBe('"a\\ufdd0\\ufffe\\U0010ffff\\U0001fffeb"');
  });

  it("parses back to what JSON.stringify would send", () => {
    fc.assert(
      fc.property(printable, (value) => {
        const text = printJson(value);
        expect(text).not.toMatch(
          INVISIBLE.source.replace("\\u0000-\\u001f", "\\u0000-\\u0009\\u000b-\\u001f"),
        );
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("Python printer", () => {
  it("prints str, dict, list, True/False/None and keeps the sign of -0.0", () => {
    expect(pythonString('it\'s "x" \\ \n')).toBe('"it\'s \\"x\\" \\\\ \\n"');
    expect(pythonString("\u0000\u2028é😀")).toBe('"\\x00\\u2028é😀"');
    expect(printPython({ a: true, b: false, c: null, d: -0, e: [], f: {} })).toBe(
      '{"a": True, "b": False, "c": None, "d": -0.0, "e": [], "f": {}}',
    );
    expect(printPython({ a: { b: 1 } }, { level: 1, breakTopLevel: true })).toBe(
      '{\n        "a": {"b": 1},\n    }',
    );
  });

  forksProcess(
    "evaluates back to the value in python3 (ast.literal_eval, one process for the batch)",
    () => {
      const values = fc.sample(printable, RUNS);
      const results = evaluatePythonBatch(
        values.map((v) => ({ code: `x = ${printPython(v)}\n`, variable: "x" })),
      );
      results.forEach((result, i) => {
        expect(result, printPython(values[i]!)).toEqual({ ok: true, value: values[i] });
      });
    },
  );
});

describe("shellQuote", () => {
  it("single-quotes and splices single quotes", () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("'a'")).toBe(`''\\''a'\\'''`);
    expect(shellQuote("$HOME `id` $(x)")).toBe("'$HOME `id` $(x)'");
    expect(() => shellQuote("a\0b")).toThrow("A shell argument cannot contain NUL");
  });

  forksProcess(
    "reaches the command as the exact argument (bash, one process for the batch)",
    () => {
      const values = fc.sample(shellString, RUNS);
      const [result] = runBashBatch([`printf '%s\\0' ${values.map(shellQuote).join(" ")}\n`]);
      expect(result!.status, result!.stderr).toBe(0);
      expect(result!.stdout.split("\0").slice(0, -1)).toEqual(values);
    },
  );
});

describe("what a reader cannot see is escaped, what they can see is kept (every range's edges)", () => {
  /** The first and last code point of each invisible range, and the single ones. */
  const INVISIBLE_EDGES = [
    0x1f, 0x7f, 0x9f, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202e, 0x2066, 0x2069, 0xd800,
    0xdbff, 0xdc00, 0xdfff, 0xfdd0, 0xfdef, 0xfeff, 0xfffe, 0xffff, 0x1fffe, 0x10ffff,
  ];
  /** Their visible neighbours: space, tilde, no-break space, ZWJ, hyphen, private use, U+FFFD… */
  const VISIBLE_NEIGHBOURS = [
    0x20, 0x7e, 0xa0, 0x200d, 0x2010, 0x2027, 0x202f, 0x2065, 0x206a, 0xd7ff, 0xe000, 0xfdcf,
    0xfdf0, 0xfefe, 0xfffd, 0x10000, 0x1fffd,
  ];
  const each = (print: (s: string) => string, cps: number[]) =>
    cps.map((cp) => print(String.fromCodePoint(cp)).slice(1, -1)).join(" ");

  it("JS: \\xHH up to U+00FF, \\uHHHH above, a surrogate pair beyond U+FFFF", () => {
    expect(each(jsString, INVISIBLE_EDGES)).toBe(
      "\\x1F \\x7F \\x9F \\u200E \\u200F \\u2028 \\u2029 \\u202A \\u202E \\u2066 \\u2069 \\uD800 " +
        "\\uDBFF \\uDC00 \\uDFFF \\uFDD0 \\uFDEF \\uFEFF \\uFFFE \\uFFFF \\uD83F\\uDFFE \\uDBFF\\uDFFF",
    );
  });

  it("JSON: \\uhhhh, a surrogate pair beyond U+FFFF", () => {
    expect(each(jsonString, INVISIBLE_EDGES)).toBe(
      "\\u001f \\u007f \\u009f \\u200e \\u200f \\u2028 \\u2029 \\u202a \\u202e \\u2066 \\u2069 \\ud800 " +
        "\\udbff \\udc00 \\udfff \\ufdd0 \\ufdef \\ufeff \\ufffe \\uffff \\ud83f\\udffe \\udbff\\udfff",
    );
  });

  it("Python: \\xhh up to U+00FF, \\uhhhh up to U+FFFF, \\Uhhhhhhhh beyond", () => {
    expect(each(pythonString, INVISIBLE_EDGES)).toBe(
      "\\x1f \\x7f \\x9f \\u200e \\u200f \\u2028 \\u2029 \\u202a \\u202e \\u2066 \\u2069 \\ud800 " +
        "\\udbff \\udc00 \\udfff \\ufdd0 \\ufdef \\ufeff \\ufffe \\uffff \\U0001fffe \\U0010ffff",
    );
  });

  it("keeps the visible neighbours as typed in every language", () => {
    const typed = VISIBLE_NEIGHBOURS.map((cp) => String.fromCodePoint(cp)).join(" ");
    expect(each(jsString, VISIBLE_NEIGHBOURS)).toBe(typed);
    expect(each(jsonString, VISIBLE_NEIGHBOURS)).toBe(typed);
    expect(each(pythonString, VISIBLE_NEIGHBOURS)).toBe(typed);
  });

  it("JS and JSON use the short escapes a reader knows, Python the ones it has", () => {
    expect(jsString("\b\f\v\t\r\n\\'\"")).toBe("'\\b\\f\\v\\t\\r\\n\\\\\\'\"'");
    expect(jsonString("\b\f\v\t\r\n\\'\"")).toBe('"\\u0008\\u000c\\u000b\\t\\r\\n\\\\\'\\""');
    expect(pythonString("\b\f\v\t\r\n\\'\"")).toBe('"\\x08\\x0c\\x0b\\t\\r\\n\\\\\'\\""');
  });
});

describe("layout widths: a flat container stays on one line only while it fits, comma included", () => {
  const a = (n: number) => "a".repeat(n);

  it("JS: 80 columns", () => {
    // `  fields: ['…'],` is 80 columns with 65 letters.
    expect(printJs({ fields: [a(65)] })).toBe(`{\n  fields: ['${a(65)}'],\n}`);
    expect(printJs({ fields: [a(66)] })).toBe(`{\n  fields: [\n    '${a(66)}',\n  ],\n}`);
  });

  it("JS: a value printed at an indentation level starts 2 columns per level in", () => {
    // At level 2 the value starts at column 4: `['…'],` fits 80 columns with 71 letters.
    expect(printJs([a(71)], { level: 2 })).toBe(`['${a(71)}']`);
    expect(printJs([a(72)], { level: 2 })).toBe(`[\n      '${a(72)}',\n    ]`);
    expect(printJs([a(75)], { column: 0 })).toBe(`['${a(75)}']`);
  });

  it("Python: 88 columns (black's width), 4 columns per level", () => {
    // `    "fields": ["…"],` is 88 columns with 69 letters.
    expect(printPython({ fields: [a(69)] })).toBe(`{\n    "fields": ["${a(69)}"],\n}`);
    expect(printPython({ fields: [a(70)] })).toBe(
      `{\n    "fields": [\n        "${a(70)}",\n    ],\n}`,
    );
    expect(printPython([a(79)], { level: 1 })).toBe(`["${a(79)}"]`);
    expect(printPython([a(80)], { level: 1 })).toBe(`[\n        "${a(80)}",\n    ]`);
  });

  it("breaks a container whose raw code spans lines, whatever its width", () => {
    expect(printJs({ token: raw("a ||\nb") })).toBe("{\n  token: a ||\nb,\n}");
    expect(printPython({ token: raw("a") })).toBe('{"token": a}');
  });

  it("JSON breaks every container, even a short or empty one, and has no trailing comma", () => {
    expect(printJson({ a: [1], e: {}, l: [] })).toBe(
      '{\n  "a": [\n    1\n  ],\n  "e": {},\n  "l": []\n}',
    );
    expect(printJson([])).toBe("[]");
    expect(() => printJson(raw("x"))).toThrow("JSON cannot hold raw code");
    expect(() => printJson(Infinity)).toThrow("Cannot print the non-finite number Infinity");
  });
});

describe("what counts as flat", () => {
  it("empty containers and scalars sit on one line; a non-empty nested container breaks its parent", () => {
    expect(printJs([[], {}, 1])).toBe("[[], {}, 1]");
    expect(printJs([[1], []])).toBe("[\n  [1],\n  [],\n]");
    expect(printPython({ a: { b: 1 } })).toBe('{\n    "a": {"b": 1},\n}');
  });

  it("leaves out undefined members, so an object of them prints empty", () => {
    expect(printJs({ a: 1, b: undefined })).toBe("{ a: 1 }");
    expect(printJs({ x: { b: undefined } })).toBe("{ x: {} }");
    expect(printJson({ a: undefined })).toBe("{}");
  });
});
