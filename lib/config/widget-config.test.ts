import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "./arbitraries";
import { defaultConfig, type PlaygroundConfig } from "./options";
import { parseConfig } from "./schema";
import { toAuthenticateRequest, toWidgetConfig, WIDGET_TOKEN_PLACEHOLDER } from "./widget-config";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});

describe("toWidgetConfig", () => {
  it("gives only the token for the anonymous defaults, with a placeholder until one is typed", () => {
    expect(toWidgetConfig(make({}))).toEqual({ token: WIDGET_TOKEN_PLACEHOLDER });
    expect(toWidgetConfig(make({ widgetToken: "wt_1" }))).toEqual({ token: "wt_1" });
  });

  it("collect: collectUserData with prefill and extra fields", () => {
    const config = make({
      model: "collect",
      prefillName: "Jane",
      extraFields: ["Company", "Order #"],
    });
    expect(toWidgetConfig(config)).toEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      collectUserData: true,
      prefillUserData: { name: "Jane" },
      extraDataCollectionFields: ["Company", "Order #"],
    });
  });

  it("never emits prefill or extra fields without collectUserData", () => {
    const config = make({ model: "anonymous", prefillName: "Jane", extraFields: ["Company"] });
    expect(toWidgetConfig(config)).toEqual({ token: WIDGET_TOKEN_PLACEHOLDER });
  });

  it("browser: user.data with string customData and externalId; no collectUserData when an email is present", () => {
    const config = make({
      model: "browser",
      collectUserData: true,
      userName: "Jane",
      userEmail: "jane@example.com",
      userCustomData: [
        { key: "plan", value: "pro" },
        { key: "", value: "dropped" },
      ],
      externalId: "ws_1",
    });
    expect(toWidgetConfig(config)).toEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      user: {
        data: { name: "Jane", email: "jane@example.com", customData: { plan: "pro" } },
        externalId: "ws_1",
      },
    });
  });

  it("browser without email keeps collectUserData when asked (the form still runs)", () => {
    const config = make({ model: "browser", collectUserData: true, userName: "Jane" });
    expect(toWidgetConfig(config)).toEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      collectUserData: true,
      user: { data: { name: "Jane" } },
    });
  });

  it("server: user.token only, never user.data nor collectUserData", () => {
    const config = make({
      model: "server",
      collectUserData: true,
      userEmail: "x@y.z",
      externalId: "t1",
    });
    expect(toWidgetConfig(config, { contactToken: "jwt" })).toEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      user: { token: "jwt", externalId: "t1" },
    });
  });

  it("appearance: language and theme only when they differ from the widget defaults", () => {
    expect(toWidgetConfig(make({ language: "fr", primaryColor: "#2563eb" }))).toEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      language: "fr",
      theme: { primaryColor: "#2563eb" },
    });
  });

  it("holds the identity rules for every config", () => {
    fc.assert(
      fc.property(configArbitrary(), (config) => {
        const out = toWidgetConfig(config, { contactToken: "T" });
        const user = out.user as Record<string, unknown> | undefined;
        expect(user && "token" in user && "data" in user).toBeFalsy();
        if (!out.collectUserData) {
          expect(out.prefillUserData).toBeUndefined();
          expect(out.extraDataCollectionFields).toBeUndefined();
        }
        if (config.model === "server" || (config.model === "browser" && config.userEmail)) {
          expect(out.collectUserData).toBeUndefined();
        }
        const data =
          user && "data" in user
            ? (user.data as { customData?: Record<string, unknown> })
            : undefined;
        for (const v of Object.values(data?.customData ?? {})) expect(typeof v).toBe("string");
        const u = user as { externalId?: string; data?: Record<string, unknown> } | undefined;
        const scalars = [
          out.language,
          out.prefillUserData?.name,
          out.prefillUserData?.email,
          u?.externalId,
          u?.data?.name,
          u?.data?.email,
          u?.data?.avatarUrl,
        ];
        for (const value of scalars) expect(value).not.toBe("");
      }),
      { numRuns: 1000 },
    );
  });

  it("generated configs are valid configs", () => {
    fc.assert(
      fc.property(configArbitrary({ hostile: true }), (c) => parseConfig(c).success),
      { numRuns: 300 },
    );
  });
});

describe("toAuthenticateRequest", () => {
  it("sends snake_case fields with camelCase customData, leaving out empty ones", () => {
    const config = make({
      model: "server",
      serverEmail: "jane@example.com",
      serverName: "Jane",
      serverAvatarUrl: "https://x/a.png",
      serverPhone: "+1234567890",
      serverLanguage: "de",
      serverCustomData: [
        { key: "vip", value: true },
        { key: "seats", value: 3 },
      ],
      serverChatContext: "Premium plan",
    });
    expect(toAuthenticateRequest(config)).toEqual({
      email: "jane@example.com",
      name: "Jane",
      avatar_url: "https://x/a.png",
      phone: "+1234567890",
      language: "de",
      customData: { vip: true, seats: 3 },
      chat_context: "Premium plan",
    });
  });

  it("maps widget-only language codes and leaves out those the API lacks", () => {
    expect(toAuthenticateRequest(make({ serverLanguage: "zh-cn" })).language).toBe("zh");
    expect(toAuthenticateRequest(make({ serverLanguage: "fil" })).language).toBe("tl");
    expect(toAuthenticateRequest(make({ serverLanguage: "nb" })).language).toBe("no");
    expect(toAuthenticateRequest(make({ serverLanguage: "lb" }))).not.toHaveProperty("language");
    expect(toAuthenticateRequest(make({ serverLanguage: "mt" }))).not.toHaveProperty("language");
  });
});
