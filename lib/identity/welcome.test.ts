import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { counterIds } from "./ids";
import { simulateLoad } from "./simulate";
import { storageKeys } from "./storage";
import { composeFirstMessage, submitWelcomeForm } from "./welcome";

const WT = "wt_1";
const KEYS = storageKeys(WT);
const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: WT,
  ...over,
});
const collect = make({ model: "collect" });

describe("submitWelcomeForm: validation (domain §6.3)", () => {
  it("a 1-character name silently does nothing: no request", () => {
    const r = submitWelcomeForm(collect, {}, { name: "J", email: "jane@example.com" });
    expect(r.accepted).toBe(false);
    expect(r.call).toEqual({ kind: "none" });
    if (r.accepted) return;
    expect(r.problems).toEqual([
      expect.objectContaining({ field: "name", reason: "too-short", feedback: "none" }),
    ]);
  });

  it("empty inputs and malformed emails are stopped by the browser's own tooltip", () => {
    const r = submitWelcomeForm(collect, {}, { name: "", email: "not-an-email" });
    expect(r.accepted).toBe(false);
    if (r.accepted) return;
    expect(r.problems.map((p) => [p.field, p.reason, p.feedback])).toEqual([
      ["name", "required", "browser-tooltip"],
      ["email", "invalid-email", "browser-tooltip"],
    ]);
  });

  it("an email the browser accepts but the widget's zod check refuses does nothing, silently", () => {
    const r = submitWelcomeForm(collect, {}, { name: "Jane", email: "jane@localhost" });
    expect(r.accepted).toBe(false);
    if (r.accepted) return;
    expect(r.problems).toEqual([
      expect.objectContaining({ field: "email", reason: "invalid-email", feedback: "none" }),
    ]);
  });

  it("there is nothing to submit when the form is not shown", () => {
    const r = submitWelcomeForm(make({}), {}, { name: "Jane", email: "jane@example.com" });
    expect(r.accepted).toBe(false);
    if (r.accepted) return;
    expect(r.problems[0]?.reason).toBe("form-not-shown");
  });
});

describe("submitWelcomeForm: submit (domain §6.4)", () => {
  it("sends only email and name, persists token and device id, and opens a new chat", () => {
    const r = submitWelcomeForm(
      collect,
      {},
      { name: "Jane", email: "  jane@example.com " },
      { newId: counterIds() },
    );
    expect(r.accepted).toBe(true);
    if (!r.accepted) return;
    expect(r.call).toEqual({
      kind: "create-unverified",
      when: "form-submit",
      body: { email: "jane@example.com", non_verified_name: "Jane" },
    });
    expect(r.contact).toEqual({
      token: "sim-unverified-1",
      kind: "non-verified",
      externalId: "00000000-0000-4000-8000-000000000002",
      externalIdSource: "generated",
    });
    expect(r.storageAfter).toEqual({
      [KEYS.contactToken]: "sim-unverified-1",
      [KEYS.externalId]: "00000000-0000-4000-8000-000000000002",
    });
    expect(r.extraCollectedData).toBeUndefined();
    expect(r.nextScreen).toBe("chat");
    // The next load reuses the contact (row B).
    expect(simulateLoad(collect, r.storageAfter).contact?.token).toBe("sim-unverified-1");
  });

  it("keeps only non-empty extras that are on the form", () => {
    const config = make({ model: "collect", extraFields: ["Company", "Order #"] });
    const r = submitWelcomeForm(
      config,
      {},
      {
        name: "Jane",
        email: "jane@example.com",
        extras: { Company: "Acme", "Order #": "", Stranger: "x" },
      },
    );
    expect(r.accepted && r.extraCollectedData).toEqual({ Company: "Acme" });
  });

  it("never sends user.data name or customData (§5.5)", () => {
    const config = make({
      model: "browser",
      collectUserData: true,
      userName: "Other",
      userCustomData: [{ key: "k", value: "v" }],
    });
    const r = submitWelcomeForm(config, {}, { name: "Jane", email: "jane@example.com" });
    expect(r.accepted && r.call.body).toEqual({
      email: "jane@example.com",
      non_verified_name: "Jane",
    });
  });

  it("row C: the submit reuses the device's externalId, and the form comes back on the next load", () => {
    const config = make({ model: "collect", extraFields: ["Company"] });
    const storage = { [KEYS.contactToken]: "tok-old", [KEYS.externalId]: "dev-old" };
    const r = submitWelcomeForm(
      config,
      storage,
      { name: "Jane", email: "jane@example.com" },
      { hasSessions: true },
    );
    expect(r.accepted).toBe(true);
    if (!r.accepted) return;
    expect(r.contact.externalId).toBe("dev-old");
    expect(r.contact.externalIdSource).toBe("persisted");
    expect(r.nextScreen).toBe("sessions");
    expect(simulateLoad(config, r.storageAfter).firstScreen).toBe("welcome");
  });

  it("user.externalId wins over the device id", () => {
    const config = make({ model: "collect", externalId: "ws_1" });
    const r = submitWelcomeForm(config, {}, { name: "Jane", email: "jane@example.com" });
    expect(r.accepted && r.contact.externalId).toBe("ws_1");
  });
});

describe("composeFirstMessage (domain §6.5)", () => {
  it("prepends one line per non-empty field, joined by ' \\n', then ' \\n\\n' and the text", () => {
    expect(composeFirstMessage({ Company: "Acme", "Order #": "123" }, "My parcel is late")).toBe(
      "Company: Acme \nOrder #: 123 \n\nMy parcel is late",
    );
  });
  it("leaves the text unchanged without extras or with only empty values", () => {
    expect(composeFirstMessage(undefined, "Hi")).toBe("Hi");
    expect(composeFirstMessage({}, "Hi")).toBe("Hi");
    expect(composeFirstMessage({ Company: "" }, "Hi")).toBe("Hi");
  });
  it("skips empty values among filled ones", () => {
    expect(composeFirstMessage({ A: "", B: "2" }, "x")).toBe("B: 2 \n\nx");
  });
});
