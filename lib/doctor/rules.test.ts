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

describe("what a real page has that is not a problem (review cases)", () => {
  const page = (body: string) => `<!doctype html><body>${body}</body>`;

  it("a commented-out widget script is no pin and no second load", () => {
    const text = page(
      `<!-- <script src="https://unpkg.com/@opencx/widget@4.0.57/dist-embed/script.js"></script> -->\n<script defer src="${V5}"></script><script>addEventListener('DOMContentLoaded', () => window.${CALL})</script>`,
    );
    const report = diagnoseText(text);
    expect(report.major).toBe("v5");
    expect(report.findings.map((f) => f.rule)).not.toContain("v4-pin-outdated");
  });

  it("another library's createConfig (wagmi) is not the widget's", () => {
    const text = `import { createConfig, http } from 'wagmi';\nexport const config = createConfig({ chains: [mainnet], transports: {} });\nwindow.initOpenScript({ token: 'wt_1' });`;
    expect(rules(text)).not.toContain("legacy-create-config");
  });

  it("the app's own /api/widget/authenticate-user route is not the API", () => {
    const text = page(
      `<script defer src="${V5}"></script><script>addEventListener('DOMContentLoaded', async () => { const { token } = await (await fetch('/api/widget/authenticate-user', { method: 'POST' })).json(); window.initOpenScript({ token: 'wt_1', user: { token } }); });</script>`,
    );
    expect(rules(text)).not.toContain("authenticate-from-page");
    expect(rules(text)).not.toContain("server-without-authorization");
  });

  it("a CSS class such as sk-folding-cube is not an org API key", () => {
    expect(
      rules(page(`<div class="sk-folding-cube"></div><script defer src="${V5}"></script>`)),
    ).not.toContain("secret-in-page");
  });

  it("another service's public key variable is not the org's, a VITE_ org key is, in any file", () => {
    expect(
      rules(`'use client';\nconst maps = process.env.NEXT_PUBLIC_MAPS_API_KEY;\nwindow.${CALL}`),
    ).not.toContain("secret-in-page");
    expect(rules(`const key = import.meta.env.VITE_ORG_API_KEY;\nwindow.${CALL}`)).toContain(
      "secret-in-page",
    );
  });

  it("a call inside an immediately invoked function runs at once", () => {
    const text = page(
      `<script>(function () { ${CALL} })();</script><script defer src="${V5}"></script>`,
    );
    expect(rules(text)).toContain("init-before-script");
  });

  it("an async widget script races a DOMContentLoaded initialiser, not a load one", () => {
    const init = (event: string) =>
      page(
        `<script async src="${V5}"></script><script>addEventListener('${event}', () => window.${CALL})</script>`,
      );
    expect(rules(init("DOMContentLoaded"))).toContain("init-before-script");
    expect(rules(init("load"))).not.toContain("init-before-script");
  });

  it("a CSP without 'unsafe-inline' blocks the inline initialiser; 'strict-dynamic' is not judged", () => {
    const withPolicy = (csp: string) =>
      `<!doctype html><head><meta http-equiv="Content-Security-Policy" content="${csp}"></head><body><script defer src="${V5}"></script><script>addEventListener('DOMContentLoaded', () => window.${CALL})</script></body>`;
    const blocked = diagnoseText(
      withPolicy("script-src https://unpkg.com; connect-src https://api.open.cx"),
    );
    expect(blocked.findings.find((f) => f.rule === "csp-blocks-widget")?.visitor).toMatch(
      /inline script/,
    );
    expect(
      rules(withPolicy("script-src 'strict-dynamic' 'nonce-abc'; connect-src *")),
    ).not.toContain("csp-blocks-widget");
  });
});
