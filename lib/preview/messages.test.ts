import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "../config/arbitraries";
import { DEFAULT_CONFIG, defaultConfig } from "../config/options";
import {
  configFromQuery,
  isHostToPreviewMessage,
  isPreviewToHostMessage,
  parseHostMessage,
  type PreviewDevice,
  type PreviewToHostMessage,
} from "./messages";

const device: PreviewDevice = {
  deviceId: "laptop",
  storage: { a: "1" },
  visit: 1,
  viewport: "desktop",
};

describe("parseHostMessage", () => {
  it("accepts a preview:config with a valid config and device", () => {
    const result = parseHostMessage({ type: "preview:config", config: defaultConfig(), device });
    expect(result).toEqual({
      ok: true,
      message: { type: "preview:config", config: DEFAULT_CONFIG, device },
    });
  });

  it("accepts every config the option table can produce", () => {
    fc.assert(
      fc.property(configArbitrary({ hostile: true }), (config) => {
        const result = parseHostMessage({ type: "preview:config", config, device });
        expect(result.ok).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it("accepts the host's hello", () => {
    expect(parseHostMessage({ type: "preview:hello" })).toEqual({
      ok: true,
      message: { type: "preview:hello" },
    });
  });

  it("ignores other tools' messages silently", () => {
    for (const data of [
      null,
      "preview:config",
      42,
      {},
      { type: "webpackOk" },
      { type: "preview:ready" },
    ]) {
      expect(parseHostMessage(data)).toEqual({ ok: false, reason: "not-a-message" });
    }
  });

  it("refuses an invalid config with the schema's issues, so the last render stays", () => {
    const result = parseHostMessage({
      type: "preview:config",
      config: { ...defaultConfig(), primaryColor: "not a colour" },
      device,
    });
    expect(result.ok).toBe(false);
    if (!result.ok && result.reason === "invalid") {
      expect(result.issues.map((i) => i.path)).toEqual(["primaryColor"]);
    }
  });

  it("refuses a malformed device, naming the field", () => {
    const result = parseHostMessage({
      type: "preview:config",
      config: defaultConfig(),
      device: { ...device, viewport: "tablet" },
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      issues: [{ path: "device.viewport" }],
    });
    expect(isHostToPreviewMessage({ type: "preview:config", config: defaultConfig() })).toBe(false);
  });
});

describe("isPreviewToHostMessage", () => {
  it("accepts ready and every event kind", () => {
    const session = {
      id: "s1",
      contactToken: "t",
      email: null,
      externalId: "x",
      verified: false,
      status: "open" as const,
      messages: [{ id: "m1", role: "user" as const, text: "hi" }],
    };
    const messages: PreviewToHostMessage[] = [
      { type: "preview:ready" },
      ...[
        {
          kind: "form-submitted" as const,
          accepted: true,
          name: "Ada",
          email: "a@b.co",
          extras: { Company: "Acme" },
        },
        { kind: "message-sent" as const, sessionId: "s1", text: "hi", firstMessage: true },
        { kind: "session-updated" as const, session },
        { kind: "storage-changed" as const, storage: { k: "v" } },
        { kind: "screen-changed" as const, screen: "chat" as const },
        { kind: "config-rejected" as const, issues: [{ path: "primaryColor", message: "bad" }] },
        {
          kind: "token-rejected" as const,
          outcome: "recovered" as const,
          reason: "recovered-collected-lost" as const,
        },
      ].map((event) => ({ type: "preview:event" as const, deviceId: "laptop", visit: 1, event })),
    ];
    for (const m of messages) expect(isPreviewToHostMessage(m)).toBe(true);
  });

  it("rejects unknown types and event kinds", () => {
    expect(isPreviewToHostMessage({ type: "preview:config", config: DEFAULT_CONFIG, device })).toBe(
      false,
    );
    expect(
      isPreviewToHostMessage({
        type: "preview:event",
        deviceId: null,
        visit: null,
        event: { kind: "nope" },
      }),
    ).toBe(false);
    expect(isPreviewToHostMessage({ type: "hello" })).toBe(false);
    expect(
      isPreviewToHostMessage({
        type: "preview:event",
        deviceId: null,
        visit: null,
        event: { kind: "token-rejected", outcome: "recovered", reason: "made-up" },
      }),
    ).toBe(false);
  });
});

describe("the device's refused tokens and pending token", () => {
  it("travel with the device, and a malformed list is refused naming the field", () => {
    const withTokens = { ...device, rejectedTokens: ["tok-1"], tokenPending: true };
    expect(
      parseHostMessage({ type: "preview:config", config: defaultConfig(), device: withTokens }),
    ).toEqual({
      ok: true,
      message: { type: "preview:config", config: DEFAULT_CONFIG, device: withTokens },
    });
    const bad = parseHostMessage({
      type: "preview:config",
      config: defaultConfig(),
      device: { ...device, rejectedTokens: [1] },
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason === "invalid" && bad.issues[0]?.path).toBe(
      "device.rejectedTokens.0",
    );
  });
});

describe("configFromQuery", () => {
  it("merges a partial config over the defaults", () => {
    expect(configFromQuery(JSON.stringify({ model: "collect", orgName: "Globex" }))).toEqual({
      ...DEFAULT_CONFIG,
      model: "collect",
      orgName: "Globex",
    });
  });

  it("falls back to the defaults on anything invalid, without throwing", () => {
    for (const raw of [
      "",
      "{",
      "[]",
      "null",
      '"x"',
      JSON.stringify({ model: "nope" }),
      JSON.stringify({ zzz: 1 }),
    ]) {
      expect(configFromQuery(raw)).toEqual(DEFAULT_CONFIG);
    }
  });
});
