import { describe, expect, it } from "vitest";
import { diagnoseText } from "./diagnose";
import { fakeKey } from "../secrets/test-support/fake-keys";
import { allows, parsePolicy } from "./rules/csp";

const V5 = "https://unpkg.com/@opencx/widget@5.0.0/dist-embed/script.js";
const rules = (text: string) => diagnoseText(text).findings.map((f) => f.rule);
const CALL = "initOpenScript({ token: 'wt_1' });";

describe("init-before-script: when an inline call finds initOpenScript", () => {
  it.each([
    [
      "a classic call before a blocking script",
      `<script>${CALL}</script><script src="${V5}"></script>`,
      true,
    ],
    [
      "a classic call after a blocking script",
      `<script src="${V5}"></script><script>${CALL}</script>`,
      false,
    ],
    [
      "a classic call after a deferred script",
      `<script defer src="${V5}"></script><script>${CALL}</script>`,
      true,
    ],
    [
      "a classic call after an async script",
      `<script async src="${V5}"></script><script>${CALL}</script>`,
      true,
    ],
    [
      "a module after a deferred script",
      `<script defer src="${V5}"></script><script type="module">${CALL}</script>`,
      false,
    ],
    [
      "a module before a deferred script",
      `<script type="module">${CALL}</script><script defer src="${V5}"></script>`,
      true,
    ],
    [
      "a module before a blocking script",
      `<script type="module">${CALL}</script><script src="${V5}"></script>`,
      false,
    ],
    [
      "a call inside a DOMContentLoaded listener",
      `<script defer src="${V5}"></script><script>addEventListener('DOMContentLoaded', () => window.${CALL})</script>`,
      false,
    ],
  ])("%s", (_what, page, fires) => {
    expect(rules(`<!doctype html><body>${page}</body>`).includes("init-before-script")).toBe(fires);
  });
});

describe("csp-blocks-widget", () => {
  it.each([
    [["https://unpkg.com"], "https://unpkg.com", true],
    [["unpkg.com"], "https://unpkg.com", true],
    [["*.open.cx"], "https://api.open.cx", true],
    [["https:"], "https://api.open.cx", true],
    [["*"], "https://api.open.cx", true],
    [["http://api.open.cx"], "https://api.open.cx", false],
    [["'self'"], "https://api.open.cx", false],
    [["*.open.cx"], "https://open.cx", false],
    [["https://cdn.example"], "https://unpkg.com", false],
  ])("sources %j allow %s: %s", (sources, origin, allowed) => {
    expect(allows(sources, origin)).toBe(allowed);
  });

  it("reads each directive once (the first wins, as browsers do) and falls back to default-src", () => {
    const policy = parsePolicy("default-src 'self'; script-src https://unpkg.com; script-src *");
    expect(policy.get("script-src")).toEqual(["https://unpkg.com"]);
    const page = (csp: string) =>
      `<!doctype html><head><meta http-equiv="content-security-policy" content="${csp}"></head><body><script defer src="${V5}"></script></body>`;
    expect(rules(page("default-src *; style-src * 'unsafe-inline'"))).not.toContain(
      "csp-blocks-widget",
    );
    expect(rules(page("default-src 'self' https://unpkg.com 'unsafe-inline'"))).toContain(
      "csp-blocks-widget",
    );
  });
});

describe("secrets", () => {
  it("points at an org API key without repeating it", () => {
    const key = fakeKey("live", "SENTINEL123");
    const text = `<!doctype html><body><script defer src="${V5}"></script><script>const k = "${key}";</script></body>`;
    const report = diagnoseText(text);
    const secret = report.findings.find((f) => f.rule === "secret-in-page")!;
    expect(text.slice(secret.range!.start, secret.range!.end)).toBe(key);
    expect(JSON.stringify(report)).not.toContain("SENTINEL123");
  });

  it("flags a public build variable named for the key in page code", () => {
    const text = `'use client';\nwindow.initOpenScript({ token: 'wt_1' });\nconst key = process.env.NEXT_PUBLIC_OPENCX_API_KEY;`;
    expect(rules(text)).toContain("secret-in-page");
  });
});

describe("never throws", () => {
  it.each([
    "",
    " ",
    "<",
    "<script>",
    "{",
    "initOpenScript(",
    "\u0000\uD800",
    "<?php",
    "a".repeat(10_000),
  ])("%j", (text) => {
    expect(() => diagnoseText(text)).not.toThrow();
  });
});
