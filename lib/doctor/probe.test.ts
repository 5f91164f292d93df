import { describe, expect, it } from "vitest";
import { decodeProbe, diagnoseProbe, MAX_PROBE_CODE, type ProbeFacts } from "./probe";
import { PROBE_PREFIX, probeBookmarklet, probeConsoleSource } from "./probe-source";

const FACTS: ProbeFacts = {
  origin: "https://shop.example",
  version: "5.0.0",
  initDefined: true,
  scripts: [
    {
      src: "https://unpkg.com/@opencx/widget@5.0.0/dist-embed/script.js",
      defer: true,
      async: false,
      module: false,
    },
  ],
  inlineInits: 1,
  roots: 1,
  chatFrames: 1,
  triggerFrames: 1,
  policies: [],
  storage: "readable",
  keys: ["opencx-widget:org-token-wt_1:contact-token"],
  stored: { org: "org_1", contact: "c_1", verified: false, personal: false, iat: 1, exp: null },
  current: null,
  csp: [],
};

/** What the probe prints: the prefix and the facts as base64url UTF-8 JSON. */
function encode(value: unknown): string {
  return PROBE_PREFIX + Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

describe("decodeProbe", () => {
  it("reads what the probe prints, with text around it (a console prefix, a newline)", () => {
    expect(decodeProbe(`VM123:4 ${encode(FACTS)}\n`)).toEqual({ ok: true, facts: FACTS });
  });

  it("keeps non-ASCII text intact (UTF-8)", () => {
    const facts = {
      ...FACTS,
      origin: "https://xn--caf-dma.example",
      keys: ["opencx-widget:org-token-ünï:contact-token"],
    };
    expect(decodeProbe(encode(facts))).toEqual({ ok: true, facts });
  });

  it.each([
    ["no prefix", "eyJ1cmwiOiJ4In0", /not a probe code/],
    ["a cut-off code", `${PROBE_PREFIX}e`, /damaged/],
    ["nothing after the prefix", PROBE_PREFIX, /damaged/],
    ["not JSON", PROBE_PREFIX + Buffer.from("{url:").toString("base64url"), /damaged/],
    ["a JSON array", encode([1, 2]), /does not hold what the probe collects/],
    ["a missing field", encode({ ...FACTS, keys: undefined }), /keys/],
    [
      "an extra field (a value the probe never collects)",
      encode({ ...FACTS, token: "x" }),
      /top level/,
    ],
    [
      "a stored token itself",
      encode({ ...FACTS, stored: { ...FACTS.stored, token: "eyJ" } }),
      /stored/,
    ],
    ["too long", `${PROBE_PREFIX}${"A".repeat(MAX_PROBE_CODE)}`, /longer than any probe code/],
  ])("refuses %s with a clear error", (_what, input, message) => {
    const result = decodeProbe(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe("diagnoseProbe", () => {
  it("opens the playground on the page's version, verified when the probe saw the user's token", () => {
    expect(diagnoseProbe({ ...FACTS, version: "4.0.63" }).config?.widgetVersion).toBe("v4");
    expect(diagnoseProbe(FACTS).config?.model).toBe("anonymous");
    const owner = { ...FACTS.stored!, contact: "c_2", verified: true };
    expect(diagnoseProbe({ ...FACTS, current: owner }).config?.model).toBe("server");
  });

  it("reports a CSP <meta> the probe read the same way as a pasted one", () => {
    const rules = diagnoseProbe({
      ...FACTS,
      policies: ["default-src 'self'; script-src 'self' https://unpkg.com"],
    }).findings.map((f) => f.rule);
    expect(rules).toContain("csp-blocks-widget");
  });

  it("names no stored value: only the contact ids the probe decoded", () => {
    const text = JSON.stringify(
      diagnoseProbe({ ...FACTS, current: { ...FACTS.stored!, contact: "c_2" } }),
    );
    expect(text).toContain("c_1");
    expect(text).not.toContain('wt_1:contact-token"');
  });
});

describe("diagnoseProbe on pages the review named", () => {
  it("a React page (frames, no script tag, no embed global) is not 'the widget is not on this page'", () => {
    const react = { ...FACTS, version: null, initDefined: false, scripts: [], roots: 0 };
    expect(diagnoseProbe(react).findings.map((f) => f.rule)).not.toContain("no-widget-script");
    const none = { ...react, chatFrames: 0, triggerFrames: 0 };
    expect(diagnoseProbe(none).findings.map((f) => f.rule)).toContain("no-widget-script");
  });

  it("a script URL with a stray % and an out-of-range date do not break the report", () => {
    const odd = {
      ...FACTS,
      scripts: [
        {
          ...FACTS.scripts[0]!,
          src: "https://unpkg.com/@opencx/widget@5.0.%/dist-embed/script.js",
        },
      ],
    };
    expect(() => diagnoseProbe(odd)).not.toThrow();
    expect(decodeProbe(encode({ ...FACTS, stored: { ...FACTS.stored!, iat: 1e13 } })).ok).toBe(
      false,
    );
  });

  it("'self' in a probed policy is the page's own origin", () => {
    const selfHosted = {
      ...FACTS,
      scripts: [{ ...FACTS.scripts[0]!, src: "https://shop.example/vendor/dist-embed/script.js" }],
      policies: ["script-src 'self' 'unsafe-inline'; connect-src https://api.open.cx"],
    };
    expect(diagnoseProbe(selfHosted).findings.map((f) => f.rule)).not.toContain(
      "csp-blocks-widget",
    );
  });
});

describe("the probe's source", () => {
  it("is plain JavaScript that parses, in the console form and in the bookmarklet", () => {
    expect(() => new Function(probeConsoleSource())).not.toThrow();
    const bookmarklet = probeBookmarklet();
    expect(bookmarklet.startsWith("javascript:")).toBe(true);
    expect(() => new Function(decodeURIComponent(bookmarklet.slice(11)))).not.toThrow();
  });

  it("sends nothing: no fetch, XHR, beacon, socket or image request", () => {
    expect(probeConsoleSource()).not.toMatch(
      /fetch\(|XMLHttpRequest|sendBeacon|WebSocket|new Image|\.src\s*=/,
    );
  });

  it("reads a storage value only for the contact token, and keeps only its claims", () => {
    const source = probeConsoleSource();
    expect(source.match(/localStorage\.getItem\(/g)).toHaveLength(1);
    expect(source).toMatch(
      /key\.endsWith\(":contact-token"\)[^\n]*claimsOf\(localStorage\.getItem\(key\)\)/,
    );
  });
});
