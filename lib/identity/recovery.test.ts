import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { counterIds } from "./ids";
import { RECOVERY_TRIGGER_UNKNOWN, rejectedTokenOutcome, rejectionSentence } from "./recovery";
import { simulateLoad } from "./simulate";
import { storageKeys } from "./storage";
import type { ResolvedContact } from "./types";
import { submitWelcomeForm } from "./welcome";

const WT = "wt_1";
const KEYS = storageKeys(WT);
const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: WT,
  ...over,
});
const stored = {
  [KEYS.contactToken]: "tok-dead",
  [KEYS.externalId]: "dev-1",
  [`opencx-widget:org-token-${WT}:active-session`]: "s1",
  unrelated: "kept",
};
const contact = (kind: ResolvedContact["kind"], token = "tok-dead"): ResolvedContact => ({
  token,
  kind,
  externalId: kind === "verified" ? null : "dev-1",
  externalIdSource: kind === "verified" ? "none" : "persisted",
});

describe("a rejected token on widget v4 (domain-v5 §3.6: no recovery)", () => {
  it.each(["anonymous", "collect", "browser"] as const)(
    "%s: requests keep failing until the site data is cleared; nothing is called or written",
    (model) => {
      const r = rejectedTokenOutcome(make({ model }), "v4", stored, contact("anonymous"));
      expect(r).toEqual({
        kind: "failing",
        reason: "v4-no-recovery",
        explanation: [rejectionSentence("v4-no-recovery")],
      });
    },
  );

  it("verified: the host must renew it (clearing site data would not help)", () => {
    const r = rejectedTokenOutcome(make({ model: "server" }), "v4", stored, contact("verified"), {
      contactToken: "jwt",
    });
    expect(r.kind === "failing" && r.reason).toBe("verified-host-renews");
  });
});

