/**
 * What each advisory tells the user, in the cases where its sentence or its field depends on the
 * config: singular and plural, which reason a form field is unused, which field holds a secret,
 * and the order of advisories that share a severity and a field.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig, type OptionKey, type PlaygroundConfig } from "../config/options";
import { fakeJwt, fakeKey } from "../secrets/test-support/fake-keys";
import { formFieldsRelevant, listOf } from "./helpers";
import { lintConfig } from "./index";

const JWT = fakeJwt({ alg: "HS256" }, { sub: "1" }, "signature");
const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: "wt_1",
  ...over,
});
const server = (over: Partial<PlaygroundConfig> = {}) =>
  make({ model: "server", serverEmail: "jane@example.com", contactToken: JWT, ...over });
const browser = (over: Partial<PlaygroundConfig> = {}) => make({ model: "browser", ...over });

/** The messages of one rule's advisories for `config`. */
const said = (config: PlaygroundConfig, id: string) =>
  lintConfig(config)
    .filter((a) => a.id === id)
    .map((a) => a.message);
/** The fields one rule's advisories stand next to. */
const fieldsOf = (config: PlaygroundConfig, id: string) =>
  lintConfig(config)
    .filter((a) => a.id === id)
    .map((a) => a.option);
const rows = (...pairs: [string, string][]) => pairs.map(([key, value]) => ({ key, value }));

describe("custom-data-values-are-strings: names each key once, singular or plural", () => {
  it("one key: its value is sent as text; parse it", () => {
    expect(
      said(browser({ userCustomData: rows(["seats", "42"]) }), "custom-data-values-are-strings"),
    ).toEqual([
      'user.data.customData only takes strings, so the value of "seats" is sent as text, not as a number, boolean or object. Parse it where you read it, or send typed values from your server (Server model).',
    ]);
  });

  it("the same key twice is still one key", () => {
    const [message] = said(
      browser({ userCustomData: rows(["seats", "42"], ["seats", "7"]) }),
      "custom-data-values-are-strings",
    );
    expect(message).toContain('the value of "seats" is sent as text');
  });

  it("several keys: their values are sent as text; parse them", () => {
    expect(
      said(
        browser({ userCustomData: rows(["seats", "42"], ["plan", "pro"], ["trial", "true"]) }),
        "custom-data-values-are-strings",
      ),
    ).toEqual([
      'user.data.customData only takes strings, so the values of "seats" and "trial" are sent as text, not as a number, boolean or object. Parse them where you read them, or send typed values from your server (Server model).',
    ]);
  });
});

describe("custom-data-duplicate-key: singular and plural", () => {
  it("one key", () => {
    expect(
      said(
        browser({ userCustomData: rows(["plan", "a"], ["plan", "b"]) }),
        "custom-data-duplicate-key",
      ),
    ).toEqual([
      'The key "plan" appears more than once, so only the last value is sent. Rename or remove the extra rows.',
    ]);
  });

  it("three keys are listed as a, b and c", () => {
    const keys = ["a", "b", "c", "a", "b", "c"];
    const [message] = said(
      server({ serverCustomData: keys.map((key) => ({ key, value: 1 })) }),
      "custom-data-duplicate-key",
    );
    expect(message).toContain('The keys "a", "b" and "c" appear more than once');
  });
});

describe("custom-data-empty-key: a row without a key, or a key of spaces", () => {
  it("a value with no key is left out of the snippet", () => {
    expect(said(browser({ userCustomData: rows(["", "pro"]) }), "custom-data-empty-key")).toEqual([
      "A custom-data row has a value but no key, so it is left out of the snippet. Give it a key or remove the row.",
    ]);
  });

  it("a key of only spaces is sent as is", () => {
    expect(
      said(server({ serverCustomData: [{ key: "   ", value: "pro" }] }), "custom-data-empty-key"),
    ).toEqual([
      "A custom-data key is only spaces, which is sent as is and is easy to miss. Give it a real name.",
    ]);
    expect(
      fieldsOf(browser({ userCustomData: rows([" ", "pro"]) }), "custom-data-empty-key"),
    ).toEqual(["userCustomData"]);
  });
});

