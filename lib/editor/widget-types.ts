/**
 * The `.d.ts` the options editor registers with Monaco's TypeScript worker, so completion,
 * hover docs and validation of option names and types come from the compiler itself.
 *
 * Built from the option table: every row with a `widgetOption` path is declared where its path
 * says (top level, `theme.*` and `prefillUserData.*` as nested objects, `user.data.*` in
 * `WidgetUserData`, other `user.*` next to the token-or-data union), with a TypeScript type
 * from its control kind and JSDoc from its help, `docs`, widget option path and default (the
 * playground's defaults are the widget's). What no row says is written here: the groups' docs,
 * which option is required, and `user` as the discriminated union of `token` | `data`
 * (domain.md §2), whose `token` documents the contact token the page receives.
 *
 * As a global script (the editor's), not a module: the editor's text says
 * `const options: WidgetConfig = { … }` with no import, and the verified model refers to
 * `contactToken`, declared here as the value your backend hands to the page. As a module, the
 * same declarations type the golden React fixtures (`lib/snippets/test-support/`).
 *
 * Only the options the playground models are declared, so an option it cannot show (or a typo)
 * is an error in the editor rather than something silently dropped.
 *
 * One declaration per widget major: a row is declared only in the majors its `versions` lists,
 * so v5's `streaming` and `capabilities.connections` are an error in v4's `WidgetConfig`.
 */
import { WIDGET_LANGUAGES } from "@/lib/config/languages";
import { OPTION_KEYS, OPTIONS, type OptionRow } from "@/lib/config/options";
import { DEFAULT_WIDGET_MAJOR, WIDGET_PINS, type WidgetMajor } from "@/lib/config/versions";

/** The name of the options interface the editor's source is typed with. */
export const WIDGET_CONFIG_TYPE = "WidgetConfig";
/** The global the verified model's snippet reads the contact token from. */
export const CONTACT_TOKEN_VARIABLE = "contactToken";
/** The file name Monaco registers the declarations under. */
export const WIDGET_TYPES_FILE = "file:///opencx-widget-config.d.ts";

/** Widget options that must be present; every other one is optional. */
const REQUIRED: ReadonlySet<string> = new Set(["token"]);

/** Docs of the objects that group options (rows document their members, not the groups). */
const GROUP_DOCS: Readonly<Partial<Record<string, readonly string[]>>> = {
  theme: ["Colours of the widget."],
  prefillUserData: [
    "Initial values of the welcome form's inputs. Only has an effect with `collectUserData: true`.",
  ],
  user: [
    "Who the visitor is: `{ token }` (verified) or `{ data }` (non-verified), plus `externalId`.",
  ],
  capabilities: [
    "What the page lets the widget do (v5). Off only hides controls: it is not a security control.",
  ],
};

/** What the type alone does not tell, per control kind. */
const KIND_DOCS: Partial<Record<OptionRow["control"]["kind"], string>> = {
  colour: "Any CSS colour: hex, rgb(), hsl() or a name.",
  "key-value": "Values must be strings: the type is Record<string, string>.",
};

const I1 = "  ";
const I2 = "    ";
const str = (value: string) => JSON.stringify(value);

/** A JSDoc block at `indent`; `*\/` in the text cannot close the comment early. */
function doc(indent: string, lines: readonly (string | undefined)[]): string[] {
  const kept = lines.filter((l): l is string => typeof l === "string" && l !== "");
  if (kept.length === 0) return [];
  const body = kept.map((l) => `${indent} * ${l.replace(/\*\//g, "*\\/")}`);
  return [`${indent}/**`, ...body, `${indent} */`];
}

/** The TypeScript type of an option's value, from its control kind. */
function typeOf(row: OptionRow): string {
  const control = row.control;
  switch (control.kind) {
    case "boolean":
      return "boolean";
    case "list":
      return "string[]";
    case "key-value":
      return "Record<string, string>";
    case "select": {
      const values = control.choices.map((c) => c.value);
      const widgetLanguages =
        values.length === WIDGET_LANGUAGES.length &&
        values.every((v, i) => v === WIDGET_LANGUAGES[i]);
      return widgetLanguages ? "WidgetLanguage" : values.map(str).join(" | ");
    }
    default:
      return "string";
  }
}

/** The row of widget option `path` as a documented member named `name` (the path's last part). */
function member(indent: string, name: string, path: string, row: OptionRow): string[] {
  const value: unknown = row.default;
  const unset = value === "" || (Array.isArray(value) && value.length === 0);
  return [
    ...doc(indent, [
      row.help,
      ...(row.docs ?? []),
      KIND_DOCS[row.control.kind],
      `Widget option: \`${path}\`.`,
      REQUIRED.has(path) ? "Required." : undefined,
      unset ? undefined : `@default ${JSON.stringify(value)}`,
    ]),
    `${indent}${name}${REQUIRED.has(path) ? "" : "?"}: ${typeOf(row)};`,
  ];
}

