import { describe, expect, it } from "vitest";
import { WIDGET_LANGUAGES } from "../config/languages";
import { languageNote } from "./language-note";

describe("languageNote", () => {
  it("says nothing for English", () => {
    expect(languageNote("en")).toBeNull();
  });

  it("names the language from the project's own list", () => {
    expect(languageNote("fr")).toBe(
      "Preview in English: the real widget shows these screens in French.",
    );
    expect(languageNote("zh-cn")).toBe(
      "Preview in English: the real widget shows these screens in Chinese (Simplified).",
    );
  });

  it("has a name for every language the widget accepts", () => {
    for (const code of WIDGET_LANGUAGES.filter((c) => c !== "en")) {
      expect(languageNote(code)).not.toContain(` ${code}.`);
    }
  });
});
