import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_CONFIG, defaultConfig } from "./options";
import { describeIssues, extraFieldProblem, parseConfig } from "./schema";

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

describe("describeIssues: sentences that name the field once", () => {
  const issues = (input: unknown) => {
    const result = parseConfig(input);
    if (result.success) throw new Error("expected a refusal");
    return result.issues;
  };

  it("lists at most eight allowed values, then an ellipsis", () => {
    const [issue] = issues({ ...defaultConfig(), language: "xx" });
    expect(issue).toEqual({
      path: "language",
      message: 'Widget language: must be one of "ar", "bn", "bg", "cs", "da", "de", "el", "en", ….',
    });
  });

  it("lists every allowed value when there are eight or fewer", () => {
    expect(issues({ ...defaultConfig(), model: "magic" })[0]?.message).toBe(
      'Identity model: must be one of "anonymous", "collect", "browser", "server".',
    );
  });

  it("names unknown keys in a custom-data row, one or several", () => {
    expect(
      issues({
        ...defaultConfig(),
        userCustomData: [{ key: "plan", value: "pro", colour: "red" }],
      }),
    ).toEqual([
      { path: "userCustomData.0", message: 'Custom data: unknown key "colour" in a row.' },
    ]);
    expect(
      issues({ ...defaultConfig(), userCustomData: [{ key: "a", value: "b", x: 1, y: 2 }] })[0]
        ?.message,
    ).toBe('Custom data: unknown keys "x", "y" in a row.');
  });

  it("names several unknown options in one sentence", () => {
    expect(issues({ ...defaultConfig(), surprise: 1, other: 2 })).toEqual([
      { path: "", message: "Unknown options: surprise, other." },
    ]);
  });

  it("puts the field's label before a limit of the schema and the extra-field and colour rules", () => {
    expect(issues({ ...defaultConfig(), orgName: "x".repeat(201) })).toEqual([
      { path: "orgName", message: "Organisation name: Keep it under 200 characters." },
    ]);
    expect(issues({ ...defaultConfig(), extraFields: ["Email"] })).toEqual([
      {
        path: "extraFields.0",
        message:
          'Extra welcome-form fields: "Email" is already on the form: name and email are always asked.',
      },
    ]);
    expect(issues({ ...defaultConfig(), primaryColor: "bleu" })).toEqual([
      {
        path: "primaryColor",
        message:
          "Primary colour: Use a colour such as #2563eb, rgb(37 99 235) or hsl(221 83% 53%).",
      },
    ]);
  });

  it("does not name the field twice when the message already starts with its label", () => {
    const error = new z.ZodError([
      { code: "custom", path: ["orgName"], message: "Organisation name: too loud." },
      { code: "custom", path: ["orgName"], message: "Too loud." },
    ]);
    expect(describeIssues(error)).toEqual([
      { path: "orgName", message: "Organisation name: too loud." },
      { path: "orgName", message: "Organisation name: Too loud." },
    ]);
  });
});

describe("extraFieldProblem: the welcome form's own fields and duplicates", () => {
  it.each<[string, string[], string | null]>([
    ["", [], "A field needs a name."],
    ["   ", [], "A field needs a name."],
    ["Company ", [], "Remove the spaces at the start or end."],
    ["name", [], '"name" is already on the form: name and email are always asked.'],
    ["EMAIL", [], '"EMAIL" is already on the form: name and email are always asked.'],
    ["Full name", [], null],
    ["company", ["Company"], 'There is already a field called "company".'],
    ["Company", ["Plan", "Order #"], null],
  ])("%j after %j → %j", (name, others, expected) => {
    expect(extraFieldProblem(name, others)).toBe(expected);
  });
});
