import { describe, expect, it } from "vitest";
import { isLightColor, isValidColor, parseColor, toHex } from "./color";

describe("parseColor", () => {
  it("reads the widget default hsl(0 0% 9%) as near-black", () => {
    expect(toHex("hsl(0 0% 9%)")).toBe("#171717");
  });
  it("reads hex, rgb, rgba with slash and names", () => {
    expect(parseColor("#0f8")).toEqual({ r: 0, g: 255, b: 136, a: 1 });
    expect(parseColor("rgb(10, 20, 30)")).toEqual({ r: 10, g: 20, b: 30, a: 1 });
    expect(parseColor("rgb(10 20 30 / 50%)")?.a).toBe(0.5);
    expect(toHex("RoyalBlue")).toBe("#4169e1");
    expect(toHex("hsl(120, 100%, 25%)")).toBe("#008000");
  });
  it("rejects what it does not understand", () => {
    for (const bad of ["", "#12", "#ggg", "rgb(1,2)", "nonsense", "hsl(10%, 1%, 1%)", "url(x)"]) {
      expect(isValidColor(bad), bad).toBe(false);
    }
  });
});

describe("isLightColor", () => {
  it("flips at perceived brightness 128 like tinycolor2", () => {
    expect(isLightColor("hsl(0 0% 9%)")).toBe(false);
    expect(isLightColor("#ffffff")).toBe(true);
    expect(isLightColor("#ffff00")).toBe(true);
    expect(isLightColor("#0000ff")).toBe(false);
    expect(isLightColor("#808080")).toBe(true);
    expect(isLightColor("#7f7f7f")).toBe(false);
  });
});
