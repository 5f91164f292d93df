import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { trustSummary } from "./trust";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: "wt",
  ...over,
});

describe("trustSummary", () => {
  it("anonymous: this browser only, no custom data", () => {
    const t = trustSummary(make({}));
    expect(t).toMatchObject({
      kind: "anonymous",
      historyScope: "this-browser",
      customData: "none",
      formEveryLoad: false,
    });
    expect(t.sentences[0]).toMatch(/^Anonymous contact/);
  });

  it("collect: non-verified; the form shows once per browser", () => {
    const t = trustSummary(make({ model: "collect" }));
    expect(t).toMatchObject({
      kind: "non-verified",
      historyScope: "this-browser",
      formEveryLoad: false,
    });
    expect(t.sentences.join(" ")).toMatch(/once per browser/);
  });

  it("collect with extra fields: first message only, form every load", () => {
    const t = trustSummary(make({ model: "collect", extraFields: ["Company"] }));
    expect(t).toMatchObject({ customData: "first-message-only", formEveryLoad: true });
    expect(t.sentences.join(" ")).toMatch(/every page load/);
  });

  it("browser: customData is untrusted non_verified_custom_data", () => {
    const t = trustSummary(
      make({
        model: "browser",
        userEmail: "j@x.io",
        userCustomData: [{ key: "plan", value: "pro" }],
      }),
    );
    expect(t).toMatchObject({ kind: "non-verified", customData: "untrusted" });
    expect(t.sentences.join(" ")).toMatch(/non_verified_custom_data/);
  });

  it("browser with externalId: says the device binding is replaced", () => {
    const t = trustSummary(make({ model: "browser", userEmail: "j@x.io", externalId: "ws_1" }));
    expect(t.sentences.join(" ")).toMatch(/anyone who knows that id/);
  });

  it("server: verified, trusted custom data, every device (scoped with externalId); ignored collectUserData said", () => {
    expect(trustSummary(make({ model: "server" }))).toMatchObject({
      kind: "verified",
      historyScope: "every-device",
      customData: "trusted",
    });
    const scoped = trustSummary(make({ model: "server", externalId: "t1", collectUserData: true }));
    expect(scoped.historyScope).toBe("every-device-scoped");
    expect(scoped.sentences.join(" ")).toMatch(/collectUserData is ignored/);
  });
});
