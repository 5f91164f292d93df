import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { counterIds } from "./ids";
import { simulateLoad } from "./simulate";
import { welcomeFormOf } from "./contact";
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

describe("the welcome form's fields (domain §6.1)", () => {
  it("extra fields named exactly `name` or `email` are dropped from the form and from the collected data", () => {
    const config = make({ model: "collect", extraFields: ["name", "Company", "email", "Email"] });
    expect(simulateLoad(config, {}).form?.extraFields).toEqual(["Company", "Email"]);
    const r = submitWelcomeForm(
      config,
      {},
      {
        name: "Jane",
        email: "jane@example.com",
        extras: { name: "Other", email: "other@example.com", Company: "Acme", Email: "x" },
      },
    );
    expect(r.accepted && r.extraCollectedData).toEqual({ Company: "Acme", Email: "x" });
  });

  it("an empty extra field name gets no input", () => {
    const form = welcomeFormOf({
      token: WT,
      collectUserData: true,
      extraDataCollectionFields: ["", "Company"],
    });
    expect(form.extraFields).toEqual(["Company"]);
  });

  it("prefills the name and email from prefillUserData", () => {
    const r = simulateLoad(
      make({ model: "collect", prefillName: "Jane", prefillEmail: "j@x.io" }),
      {},
    );
    expect(r.form?.prefill).toEqual({ name: "Jane", email: "j@x.io" });
  });

  it("an extra field named like an object property is collected only when the visitor fills it", () => {
    const config = make({ model: "collect", extraFields: ["constructor", "toString"] });
    const empty = submitWelcomeForm(
      config,
      {},
      { name: "Jane", email: "jane@example.com", extras: {} },
    );
    expect(empty.accepted && empty.extraCollectedData).toBeUndefined();
    const filled = submitWelcomeForm(
      config,
      {},
      { name: "Jane", email: "jane@example.com", extras: { constructor: "Acme" } },
    );
    expect(filled.accepted && filled.extraCollectedData).toEqual({ constructor: "Acme" });
  });
});

describe("the collected extra field values", () => {
  it("are an ordinary record the chat can read, change and clear", () => {
    const config = make({ model: "collect", extraFields: ["Company"] });
    const r = submitWelcomeForm(
      config,
      {},
      { name: "Jane", email: "jane@example.com", extras: { Company: "Acme" } },
    );
    const data = r.accepted ? r.extraCollectedData : undefined;
    if (!data) throw new Error("expected collected data");
    data.Company = "Acme Ltd";
    expect(composeFirstMessage(data, "Hi")).toBe("Company: Acme Ltd \n\nHi");
    delete data.Company;
    expect(data).toEqual({});
  });
});

describe("submitWelcomeForm: the limits of the checks (domain §6.3)", () => {
  const submit = (name: string, email: string) => submitWelcomeForm(collect, {}, { name, email });

  it("a name of exactly two characters is enough, one is not", () => {
    expect(submit("Jo", "jane@example.com").accepted).toBe(true);
    expect(submit("J", "jane@example.com").accepted).toBe(false);
  });

  it("the name is counted untrimmed: two spaces pass the widget's check", () => {
    expect(submit("  ", "jane@example.com").accepted).toBe(true);
  });

  it("the email is sent as the browser submits it: line breaks removed, outer whitespace stripped", () => {
    const r = submit("Jane", "\t jane@exa\r\nmple.com \n");
    expect(r.accepted && r.call.body).toEqual({
      email: "jane@example.com",
      non_verified_name: "Jane",
    });
  });

  it("an email of only whitespace counts as empty: required", () => {
    const r = submit("Jane", "   ");
    expect(r.accepted ? [] : r.problems.map((p) => p.reason)).toEqual(["required"]);
  });

  it("the browser's problems are told in its own words, and stop the widget's check", () => {
    const r = submit("", "");
    expect(r.accepted ? [] : r.problems).toEqual([
      {
        field: "name",
        reason: "required",
        feedback: "browser-tooltip",
        message: "The name is required: the browser shows its own tooltip and does not submit.",
      },
      {
        field: "email",
        reason: "required",
        feedback: "browser-tooltip",
        message: "The email is required: the browser shows its own tooltip and does not submit.",
      },
    ]);
    const malformed = submit("J", "not-an-email");
    expect(malformed.accepted ? [] : malformed.problems).toEqual([
      {
        field: "email",
        reason: "invalid-email",
        feedback: "browser-tooltip",
        message: "The browser rejects this email address with its own tooltip and does not submit.",
      },
    ]);
  });

  it("the widget's silent refusals are explained, both at once", () => {
    const r = submit("J", "jane@localhost");
    expect(r.accepted ? [] : r.problems).toEqual([
      {
        field: "name",
        reason: "too-short",
        feedback: "none",
        message:
          "The name has fewer than 2 characters: the widget silently does nothing (no request, no message).",
      },
      {
        field: "email",
        reason: "invalid-email",
        feedback: "none",
        message:
          "The widget's own email check rejects this address: it silently does nothing (no request, no message).",
      },
    ]);
  });

  it("a submit on a load without the form says why nothing happens", () => {
    const r = submitWelcomeForm(make({}), {}, { name: "Jane", email: "jane@example.com" });
    expect(r).toEqual({
      accepted: false,
      call: { kind: "none" },
      problems: [
        {
          field: "form",
          reason: "form-not-shown",
          feedback: "none",
          message:
            "The welcome form is not shown on this page load, so there is nothing to submit.",
        },
      ],
    });
  });

  it("a returning visitor in row B has no form to submit", () => {
    const storage = { [KEYS.contactToken]: "tok-old", [KEYS.externalId]: "dev-old" };
    expect(
      submitWelcomeForm(collect, storage, { name: "Jane", email: "jane@example.com" }).accepted,
    ).toBe(false);
  });
});