describe("collect-drops-user-data: names what is never sent", () => {
  const dropping = (over: Partial<PlaygroundConfig>) =>
    said(browser({ collectUserData: true, ...over }), "collect-drops-user-data");

  it("the name", () => {
    expect(dropping({ userName: "Jane" })).toEqual([
      "Without user.data.email the welcome form runs and sends only the typed name and email: user.data name is never sent, nor used to prefill the form. Add an email to skip the form, or turn collectUserData off.",
    ]);
  });

  it("the custom data", () => {
    expect(dropping({ userCustomData: rows(["plan", "pro"]) })[0]).toContain(
      "user.data customData is never sent",
    );
  });

  it("both", () => {
    expect(dropping({ userName: "Jane", userCustomData: rows(["plan", "pro"]) })[0]).toContain(
      "user.data name and customData are never sent",
    );
  });
});

describe("prefill-needs-collect and extra-fields-need-collect: why the form fields are unused", () => {
  const form = { collectUserData: true, prefillName: "Jane", extraFields: ["Company"] };

  it("Server model: the verified token skips the form", () => {
    const config = server(form);
    expect(said(config, "prefill-needs-collect")).toEqual([
      "prefillUserData has no effect here: with a verified token the welcome form never shows. Switch the identity model to Collect to prefill the form, or clear this value.",
    ]);
    expect(said(config, "extra-fields-need-collect")).toEqual([
      "extraDataCollectionFields has no effect here: with a verified token the welcome form never shows. Switch the identity model to Collect to ask for them, or remove them.",
    ]);
  });

  it("Browser model with user.data.email: the email skips the form", () => {
    const config = browser({ ...form, userEmail: "jane@example.com" });
    expect(said(config, "prefill-needs-collect")[0]).toContain(
      "no effect here: with user.data.email the welcome form never shows.",
    );
    expect(said(config, "extra-fields-need-collect")[0]).toContain(
      "no effect here: with user.data.email the welcome form never shows.",
    );
  });

  it("Browser model without an email: the form shows, but the snippet sends them only with Collect", () => {
    const config = browser(form);
    expect(said(config, "prefill-needs-collect")[0]).toContain(
      "no effect here: the snippet sends them only with the Collect model.",
    );
    expect(said(config, "extra-fields-need-collect")[0]).toContain(
      "no effect here: the snippet sends them only with the Collect model.",
    );
  });

  it("each prefill value is reported at its own field", () => {
    expect(
      fieldsOf(
        server({ collectUserData: true, prefillEmail: "jane@example.com" }),
        "prefill-needs-collect",
      ),
    ).toEqual(["prefillEmail"]);
  });
});

describe("how an advisory lists names", () => {
  it('"", "a", "a and b", "a, b and c"', () => {
    expect(listOf([])).toBe("");
    expect(listOf(["a"])).toBe("a");
    expect(listOf(["a", "b"])).toBe("a and b");
    expect(listOf(["a", "b", "c"])).toBe("a, b and c");
  });
});

describe("the welcome-form fields are relevant", () => {
  it("in the Collect model, and in Browser or Server only with collectUserData", () => {
    expect(formFieldsRelevant(make({ model: "collect" }))).toBe(true);
    expect(formFieldsRelevant(make({ model: "anonymous", collectUserData: true }))).toBe(false);
    for (const model of ["browser", "server"] as const) {
      expect(formFieldsRelevant(make({ model, collectUserData: true }))).toBe(true);
      expect(formFieldsRelevant(make({ model, collectUserData: false }))).toBe(false);
    }
  });
});

