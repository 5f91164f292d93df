/**
 * The option table: the single source of every playground option.
 *
 * Types, the zod schema, defaults, sensitivity, the share-link keys, the
 * control labels and the property-test generators all derive from this table.
 * Adding an option is one row here plus its control.
 *
 * Invariants:
 * - `urlKey`s are unique and never reused for another meaning (share links are forever).
 * - A `sensitive` row never reaches a share link, storage, a log or a client snippet.
 */
import "./zod"; // jitless: no eval under the CSP
import { z } from "zod";
import { SERVER_LANGUAGE_CHOICES, WIDGET_LANGUAGES } from "./languages";

export const IDENTITY_MODELS = ["anonymous", "collect", "browser", "server"] as const;
export type IdentityModel = (typeof IDENTITY_MODELS)[number];

export type OptionSection = "identity" | "collect" | "browser" | "server" | "appearance";

/** The widget's default primary colour (domain.md §8). */
export const DEFAULT_PRIMARY_COLOR = "hsl(0 0% 9%)";

/** Upper bounds keep share links and snippets sane; they are far above real use. */
export const LIMITS = {
  shortText: 200,
  longText: 2000,
  extraFields: 12,
  customDataRows: 24,
} as const;

const shortText = z.string().max(LIMITS.shortText, `Keep it under ${LIMITS.shortText} characters.`);
const longText = z.string().max(LIMITS.longText, `Keep it under ${LIMITS.longText} characters.`);

// Strict: a row with another key (say, from a hand-edited share link) is refused
// with a message instead of being read with that key silently dropped.
export const customDataRow = z.strictObject({ key: shortText, value: shortText });
export const serverCustomDataRow = z.strictObject({
  key: shortText,
  value: z.union([shortText, z.number().finite(), z.boolean()]),
});
export type CustomDataRow = z.infer<typeof customDataRow>;
export type ServerCustomDataRow = z.infer<typeof serverCustomDataRow>;

interface OptionRow<S extends z.ZodType> {
  /** The zod schema of this option's value (single-field rules only). */
  schema: S;
  default: z.infer<S>;
  section: OptionSection;
  /** Models in which this option has an effect; empty means every model. */
  models: readonly IdentityModel[];
  label: string;
  /** One-line help shown next to the control. */
  help: string;
  /** Where the value lands in the widget or API, for docs and hover text. */
  target: string;
  /** Short, stable key in share links; `null` for sensitive rows. */
  urlKey: string | null;
  sensitive: boolean;
}

function row<S extends z.ZodType>(r: OptionRow<S>): OptionRow<S> {
  return r;
}