describe("submitWelcomeForm: what the visitor is told after a submit (domain §6.4–§6.5)", () => {
  const JANE = { name: "Jane", email: "jane@example.com" };
  const CALL =
    "The widget calls create-unverified with the typed email and name only: no custom data and no avatar.";

  it("first visit, no extras: new device id, first message as typed, a new chat", () => {
    const r = submitWelcomeForm(collect, {}, JANE);
    expect(r.accepted && r.explanation).toEqual([
      CALL,
      "A new device id is generated and saved with the contact token.",
      "No extra field was filled in, so the first message is sent as typed.",
      "The router leaves the welcome screen for a new chat.",
    ]);
  });

  it("with user.externalId: that id is saved with the token", () => {
    const r = submitWelcomeForm(make({ model: "collect", externalId: "ws_1" }), {}, JANE);
    expect(r.accepted && r.explanation[1]).toBe(
      "The externalId from user.externalId is saved with the new contact token.",
    );
  });

  it("row C with extras on a known device: reused id, extras prepended, sessions list, form again next load", () => {
    const config = make({ model: "collect", extraFields: ["Company"] });
    const storage = { [KEYS.contactToken]: "tok-old", [KEYS.externalId]: "dev-old" };
    const r = submitWelcomeForm(
      config,
      storage,
      { ...JANE, extras: { Company: "Acme" } },
      { hasSessions: true },
    );
    expect(r.accepted && r.explanation).toEqual([
      CALL,
      "This browser's saved externalId is reused, so earlier conversations on this device stay visible.",
      "The extra field values stay in memory and are prepended to the visitor's first message.",
      "The router leaves the welcome screen for the sessions list.",
      "The form will show again on the next page load (extra fields are set).",
    ]);
  });
});

describe("submitWelcomeForm: the simulated contact token", () => {
  const JANE = { name: "Jane", email: "jane@example.com" };
  const token = (r: ReturnType<typeof submitWelcomeForm>) => (r.accepted ? r.contact.token : null);

  it("depends on what was typed: two visitors on the same device get different tokens", () => {
    const a = submitWelcomeForm(collect, {}, JANE);
    const b = submitWelcomeForm(collect, {}, { name: "John", email: "john@example.com" });
    expect(token(a)).not.toBe(token(b));
  });

  it("depends on the seed, and no seed is the empty seed", () => {
    const none = submitWelcomeForm(collect, {}, JANE);
    expect(token(submitWelcomeForm(collect, {}, JANE, { seed: "" }))).toBe(token(none));
    expect(token(submitWelcomeForm(collect, {}, JANE, { seed: "device-2" }))).not.toBe(token(none));
  });

  it("is asked of the id generator as a contact token, then the device id", () => {
    const asked: string[] = [];
    const r = submitWelcomeForm(collect, {}, JANE, {
      newId: (kind) => {
        asked.push(kind);
        return `id-of-${kind}`;
      },
    });
    expect(asked).toEqual(["contact-token", "external-id"]);
    expect(token(r)).toBe("id-of-contact-token");
  });

  it("does not depend on the order in which the browser lists its storage", () => {
    const config = make({ model: "collect", extraFields: ["Company"] });
    const ab = { a: "1", [KEYS.externalId]: "dev-old", z: "2" };
    const ba = { z: "2", [KEYS.externalId]: "dev-old", a: "1" };
    expect(token(submitWelcomeForm(config, ab, JANE))).toBe(
      token(submitWelcomeForm(config, ba, JANE)),
    );
  });

  it("does depend on what the storage holds", () => {
    const config = make({ model: "collect", extraFields: ["Company"] });
    expect(token(submitWelcomeForm(config, { a: "1" }, JANE))).not.toBe(
      token(submitWelcomeForm(config, { a: "2" }, JANE)),
    );
  });
});
