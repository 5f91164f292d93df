/**
 * The sentences a person reads when a share link's values cannot all be used: which field, why,
 * and what was kept instead. Each value is judged on its own; the rest of the link is kept.
 */
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, LIMITS, defaultConfig, type PlaygroundConfig } from "../config/options";
import { LINK_FORMAT_VERSION, decodeConfig } from "./codec";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});
const linkWith = (payload: Record<string, unknown>) =>
  `${LINK_FORMAT_VERSION}.${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;
const read = (payload: Record<string, unknown>) => decodeConfig(linkWith(payload));

const SECRET_SENTENCE = (field: string) =>
  `The link tries to set the ${field}; secrets are never read from a share link, so it was ignored.`;

describe("secrets named in a link", () => {
  it("says once per secret, however many spellings of it the link uses", () => {
    const result = read({
      apiKey: "a",
      api_key: "b",
      "API KEY": "c",
      "org-api-key": "d",
      contactToken: "e",
      "Contact token": "f",
      m: "collect",
    });
    expect(result.config).toEqual(make({ model: "collect" }));
    expect(result.issues).toEqual([
      SECRET_SENTENCE("org API key"),
      SECRET_SENTENCE("contact token"),
    ]);
  });

  it("recognises a secret by its option name or its label, in any case, spacing or punctuation", () => {
    for (const spelling of ["APIKEY", "api.key", "Org API key", "ORG_API_KEY", "orgapikey"]) {
      expect(read({ [spelling]: "x" }).issues).toEqual([SECRET_SENTENCE("org API key")]);
    }
    for (const spelling of ["contact_token", "CONTACT-TOKEN", "contacttoken"]) {
      expect(read({ [spelling]: "x" }).issues).toEqual([SECRET_SENTENCE("contact token")]);
    }
  });

  it("treats a near-miss of a secret's name as an unknown setting, not a secret", () => {
    expect(read({ apiKeys: "x" }).issues).toEqual([
      'The link has a setting this version does not know ("apiKeys"); ignored it.',
    ]);
  });
});

describe("unknown settings", () => {
  it("names up to five unknown settings, in link order", () => {
    expect(read({ a1: 1, a2: 1, a3: 1, a4: 1, a5: 1 }).issues).toEqual([
      'The link has settings this version does not know ("a1", "a2", "a3", "a4", "a5"); ignored them.',
    ]);
  });

  it("counts the ones beyond five instead of naming them", () => {
    expect(read({ a1: 1, a2: 1, a3: 1, a4: 1, a5: 1, a6: 1, a7: 1, m: "browser" })).toEqual({
      config: make({ model: "browser" }),
      issues: [
        'The link has settings this version does not know ("a1", "a2", "a3", "a4", "a5" and 2 more); ignored them.',
      ],
      ok: false,
      madeForV4: false,
    });
  });

  it("cuts a long unknown name to 24 characters in the message", () => {
    const name24 = "abcdefghijklmnopqrstuvwx";
    expect(read({ [name24]: 1 }).issues).toEqual([
      `The link has a setting this version does not know ("${name24}"); ignored it.`,
    ]);
    expect(read({ [`${name24}y`]: 1 }).issues).toEqual([
      'The link has a setting this version does not know ("abcdefghijklmnopqrstuvw…"); ignored it.',
    ]);
  });

  it("reports unknown settings after the secrets, in one sentence", () => {
    expect(read({ zz: 1, apiKey: "x" }).issues).toEqual([
      SECRET_SENTENCE("org API key"),
      'The link has a setting this version does not know ("zz"); ignored it.',
    ]);
  });
});

describe("values shown in messages", () => {
  it("shows a refused value whole up to 40 characters, and cut with … beyond", () => {
    const forty = `#${"a".repeat(39)}`;
    expect(read({ pc: forty }).issues).toEqual([
      `The link's primary colour "${forty}" is not a colour the widget understands; kept the default.`,
    ]);
    expect(read({ pc: `${forty}b` }).issues).toEqual([
      `The link's primary colour "${forty.slice(0, 39)}…" is not a colour the widget understands; kept the default.`,
    ]);
  });

  it("never cuts an emoji in half when shortening", () => {
    const emoji = "😀".repeat(41);
    expect(read({ pc: emoji }).issues).toEqual([
      `The link's primary colour "${"😀".repeat(39)}…" is not a colour the widget understands; kept the default.`,
    ]);
  });

  it("shows a value that is not text as JSON, shortened the same way", () => {
    expect(read({ c: [1, 2] }).issues).toEqual([
      "The link's collectUserData switch [1,2] could not be used (expected boolean); kept the default.",
    ]);
    const long = Array.from({ length: 30 }, (_, i) => i);
    expect(read({ c: long }).issues).toEqual([
      `The link's collectUserData switch ${JSON.stringify(long).slice(0, 39)}… could not be used (expected boolean); kept the default.`,
    ]);
  });
});

