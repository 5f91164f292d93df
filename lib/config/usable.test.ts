import fc from "fast-check";
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { configArbitrary, propertyRuns } from "./arbitraries";
import {
  DEFAULT_CONFIG,
  OPTION_KEYS,
  OPTIONS,
  defaultConfig,
  type OptionKey,
  type PlaygroundConfig,
} from "./options";
import { describeIssues, parseConfig, playgroundConfigSchema } from "./schema";
import { heldFor, usableConfig } from "./usable";
import { encodeConfig, decodeConfig } from "../url/codec";
import { secretKind } from "../secrets/detect";
import { fakeJwt, fakeKey } from "../secrets/test-support/fake-keys";
import { SANDBOX_API_KEY } from "../sandbox/settings";

const make = (patch: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...patch,
});

// Shapes only: none of these is a real credential.
const API_KEY = fakeKey("live", "USABLE_TEST_NOT_A_KEY");
const JWT = fakeJwt({ alg: "HS256" }, { sub: "usable-test" }, "not-a-signature");
const SANDBOX_KEY = SANDBOX_API_KEY;

describe("usableConfig: secrets never leave the field", () => {
  it.each<[OptionKey, string]>([
    ["widgetToken", API_KEY],
    ["prefillName", API_KEY],
    ["externalId", JWT],
    ["userEmail", `Bearer ${JWT}`],
    ["serverChatContext", `key=${SANDBOX_KEY}`],
    ["orgName", SANDBOX_KEY],
  ])("holds back a secret typed into %s and says so at that field", (option, value) => {
    const typed = make({ [option]: value } as Partial<PlaygroundConfig>);
    const usable = usableConfig(typed);
    expect(usable.config[option]).toEqual(OPTIONS[option].default);
    const held = heldFor(usable, option);
    expect(held).toHaveLength(1);
    expect(held[0]?.reason).toBe("secret");
    expect(held[0]?.message).toMatch(/share link/);
    expect(held[0]?.message).not.toContain(value);
    // The store's value is untouched.
    expect(typed[option]).toBe(value);
  });

  it("leaves out only the list entries that hold a secret", () => {
    const usable = usableConfig(
      make({
        extraFields: ["Company", API_KEY, "Plan"],
        userCustomData: [
          { key: "plan", value: "pro" },
          { key: "token", value: JWT },
        ],
      }),
    );
    expect(usable.config.extraFields).toEqual(["Company", "Plan"]);
    expect(usable.config.userCustomData).toEqual([{ key: "plan", value: "pro" }]);
    expect(usable.held.map((h) => [h.option, h.index, h.reason])).toEqual([
      ["extraFields", 1, "secret"],
      ["userCustomData", 1, "secret"],
    ]);
  });

  it("treats the config's own org API key as a secret wherever else it appears", () => {
    const usable = usableConfig(make({ apiKey: "my-org-key-1234", userName: "my-org-key-1234" }));
    expect(usable.config.userName).toBe("");
    expect(usable.config.apiKey).toBe("my-org-key-1234");
  });

  it("does not touch the sensitive fields themselves (the preview needs the contact token)", () => {
    const usable = usableConfig(
      make({ model: "server", serverEmail: "ada@example.com", contactToken: JWT, apiKey: API_KEY }),
    );
    expect(usable.held).toEqual([]);
    expect(usable.config.contactToken).toBe(JWT);
  });
});

