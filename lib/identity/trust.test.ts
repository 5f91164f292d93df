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

/**
 * The trust panel's sentences, in the order the panel shows them: who the contact is, whose
 * history they see, what happens to custom data, and when the welcome form returns.
 */
describe("trustSummary sentences (domain §4, §3.4, §6.5)", () => {
  const ANONYMOUS_HISTORY =
    "History stays on this browser: a device id saved in localStorage scopes the conversations, so another browser or cleared site data starts over.";
  const NO_CUSTOM_DATA = "No custom data is attached to the contact.";
  const VERIFIED =
    "Verified contact: your server vouches for the visitor with a contact token from authenticate-user, so agents can trust who they talk to.";
  const TRUSTED =
    "customData your server sends to authenticate-user is saved as trusted contact data: visitors cannot tamper with it.";
  const TYPED =
    "Non-verified contact: the visitor types a name and email, and anyone can type any email.";
  const UNTRUSTED =
    "user.data.customData is saved as non_verified_custom_data: agents and automations should treat it as untrusted.";

  it("anonymous: the widget knows nothing, history on this browser, no custom data", () => {
    expect(trustSummary(make({})).sentences).toEqual([
      "Anonymous contact: the widget knows nothing about the visitor.",
      ANONYMOUS_HISTORY,
      NO_CUSTOM_DATA,
    ]);
  });

  it("anonymous with collectUserData left on: nothing is said to be ignored", () => {
    expect(trustSummary(make({ collectUserData: true })).sentences).toEqual([
      "Anonymous contact: the widget knows nothing about the visitor.",
      ANONYMOUS_HISTORY,
      NO_CUSTOM_DATA,
    ]);
  });

  it("user.data without an email only labels an anonymous contact, and its customData is untrusted", () => {
    const t = trustSummary(
      make({ model: "browser", userName: "Jane", userCustomData: [{ key: "plan", value: "pro" }] }),
    );
    expect(t).toMatchObject({ kind: "anonymous", customData: "untrusted" });
    expect(t.sentences).toEqual([
      "Anonymous contact: without an email, user.data only labels a contact the widget cannot identify.",
      ANONYMOUS_HISTORY,
      UNTRUSTED,
    ]);
  });

  it("collect: typed identity, name and email only, the form once per browser", () => {
    const t = trustSummary(make({ model: "collect" }));
    expect(t.customData).toBe("none");
    expect(t.sentences).toEqual([
      TYPED,
      ANONYMOUS_HISTORY,
      "The form saves only a name and email: no custom data reaches the contact.",
      "The welcome form shows once per browser; later visits reuse the saved contact.",
    ]);
  });

  it("collect with extra fields: values go to the first message, and the form returns every load", () => {
    expect(trustSummary(make({ model: "collect", extraFields: ["Company"] })).sentences).toEqual([
      TYPED,
      ANONYMOUS_HISTORY,
      "Extra form fields are not saved on the contact: their values are prepended to the visitor's first message.",
      "The welcome form returns on every page load, because extra fields stop the widget reusing the saved contact.",
    ]);
  });

  it("browser collecting without an email: user.data.customData is never sent while the form shows", () => {
    const t = trustSummary(
      make({
        model: "browser",
        collectUserData: true,
        userCustomData: [{ key: "plan", value: "pro" }],
      }),
    );
    expect(t).toMatchObject({ kind: "non-verified", customData: "none" });
    expect(t.sentences).toEqual([
      TYPED,
      ANONYMOUS_HISTORY,
      "The form saves only a name and email: no custom data reaches the contact.",
      "user.data.customData is never sent while the form collects the identity.",
      "The welcome form shows once per browser; later visits reuse the saved contact.",
    ]);
  });

  it("browser with an email and user.externalId: page-supplied identity, history bound to that id", () => {
    const t = trustSummary(
      make({
        model: "browser",
        userEmail: "j@x.io",
        externalId: "ws_1",
        collectUserData: true,
        userCustomData: [{ key: "plan", value: "pro" }],
      }),
    );
    expect(t.sentences).toEqual([
      "Non-verified contact: your page supplies the email, and anyone can change page data to pose as someone else.",
      'History is scoped to externalId "ws_1" instead of a random device id, so anyone who knows that id can see these conversations.',
      UNTRUSTED,
      "collectUserData is ignored: with user.data.email the welcome form never shows.",
    ]);
  });

  it("browser with an email and no custom data attaches none", () => {
    const t = trustSummary(make({ model: "browser", userEmail: "j@x.io" }));
    expect(t.customData).toBe("none");
    expect(t.sentences.slice(2)).toEqual([NO_CUSTOM_DATA]);
  });

  it("server: verified on every device, trusted custom data", () => {
    expect(trustSummary(make({ model: "server" })).sentences).toEqual([
      VERIFIED,
      "History follows the contact to every device where your site passes their verified token.",
      TRUSTED,
    ]);
  });

  it("server with externalId and collectUserData: scoped history, and collectUserData said to be ignored", () => {
    expect(
      trustSummary(make({ model: "server", externalId: "t1", collectUserData: true })).sentences,
    ).toEqual([
      VERIFIED,
      'History follows the contact across devices, limited to sessions created with externalId "t1".',
      TRUSTED,
      "collectUserData is ignored: with a verified token the welcome form never shows.",
    ]);
  });

  it("server before your backend has passed a token is still described as verified", () => {
    expect(trustSummary(make({ model: "server", contactToken: "" })).kind).toBe("verified");
    expect(trustSummary(make({ model: "server" }), { contactToken: "" }).kind).toBe("verified");
  });
});
