import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineHunks, matchLines } from "./line-diff";

/** The longest common subsequence's length, by brute force over small inputs. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a[0] === b[0]) return 1 + lcsLength(a.slice(1), b.slice(1));
  return Math.max(lcsLength(a.slice(1), b), lcsLength(a, b.slice(1)));
}

const lines = fc.array(fc.constantFrom("a", "b", "c", "}", ""), { maxLength: 8 });

describe("matchLines", () => {
  it("keeps a longest common subsequence, in order, on both sides", () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const { keptA, keptB } = matchLines(a, b);
        const fromA = a.filter((_, i) => keptA[i]);
        const fromB = b.filter((_, i) => keptB[i]);
        expect(fromA).toEqual(fromB);
        expect(fromA.length).toBe(lcsLength(a, b));
      }),
      { numRuns: 500 },
    );
  });
});

describe("lineHunks", () => {
  it("finds an insertion, a removal and a replacement", () => {
    expect(lineHunks(["a", "c"], ["a", "b", "c"])).toEqual([
      { before: { start: 1, end: 1 }, after: { start: 1, end: 2 } },
    ]);
    expect(lineHunks(["a", "b", "c"], ["a", "c"])).toEqual([
      { before: { start: 1, end: 2 }, after: { start: 1, end: 1 } },
    ]);
    expect(lineHunks(["a", "b", "c", "d"], ["x", "b", "c", "y"])).toEqual([
      { before: { start: 0, end: 1 }, after: { start: 0, end: 1 } },
      { before: { start: 3, end: 4 }, after: { start: 3, end: 4 } },
    ]);
    expect(lineHunks(["a"], ["a"])).toEqual([]);
  });

  it("rebuilds the new text from the old one and its hunks", () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const out: string[] = [];
        let at = 0;
        for (const h of lineHunks(a, b)) {
          expect(h.before.end - h.before.start + h.after.end - h.after.start).toBeGreaterThan(0);
          out.push(...a.slice(at, h.before.start), ...b.slice(h.after.start, h.after.end));
          at = h.before.end;
        }
        out.push(...a.slice(at));
        expect(out).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });
});
