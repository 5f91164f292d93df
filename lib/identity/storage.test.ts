/** The widget's localStorage as the simulator reads and writes it (domain.md §3.3, §15.13). */
import { describe, expect, it } from "vitest";
import {
  applyWrites,
  clearWidgetStorage,
  persistedIdentity,
  readStorage,
  resetVisitor,
  storageKeys,
  visitorKeys,
  widgetNamespace,
} from "./storage";

const KEYS = storageKeys("wt_1");
const OTHER = storageKeys("wt_2");

describe("readStorage (getItem)", () => {
  it("reads only what the browser stored: a key such as `constructor` is absent", () => {
    expect(readStorage({}, "constructor")).toBeUndefined();
    expect(readStorage({ constructor: "x" }, "constructor")).toBe("x");
  });
});

describe("persistedIdentity", () => {
  it("nothing stored: nothing persisted", () => {
    expect(persistedIdentity({}, "wt_1")).toStrictEqual({});
  });
  it("reports each of the two keys on its own, even an empty value", () => {
    expect(persistedIdentity({ [KEYS.contactToken]: "" }, "wt_1")).toStrictEqual({
      contactToken: "",
    });
    expect(persistedIdentity({ [KEYS.externalId]: "dev" }, "wt_1")).toStrictEqual({
      externalId: "dev",
    });
    expect(
      persistedIdentity({ [KEYS.contactToken]: "tok", [KEYS.externalId]: "dev" }, "wt_1"),
    ).toEqual({ contactToken: "tok", externalId: "dev" });
  });
  it("ignores another widget token's keys", () => {
    expect(persistedIdentity({ [OTHER.contactToken]: "tok" }, "wt_1")).toStrictEqual({});
  });
});

describe("clearWidgetStorage (clear site data for one widget token)", () => {
  it("removes both keys of that token and keeps everything else", () => {
    const storage = {
      [KEYS.contactToken]: "tok",
      [KEYS.externalId]: "dev",
      [OTHER.contactToken]: "tok2",
      [OTHER.externalId]: "dev2",
      theme: "dark",
    };
    expect(clearWidgetStorage(storage, "wt_1")).toEqual({
      [OTHER.contactToken]: "tok2",
      [OTHER.externalId]: "dev2",
      theme: "dark",
    });
  });
  it("removes the token key alone, or the externalId key alone", () => {
    expect(clearWidgetStorage({ [KEYS.contactToken]: "tok", a: "1" }, "wt_1")).toEqual({ a: "1" });
    expect(clearWidgetStorage({ [KEYS.externalId]: "dev", a: "1" }, "wt_1")).toEqual({ a: "1" });
  });
});

describe("applyWrites", () => {
  it("a write replaces the stored value, other keys stay, and the original is untouched", () => {
    const storage = { [KEYS.contactToken]: "old", a: "1" };
    const after = applyWrites(storage, [
      { key: KEYS.contactToken, value: "new" },
      { key: KEYS.externalId, value: "dev" },
    ]);
    expect(after).toEqual({ [KEYS.contactToken]: "new", a: "1", [KEYS.externalId]: "dev" });
    expect(storage).toEqual({ [KEYS.contactToken]: "old", a: "1" });
  });
  it("a key called `__proto__` stays a plain entry", () => {
    const after = applyWrites({}, [{ key: "__proto__", value: "x" }]);
    expect(Object.keys(after)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(after)).toBe(Object.prototype);
  });
});

describe("reset visitor / sign-out per major (domain-v5 §18)", () => {
  const base = "opencx-widget:org-token-wt:";
  const storage = {
    [`${base}contact-token`]: "tok",
    [`${base}external-contact-id`]: "dev",
    [`${base}active-session`]: "s1",
    [`${base}companion-layout`]: "sidebar",
    "opencx-widget:org-token-other:contact-token": "other",
    unrelated: "x",
  };

  it("v4 removes the two identity keys only", () => {
    const r = resetVisitor(storage, "wt", "v4");
    expect(r.removed).toEqual([`${base}contact-token`, `${base}external-contact-id`]);
    expect(Object.keys(r.storage)).toEqual([
      `${base}active-session`,
      `${base}companion-layout`,
      "opencx-widget:org-token-other:contact-token",
      "unrelated",
    ]);
  });

  it("v5 removes every key of the widget token's namespace, and nothing else", () => {
    const r = resetVisitor(storage, "wt", "v5");
    expect(r.removed).toEqual(visitorKeys(storage, "wt", "v5"));
    expect(r.removed).toHaveLength(4);
    expect(r.storage).toEqual({
      "opencx-widget:org-token-other:contact-token": "other",
      unrelated: "x",
    });
    expect(widgetNamespace("wt")).toBe(base);
  });
});
