import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { counterIds } from "./ids";
import { simulateLoad } from "./simulate";
import { clearWidgetStorage, storageKeys } from "./storage";
import type { DeviceStorage } from "./types";

const WT = "wt_1";
const KEYS = storageKeys(WT);
const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: WT,
  ...over,
});
const persisted = (token = "tok-old", externalId = "dev-old"): DeviceStorage => ({
  [KEYS.contactToken]: token,
  [KEYS.externalId]: externalId,
});

describe("storage keys", () => {
  it("uses the literal widget token in both keys", () => {
    expect(storageKeys("abc")).toEqual({
      contactToken: "opencx-widget:org-token-abc:contact-token",
      externalId: "opencx-widget:org-token-abc:external-contact-id",
    });
  });
});

describe("decision table (domain §3.2)", () => {
  it("row A: a verified user.token is used as is; no call, storage untouched, externalId only from config", () => {
    const storage = { ...persisted(), other: "x" };
    const r = simulateLoad(make({ model: "server", externalId: "ws_1" }), storage, {
      contactToken: "eyJ.jwt.sig",
    });
    expect(r.row).toBe("A");
    expect(r.kind).toBe("verified");
    expect(r.call).toEqual({ kind: "none" });
    expect(r.storageReads).toEqual([]);
    expect(r.storageWrites).toEqual([]);
    expect(r.storageAfter).toEqual(storage);
    expect(r.contact).toEqual({
      token: "eyJ.jwt.sig",
      kind: "verified",
      externalId: "ws_1",
      externalIdSource: "config",
    });
    expect(r.historyScope).toBe("every-device-scoped");
    expect(r.firstScreen).toBe("chat");
    expect(r.explanation.join(" ")).toMatch(/stays in storage, unused/);
  });

  it("row A without externalId: nothing generated, history on every device", () => {
    const r = simulateLoad(
      make({ model: "server" }),
      {},
      { contactToken: "jwt", hasSessions: true },
    );
    expect(r.contact).toEqual({
      token: "jwt",
      kind: "verified",
      externalId: null,
      externalIdSource: "none",
    });
    expect(r.externalIdSource).toBe("none");
    expect(r.historyScope).toBe("every-device");
    expect(r.firstScreen).toBe("sessions");
  });

  it("row B, first visit: the welcome form waits; only the token key is read", () => {
    const r = simulateLoad(make({ model: "collect", prefillName: "Jane" }), {});
    expect(r.row).toBe("B");
    expect(r.contact).toBeNull();
    expect(r.firstScreen).toBe("welcome");
    expect(r.initialScreen).toBe("welcome");
    expect(r.call).toEqual({ kind: "none" });
    expect(r.storageReads).toEqual([KEYS.contactToken]);
    expect(r.storageWrites).toEqual([]);
    expect(r.kind).toBe("non-verified");
    expect(r.formEveryLoad).toBe(false);
    expect(r.form).toEqual({ prefill: { name: "Jane", email: "" }, extraFields: [] });
    expect(r.externalId).toBeNull();
  });

  it("row B, returning visitor: reuses the persisted token and skips the form (after a welcome flash)", () => {
    const r = simulateLoad(make({ model: "collect" }), persisted(), { hasSessions: true });
    expect(r.row).toBe("B");
    expect(r.initialScreen).toBe("welcome");
    expect(r.firstScreen).toBe("sessions");
    expect(r.form).toBeNull();
    expect(r.call).toEqual({ kind: "none" });
    expect(r.contact).toEqual({
      token: "tok-old",
      kind: "non-verified",
      externalId: "dev-old",
      externalIdSource: "persisted",
    });
    expect(r.storageReads).toEqual([KEYS.contactToken, KEYS.externalId]);
    expect(r.storageWrites).toEqual([
      { key: KEYS.contactToken, value: "tok-old" },
      { key: KEYS.externalId, value: "dev-old" },
    ]);
  });

  it("row C: extra fields mean the persisted token is not read and the form shows on every load", () => {
    const r = simulateLoad(
      make({ model: "collect", extraFields: ["Company", "Order #"] }),
      persisted(),
    );
    expect(r.row).toBe("C");
    expect(r.storageReads).toEqual([]);
    expect(r.contact).toBeNull();
    expect(r.firstScreen).toBe("welcome");
    expect(r.formEveryLoad).toBe(true);
    expect(r.form?.extraFields).toEqual(["Company", "Order #"]);
    expect(r.storageAfter).toEqual(persisted());
  });

  it("row D: no email and a persisted token: reused with no call, user.data name/customData dropped", () => {
    const config = make({
      model: "browser",
      userName: "Jane",
      userCustomData: [{ key: "plan", value: "pro" }],
    });
    const r = simulateLoad(config, persisted());
    expect(r.row).toBe("D");
    expect(r.kind).toBe("anonymous");
    expect(r.call).toEqual({ kind: "none" });
    expect(r.contact?.token).toBe("tok-old");
    expect(r.externalIdSource).toBe("persisted");
    expect(r.explanation.join(" ")).toMatch(/not sent again/);
  });

  it("row E, anonymous first visit: create-unverified with an empty body, device id generated and persisted", () => {
    const r = simulateLoad(make({}), {}, { newId: counterIds() });
    expect(r.row).toBe("E");
    expect(r.kind).toBe("anonymous");
    expect(r.call).toEqual({ kind: "create-unverified", when: "load", body: {} });
    expect(r.storageReads).toEqual([KEYS.contactToken, KEYS.externalId]);
    expect(r.contact).toEqual({
      token: "sim-unverified-1",
      kind: "anonymous",
      externalId: "00000000-0000-4000-8000-000000000002",
      externalIdSource: "generated",
    });
    expect(r.storageAfter).toEqual({
      [KEYS.contactToken]: "sim-unverified-1",
      [KEYS.externalId]: "00000000-0000-4000-8000-000000000002",
    });
    expect(r.historyScope).toBe("this-browser");
    expect(r.firstScreen).toBe("chat");
  });

  it("row E with an email: upserts on every load ignoring the persisted token; avatar never sent", () => {
    const config = make({
      model: "browser",
      userName: "Jane",
      userEmail: "jane@example.com",
      userAvatarUrl: "https://x/a.png",
      userCustomData: [{ key: "plan", value: "pro" }],
    });
    const first = simulateLoad(config, persisted());
    expect(first.row).toBe("E");
    expect(first.kind).toBe("non-verified");
    expect(first.call).toEqual({
      kind: "create-unverified",
      when: "load",
      body: {
        email: "jane@example.com",
        non_verified_name: "Jane",
        non_verified_custom_data: { plan: "pro" },
      },
    });
    expect(first.storageReads).toEqual([KEYS.externalId]);
    expect(first.contact?.token).not.toBe("tok-old");
    expect(first.externalId).toBe("dev-old");
    const second = simulateLoad(config, first.storageAfter);
    expect(second.call.kind).toBe("create-unverified");
    expect(second.externalId).toBe("dev-old");
    expect(first.explanation.join(" ")).toMatch(/avatarUrl is not sent/);
  });
});

