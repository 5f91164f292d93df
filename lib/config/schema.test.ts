import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, defaultConfig } from "./options";
import { extraFieldProblem, parseConfig } from "./schema";

describe("parseConfig", () => {
  it("accepts the defaults", () => {
    expect(parseConfig(DEFAULT_CONFIG)).toEqual({ success: true, data: DEFAULT_CONFIG });
  });

  it("names the field and the allowed values for a bad model", () => {
    const result = parseConfig({ ...defaultConfig(), model: "magic" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]?.path).toBe("model");
    expect(result.issues[0]?.message).toMatch(/Identity model: must be one of "anonymous"/);
  });

  it("refuses reserved, duplicate and empty extra fields with a message at the field", () => {
    const result = parseConfig({
      ...defaultConfig(),
      extraFields: ["Company", "email", "company", ""],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      "extraFields.1",
      "extraFields.2",
      "extraFields.3",
    ]);
  });

  it("refuses a colour the widget could not parse", () => {
    const result = parseConfig({ ...defaultConfig(), primaryColor: "bleu" });
    expect(result.success).toBe(false);
  });

  it("reports wrong types and unknown keys in plain words", () => {
    const result = parseConfig({ ...defaultConfig(), collectUserData: "yes", surprise: 1 });
    expect(result.success).toBe(false);
    if (result.success) return;
    const text = result.issues.map((i) => i.message).join(" | ");
    expect(text).toContain("Also set collectUserData: expected boolean.");
    expect(text).toContain("Unknown option: surprise.");
  });

  it("never throws on junk", () => {
    for (const junk of [null, undefined, 42, "x", [], { model: {} }]) {
      expect(parseConfig(junk).success).toBe(false);
    }
  });
});

describe("extraFieldProblem", () => {
  it("accepts a fresh name and refuses the rest", () => {
    expect(extraFieldProblem("Order #", ["Company"])).toBeNull();
    expect(extraFieldProblem("Name", [])).toMatch(/always asked/);
    expect(extraFieldProblem(" Company", [])).toMatch(/spaces/);
    expect(extraFieldProblem("COMPANY", ["Company"])).toMatch(/already a field/);
  });
});
