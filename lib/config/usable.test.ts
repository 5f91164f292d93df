import fc from "fast-check";
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "./arbitraries";
import {
  DEFAULT_CONFIG,
  OPTION_KEYS,
  OPTIONS,
  defaultConfig,
  type OptionKey,
  type PlaygroundConfig,
} from "./options";
import { parseConfig } from "./schema";
import { heldFor, usableConfig } from "./usable";
import { encodeConfig, decodeConfig } from "../url/codec";
import { secretKind } from "../secrets/detect";

const make = (patch: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...patch,
});

// Shapes only: none of these is a real credential.
const API_KEY = "sk_live_USABLE_TEST_NOT_A_KEY";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2FibGUtdGVzdCJ9.bm90LWEtc2lnbmF0dXJl";
const SANDBOX_KEY = "sk_sandbox_identity_playground_demo";

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
      { numRuns: 1000 },
    );
  });
});