describe("edge cases (domain §5)", () => {
  it("1. prefill without collectUserData has no effect", () => {
    const r = simulateLoad(
      make({ model: "anonymous", prefillName: "Jane", prefillEmail: "j@x.io" }),
      {},
    );
    expect(r.widgetConfig.prefillUserData).toBeUndefined();
    expect(r.firstScreen).not.toBe("welcome");
    expect(r.form).toBeNull();
  });

  it("2. extra fields without collectUserData: no effect, the contact is anonymous", () => {
    const r = simulateLoad(make({ model: "anonymous", extraFields: ["Company"] }), {});
    expect(r.row).toBe("E");
    expect(r.kind).toBe("anonymous");
    expect(r.formEveryLoad).toBe(false);
  });

  it("3. collectUserData + user.token: the welcome screen never shows, not even as a flash", () => {
    const r = simulateLoad(
      make({ model: "server", collectUserData: true }),
      {},
      { contactToken: "jwt" },
    );
    expect(r.row).toBe("A");
    expect(r.initialScreen).not.toBe("welcome");
    expect(r.firstScreen).not.toBe("welcome");
    expect(r.explanation.join(" ")).toMatch(/collectUserData is ignored/);
  });

  it("4. collectUserData + user.data.email: email wins, contact auto-created, form skipped", () => {
    const config = make({
      model: "browser",
      collectUserData: true,
      userEmail: "jane@example.com",
      prefillName: "Ignored",
      extraFields: ["Company"],
    });
    const r = simulateLoad(config, {});
    expect(r.row).toBe("E");
    expect(r.form).toBeNull();
    expect(r.initialScreen).not.toBe("welcome");
    expect(r.call).toEqual({
      kind: "create-unverified",
      when: "load",
      body: { email: "jane@example.com" },
    });
  });

  it("5. collectUserData + user.data without email: the form runs, not prefilled from user.data", () => {
    const config = make({
      model: "browser",
      collectUserData: true,
      userName: "Jane",
      userCustomData: [{ key: "k", value: "v" }],
    });
    const r = simulateLoad(config, {});
    expect(r.row).toBe("B");
    expect(r.form?.prefill).toEqual({ name: "", email: "" });
    expect(r.explanation.join(" ")).toMatch(/never sent on this path/);
  });

  it("6. collectUserData + extra fields: the form is back after a submit and reload", () => {
    const config = make({ model: "collect", extraFields: ["Company"] });
    const reload = simulateLoad(config, persisted());
    expect(reload.firstScreen).toBe("welcome");
    expect(reload.formEveryLoad).toBe(true);
  });

  it("7. user.data without email behaves like anonymous: first load sends name, later loads nothing", () => {
    const config = make({ model: "browser", userName: "Jane" });
    const first = simulateLoad(config, {});
    expect(first.kind).toBe("anonymous");
    expect(first.call).toEqual({
      kind: "create-unverified",
      when: "load",
      body: { non_verified_name: "Jane" },
    });
    const second = simulateLoad(config, first.storageAfter);
    expect(second.row).toBe("D");
    expect(second.call).toEqual({ kind: "none" });
    expect(second.contact?.token).toBe(first.contact?.token);
  });

  it("8. user.data with email: the externalId is user.externalId, else the persisted one", () => {
    const base = { model: "browser" as const, userEmail: "jane@example.com" };
    expect(
      simulateLoad(make({ ...base, externalId: "ws_9" }), persisted()).contact?.externalIdSource,
    ).toBe("config");
    expect(simulateLoad(make({ ...base, externalId: "ws_9" }), persisted()).externalId).toBe(
      "ws_9",
    );
    expect(simulateLoad(make(base), persisted()).externalId).toBe("dev-old");
  });

  it("9. user.token + user.data: never both; the verified token wins over leftover browser fields", () => {
    const config = make({ model: "server", userName: "Jane", userEmail: "jane@example.com" });
    const r = simulateLoad(config, {}, { contactToken: "jwt" });
    expect(r.widgetConfig.user).toEqual({ token: "jwt" });
    expect(r.row).toBe("A");
  });

  it("10. externalId: the only source for verified; overrides the device id for non-verified", () => {
    const verified = simulateLoad(make({ model: "server", externalId: "t1" }), persisted(), {
      contactToken: "jwt",
    });
    expect(verified.externalId).toBe("t1");
    const anon = simulateLoad(make({ externalId: "t1" }), persisted());
    expect(anon.contact).toMatchObject({ externalId: "t1", externalIdSource: "config" });
    expect(anon.storageAfter[KEYS.externalId]).toBe("t1");
    const collect = simulateLoad(make({ model: "collect", externalId: "t1" }), persisted());
    expect(collect.externalId).toBe("t1");
  });

  it("11. an identity change is masked by the persisted contact until the keys are cleared", () => {
    const anonymous = simulateLoad(make({}), {});
    const nowCollect = make({ model: "collect" });
    const masked = simulateLoad(nowCollect, anonymous.storageAfter);
    expect(masked.firstScreen).not.toBe("welcome");
    expect(masked.contact?.token).toBe(anonymous.contact?.token);
    const fresh = simulateLoad(nowCollect, clearWidgetStorage(anonymous.storageAfter, WT));
    expect(fresh.firstScreen).toBe("welcome");
  });

  it("an empty user.token counts as absent, as in the widget: the visitor is anonymous", () => {
    const r = simulateLoad(make({ model: "server", contactToken: "" }), {});
    expect(r.row).toBe("E");
    expect(r.kind).toBe("anonymous");
    expect(r.explanation[0]).toMatch(/user.token is empty/);
  });

  it("an empty persisted token or externalId counts as absent", () => {
    const r = simulateLoad(make({}), persisted("", ""), { newId: counterIds() });
    expect(r.row).toBe("E");
    expect(r.externalIdSource).toBe("generated");
  });

  it("keys of another widget token are left alone", () => {
    const other = storageKeys("other");
    const storage = { [other.contactToken]: "t", [other.externalId]: "e" };
    const r = simulateLoad(make({}), storage);
    expect(r.row).toBe("E");
    expect(r.storageAfter[other.contactToken]).toBe("t");
  });
});

