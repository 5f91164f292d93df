import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { configArbitrary, optionArbitrary, propertyRuns } from "./arbitraries";
import { OPTION_KEYS, OPTIONS, type OptionRow } from "./options";
import { parseConfig } from "./schema";

const MODES = [{}, { hostile: true }, { hostile: true, extreme: true }] as const;

/** A row as a new option would add it; only the fields the generators read matter. */
function newRow(fields: Pick<OptionRow, "schema" | "default" | "control" | "examples">): OptionRow {
  return { ...OPTIONS.prefillName, ...fields } as OptionRow;
}

describe("configArbitrary", () => {
  it.each(MODES)("generates valid configs (%o)", (opts) => {
    for (const config of fc.sample(configArbitrary(opts), { numRuns: 300, seed: 14 })) {
      expect(parseConfig(config).success, JSON.stringify(config)).toBe(true);
    }
  });

  it("varies every option and keeps the table's key order", () => {
    const configs = fc.sample(configArbitrary({ hostile: true }), { numRuns: 200, seed: 3 });
    for (const key of OPTION_KEYS) {
      const seen = new Set(configs.map((c) => JSON.stringify(c[key])));
      expect(seen.size, key).toBeGreaterThan(1);
    }
    for (const config of configs) expect(Object.keys(config)).toEqual(OPTION_KEYS);
  });
});

describe("optionArbitrary: a new row is generated from its control kind", () => {
  const sample = (row: OptionRow, opts = {}) =>
    fc.sample(optionArbitrary(row, opts), { numRuns: 300, seed: 7 });

  it("boolean: both values", () => {
    const row = newRow({ schema: z.boolean(), default: false, control: { kind: "boolean" } });
    expect(new Set(sample(row))).toEqual(new Set([true, false]));
  });

  it("select: exactly its choices", () => {
    const choices = [
      { value: "a", label: "A" },
      { value: "b", label: "B" },
    ];
    const row = newRow({
      schema: z.enum(["a", "b"]),
      default: "a",
      control: { kind: "select", choices },
    });
    expect(new Set(sample(row))).toEqual(new Set(["a", "b"]));
  });

  it("text: within the schema's maxLength, up to it at the extremes, with the row's examples", () => {
    const row = newRow({
      schema: z.string().max(10),
      default: "",
      control: { kind: "text" },
      examples: ["ex"],
    });
    const values = sample(row, { hostile: true, extreme: true }) as string[];
    for (const value of values) expect(value.length).toBeLessThanOrEqual(10);
    expect(values.some((v) => v.length >= 8)).toBe(true);
    expect(values).toContain("ex");
    expect(values).toContain("");
  });

  it("key-value: numbers and booleans only where the row's schema takes them", () => {
    const kinds = (key: "userCustomData" | "serverCustomData") =>
      new Set(
        (sample(OPTIONS[key]) as { value: unknown }[][]).flat().map((entry) => typeof entry.value),
      );
    expect(kinds("userCustomData")).toEqual(new Set(["string"]));
    expect(kinds("serverCustomData")).toEqual(new Set(["string", "number", "boolean"]));
  });
});

describe("propertyRuns", () => {
  it("runs the stated count unless a scale is set", () => {
    expect(propertyRuns(1000, "")).toBe(1000);
    expect(propertyRuns(1000, "1")).toBe(1000);
  });

  it("scales a count down, rounding up, never below 20 or the stated count", () => {
    expect(propertyRuns(1000, "0.1")).toBe(100);
    expect(propertyRuns(300, "0.1")).toBe(30);
    expect(propertyRuns(101, "0.1")).toBe(20);
    expect(propertyRuns(15, "0.1")).toBe(15);
  });

  it("refuses a scale that is not a number above 0 and at most 1, naming it", () => {
    for (const scale of ["0", "-1", "2", "ten", "NaN"])
      expect(() => propertyRuns(100, scale)).toThrow(`not "${scale}"`);
  });
});
