/**
 * What the PHP and Ruby generators decide beyond the golden files: the comment that says when
 * lone surrogates were replaced (no fixture holds one), and the UTF-8 text helpers behind it.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { generatePhpSnippet, OBJECT_CAST_NOTE, PHP_FUNCTION_FILE } from "./php-snippet";
import { raw } from "./print";
import {
  hasLoneSurrogate,
  loneSurrogateNote,
  wellFormedText,
  wellFormedValue,
} from "./print/well-formed";
import { generateRubySnippet, RUBY_FUNCTION_FILE } from "./ruby-snippet";

const verified = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  model: "server",
  serverEmail: "jane@example.com",
  ...over,
});
const phpCode = (config: PlaygroundConfig) =>
  generatePhpSnippet(config).files.find((f) => f.path === PHP_FUNCTION_FILE)!.code;
const rubyCode = (config: PlaygroundConfig) =>
  generateRubySnippet(config).files.find((f) => f.path === RUBY_FUNCTION_FILE)!.code;

describe("lone surrogates in the sample values", () => {
  const broken = verified({ serverName: "Jane \ud800" });

  it("are written as U+FFFD, with a comment naming the encoder that needs it", () => {
    expect(phpCode(broken)).toContain(
      "    // A lone UTF-16 surrogate in these sample values is written as U+FFFD: json_encode sends only UTF-8.\n",
    );
    expect(phpCode(broken)).toContain("'name' => 'Jane \ufffd',");
    expect(rubyCode(broken)).toContain(
      "  # A lone UTF-16 surrogate in these sample values is written as U+FFFD: JSON.generate sends only UTF-8.\n",
    );
    expect(rubyCode(broken)).toContain("'name' => 'Jane \ufffd'\n");
  });

  it("leave no comment when there are none, surrogate pairs included", () => {
    const fine = verified({ serverName: "Jane 😀" });
    for (const code of [phpCode(fine), rubyCode(fine)]) {
      expect(code).not.toContain("surrogate");
      expect(code).toContain("'name' => 'Jane 😀'");
    }
  });

  it("PHP says why it casts only when the body holds a cast", () => {
    const all = verified({ personalConnections: true, mcpServerScope: "all" });
    expect(phpCode(all)).toContain(`    // ${OBJECT_CAST_NOTE}\n`);
    expect(phpCode(all)).toContain("'mcp_access' => (object) [],");
    expect(phpCode(verified({}))).not.toContain("(object)");
  });
});

describe("well-formed text", () => {
  it("replaces each lone surrogate, high or low, at any place, and keeps pairs", () => {
    expect(wellFormedText("a\ud800b")).toBe("a\ufffdb");
    expect(wellFormedText("\udc00a")).toBe("\ufffda");
    expect(wellFormedText("a\udbff")).toBe("a\ufffd");
    expect(wellFormedText("\ud83d\ude00")).toBe("😀");
    expect(wellFormedText("\ud800\ud83d\ude00\udfff")).toBe("\ufffd😀\ufffd");
    expect(wellFormedText("\ude00\ud83d")).toBe("\ufffd\ufffd");
    expect(wellFormedText("plain")).toBe("plain");
  });

  it("finds a lone surrogate in any string of a value, keys included", () => {
    expect(hasLoneSurrogate("\ud800")).toBe(true);
    expect(hasLoneSurrogate("😀")).toBe(false);
    expect(hasLoneSurrogate({ a: ["x", { "\udc00": 1 }] })).toBe(true);
    expect(hasLoneSurrogate({ a: ["x", { b: "\udc00" }] })).toBe(true);
    expect(hasLoneSurrogate({ a: ["x", { b: 1 }], c: null, d: true, e: undefined })).toBe(false);
    expect(hasLoneSurrogate([1, "\ud800"])).toBe(true);
    expect(hasLoneSurrogate(raw("'\ud800'"))).toBe(false);
    expect(hasLoneSurrogate(undefined)).toBe(false);
    expect(loneSurrogateNote({ a: "x" }, "enc")).toEqual([]);
    expect(loneSurrogateNote(["\ud800"], "enc")).toEqual([
      "A lone UTF-16 surrogate in these sample values is written as U+FFFD: enc sends only UTF-8.",
    ]);
  });

  it("rebuilds a value with well-formed strings and keys, raw code and undefined members as they were", () => {
    const code = raw("$x");
    const value = { "\ud800": ["\udc00", 1, null, code], b: undefined, c: { d: false } };
    const out = wellFormedValue(value) as Record<string, unknown>;
    expect(out).toEqual({ "\ufffd": ["\ufffd", 1, null, code], b: undefined, c: { d: false } });
    expect(Object.keys(out)).toEqual(["\ufffd", "b", "c"]);
    expect((out["\ufffd"] as unknown[])[3]).toBe(code);
    // A "__proto__" key stays an own key.
    const proto = wellFormedValue(JSON.parse('{"__proto__": "\\ud800"}') as Record<string, string>);
    expect(Object.getOwnPropertyNames(proto)).toEqual(["__proto__"]);
    expect((proto as Record<string, string>)["__proto__"]).toBe("\ufffd");
  });
});
