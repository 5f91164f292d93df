/**
 * Simple options are imported from their rows alone: for every row a generic control
 * edits, a literal holding a valid value at the row's `widgetOption` path (or `apiField`
 * in an authenticate-user body) imports to exactly that value, with nothing reported.
 * A new simple row is covered here without an edit.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileText } from "../config/arbitraries";
import { WIDGET_LANGUAGES } from "../config/languages";
import {
  defaultConfig,
  IDENTITY_MODELS,
  OPTION_KEYS,
  OPTIONS,
  type IdentityModel,
  type OptionKey,
} from "../config/options";
import { looksLikeApiKey, looksLikeJwt } from "../secrets/detect";
import { importSnippet } from "./index";
import { isSimple, SIMPLE_BODY_ROWS, SIMPLE_WIDGET_ROWS } from "./simple-options";
import { PLACEHOLDER_TOKENS } from "./widget-options";

const CONTACT_TOKEN = "__contact_token_variable__";

/** Valid values of a simple row, ordinary and hostile, none refused on purpose (secrets, placeholders). */
function values(key: OptionKey): fc.Arbitrary<string | boolean> {
  const row = OPTIONS[key];
  const control = row.control;
  if (control.kind === "boolean") return fc.boolean();
  if (control.kind === "select")
    return fc.constantFrom(...control.choices.map((c) => c.value).filter((v) => v !== ""));
  if (control.kind === "colour")
    return fc.oneof(
      fc.constantFrom("#2563eb", "white", "hsl(262 83% 58%)"),
      fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`),
    );
  return fc
    .oneof(
      fc.string({ maxLength: 40 }),
      hostileText(60),
      fc.constantFrom(...(row.examples ?? [""])),
    )
    .filter(
      (v) =>
        row.schema.safeParse(v).success &&
        !looksLikeApiKey(v, "") &&
        !looksLikeJwt(v) &&
        !PLACEHOLDER_TOKENS.has(v.trim()),
    );
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let at = target;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]!] = value;
}

/** Options text setting `path` to `value` in `model`, with what that model needs beside it. */
function optionsText(path: string, value: unknown, model: IdentityModel): string {
  const options: Record<string, unknown> = {};
  if (path !== "token") options.token = "wt_1";
  if (model === "collect") options.collectUserData = true;
  if (model === "browser") setPath(options, "user.data", {});
  if (model === "server") setPath(options, "user.token", CONTACT_TOKEN);
  setPath(options, path, value);
  return `const options = ${JSON.stringify(options, null, 2)};`.replace(
    JSON.stringify(CONTACT_TOKEN),
    "contactToken",
  );
}

describe("simple widget options are read from their rows", () => {
  it("covers every generic, non-secret row with a widget option", () => {
    expect(SIMPLE_WIDGET_ROWS.length).toBeGreaterThanOrEqual(9);
    for (const key of SIMPLE_WIDGET_ROWS) expect(OPTIONS[key].control.custom).toBeUndefined();
  });

  it("the rows that are not simple are exactly the hand-written ones", () => {
    const handWritten = OPTION_KEYS.filter(
      (k) =>
        (OPTIONS[k].widgetOption !== null || OPTIONS[k].apiField !== null) &&
        !SIMPLE_WIDGET_ROWS.includes(k) &&
        !SIMPLE_BODY_ROWS.includes(k),
    );
    expect(handWritten.sort()).toEqual(
      [
        "collectUserData",
        "contactToken",
        "extraFields",
        "serverCustomData",
        "userCustomData",
        // mcp_access is one object the personal-connection rows describe together (the scope
        // row, which only picks its shape, names no field of its own).
        "personalConnections",
        "mcpServerIds",
        "mcpAccountId",
      ].sort(),
    );
    for (const key of handWritten.filter((k) => !OPTIONS[k].apiField?.startsWith("mcp_access")))
      expect(isSimple(OPTIONS[key])).toBe(false);
  });

  for (const key of SIMPLE_WIDGET_ROWS) {
    const path = OPTIONS[key].widgetOption!;
    const models = OPTIONS[key].models.length > 0 ? OPTIONS[key].models : IDENTITY_MODELS;
    it(`${key}: a valid \`${path}\` imports to that value, nothing reported`, () => {
      fc.assert(
        fc.property(values(key), fc.constantFrom(...models), (value, model) => {
          const result = importSnippet(optionsText(path, value, model), defaultConfig());
          expect(result.problems).toEqual([]);
          expect(result.config[key]).toBe(value);
          expect(result.config.model).toBe(model);
          expect(result.mapped).toContain(path);
        }),
        { numRuns: 40 },
      );
    });
  }
});

