import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../config/options";
import { readTrustedHostMessage, STANDALONE_DEVICE } from "./host-message";
import { parseHostMessage } from "./messages";

describe("readTrustedHostMessage", () => {
  it("reads the host's config and device as they were sent, with no second schema pass", () => {
    const config = { ...DEFAULT_CONFIG, orgName: "Acme" };
    const result = readTrustedHostMessage({
      type: "preview:config",
      config,
      device: STANDALONE_DEVICE,
    });
    expect(result).toEqual({
      ok: true,
      message: { type: "preview:config", config, device: STANDALONE_DEVICE },
    });
    // The same answer the full check gives for what the host sends.
    expect(parseHostMessage({ type: "preview:config", config, device: STANDALONE_DEVICE })).toEqual(
      result,
    );
  });

  it("answers the host's hello", () => {
    expect(readTrustedHostMessage({ type: "preview:hello" })).toEqual({
      ok: true,
      message: { type: "preview:hello" },
    });
  });

  it("ignores other tools' messages silently", () => {
    for (const data of [null, undefined, "preview:config", 42, [], {}, { type: 1 }, { type: "x" }])
      expect(readTrustedHostMessage(data)).toEqual({ ok: false, reason: "not-a-message" });
  });

  it("refuses a preview:config without a config object or a device, naming what is wrong", () => {
    const noConfig = readTrustedHostMessage({
      type: "preview:config",
      config: "x",
      device: STANDALONE_DEVICE,
    });
    expect(noConfig).toMatchObject({ ok: false, reason: "malformed" });
    expect(
      noConfig.ok ? [] : "issues" in noConfig ? noConfig.issues.map((i) => i.path) : [],
    ).toEqual([""]);
    const noDevice = readTrustedHostMessage({
      type: "preview:config",
      config: DEFAULT_CONFIG,
      device: { deviceId: "a" },
    });
    expect(
      noDevice.ok ? [] : "issues" in noDevice ? noDevice.issues.map((i) => i.path) : [],
    ).toEqual(["device"]);
  });
});
