/** The welcome form's two checks, browser then widget (domain.md §6.3). */
import { describe, expect, it } from "vitest";
import {
  MIN_NAME_LENGTH,
  isValidEmail,
  isValidName,
  passesBrowserEmailCheck,
  passesWidgetEmailCheck,
  sanitizeEmailInput,
} from "./validation";

describe("the email as the browser submits it", () => {
  it("drops line breaks anywhere and strips outer whitespace, keeping inner spaces", () => {
    expect(sanitizeEmailInput("\t\f jane@exa\r\nmple.com \r\n ")).toBe("jane@example.com");
    expect(sanitizeEmailInput("  jane doe@example.com  ")).toBe("jane doe@example.com");
  });
  it("both checks judge the submitted (sanitized) value", () => {
    expect(passesBrowserEmailCheck("  jane@example.com\n")).toBe(true);
    expect(passesWidgetEmailCheck("  jane@example.com\n")).toBe(true);
  });
  it("an inner space is still refused", () => {
    expect(passesBrowserEmailCheck("jane doe@example.com")).toBe(false);
    expect(isValidEmail("jane doe@example.com")).toBe(false);
  });
});

describe("isValidEmail: both the browser and the widget must accept it", () => {
  it("an address with a dotted domain passes both", () => {
    expect(isValidEmail("jane@example.com")).toBe(true);
  });
  it("a dotless domain passes the browser but not the widget, so it is not valid", () => {
    expect(passesBrowserEmailCheck("jane@localhost")).toBe(true);
    expect(passesWidgetEmailCheck("jane@localhost")).toBe(false);
    expect(isValidEmail("jane@localhost")).toBe(false);
  });
  it("no @ passes neither", () => {
    expect(isValidEmail("jane")).toBe(false);
  });
});

describe("isValidName: zod min(2), untrimmed", () => {
  it("the limit is two characters", () => {
    expect(MIN_NAME_LENGTH).toBe(2);
    expect(isValidName("Jo")).toBe(true);
    expect(isValidName("J")).toBe(false);
    expect(isValidName("")).toBe(false);
    expect(isValidName("  ")).toBe(true);
  });
});
