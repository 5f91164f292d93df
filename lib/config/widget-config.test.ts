import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "./arbitraries";
import { defaultConfig, type PlaygroundConfig } from "./options";
import { parseConfig } from "./schema";
import {
  collectsUserData,
  toAuthenticateRequest,
  toWidgetConfig,
  WIDGET_TOKEN_PLACEHOLDER,
} from "./widget-config";

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

/** The exact options object, `undefined` properties included: an empty value is left out, not set to undefined. */
const exactly = (config: PlaygroundConfig, ctx?: { contactToken?: string }) =>
  expect(toWidgetConfig(config, ctx));

describe("toWidgetConfig: empty values are left out of the widget's options (domain.md §15)", () => {
  it("anonymous defaults give exactly { token }", () => {
    exactly(make({})).toStrictEqual({ token: WIDGET_TOKEN_PLACEHOLDER });
    exactly(make({ language: "en", primaryColor: "hsl(0 0% 9%)" })).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
    });
  });

  it("leaves out the theme for the widget's default colour or an empty one, even with spaces around it", () => {
    exactly(make({ primaryColor: "  hsl(0 0% 9%) " })).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
    });
    exactly(make({ primaryColor: "   " })).toStrictEqual({ token: WIDGET_TOKEN_PLACEHOLDER });
    exactly(make({ primaryColor: " #2563eb " })).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      theme: { primaryColor: "#2563eb" },
    });
  });

  it("anonymous with an externalId sends user.externalId alone", () => {
    exactly(make({ externalId: "ws_1" })).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      user: { externalId: "ws_1" },
    });
  });

  it("collect: only collectUserData when nothing is prefilled and no extra field is named", () => {
    exactly(make({ model: "collect", extraFields: ["", "  "] })).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      collectUserData: true,
    });
  });

  it("collect: a prefilled email alone gives prefillUserData.email alone; blank extra fields are dropped", () => {
    exactly(
      make({ model: "collect", prefillEmail: "jane@example.com", extraFields: ["", "Company"] }),
    ).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      collectUserData: true,
      prefillUserData: { email: "jane@example.com" },
      extraDataCollectionFields: ["Company"],
    });
  });

  it("collect: an externalId rides along as user.externalId", () => {
    exactly(make({ model: "collect", externalId: "ws_1" })).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      collectUserData: true,
      user: { externalId: "ws_1" },
    });
  });

  it("browser that also collects keeps the Collect model's prefill and extra fields out", () => {
    exactly(
      make({
        model: "browser",
        collectUserData: true,
        prefillName: "Jane",
        extraFields: ["Company"],
      }),
    ).toStrictEqual({ token: WIDGET_TOKEN_PLACEHOLDER, collectUserData: true });
  });

  it("browser with nothing to pass sends no user at all, and no collectUserData unless asked", () => {
    exactly(make({ model: "browser" })).toStrictEqual({ token: WIDGET_TOKEN_PLACEHOLDER });
    exactly(
      make({ model: "browser", userCustomData: [{ key: "", value: "no key" }] }),
    ).toStrictEqual({ token: WIDGET_TOKEN_PLACEHOLDER });
  });

  it("browser with only an externalId sends user.externalId without user.data", () => {
    exactly(make({ model: "browser", externalId: "ws_1" })).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      user: { externalId: "ws_1" },
    });
  });

  it("browser with data and no externalId sends user.data alone", () => {
    exactly(
      make({ model: "browser", userEmail: "jane@example.com", userAvatarUrl: "https://x/a.png" }),
    ).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      user: { data: { email: "jane@example.com", avatarUrl: "https://x/a.png" } },
    });
  });

  it("browser customData: a later duplicate key wins, as in an object literal", () => {
    exactly(
      make({
        model: "browser",
        userCustomData: [
          { key: "plan", value: "free" },
          { key: "plan", value: "pro" },
        ],
      }),
    ).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      user: { data: { customData: { plan: "pro" } } },
    });
  });

  it("server: user.token alone without an externalId; an empty token until the contact token is obtained", () => {
    exactly(make({ model: "server" }), { contactToken: "jwt" }).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      user: { token: "jwt" },
    });
    exactly(make({ model: "server", externalId: "ws_1" })).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      user: { token: "", externalId: "ws_1" },
    });
  });

  it("never reads the contact token from the config (it is sensitive and passed on purpose)", () => {
    exactly(make({ model: "server", contactToken: "from-config" })).toStrictEqual({
      token: WIDGET_TOKEN_PLACEHOLDER,
      user: { token: "" },
    });
  });
});

describe("collectsUserData: whether the widget shows the welcome form", () => {
  it.each<[string, Partial<PlaygroundConfig>, boolean]>([
    ["collect", { model: "collect" }, true],
    ["collect, even with collectUserData off", { model: "collect", collectUserData: false }, true],
    ["browser asking, no email", { model: "browser", collectUserData: true }, true],
    [
      "browser asking, with an email (the email overrides it)",
      { model: "browser", collectUserData: true, userEmail: "a@b.c" },
      false,
    ],
    ["browser not asking", { model: "browser", collectUserData: false }, false],
    ["server asking (user.token overrides it)", { model: "server", collectUserData: true }, false],
    ["anonymous asking", { model: "anonymous", collectUserData: true }, false],
  ])("%s → %s", (_, over, expected) => {
    expect(collectsUserData(make(over))).toBe(expected);
  });
});

describe("toAuthenticateRequest: empty fields are left out of the body", () => {
  it("sends exactly { email } when nothing else is filled in", () => {
    expect(toAuthenticateRequest(make({ serverEmail: "jane@example.com" }))).toStrictEqual({
      email: "jane@example.com",
    });
    expect(
      toAuthenticateRequest(
        make({ serverEmail: "a@b.c", serverCustomData: [{ key: "", value: 1 }] }),
      ),
    ).toStrictEqual({ email: "a@b.c" });
  });

  it("sends a language the API has under its own code", () => {
    expect(
      toAuthenticateRequest(make({ serverEmail: "a@b.c", serverLanguage: "fr" })),
    ).toStrictEqual({ email: "a@b.c", language: "fr" });
  });
});

it("toAuthenticateRequest leaves the language out when the server language is 'Not sent'", () => {
  expect(toAuthenticateRequest(make({ serverEmail: "a@b.c", serverLanguage: "" }))).toStrictEqual({
    email: "a@b.c",
  });
});