describe("simple authenticate-user fields are read from their rows", () => {
  for (const key of SIMPLE_BODY_ROWS) {
    const field = OPTIONS[key].apiField!;
    it(`${key}: a valid \`${field}\` in the body imports to that value`, () => {
      fc.assert(
        fc.property(values(key), (value) => {
          const body = { email: "jane@example.com", [field]: value };
          const text = `await fetch("https://api.open.cx/widget/authenticate-user", {
  method: "POST",
  body: JSON.stringify(${JSON.stringify(body)}),
});`;
          const result = importSnippet(text, defaultConfig());
          expect(result.ok).toBe(true);
          expect(result.problems.filter((p) => p.path.startsWith("body"))).toEqual([]);
          expect(result.config[key]).toBe(value);
          expect(result.mapped).toContain(`body.${field}`);
        }),
        { numRuns: 40 },
      );
    });
  }
});

describe("what a row's control says is checked", () => {
  it("a choice not in the select is an error and gives the default (the widget falls back to en)", () => {
    const result = importSnippet(`{ token: 'a', language: 'fre' }`, {
      ...defaultConfig(),
      language: "de",
    });
    expect(result.config.language).toBe("en");
    expect(result.problems).toMatchObject([{ severity: "error", path: "language" }]);
    expect(result.problems[0]?.message).toMatch(
      new RegExp(`not one of the ${WIDGET_LANGUAGES.length} choices.*Did you mean \`fr\`\\?`),
    );
  });

  it("a written-out empty server language is not one of the codes", () => {
    const text = `fetch('/widget/authenticate-user', { body: JSON.stringify({ email: 'a@b.co', language: '' }) })`;
    const result = importSnippet(text, { ...defaultConfig(), serverLanguage: "de" });
    expect(result.config.serverLanguage).toBe("");
    expect(result.problems.find((p) => p.path === "body.language")?.severity).toBe("error");
  });

  it("free text longer than the row's schema allows is refused with that limit", () => {
    const long = "x".repeat(2001);
    const text = `fetch('/widget/authenticate-user', { body: JSON.stringify({ email: 'a@b.co', chat_context: '${long}' }) })`;
    const result = importSnippet(text, defaultConfig());
    expect(result.config.serverChatContext).toBe("");
    expect(result.problems.find((p) => p.path === "body.chat_context")?.message).toMatch(
      /2001 characters.*at most 2000/,
    );
  });
});

describe("nested objects are read along the rows' paths", () => {
  it("a misspelt key inside `user` or `user.data` is named with the key the rows have", () => {
    const result = importSnippet(
      `{ token: 'a', user: { externalID: 'x', data: { emial: 'a@b.co' } } }`,
      defaultConfig(),
    );
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.message]));
    expect(byPath["user.externalID"]).toMatch(/Did you mean `externalId`\?/);
    expect(byPath["user.data.emial"]).toMatch(/Did you mean `email`\?/);
    expect(result.problems).toHaveLength(2);
  });

  it("an object that is not a literal is reported once, however many options sit under it", () => {
    const result = importSnippet(`{ token: 'a', user: { data: getData() } }`, defaultConfig());
    expect(result.config.model).toBe("browser");
    expect(result.problems.filter((p) => p.path === "user.data")).toHaveLength(1);
  });
});
