import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addRow,
  focusAfterRemove,
  initialRowIds,
  moveRow,
  reconcileRowIds,
  removeRow,
  setRow,
  type RowEdit,
} from "./row-ids";

describe("row ids", () => {
  it("follow their rows through add, rename, move and remove", () => {
    let s = initialRowIds(["A", "B"]);
    expect(s.ids).toEqual(["r0", "r1"]);
    s = addRow("C")(s);
    expect(s).toMatchObject({ list: ["A", "B", "C"], ids: ["r0", "r1", "r2"] });
    s = setRow(0, "A name")(s);
    expect(s).toMatchObject({ list: ["A name", "B", "C"], ids: ["r0", "r1", "r2"] });
    s = moveRow<string>(2, 0)(s);
    expect(s).toMatchObject({ list: ["C", "A name", "B"], ids: ["r2", "r0", "r1"] });
    s = removeRow<string>(1)(s);
    expect(s).toMatchObject({ list: ["C", "B"], ids: ["r2", "r1"] });
    // A removed id is never given out again.
    s = addRow("D")(s);
    expect(s.ids).toEqual(["r2", "r1", "r3"]);
  });

  it("are kept for the same list, and by position for a list replaced from outside", () => {
    const s = initialRowIds(["A", "B", "C"]);
    expect(reconcileRowIds(s, s.list)).toBe(s);
    expect(reconcileRowIds(s, ["X"]).ids).toEqual(["r0"]);
    const longer = reconcileRowIds(s, ["X", "Y", "Z", "W"]);
    expect(longer.ids).toEqual(["r0", "r1", "r2", "r3"]);
    expect(reconcileRowIds(longer, [...longer.list, "V"]).ids).toEqual([
      "r0",
      "r1",
      "r2",
      "r3",
      "r4",
    ]);
  });

  it("stay unique and one per row under any sequence of edits", () => {
    const edit = fc.oneof(
      fc.string().map((v) => ({ kind: "add" as const, v })),
      fc.nat().map((i) => ({ kind: "remove" as const, i })),
      fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => ({ kind: "move" as const, a, b })),
      fc.tuple(fc.nat(), fc.string()).map(([i, v]) => ({ kind: "set" as const, i, v })),
      fc.array(fc.string(), { maxLength: 5 }).map((list) => ({ kind: "outside" as const, list })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 5 }),
        fc.array(edit, { maxLength: 30 }),
        (start, edits) => {
          let s = initialRowIds(start);
          for (const e of edits) {
            const n = s.list.length;
            let change: RowEdit<string> | null = null;
            if (e.kind === "add") change = addRow(e.v);
            else if (e.kind === "remove" && n > 0) change = removeRow(e.i % n);
            else if (e.kind === "move" && n > 0) change = moveRow(e.a % n, e.b % n);
            else if (e.kind === "set" && n > 0) change = setRow(e.i % n, e.v);
            else if (e.kind === "outside") s = reconcileRowIds(s, e.list);
            if (change) s = change(s);
            expect(s.ids).toHaveLength(s.list.length);
            expect(new Set(s.ids).size).toBe(s.ids.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("focus after Remove goes to the next row, else the previous, else nowhere in the list", () => {
    expect(focusAfterRemove(0, 3)).toBe(0);
    expect(focusAfterRemove(1, 3)).toBe(1);
    expect(focusAfterRemove(2, 3)).toBe(1);
    expect(focusAfterRemove(0, 1)).toBeNull();
  });
});