describe("routing after resolution (domain §3.5)", () => {
  const config = make({});
  it("goes to a new chat when the contact has no sessions", () => {
    expect(simulateLoad(config, persisted(), { hasSessions: false }).firstScreen).toBe("chat");
  });
  it("shows sessions when there are some, or when goToChatIfNoSessions is false", () => {
    expect(simulateLoad(config, persisted(), { hasSessions: true }).firstScreen).toBe("sessions");
    expect(simulateLoad(config, persisted(), { goToChatIfNoSessions: false }).firstScreen).toBe(
      "sessions",
    );
  });
  it("chatScreenOnly always lands on chat, and starts there", () => {
    const r = simulateLoad(config, persisted(), { chatScreenOnly: true, hasSessions: true });
    expect(r.firstScreen).toBe("chat");
    expect(r.initialScreen).toBe("chat");
  });
});

describe("ids", () => {
  it("default ids are deterministic, differ per seed, and look like the widget's UUIDs", () => {
    const a = simulateLoad(make({}), {}, { seed: "device-1" });
    const b = simulateLoad(make({}), {}, { seed: "device-1" });
    const c = simulateLoad(make({}), {}, { seed: "device-2" });
    expect(a).toEqual(b);
    expect(a.externalId).not.toBe(c.externalId);
    expect(a.externalId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe("hash ids describe the situation (domain §3.3)", () => {
  it("the new contact depends on the widget token, the storage and what user.data sends", () => {
    const base = simulateLoad(make({}), { a: "1" });
    expect(simulateLoad(make({ widgetToken: "wt_2" }), { a: "1" }).contact?.token).not.toBe(
      base.contact?.token,
    );
    expect(simulateLoad(make({}), { a: "2" }).contact?.token).not.toBe(base.contact?.token);
    const jane = simulateLoad(make({ model: "browser", userName: "Jane" }), {});
    const john = simulateLoad(make({ model: "browser", userName: "John" }), {});
    expect(jane.contact?.token).not.toBe(john.contact?.token);
    expect(jane.externalId).not.toBe(john.externalId);
  });

  it("does not depend on the order in which the browser lists its storage", () => {
    const ab = simulateLoad(make({}), { a: "1", m: "3", z: "2" });
    const ba = simulateLoad(make({}), { z: "2", m: "3", a: "1" });
    expect(ba.contact).toEqual(ab.contact);
  });

  it("a form on row B is rendered only while the welcome screen shows", () => {
    expect(simulateLoad(make({ model: "collect" }), persisted()).form).toBeNull();
  });
});

describe("what a load reports besides the contact", () => {
  it("without the welcome form or chatScreenOnly the router starts on the sessions list", () => {
    expect(simulateLoad(make({}), persisted()).initialScreen).toBe("sessions");
  });

  it("while the form waits there is no externalId source", () => {
    expect(simulateLoad(make({ model: "collect" }), {}).externalIdSource).toBe("none");
  });

  it("asks the id generator for a contact token, then for a device id", () => {
    const asked: string[] = [];
    const r = simulateLoad(
      make({}),
      {},
      {
        newId: (kind) => {
          asked.push(kind);
          return `id-of-${kind}`;
        },
      },
    );
    expect(asked).toEqual(["contact-token", "external-id"]);
    expect(r.contact).toMatchObject({
      token: "id-of-contact-token",
      externalId: "id-of-external-id",
    });
  });

  it("no seed is the empty seed", () => {
    expect(simulateLoad(make({}), {}).contact).toEqual(
      simulateLoad(make({}), {}, { seed: "" }).contact,
    );
  });
});
