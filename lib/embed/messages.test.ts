import { describe, expect, it } from "vitest";
import {
  MAX_REPORTED_HEIGHT,
  READY_MESSAGE,
  heightMessage,
  isEmbedToHostMessage,
  isHostToEmbedMessage,
  parentTargetOrigin,
} from "./messages";

describe("isEmbedToHostMessage", () => {
  it("accepts ready and a sane height, extra fields included", () => {
    expect(isEmbedToHostMessage({ type: "opencx-playground:ready" })).toBe(true);
    expect(isEmbedToHostMessage({ type: "opencx-playground:height", height: 812 })).toBe(true);
    expect(
      isEmbedToHostMessage({ type: "opencx-playground:height", height: 0, later: "field" }),
    ).toBe(true);
  });

  it.each([
    null,
    undefined,
    "opencx-playground:ready",
    [],
    { type: "opencx-playground:height" },
    { type: "opencx-playground:height", height: "812" },
    { type: "opencx-playground:height", height: -1 },
    { type: "opencx-playground:height", height: Number.NaN },
    { type: "opencx-playground:height", height: Number.POSITIVE_INFINITY },
    { type: "opencx-playground:height", height: MAX_REPORTED_HEIGHT + 1 },
    { type: "opencx-playground:theme", theme: "dark" },
    { type: "preview:ready" },
  ])("refuses %j", (data) => {
    expect(isEmbedToHostMessage(data)).toBe(false);
  });
});

describe("isHostToEmbedMessage", () => {
  it("accepts hello and a light or dark theme", () => {
    expect(isHostToEmbedMessage({ type: "opencx-playground:hello" })).toBe(true);
    expect(isHostToEmbedMessage({ type: "opencx-playground:theme", theme: "light" })).toBe(true);
    expect(isHostToEmbedMessage({ type: "opencx-playground:theme", theme: "dark" })).toBe(true);
  });

  it.each([
    null,
    { type: "opencx-playground:theme" },
    { type: "opencx-playground:theme", theme: "auto" },
    { type: "opencx-playground:theme", theme: "DARK" },
    { type: "opencx-playground:height", height: 10 },
    { type: "opencx-playground:config", config: {} },
  ])("refuses %j", (data) => {
    expect(isHostToEmbedMessage(data)).toBe(false);
  });
});

describe("what the embed posts", () => {
  it("is a whole number of pixels within bounds, and only a type and a height", () => {
    expect(heightMessage(812.2)).toEqual({ type: "opencx-playground:height", height: 813 });
    expect(heightMessage(-5).height).toBe(0);
    expect(heightMessage(1e9).height).toBe(MAX_REPORTED_HEIGHT);
    expect(Object.keys(heightMessage(10)).sort()).toEqual(["height", "type"]);
    expect(READY_MESSAGE).toEqual({ type: "opencx-playground:ready" });
    expect(isEmbedToHostMessage(heightMessage(1234.5))).toBe(true);
  });
});

describe("parentTargetOrigin", () => {
  it("prefers the ancestor origin, then the referrer's origin", () => {
    expect(parentTargetOrigin("https://docs.example.com", "https://other.example/x")).toBe(
      "https://docs.example.com",
    );
    expect(
      parentTargetOrigin(undefined, "https://docs.example.com:8443/guide/identity?x=1#y"),
    ).toBe("https://docs.example.com:8443");
  });

  it("falls back to * when the parent's origin is unknown or opaque", () => {
    expect(parentTargetOrigin(undefined, "")).toBe("*");
    expect(parentTargetOrigin("null", "not a url")).toBe("*");
    expect(parentTargetOrigin(null, "file:///home/me/docs.html")).toBe("*");
    expect(parentTargetOrigin(undefined, "data:text/html,hi")).toBe("*");
  });
});