describe("usableConfig: what the schema refuses is held back at its field", () => {
  it("holds back a colour the widget cannot parse, and uses the default", () => {
    const usable = usableConfig(make({ primaryColor: "notacolour" }));
    expect(usable.config.primaryColor).toBe(DEFAULT_CONFIG.primaryColor);
    expect(heldFor(usable, "primaryColor")).toEqual([
      expect.objectContaining({
        reason: "invalid",
        message: expect.stringMatching(/colour such as #2563eb/),
      }),
    ]);
  });

  it("holds back a 250-character organisation name with the schema's message", () => {
    const usable = usableConfig(make({ orgName: "x".repeat(250) }));
    expect(usable.config.orgName).toBe("Acme");
    expect(heldFor(usable, "orgName")[0]?.message).toMatch(
      /under 200 characters.*default \(Acme\)/,
    );
  });

  it("drops only the extra fields the form would refuse", () => {
    const usable = usableConfig(make({ extraFields: ["Company", "email", "Company "] }));
    expect(usable.config.extraFields).toEqual(["Company"]);
    expect(heldFor(usable, "extraFields").map((h) => h.index)).toEqual([1, 2]);
  });

  it("returns the very same object when nothing is held back, and the same result for the same object", () => {
    const config = make({ model: "collect", prefillName: "Jane" });
    const usable = usableConfig(config);
    expect(usable.config).toBe(config);
    expect(usable.held).toEqual([]);
    expect(usableConfig(config)).toBe(usable);
  });
});

describe("usableConfig: properties", () => {
  const strings = (v: unknown): string[] =>
    typeof v === "string"
      ? [v]
      : Array.isArray(v)
        ? v.flatMap(strings)
        : v && typeof v === "object"
          ? Object.values(v).flatMap(strings)
          : [];
  const stringKeys = OPTION_KEYS.filter(
    (k) =>
      !OPTIONS[k].sensitive &&
      typeof OPTIONS[k].default === "string" &&
      k !== "serverLanguage" &&
      k !== "language" &&
      k !== "model",
  );

  it("is always valid, secret-free outside the sensitive fields, and idempotent (hostile configs and injected secrets)", () => {
    fc.assert(
      fc.property(
        configArbitrary({ hostile: true }),
        fc.constantFrom(...stringKeys),
        fc.constantFrom(API_KEY, JWT, SANDBOX_KEY, `x ${API_KEY}`, `token=${JWT}`, null),
        (base, key, secret) => {
          const typed = secret === null ? base : { ...base, [key]: secret };
          const { config, held } = usableConfig(typed);
          expect(parseConfig(config).success).toBe(true);
          for (const k of OPTION_KEYS) {
            if (OPTIONS[k].sensitive) continue;
            for (const s of strings(config[k]))
              expect(secretKind(s, typed.apiKey), `${k}: ${s}`).toBeNull();
          }
          expect(usableConfig(config).held).toEqual([]);
          if (secret !== null) {
            expect(held.some((h) => h.option === key && h.reason === "secret")).toBe(true);
            // The share link never carries it, and decodes to the usable config's shareable part.
            const encoded = encodeConfig(typed);
            const json =
              encoded === ""
                ? ""
                : (LZString.decompressFromEncodedURIComponent(encoded.slice(2)) ?? "");
            expect(json).not.toContain(secret);
            expect(decodeConfig(encoded).config[key]).toEqual(OPTIONS[key].default);
          }
        },
      ),
      { numRuns: propertyRuns(1000) },
    );
  });
});

describe("usableConfig: the message at each held-back entry", () => {
  const LEFT_OUT =
    "The share link, embed code, snippets and preview leave it out; it stays only in this field.";
  const FIX_LIST = "The snippets, preview and share link leave it out until it is fixed.";

  it("numbers entries as typed, even after an earlier entry was held back as a secret", () => {
    const usable = usableConfig(
      make({ model: "collect", extraFields: [API_KEY, "Company", "email"] }),
    );
    expect(usable.config.extraFields).toEqual(["Company"]);
    expect(usable.held).toEqual([
      {
        option: "extraFields",
        reason: "secret",
        index: 0,
        message: `Entry 1 looks like an org API key. ${LEFT_OUT}`,
      },
      {
        option: "extraFields",
        reason: "invalid",
        index: 2,
        message: `Entry 3: "email" is already on the form: name and email are always asked. ${FIX_LIST}`,
      },
    ]);
  });

  it("gives each refused entry its own reason (a schema limit and a reserved name in one list)", () => {
    const usable = usableConfig(make({ extraFields: ["x".repeat(201), "Company", "email"] }));
    expect(usable.config.extraFields).toEqual(["Company"]);
    expect(heldFor(usable, "extraFields")).toEqual([
      {
        option: "extraFields",
        reason: "invalid",
        index: 0,
        message: `Entry 1: Keep it under 200 characters. ${FIX_LIST}`,
      },
      {
        option: "extraFields",
        reason: "invalid",
        index: 2,
        message: `Entry 3: "email" is already on the form: name and email are always asked. ${FIX_LIST}`,
      },
    ]);
  });

  it("numbers entries past the ninth", () => {
    const fields = Array.from({ length: 12 }, (_, i) => `Field ${i + 1}`);
    fields[10] = "Name";
    const usable = usableConfig(make({ extraFields: fields }));
    expect(heldFor(usable, "extraFields").map((h) => [h.index, h.message.slice(0, 9)])).toEqual([
      [10, "Entry 11:"],
    ]);
    expect(usable.config.extraFields).toHaveLength(11);
  });

  it("a token (JWT) in a custom-data row is named as such", () => {
    const usable = usableConfig(
      make({
        userCustomData: [
          { key: "plan", value: "pro" },
          { key: "session", value: JWT },
        ],
      }),
    );
    expect(heldFor(usable, "userCustomData")).toEqual([
      {
        option: "userCustomData",
        reason: "secret",
        index: 1,
        message: `Entry 2 looks like a token (JWT). ${LEFT_OUT}`,
      },
    ]);
  });

  it("a row with a missing value is left out with a full sentence", () => {
    const usable = usableConfig(
      make({
        userCustomData: [{ key: "plan", value: "pro" }, { key: "seats" } as never],
      }),
    );
    expect(usable.config.userCustomData).toEqual([{ key: "plan", value: "pro" }]);
    expect(heldFor(usable, "userCustomData")).toEqual([
      {
        option: "userCustomData",
        reason: "invalid",
        index: 1,
        message: `Entry 2: expected string. ${FIX_LIST}`,
      },
    ]);
  });

  it("a whole list over its limit falls back to the default (an empty list), named without a value", () => {
    const usable = usableConfig(
      make({ extraFields: Array.from({ length: 13 }, (_, i) => `Field ${i + 1}`) }),
    );
    expect(usable.config.extraFields).toEqual([]);
    expect(usable.held).toEqual([
      {
        option: "extraFields",
        reason: "invalid",
        message:
          "Extra welcome-form fields: At most 12 extra fields. Until it is fixed, the snippets, preview and share link use the default.",
      },
    ]);
  });

  it("a field whose default is empty says so", () => {
    expect(usableConfig(make({ userName: "x".repeat(201) })).held).toEqual([
      {
        option: "userName",
        reason: "invalid",
        message:
          "Name: Keep it under 200 characters. Until it is fixed, the snippets, preview and share link use the default (empty).",
      },
    ]);
  });

  it("a value of the wrong kind falls back to the default", () => {
    const usable = usableConfig(make({ collectUserData: "yes" as never }));
    expect(usable.config.collectUserData).toBe(false);
    expect(usable.held).toEqual([
      {
        option: "collectUserData",
        reason: "invalid",
        message:
          "Also set collectUserData: expected boolean. Until it is fixed, the snippets, preview and share link use the default.",
      },
    ]);
  });

  it("lists what is held back in option-table order, then entry order", () => {
    const usable = usableConfig(
      make({
        orgName: SANDBOX_KEY,
        primaryColor: "notacolour",
        extraFields: ["email", "Company", JWT],
        userName: "x".repeat(201),
      }),
    );
    expect(usable.held.map((h) => [h.option, h.index, h.reason])).toEqual([
      ["extraFields", 0, "invalid"],
      ["extraFields", 2, "secret"],
      ["userName", undefined, "invalid"],
      ["primaryColor", undefined, "invalid"],
      ["orgName", undefined, "secret"],
    ]);
  });
});

describe("usableConfig: always a valid config", () => {
  it("a whole list held back comes before its entries held back as secrets", () => {
    const fields = [JWT, ...Array.from({ length: 13 }, (_, i) => `Field ${i + 1}`)];
    const usable = usableConfig(make({ extraFields: fields }));
    expect(usable.config.extraFields).toEqual([]);
    expect(usable.held.map((h) => [h.option, h.index, h.reason])).toEqual([
      ["extraFields", undefined, "invalid"],
      ["extraFields", 0, "secret"],
    ]);
  });

  it("even a config with an option the table does not know comes out valid: the defaults", () => {
    const typed = { ...make({ orgName: "Beta" }), surprise: 1 } as PlaygroundConfig;
    expect(usableConfig(typed).config).toEqual(DEFAULT_CONFIG);
  });
});

describe("a list entry with two problems", () => {
  it("is held back once, with the first problem the schema reports for that entry", () => {
    // A custom-data row with an unknown key and no value: the schema finds two problems in it.
    const config = {
      ...defaultConfig(),
      model: "browser",
      userCustomData: [{ key: "a", extra: 1 }],
    } as unknown as PlaygroundConfig;
    const parsed = playgroundConfigSchema.safeParse(config);
    expect(parsed.success).toBe(false);
    const forEntry = parsed.success
      ? []
      : describeIssues(parsed.error).filter((i) => i.path.startsWith("userCustomData.0"));
    expect(forEntry.length).toBe(2);
    const first = forEntry[0]!.message.replace(/^[^:]*: /, "");

    const held = usableConfig(config).held;
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ option: "userCustomData", reason: "invalid", index: 0 });
    expect(held[0]!.message.startsWith(`Entry 1: ${first}`)).toBe(true);
  });
});
