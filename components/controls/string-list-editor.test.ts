import { describe, expect, it } from "vitest";
import { LIMITS, OPTIONS } from "@/lib/config/options";
import { listCount } from "./row-ids";
import { listEntryProblem, listLimit } from "./string-list-editor";

describe("the string list editor's rules", () => {
  it("refuses an empty entry, a duplicate (ignoring spaces around it) and an over-long one", () => {
    expect(listEntryProblem("  ", [])).toBe("Type a value first.");
    expect(listEntryProblem(" github ", ["github"])).toBe("“github” is already listed.");
    expect(listEntryProblem("x".repeat(LIMITS.shortText + 1), [])).toBe(
      `Keep it under ${LIMITS.shortText} characters.`,
    );
    expect(listEntryProblem("x".repeat(LIMITS.shortText), [])).toBeNull();
    expect(listEntryProblem("srv_calendar", ["github"])).toBeNull();
  });

  it("stops adding at the limit the row's schema enforces", () => {
    const max = listLimit("mcpServerIds");
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `srv_${i}`);
    expect(OPTIONS.mcpServerIds.schema.safeParse(ids(max)).success).toBe(true);
    expect(OPTIONS.mcpServerIds.schema.safeParse(ids(max + 1)).success).toBe(false);
  });

  it("counts entries, naming the maximum at the limit", () => {
    expect(listCount(3, 24, "entries")).toBe("3 of 24 entries");
    expect(listCount(24, 24, "entries")).toBe("24 of 24 entries (the maximum)");
  });
});