export const OPTIONS = {
  model: row({
    schema: z.enum(IDENTITY_MODELS),
    default: "anonymous",
    section: "identity",
    models: [],
    label: "Identity model",
    help: "Who tells the widget who the visitor is.",
    target: "collectUserData / user.data / user.token",
    urlKey: "m",
    sensitive: false,
  }),
  widgetToken: row({
    schema: shortText,
    default: "",
    section: "identity",
    models: [],
    label: "Widget token",
    help: "Public. From Channels → AI Chat Widget. Sent as X-Bot-Token; safe in page code.",
    target: "token",
    urlKey: "t",
    sensitive: false,
  }),
  collectUserData: row({
    schema: z.boolean(),
    default: false,
    section: "collect",
    models: ["browser", "server"],
    label: "Also set collectUserData",
    help: "The Collect model turns it on. With a browser email or a verified token the widget ignores it.",
    target: "collectUserData",
    urlKey: "c",
    sensitive: false,
  }),
  prefillName: row({
    schema: shortText,
    default: "",
    section: "collect",
    models: ["collect"],
    label: "Prefill name",
    help: "Initial value of the welcome form's name input; the visitor can edit it.",
    target: "prefillUserData.name",
    urlKey: "pn",
    sensitive: false,
  }),
  prefillEmail: row({
    schema: shortText,
    default: "",
    section: "collect",
    models: ["collect"],
    label: "Prefill email",
    help: "Initial value of the welcome form's email input; the visitor can edit it.",
    target: "prefillUserData.email",
    urlKey: "pe",
    sensitive: false,
  }),
  extraFields: row({
    schema: z
      .array(shortText)
      .max(LIMITS.extraFields, `At most ${LIMITS.extraFields} extra fields.`),
    default: [] as string[],
    section: "collect",
    models: ["collect"],
    label: "Extra welcome-form fields",
    help: "Optional inputs; their values are prepended to the first message, not saved on the contact.",
    target: "extraDataCollectionFields",
    urlKey: "x",
    sensitive: false,
  }),
  externalId: row({
    schema: shortText,
    default: "",
    section: "identity",
    models: [],
    label: "externalId",
    help: "Scopes the contact's sessions, e.g. per workspace or tenant.",
    target: "user.externalId",
    urlKey: "e",
    sensitive: false,
  }),
  userName: row({
    schema: shortText,
    default: "",
    section: "browser",
    models: ["browser"],
    label: "Name",
    help: "Sent as non_verified_name when the contact is created.",
    target: "user.data.name",
    urlKey: "un",
    sensitive: false,
  }),
  userEmail: row({
    schema: shortText,
    default: "",
    section: "browser",
    models: ["browser"],
    label: "Email",
    help: "With an email the contact is upserted on every page load and the welcome form is skipped.",
    target: "user.data.email",
    urlKey: "ue",
    sensitive: false,
  }),
  userAvatarUrl: row({
    schema: shortText,
    default: "",
    section: "browser",
    models: ["browser"],
    label: "Avatar URL",
    help: "In the type, but widget 4.0.57 does not send it when creating the contact.",
    target: "user.data.avatarUrl",
    urlKey: "ua",
    sensitive: false,
  }),
  userCustomData: row({
    schema: z.array(customDataRow).max(LIMITS.customDataRows),
    default: [] as CustomDataRow[],
    section: "browser",
    models: ["browser"],
    label: "Custom data",
    help: "String values only. Saved as non_verified_custom_data: untrusted.",
    target: "user.data.customData",
    urlKey: "ud",
    sensitive: false,
  }),
  serverEmail: row({
    schema: shortText,
    default: "",
    section: "server",
    models: ["server"],
    label: "email",
    help: "Required. The signed-in user's email, from your session, not from the browser.",
    target: "authenticate-user body.email",
    urlKey: "se",
    sensitive: false,
  }),
  serverName: row({
    schema: shortText,
    default: "",
    section: "server",
    models: ["server"],
    label: "name",
    help: "Display name.",
    target: "authenticate-user body.name",
    urlKey: "sn",
    sensitive: false,
  }),
  serverAvatarUrl: row({
    schema: shortText,
    default: "",
    section: "server",
    models: ["server"],
    label: "avatar_url",
    help: "Avatar URL.",
    target: "authenticate-user body.avatar_url",
    urlKey: "sa",
    sensitive: false,
  }),
  serverPhone: row({
    schema: shortText,
    default: "",
    section: "server",
    models: ["server"],
    label: "phone",
    help: "With country code, e.g. +1234567890.",
    target: "authenticate-user body.phone",
    urlKey: "sp",
    sensitive: false,
  }),
  serverLanguage: row({
    schema: z.enum(["", ...SERVER_LANGUAGE_CHOICES]),
    default: "" as "" | (typeof SERVER_LANGUAGE_CHOICES)[number],
    section: "server",
    models: ["server"],
    label: "language",
    help: "The API's own list (56 codes); zh-cn, fil and nb are renamed, lb and mt are left out.",
    target: "authenticate-user body.language",
    urlKey: "sl",
    sensitive: false,
  }),
  serverCustomData: row({
    schema: z.array(serverCustomDataRow).max(LIMITS.customDataRows),
    default: [] as ServerCustomDataRow[],
    section: "server",
    models: ["server"],
    label: "customData",
    help: "Stored as trusted contact data: visitors cannot tamper with it.",
    target: "authenticate-user body.customData",
    urlKey: "sd",
    sensitive: false,
  }),
  serverChatContext: row({
    schema: longText,
    default: "",
    section: "server",
    models: ["server"],
    label: "chat_context",
    help: "Context given to the AI agent when it answers this user.",
    target: "authenticate-user body.chat_context",
    urlKey: "sx",
    sensitive: false,
  }),
  apiKey: row({
    schema: shortText,
    default: "",
    section: "server",
    models: ["server"],
    label: "Org API key",
    help: "Secret. Only your server uses it; snippets read it from OPENCX_API_KEY. Never shared or stored.",
    target: "Authorization: Bearer (server only)",
    urlKey: null,
    sensitive: true,
  }),
  contactToken: row({
    schema: z.string().max(LIMITS.longText),
    default: "",
    section: "server",
    models: ["server"],
    label: "Contact token",
    help: "Per-user JWT from authenticate-user, for trying the preview. Never shared or stored.",
    target: "user.token",
    urlKey: null,
    sensitive: true,
  }),
  primaryColor: row({
    schema: shortText,
    default: DEFAULT_PRIMARY_COLOR,
    section: "appearance",
    models: [],
    label: "Primary colour",
    help: "Drives the welcome gradient, buttons, visitor bubbles and the launcher.",
    target: "theme.primaryColor",
    urlKey: "pc",
    sensitive: false,
  }),
  language: row({
    schema: z.enum(WIDGET_LANGUAGES),
    default: "en" as (typeof WIDGET_LANGUAGES)[number],
    section: "appearance",
    models: [],
    label: "Widget language",
    help: "One of the widget's 38 languages. The preview shows English strings.",
    target: "language",
    urlKey: "l",
    sensitive: false,
  }),
  orgName: row({
    schema: shortText,
    default: "Acme",
    section: "appearance",
    models: [],
    label: "Organisation name",
    help: "Preview only: the real widget reads it from your open.cx organisation.",
    target: "(from the backend config)",
    urlKey: "o",
    sensitive: false,
  }),
};

export type OptionKey = keyof typeof OPTIONS;
export const OPTION_KEYS = Object.keys(OPTIONS) as OptionKey[];

export type PlaygroundConfig = { [K in OptionKey]: z.infer<(typeof OPTIONS)[K]["schema"]> };

export const SENSITIVE_KEYS = OPTION_KEYS.filter((k) => OPTIONS[k].sensitive);

export const DEFAULT_CONFIG: PlaygroundConfig = Object.freeze(
  Object.fromEntries(OPTION_KEYS.map((k) => [k, OPTIONS[k].default])) as PlaygroundConfig,
);

/** A fresh, mutable copy of the defaults. */
export function defaultConfig(): PlaygroundConfig {
  return structuredClone(DEFAULT_CONFIG) as PlaygroundConfig;
}

/** Drops every sensitive field (they fall back to their defaults). */
export function withoutSecrets(config: PlaygroundConfig): PlaygroundConfig {
  const copy = { ...config };
  for (const key of SENSITIVE_KEYS) (copy as Record<string, unknown>)[key] = OPTIONS[key].default;
  return copy;
}
