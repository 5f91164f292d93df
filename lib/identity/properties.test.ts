import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary, propertyRuns } from "../config/arbitraries";
import { toWidgetConfig } from "../config/widget-config";
import { simulateLoad } from "./simulate";
import { storageKeys } from "./storage";
import type { DeviceStorage, LoadEnv } from "./types";
import { submitWelcomeForm } from "./welcome";

const RUNS = propertyRuns(1000);

/** A config, a storage that may hold (possibly empty) values under its widget token's keys, and an env. */
const scenario = fc
  .record({
    config: fc.oneof(configArbitrary(), configArbitrary({ hostile: true })),
    junk: fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "toString")),
      fc.string(),
      {
        maxKeys: 4,
      },
    ),
    token: fc.option(fc.oneof(fc.constant(""), fc.string({ maxLength: 12 })), { nil: undefined }),
    externalId: fc.option(fc.oneof(fc.constant(""), fc.string({ maxLength: 12 })), {
      nil: undefined,
    }),
    env: fc.record(
      {
        hasSessions: fc.boolean(),
        contactToken: fc.oneof(fc.constant(""), fc.string({ maxLength: 12 })),
        chatScreenOnly: fc.boolean(),
        goToChatIfNoSessions: fc.boolean(),
        seed: fc.string({ maxLength: 6 }),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ config, junk, token, externalId, env }) => {
    const keys = storageKeys(toWidgetConfig(config, { contactToken: env.contactToken }).token);
    const storage: Record<string, string> = {};
    for (const [k, v] of Object.entries(junk))
      Object.defineProperty(storage, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    if (token !== undefined) storage[keys.contactToken] = token;
    if (externalId !== undefined) storage[keys.externalId] = externalId;
    return { config, storage: storage as DeviceStorage, env: env as LoadEnv, keys };
  });

describe("simulateLoad properties", () => {
  it("never throws and keeps its invariants for any config and storage", () => {
    fc.assert(
      fc.property(scenario, ({ config, storage, env, keys }) => {
        const r = simulateLoad(config, storage, env);
        expect(r.firstScreen === "welcome").toBe(r.contact === null);
        expect(r.form === null).toBe(r.firstScreen !== "welcome");
        for (const w of r.storageWrites)
          expect([keys.contactToken, keys.externalId]).toContain(w.key);
        for (const [k, v] of Object.entries(storage)) {
          if (k !== keys.contactToken && k !== keys.externalId) expect(r.storageAfter[k]).toBe(v);
        }
        if (r.row === "C") expect(r.storageReads).toEqual([]);
        expect(r.formEveryLoad).toBe(r.row === "C");
        if (r.call.kind === "create-unverified")
          expect(r.call.body).not.toHaveProperty("avatarUrl");
        expect(r.explanation.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it("the verified path never touches storage", () => {
    fc.assert(
      fc.property(scenario, ({ config, storage, env }) => {
        const r = simulateLoad(config, storage, env);
        if (r.kind !== "verified") return;
        expect(r.row).toBe("A");
        expect(r.storageReads).toEqual([]);
        expect(r.storageWrites).toEqual([]);
        expect(r.storageAfter).toBe(storage);
        expect(r.call).toEqual({ kind: "none" });
      }),
      { numRuns: RUNS },
    );
  });

  it("a resolved non-verified contact always has an externalId, and it is persisted", () => {
    fc.assert(
      fc.property(scenario, ({ config, storage, env, keys }) => {
        const r = simulateLoad(config, storage, env);
        if (r.contact === null || r.contact.kind === "verified") return;
        expect(typeof r.contact.externalId).toBe("string");
        expect(r.contact.externalId).not.toBe("");
        expect(r.contact.externalIdSource).not.toBe("none");
        expect(r.storageAfter[keys.externalId]).toBe(r.contact.externalId);
        expect(r.storageAfter[keys.contactToken]).toBe(r.contact.token);
      }),
      { numRuns: RUNS },
    );
  });

  it("is deterministic: the same inputs give the same result", () => {
    fc.assert(
      fc.property(scenario, ({ config, storage, env }) => {
        expect(simulateLoad(config, storage, env)).toEqual(simulateLoad(config, storage, env));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("submitWelcomeForm properties", () => {
  const form = fc.record({
    name: fc.oneof(fc.string({ maxLength: 4 }), fc.constant("Jane")),
    email: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constant("jane@example.com"),
      fc.constant("a@b"),
    ),
    extras: fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
  });

  it("never throws, is deterministic, and an accepted submit sends exactly email and name", () => {
    fc.assert(
      fc.property(scenario, form, ({ config, storage, env, keys }, input) => {
        const r = submitWelcomeForm(config, storage, input, env);
        expect(submitWelcomeForm(config, storage, input, env)).toEqual(r);
        if (!r.accepted) {
          expect(r.call).toEqual({ kind: "none" });
          expect(r.problems.length).toBeGreaterThan(0);
          return;
        }
        expect(Object.keys(r.call.body).sort()).toEqual(["email", "non_verified_name"]);
        expect(input.name.length).toBeGreaterThanOrEqual(2);
        expect(r.contact.externalId).toBeTruthy();
        expect(r.storageAfter[keys.contactToken]).toBe(r.contact.token);
        for (const value of Object.values(r.extraCollectedData ?? {})) expect(value).not.toBe("");
      }),
      { numRuns: RUNS },
    );
  });
});
