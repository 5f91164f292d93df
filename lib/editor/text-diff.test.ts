import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyReplacement, mapOffset, minimalReplacement } from "./text-diff";

describe("minimalReplacement", () => {
  it("is null for equal texts", () => {
    expect(minimalReplacement("abc", "abc")).toBeNull();
  });

  it("replaces only the changed span", () => {
    const before = `const options = {\n  token: "a",\n  language: "de",\n};\n`;
    const after = `const options = {\n  token: "a",\n  language: "fr",\n};\n`;
    const edit = minimalReplacement(before, after);
    expect(edit).toEqual({
      start: before.indexOf("de"),
      end: before.indexOf("de") + 2,
      text: "fr",
    });
  });

  it("handles pure insertions and deletions", () => {
    expect(minimalReplacement("ac", "abc")).toEqual({ start: 1, end: 1, text: "b" });
    expect(minimalReplacement("abc", "ac")).toEqual({ start: 1, end: 2, text: "" });
    // Repeated characters: the prefix is taken greedily, the suffix never overlaps it.
    expect(minimalReplacement("aaa", "aaaa")).toEqual({ start: 3, end: 3, text: "a" });
  });

  it("never splits a surrogate pair", () => {
    // 😀 is \uD83D\uDE00 and 😁 is \uD83D\uDE01: they share their high surrogate.
    const edit = minimalReplacement("x😀y", "x😁y");
    expect(edit).toEqual({ start: 1, end: 3, text: "😁" });
  });

  it("applying the replacement gives the new text, and the kept parts are maximal", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "b", "\n", " ", "😀", "é"),
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const edit = minimalReplacement(before, after);
        expect(applyReplacement(before, edit)).toBe(after);
        if (!edit) return;
        expect(edit.start).toBeLessThanOrEqual(edit.end);
        // Growing the kept prefix or suffix by one more unit would no longer describe the change,
        // unless that unit is half of a surrogate pair.
        const prefixCanGrow =
          edit.start < edit.end &&
          edit.text.length > 0 &&
          before[edit.start] === edit.text[0] &&
          !/[\uD800-\uDBFF]/.test(before[edit.start]!);
        expect(prefixCanGrow).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("mapOffset", () => {
  const before = `{\n  token: "a",\n  language: "de",\n}`;
  const after = `{\n  token: "a",\n  collectUserData: true,\n  language: "de",\n}`;
  const edit = minimalReplacement(before, after);

  it("keeps an offset before the change and shifts one after it", () => {
    expect(mapOffset(3, edit)).toBe(3);
    const inLanguage = before.indexOf('"de"') + 1;
    expect(after.slice(mapOffset(inLanguage, edit))).toBe(before.slice(inLanguage));
  });

  it("keeps an offset inside a replaced span within the new text", () => {
    const r = { start: 2, end: 6, text: "xy" };
    expect(mapOffset(3, r)).toBe(3);
    expect(mapOffset(5, r)).toBe(4);
    expect(mapOffset(6, r)).toBe(4);
    expect(mapOffset(9, r)).toBe(7);
  });

  it("text after the cursor is the same text after the change, whatever the edit", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "\n"), maxLength: 20 });
    fc.assert(
      fc.property(text, text, fc.nat(), (a, b, n) => {
        const r = minimalReplacement(a, b);
        const offset = a.length === 0 ? 0 : n % (a.length + 1);
        const mapped = mapOffset(offset, r);
        expect(mapped).toBeGreaterThanOrEqual(0);
        expect(mapped).toBeLessThanOrEqual(b.length);
        // An insertion exactly at the offset goes after it (the prefix rule below).
        if (!r || (offset >= r.end && offset > r.start))
          expect(b.slice(mapped)).toBe(a.slice(offset));
        if (!r || offset <= r.start) expect(b.slice(0, mapped)).toBe(a.slice(0, offset));
      }),
      { numRuns: 300 },
    );
  });
});
