/**
 * The `.d.ts` the options editor registers with Monaco's TypeScript worker, so completion,
 * hover docs and validation of option names and types come from the compiler itself.
 *
 * Built from the option table (help and target text become JSDoc, defaults become `@default`)
 * and domain.md §2 (the shape of `WidgetConfig`, `user` as the discriminated union of
 * `token` | `data`). It is a global script, not a module: the editor's text says
 * `const options: WidgetConfig = { … }` with no import, and the verified model refers to
 * `contactToken`, declared here as the value your backend hands to the page.
 *
 * Only the options the playground models are declared, so an option it cannot show (or a typo)
 * is an error in the editor rather than something silently dropped.
 */
import { WIDGET_LANGUAGES } from "@/lib/config/languages";
import { DEFAULT_PRIMARY_COLOR, LIMITS, OPTIONS, type OptionKey } from "@/lib/config/options";

/** The name of the options interface the editor's source is typed with. */
export const WIDGET_CONFIG_TYPE = "WidgetConfig";
/** The global the verified model's snippet reads the contact token from. */
export const CONTACT_TOKEN_VARIABLE = "contactToken";
/** The file name Monaco registers the declarations under. */
export const WIDGET_TYPES_FILE = "file:///opencx-widget-config.d.ts";

/** A JSDoc block at `indent`; `*\/` in the text cannot close the comment early. */
function doc(indent: string, lines: readonly (string | false | undefined)[]): string {
  const kept = lines.filter((l): l is string => typeof l === "string" && l !== "");
  const body = kept.map((l) => `${indent} * ${l.replace(/\*\//g, "*\\/")}`).join("\n");
  return `${indent}/**\n${body}\n${indent} */`;
}

/** Help and target of one option row, as JSDoc lines. */
function fromRow(key: OptionKey, extra: readonly (string | false)[] = []): string[] {
  const row = OPTIONS[key];
  const lines = [row.help, ...extra.filter((l): l is string => Boolean(l))];
  if (row.target && !row.target.startsWith("(")) lines.push(`Widget option: \`${row.target}\`.`);
  return lines;
}

const str = (value: string) => JSON.stringify(value);

/** The declarations: `WidgetLanguage`, `WidgetUserData`, `WidgetUser`, `WidgetConfig`, `contactToken`. */
export function widgetTypesSource(): string {
  const languages = WIDGET_LANGUAGES.map(str).join(" | ");
  const i1 = "  ";
  const i2 = "    ";
  return [
    "// Generated from the Identity Playground's option table (widget v4 options that touch identity).",
    "",
    doc("", [
      `The ${WIDGET_LANGUAGES.length} language codes the widget UI accepts; any other value falls back to "en".`,
    ]),
    `type WidgetLanguage = ${languages};`,
    "",
    doc("", [
      "Browser-supplied identity: a non-verified contact (any visitor could send any value).",
    ]),
    "interface WidgetUserData {",
    doc(i1, fromRow("userName")),
    `${i1}name?: string;`,
    doc(i1, fromRow("userEmail")),
    `${i1}email?: string;`,
    doc(i1, fromRow("userAvatarUrl")),
    `${i1}avatarUrl?: string;`,
    doc(
      i1,
      fromRow("userCustomData", ["Values must be strings: the type is Record<string, string>."]),
    ),
    `${i1}customData?: Record<string, string>;`,
    "}",
    "",
    doc("", [
      "Who the visitor is. `token` (verified, from your server) and `data` (non-verified, from the browser)",
      "are mutually exclusive; `externalId` goes with either.",
    ]),
    "type WidgetUser = (",
    `${i1}| {`,
    doc(i2, [
      "Contact token (a JWT) your backend got from POST /widget/authenticate-user with the org API key.",
      "Gives a verified contact. Never put the org API key itself in page code.",
    ]),
    `${i2}token: string;`,
    `${i2}data?: never;`,
    `${i1}}`,
    `${i1}| {`,
    `${i2}token?: never;`,
    doc(i2, ["Browser-supplied identity: a non-verified contact."]),
    `${i2}data?: WidgetUserData;`,
    `${i1}}`,
    ") & {",
    doc(i1, fromRow("externalId")),
    `${i1}externalId?: string;`,
    "};",
    "",
    doc("", ["The options object passed to the open.cx chat widget (v4)."]),
    `interface ${WIDGET_CONFIG_TYPE} {`,
    doc(i1, [...fromRow("widgetToken"), "Required."]),
    `${i1}token: string;`,
    doc(i1, [...fromRow("language"), `@default ${str(OPTIONS.language.default)}`]),
    `${i1}language?: WidgetLanguage;`,
    doc(i1, ["Colours of the widget."]),
    `${i1}theme?: {`,
    doc(i2, [
      ...fromRow("primaryColor"),
      "Any CSS colour: hex, rgb(), hsl() or a name.",
      `@default ${str(DEFAULT_PRIMARY_COLOR)}`,
    ]),
    `${i2}primaryColor?: string;`,
    `${i1}};`,
    doc(i1, [
      "Shows the welcome form that asks for name and email (a non-verified contact).",
      "Ignored when `user.token` or `user.data.email` is set.",
      "@default false",
    ]),
    `${i1}collectUserData?: boolean;`,
    doc(i1, [
      "Initial values of the welcome form's inputs. Only has an effect with `collectUserData: true`.",
    ]),
    `${i1}prefillUserData?: {`,
    doc(i2, fromRow("prefillName")),
    `${i2}name?: string;`,
    doc(i2, fromRow("prefillEmail")),
    `${i2}email?: string;`,
    `${i1}};`,
    doc(i1, [
      ...fromRow("extraFields"),
      "Only has an effect with `collectUserData: true`; the form then shows on every page load.",
      `The playground takes at most ${LIMITS.extraFields}.`,
    ]),
    `${i1}extraDataCollectionFields?: string[];`,
    doc(i1, [
      "Who the visitor is: `{ token }` (verified) or `{ data }` (non-verified), plus `externalId`.",
    ]),
    `${i1}user?: WidgetUser;`,
    "}",
    "",
    doc("", [
      "The contact token for the verified model: your backend obtains it from",
      "POST /widget/authenticate-user and passes it to this page (per user, never the org API key).",
    ]),
    `declare const ${CONTACT_TOKEN_VARIABLE}: string;`,
    "",
  ].join("\n");
}