describe("secret-in-client-field: each field the model puts into the widget options", () => {
  const KEY = fakeKey("live", "abcdef123456");
  const cases: [string, PlaygroundConfig, OptionKey, string][] = [
    ["any model", make({ model: "anonymous", widgetToken: KEY }), "widgetToken", "Widget token"],
    ["any model", make({ model: "anonymous", externalId: KEY }), "externalId", "externalId"],
    ["Collect", make({ model: "collect", prefillName: KEY }), "prefillName", "Prefill name"],
    ["Browser", browser({ userName: KEY }), "userName", "Name"],
    ["Browser", browser({ userEmail: KEY }), "userEmail", "Email"],
    ["Browser", browser({ userAvatarUrl: KEY }), "userAvatarUrl", "Avatar URL"],
    ["Browser", browser({ userCustomData: rows([KEY, "x"]) }), "userCustomData", "Custom data"],
    ["Server", server({ contactToken: KEY }), "contactToken", "Contact token"],
  ];
  for (const [model, config, option, label] of cases) {
    it(`${model}: ${option}`, () => {
      const found = lintConfig(config).filter((a) => a.id === "secret-in-client-field");
      expect(found).toEqual([
        {
          id: "secret-in-client-field",
          severity: "error",
          option,
          message: `${label} looks like an org API key, and the widget options are public page code anyone can read. Keep the key on your server and revoke it if it was published.`,
        },
      ]);
    });
  }

  it("fields the model does not send are not checked", () => {
    expect(fieldsOf(make({ model: "collect", userName: KEY }), "secret-in-client-field")).toEqual(
      [],
    );
    expect(fieldsOf(browser({ prefillName: KEY }), "secret-in-client-field")).toEqual([]);
    expect(fieldsOf(browser({ contactToken: KEY }), "secret-in-client-field")).toEqual([]);
  });
});

describe("tokens", () => {
  it("widget-token-missing: a token of only spaces is missing", () => {
    expect(fieldsOf(make({ widgetToken: "   " }), "widget-token-missing")).toEqual(["widgetToken"]);
  });

  it("widget-token-equals-contact-token: surrounding spaces do not make the tokens differ", () => {
    const id = "widget-token-equals-contact-token";
    expect(fieldsOf(server({ widgetToken: " same ", contactToken: "same" }), id)).toEqual([
      "contactToken",
    ]);
    expect(fieldsOf(server({ widgetToken: "same", contactToken: "same  " }), id)).toEqual([
      "contactToken",
    ]);
  });
});

describe("server-email-required: a missing email and an invalid one are told apart", () => {
  const id = "server-email-required";
  it("no email, or only spaces: the cURL sample body has no email; the others take an argument", () => {
    for (const serverEmail of ["", "   "]) {
      expect(said(server({ serverEmail }), id)).toEqual([
        expect.stringMatching(
          /^The cURL snippet's sample body has no email, and authenticate-user requires one: .* The other server snippets take the signed-in user's email as an argument/,
        ),
      ]);
    }
  });
  it("an invalid email: authenticate-user will likely refuse it", () => {
    expect(said(server({ serverEmail: "jane" }), id)).toEqual([
      expect.stringMatching(
        /^This is not a valid email address, so authenticate-user will likely refuse it/,
      ),
    ]);
  });
});

describe("browser-data-unverified", () => {
  it("an email next to collectUserData is still sent from page code, so still unverified", () => {
    expect(
      fieldsOf(
        browser({ collectUserData: true, userEmail: "jane@example.com" }),
        "browser-data-unverified",
      ),
    ).toEqual(["userEmail"]);
  });
});

describe("lintConfig: advisories of the same severity at the same field follow their rule ids", () => {
  it("custom-data-duplicate-key before custom-data-empty-key", () => {
    const config = browser({ userCustomData: rows(["", "x"], ["plan", "a"], ["plan", "b"]) });
    const ids = lintConfig(config)
      .filter((a) => a.severity === "warning" && a.option === "userCustomData")
      .map((a) => a.id);
    expect(ids).toEqual(["custom-data-duplicate-key", "custom-data-empty-key"]);
  });

  it("browser-data-unverified before custom-data-values-are-strings", () => {
    const ids = lintConfig(browser({ userCustomData: rows(["seats", "42"]) }))
      .filter((a) => a.severity === "info" && a.option === "userCustomData")
      .map((a) => a.id);
    expect(ids).toEqual(["browser-data-unverified", "custom-data-values-are-strings"]);
  });

  it("jwt-as-widget-token before secret-in-client-field", () => {
    const ids = lintConfig(make({ widgetToken: JWT, apiKey: JWT }))
      .filter((a) => a.option === "widgetToken")
      .map((a) => a.id);
    expect(ids).toEqual(["jwt-as-widget-token", "secret-in-client-field"]);
  });
});