/**
 * The rows that are widget options, placed by path: members of `WidgetUserData`, the members
 * `user` has with either identity, and `WidgetConfig`'s own (a nested group where its first
 * row is, `user` where the first `user.*` row is), in table order.
 */
function placeRows(version: WidgetMajor) {
  const userData: string[] = [];
  const userCommon: string[] = [];
  /** WidgetConfig's members by name: an option's lines, or a group's members' lines. */
  const top = new Map<string, string[]>();
  const groups = new Set<string>();
  for (const key of OPTION_KEYS) {
    const row: OptionRow = OPTIONS[key];
    const path = row.widgetOption;
    if (path === null || !row.versions.includes(version)) continue;
    const parts = path.split(".");
    const [head = path, sub = "", leaf = ""] = parts;
    if (head === "user") {
      // `user` is the union below; `user.token` is its hand-written verified branch.
      top.set("user", []);
      if (sub === "data" && parts.length === 3) userData.push(...member(I1, leaf, path, row));
      else if (parts.length === 2 && sub !== "token")
        userCommon.push(...member(I1, sub, path, row));
      else if (path !== "user.token") throw new Error(`No place for widget option ${path}`);
    } else if (parts.length === 1) {
      top.set(head, member(I1, head, path, row));
    } else if (parts.length === 2) {
      groups.add(head);
      top.set(head, [...(top.get(head) ?? []), ...member(I2, sub, path, row)]);
    } else {
      throw new Error(`No place for widget option ${path}`);
    }
  }
  const config = [...top].flatMap(([name, lines]) => {
    if (name === "user") return [...doc(I1, GROUP_DOCS.user ?? []), `${I1}user?: WidgetUser;`];
    if (!groups.has(name)) return lines;
    return [...doc(I1, GROUP_DOCS[name] ?? []), `${I1}${name}?: {`, ...lines, `${I1}};`];
  });
  return { userData, userCommon, config };
}

export interface WidgetTypesOptions {
  /** The widget major to declare; the default major when absent. */
  version?: WidgetMajor;
  /**
   * Export the declarations and leave out the `contactToken` global: a module for a test's
   * stub of the widget's package, instead of the editor's global script.
   */
  module?: boolean;
}

/** The declarations: `WidgetLanguage`, `WidgetUserData`, `WidgetUser`, `WidgetConfig`, `contactToken`. */
export function widgetTypesSource(opts: WidgetTypesOptions = {}): string {
  const exp = opts.module ? "export " : "";
  const version = opts.version ?? DEFAULT_WIDGET_MAJOR;
  const { userData, userCommon, config } = placeRows(version);
  const languages = WIDGET_LANGUAGES.map(str).join(" | ");
  const lines = [
    `// Generated from the Identity Playground's option table (widget ${version} options, @${WIDGET_PINS[version]}).`,
    "",
    ...doc("", [
      `The ${WIDGET_LANGUAGES.length} language codes the widget UI accepts; any other value falls back to "en".`,
    ]),
    `${exp}type WidgetLanguage = ${languages};`,
    "",
    ...doc("", [
      "Browser-supplied identity: a non-verified contact (any visitor could send any value).",
    ]),
    `${exp}interface WidgetUserData {`,
    ...userData,
    "}",
    "",
    ...doc("", [
      "Who the visitor is. `token` (verified, from your server) and `data` (non-verified, from the browser)",
      "are mutually exclusive; `externalId` goes with either.",
    ]),
    `${exp}type WidgetUser = (`,
    `${I1}| {`,
    ...doc(I2, [
      "Contact token (a JWT) your backend got from POST /widget/authenticate-user with the org API key.",
      "Gives a verified contact. Never put the org API key itself in page code.",
    ]),
    `${I2}token: string;`,
    `${I2}data?: never;`,
    `${I1}}`,
    `${I1}| {`,
    `${I2}token?: never;`,
    ...doc(I2, ["Browser-supplied identity: a non-verified contact."]),
    `${I2}data?: WidgetUserData;`,
    `${I1}}`,
    ") & {",
    ...userCommon,
    "};",
    "",
    ...doc("", [`The options object passed to the open.cx chat widget (${version}).`]),
    `${exp}interface ${WIDGET_CONFIG_TYPE} {`,
    ...config,
    "}",
    "",
  ];
  if (!opts.module) {
    lines.push(
      ...doc("", [
        "The contact token for the verified model: your backend obtains it from",
        "POST /widget/authenticate-user and passes it to this page (per user, never the org API key).",
      ]),
      `declare const ${CONTACT_TOKEN_VARIABLE}: string;`,
      "",
    );
  }
  return lines.join("\n");
}
