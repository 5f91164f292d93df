import { describe, expect, it } from "vitest";
import { SERVER_LANGUAGE_SELECT, toApiLanguage, WIDGET_LANGUAGE_SELECT } from "./languages";

describe("toApiLanguage: how a language reaches authenticate-user (domain.md §9, §15.10)", () => {
  it.each([
    ["fr", { kind: "same", code: "fr" }],
    ["zh-cn", { kind: "mapped", code: "zh", from: "zh-cn" }],
    ["fil", { kind: "mapped", code: "tl", from: "fil" }],
    ["nb", { kind: "mapped", code: "no", from: "nb" }],
    ["lb", { kind: "unsupported", from: "lb" }],
    ["mt", { kind: "unsupported", from: "mt" }],
  ])("%s → %j", (code, expected) => {
    expect(toApiLanguage(code)).toStrictEqual(expected);
  });
});

describe("language selects", () => {
  it("label each widget code with its English name", () => {
    expect(WIDGET_LANGUAGE_SELECT).toContainEqual({ value: "fil", label: "fil · Filipino" });
  });

  it("say how a server code reaches the API, after a first 'Not sent' choice", () => {
    expect(SERVER_LANGUAGE_SELECT[0]).toEqual({ value: "", label: "Not sent" });
    expect(SERVER_LANGUAGE_SELECT).toContainEqual({ value: "de", label: "de · German" });
    expect(SERVER_LANGUAGE_SELECT).toContainEqual({
      value: "zh-cn",
      label: "zh-cn · Chinese (Simplified) (widget code, sent as zh)",
    });
    expect(SERVER_LANGUAGE_SELECT).toContainEqual({
      value: "mt",
      label: "mt · Maltese (widget only: not sent)",
    });
  });
});