describe("a rejected token on widget v5 (domain-v5 §3.6)", () => {
  it("anonymous: a fresh anonymous contact from an empty body; only the token key is replaced, the externalId is reused", () => {
    const r = rejectedTokenOutcome(make({}), "v5", stored, contact("anonymous"), {
      newId: counterIds(),
    });
    expect(r.kind).toBe("recovered");
    if (r.kind !== "recovered") return;
    expect(r.reason).toBe("recovered-anonymous");
    expect(r.call).toEqual({ kind: "create-unverified", when: "recovery", body: {} });
    expect(r.contact).toEqual({
      token: "sim-unverified-1",
      kind: "anonymous",
      externalId: "dev-1",
      externalIdSource: "persisted",
    });
    expect(r.storageRemoved).toEqual([KEYS.contactToken]);
    expect(r.storageAfter).toEqual({ ...stored, [KEYS.contactToken]: "sim-unverified-1" });
  });

  it("collect: the visitor who typed name and email becomes anonymous, and the welcome form does not return", () => {
    const config = make({ model: "collect" });
    const submit = submitWelcomeForm(config, {}, { name: "Ada", email: "ada@example.com" });
    expect(submit.accepted).toBe(true);
    if (!submit.accepted) return;
    const r = rejectedTokenOutcome(config, "v5", submit.storageAfter, submit.contact);
    expect(r.kind).toBe("recovered");
    if (r.kind !== "recovered") return;
    expect(r.reason).toBe("recovered-collected-lost");
    // No user.data in collect mode: neither the name nor the email is sent again.
    expect(r.call.body).toEqual({});
    expect(r.contact.kind).toBe("anonymous");
    expect(r.contact.token).not.toBe(submit.contact.token);
    expect(r.contact.externalId).toBe(submit.contact.externalId);
    expect(r.explanation.join(" ")).toMatch(/lost, and the form does not come back/);
    // The next page load reuses the new token (row B): no welcome form.
    const next = simulateLoad(config, r.storageAfter);
    expect(next.firstScreen).not.toBe("welcome");
    expect(next.contact?.token).toBe(r.contact.token);
  });

  it("browser with an email: upserted again with the same email, name and custom data", () => {
    const config = make({
      model: "browser",
      userName: "Ada",
      userEmail: "ada@example.com",
      userCustomData: [{ key: "plan", value: "pro" }],
    });
    const r = rejectedTokenOutcome(config, "v5", stored, contact("non-verified"));
    expect(r.kind === "recovered" && r.reason).toBe("recovered-same-email");
    expect(r.kind === "recovered" && r.call.body).toEqual({
      email: "ada@example.com",
      non_verified_name: "Ada",
      non_verified_custom_data: { plan: "pro" },
    });
    expect(r.kind === "recovered" && r.contact.kind).toBe("non-verified");
  });

  it("browser without an email: a fresh anonymous contact that still carries user.data's name", () => {
    const config = make({ model: "browser", userName: "Ada" });
    const r = rejectedTokenOutcome(config, "v5", stored, contact("anonymous"));
    expect(r.kind === "recovered" && r.reason).toBe("recovered-anonymous");
    expect(r.kind === "recovered" && r.call.body).toEqual({ non_verified_name: "Ada" });
  });

  it("user.externalId wins over the persisted device id, as in setUnverifiedContact", () => {
    const r = rejectedTokenOutcome(
      make({ externalId: "ws-9" }),
      "v5",
      stored,
      contact("anonymous"),
    );
    expect(r.kind === "recovered" && r.contact.externalId).toBe("ws-9");
    expect(r.kind === "recovered" && r.contact.externalIdSource).toBe("config");
  });

  it("a verified token is never recovered: the host must renew it", () => {
    const r = rejectedTokenOutcome(make({ model: "server" }), "v5", stored, contact("verified"), {
      contactToken: "jwt",
    });
    expect(r).toEqual({
      kind: "failing",
      reason: "verified-host-renews",
      explanation: [rejectionSentence("verified-host-renews")],
    });
  });

  it("mints a new token per rejected token and per body: a recovery is a new create-unverified call", () => {
    const once = rejectedTokenOutcome(make({}), "v5", stored, contact("anonymous", "tok-a"));
    const other = rejectedTokenOutcome(make({}), "v5", stored, contact("anonymous", "tok-b"));
    expect(once.kind === "recovered" && once.contact.token).not.toBe(
      other.kind === "recovered" && other.contact.token,
    );
    const browser = (userName: string) =>
      rejectedTokenOutcome(
        make({ model: "browser", userName }),
        "v5",
        stored,
        contact("anonymous"),
      );
    const ada = browser("Ada");
    const sam = browser("Sam");
    expect(ada.kind === "recovered" && ada.contact.token).not.toBe(
      sam.kind === "recovered" && sam.contact.token,
    );
  });

  it("a verified rejection is the host's, whatever the config says (only the resolved contact counts)", () => {
    const r = rejectedTokenOutcome(make({ model: "anonymous" }), "v5", stored, contact("verified"));
    expect(r.kind === "failing" && r.reason).toBe("verified-host-renews");
  });

  it("is deterministic, and mints a token other than the rejected one", () => {
    const a = rejectedTokenOutcome(make({}), "v5", stored, contact("anonymous"), { seed: "d#1" });
    const b = rejectedTokenOutcome(make({}), "v5", stored, contact("anonymous"), { seed: "d#1" });
    expect(a).toEqual(b);
    expect(a.kind === "recovered" && a.contact.token).not.toBe("tok-dead");
  });
});

describe("what the preview says about a rejected token", () => {
  it("v5's recoveries say that 5.0.0's trigger is not published; the failures do not", () => {
    for (const reason of [
      "recovered-anonymous",
      "recovered-collected-lost",
      "recovered-same-email",
    ] as const) {
      const sentence = rejectionSentence(reason);
      expect(sentence.startsWith("Widget v5 recovers: "), reason).toBe(true);
      expect(sentence.endsWith(` ${RECOVERY_TRIGGER_UNKNOWN}`), reason).toBe(true);
    }
    for (const reason of ["verified-host-renews", "v4-no-recovery"] as const) {
      expect(rejectionSentence(reason)).not.toContain(RECOVERY_TRIGGER_UNKNOWN);
      expect(rejectionSentence(reason)).toMatch(/fail/);
    }
    expect(RECOVERY_TRIGGER_UNKNOWN).toContain("5.0.0");
  });
});