describe("extra welcome-form fields", () => {
  it("drops a field name over the length limit, saying the limit", () => {
    const long = "F".repeat(LIMITS.shortText + 1);
    const result = read({ m: "collect", x: ["Company", long, "Plan"] });
    expect(result.config.extraFields).toEqual(["Company", "Plan"]);
    expect(result.issues).toEqual([
      `The link's extra welcome-form field "${"F".repeat(39)}…" was dropped: keep it under ${LIMITS.shortText} characters.`,
    ]);
    const atLimit = "F".repeat(LIMITS.shortText);
    expect(read({ x: [atLimit] })).toEqual({
      config: make({ extraFields: [atLimit] }),
      issues: [],
      ok: true,
      madeForV4: false,
    });
  });

  it("drops a field that is not text, whatever it is", () => {
    const result = read({ x: [null, true, { name: "Plan" }, ["Plan"], "Plan"] });
    expect(result.config.extraFields).toEqual(["Plan"]);
    expect(result.issues).toEqual([
      "The link's extra welcome-form field null was dropped: it is not text.",
      "The link's extra welcome-form field true was dropped: it is not text.",
      'The link\'s extra welcome-form field {"name":"Plan"} was dropped: it is not text.',
      'The link\'s extra welcome-form field ["Plan"] was dropped: it is not text.',
    ]);
  });

  it("keeps exactly the limit without a message; one more is counted", () => {
    const names = Array.from({ length: LIMITS.extraFields + 1 }, (_, i) => `Field ${i}`);
    expect(read({ x: names.slice(0, LIMITS.extraFields) })).toEqual({
      config: make({ extraFields: names.slice(0, LIMITS.extraFields) }),
      issues: [],
      ok: true,
      madeForV4: false,
    });
    expect(read({ x: names })).toEqual({
      config: make({ extraFields: names.slice(0, LIMITS.extraFields) }),
      issues: [
        `The link has ${LIMITS.extraFields + 1} extra welcome-form fields; kept the first ${LIMITS.extraFields}.`,
      ],
      ok: false,
      madeForV4: false,
    });
  });

  it("counts only good fields towards the limit: a dropped field leaves room for a later one", () => {
    const names = Array.from({ length: LIMITS.extraFields }, (_, i) => `Field ${i}`);
    const result = read({ x: ["name", ...names.slice(0, 6), "", ...names.slice(6)] });
    expect(result.config.extraFields).toEqual(names);
    expect(result.issues).toEqual([
      'The link\'s extra welcome-form field "name" was dropped: "name" is already on the form: name and email are always asked.',
      'The link\'s extra welcome-form field "" was dropped: a field needs a name.',
    ]);
  });

  it("compares a field with the ones kept, not with ones dropped", () => {
    const long = "x".repeat(LIMITS.shortText + 1);
    const result = read({ x: [long, " Plan", "Plan", "PLAN"] });
    expect(result.config.extraFields).toEqual(["Plan"]);
    expect(result.issues.slice(1)).toEqual([
      'The link\'s extra welcome-form field " Plan" was dropped: remove the spaces at the start or end.',
      'The link\'s extra welcome-form field "PLAN" was dropped: there is already a field called "PLAN".',
    ]);
  });
});

describe("how many messages a person reads", () => {
  const blanks = (n: number) => ({ x: Array.from({ length: n }, () => "") });
  const blankSentence =
    'The link\'s extra welcome-form field "" was dropped: a field needs a name.';

  it("shows ten messages without a count", () => {
    const result = read(blanks(10));
    expect(result.issues).toEqual(Array.from({ length: 10 }, () => blankSentence));
    expect(result.ok).toBe(false);
  });

  it("folds the eleventh into one last sentence, in the singular", () => {
    expect(read(blanks(11)).issues).toEqual([
      ...Array.from({ length: 10 }, () => blankSentence),
      "…and 1 more problem with this link.",
    ]);
  });

  it("folds more into one last sentence, in the plural", () => {
    expect(read(blanks(12)).issues.at(-1)).toBe("…and 2 more problems with this link.");
    expect(read(blanks(12)).issues).toHaveLength(11);
  });
});

describe("refused values: which field, why, and that the default was kept", () => {
  it("drops each refused field to its default and keeps the rest of the link", () => {
    const result = read({ m: "server", c: 1, se: "jane@example.com", o: 7 });
    expect(result.config).toEqual(make({ model: "server", serverEmail: "jane@example.com" }));
    expect(result.issues).toEqual([
      "The link's collectUserData switch 1 could not be used (expected boolean); kept the default.",
      "The link's organisation name 7 could not be used (expected string); kept the default.",
    ]);
  });

  it("gives a bad colour its own sentence, with the value it could not use", () => {
    expect(read({ pc: "#12345" })).toEqual({
      config: DEFAULT_CONFIG,
      issues: [
        'The link\'s primary colour "#12345" is not a colour the widget understands; kept the default.',
      ],
      ok: false,
      madeForV4: false,
    });
  });

  it("states the schema's reason in lower case, without the field's label or a final full stop", () => {
    const [issue] = read({ o: "x".repeat(LIMITS.shortText + 1) }).issues;
    expect(issue).toBe(
      `The link's organisation name "${"x".repeat(39)}…" could not be used (keep it under ${LIMITS.shortText} characters); kept the default.`,
    );
  });

  it("says the first problem of a field once, even when the schema finds several in it", () => {
    const result = read({ ud: [{ key: 1, value: 2 }, { nope: true }] });
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.issues).toEqual([
      'The link\'s browser custom data [{"key":1,"value":2},{"nope":true}] could not be used (expected string); kept the default.',
    ]);
  });

  it("names an unknown key in a row as written, dots and all", () => {
    expect(read({ m: "server", sd: [{ key: "plan", value: "pro", "a.b": 1 }] }).issues).toEqual([
      'The link\'s server customData [{"key":"plan","value":"pro","a.b":1}] could not be used (unknown key "a.b" in a row); kept the default.',
    ]);
  });

  it("reads a link that only sets values to their defaults as the defaults, without a message", () => {
    expect(read({ m: "anonymous", x: [], c: false })).toEqual({
      config: DEFAULT_CONFIG,
      issues: [],
      ok: true,
      madeForV4: false,
    });
  });
});
