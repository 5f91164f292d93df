import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import type { PreviewDevice } from "./messages";
import { widgetInstanceKey } from "./widget-instance";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});
const device: PreviewDevice = { deviceId: "laptop", storage: {}, visit: 1, viewport: "desktop" };

describe("widgetInstanceKey", () => {
  it("keeps the instance for appearance-only changes", () => {
    const key = widgetInstanceKey(make({}), device);
    expect(
      widgetInstanceKey(
        make({ primaryColor: "#2563eb", orgName: "Globex", language: "fr" }),
        device,
      ),
    ).toBe(key);
  });

  it("keeps the instance when only storage or viewport change (the widget reads storage once)", () => {
    const key = widgetInstanceKey(make({}), device);
    expect(
      widgetInstanceKey(make({}), { ...device, storage: { k: "v" }, viewport: "mobile" }),
    ).toBe(key);
  });

  it("remounts for identity changes, another device and a reload", () => {
    const key = widgetInstanceKey(make({}), device);
    const changed = [
      widgetInstanceKey(make({ model: "collect" }), device),
      widgetInstanceKey(make({ widgetToken: "wt_2" }), device),
      widgetInstanceKey(make({ externalId: "ws-1" }), device),
      widgetInstanceKey(make({}), { ...device, deviceId: "phone" }),
      widgetInstanceKey(make({}), { ...device, visit: 2 }),
      widgetInstanceKey(make({ model: "server" }), { ...device, contactToken: "jwt" }),
    ];
    for (const k of changed) expect(k).not.toBe(key);
  });

  it("ignores options the widget never sees in this model", () => {
    expect(widgetInstanceKey(make({ prefillName: "Jane" }), device)).toBe(
      widgetInstanceKey(make({}), device),
    );
  });
});
