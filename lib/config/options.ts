/**
 * The option table: the single source of every playground option.
 *
 * Each row carries everything an option needs, and the rest of the app derives from the rows:
 * the types, the zod schema and defaults (here), the controls (`components/controls/`
 * renders text, email, url, tel, password, multiline, colour, select and boolean rows
 * generically; a row naming a `custom` control is drawn by that hand-written component),
 * the share-link keys and message names (`lib/url/codec.ts`), the presets' kept fields
 * (`lib/config/presets.ts`), the property-test generators (`arbitraries.ts`), the import of
 * simple widget options (`lib/import/`) and the editor's `WidgetConfig` declarations
 * (`lib/editor/widget-types.ts`).
 *
 * What a row cannot say is how the option shapes the widget's options object: that is
 * `toWidgetConfig` in `widget-config.ts` (or `toAuthenticateRequest` for the server body).
 *
 * Invariants:
 * - `urlKey`s are unique and never reused for another meaning (share links are forever).
 * - A `sensitive` row never reaches a share link, storage, a log or a client snippet.
 */
import "./zod"; // jitless: no eval under the CSP
import { z } from "zod";
import {
  DEFAULT_WIDGET_MAJOR,
  WIDGET_MAJORS,
  WIDGET_MAJOR_INFO,
  WIDGET_PINS,
  type WidgetMajor,
} from "./versions";
import {
  SERVER_LANGUAGE_CHOICES,
  SERVER_LANGUAGE_SELECT,
  WIDGET_LANGUAGE_SELECT,
  WIDGET_LANGUAGES,
  type Choice,
} from "./languages";

export const IDENTITY_MODELS = ["anonymous", "collect", "browser", "server"] as const;
export type IdentityModel = (typeof IDENTITY_MODELS)[number];

export type OptionSection =
  | "identity"
  | "collect"
  | "browser"
  | "server"
  | "features"
  | "appearance"
  /** What the host page does after the first load: sign-out, identity changes, renewal (preview and advisories). */
  | "lifecycle"
  /** When the page loads the widget: at once, after consent, or when the visitor clicks a launcher. */
  | "loading"
  /** Drawn in the page header, not in a controls card (the widget version). */
  | "header";

/** The widget's default primary colour (domain.md §8). */
export const DEFAULT_PRIMARY_COLOR = "hsl(0 0% 9%)";

/** Upper bounds keep share links and snippets sane; they are far above real use. */
export const LIMITS = {
  shortText: 200,
  longText: 2000,
  extraFields: 12,
  customDataRows: 24,
  serverIds: 24,
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

export { WIDGET_MAJORS, type WidgetMajor } from "./versions";

/** An option both majors have (every identity option: domain-v5.md §2). */
const BOTH: readonly WidgetMajor[] = WIDGET_MAJORS;
/** An option only v5 has; on v4 it stays in the config but is refused with an advisory. */
const V5_ONLY: readonly WidgetMajor[] = ["v5"];
/** An option only v4 has (a v4 way of working, such as remounting on an identity change). */
const V4_ONLY: readonly WidgetMajor[] = ["v4"];

/**
 * Hand-written controls, for options a generic field cannot show well: the model cards, the
 * list and key/value editors, the collectUserData toggle that sits in the browser and server
 * cards with a model-dependent note, and the contact token the verified flow obtains.
 */
export const CUSTOM_CONTROLS = [
  "version-switch",
  "model-cards",
  "extra-fields-editor",
  "key-value-editor",
  "also-collect-toggle",
  "verified-flow",
  "string-list-editor",
] as const;
export type CustomControl = (typeof CUSTOM_CONTROLS)[number];

/** Text inputs; the kind is the input's type (`multiline` is a textarea). */
export type TextKind = "text" | "email" | "url" | "tel" | "password" | "multiline";

/**
 * How an option is edited. `kind` says what the value is (generators and editor types read it);
 * `custom` names the hand-written control that draws it instead of the generic one.
 */
export type ControlDescriptor = { custom?: CustomControl } & (
  | { kind: TextKind; placeholder?: string; autoComplete?: string }
  | { kind: "colour" }
  | { kind: "select"; choices: readonly Choice[] }
  | { kind: "boolean" }
  | { kind: "list" }
  | { kind: "key-value" }
);

export interface OptionRow<S extends z.ZodType = z.ZodType> {
  /** The zod schema of this option's value (single-field rules only). */
  schema: S;
  default: z.infer<S>;
  /** The controls card it sits in. */
  section: OptionSection;
  /** Models in which this option has an effect; empty means every model. */
  models: readonly IdentityModel[];
  label: string;
  /** One-line help shown next to the control. */
  help: string;
  /** Help that depends on the identity model, where the option means something different per model. */
  helpByModel?: Readonly<Record<IdentityModel, string>>;
  /** Help that depends on the widget major, where the page's part differs per version (sign-out). */
  helpByVersion?: Readonly<Record<WidgetMajor, string>>;
  /** Where the value lands in the widget or API, for docs and hover text. */
  target: string;
  /** Short, stable key in share links; `null` for sensitive rows. */
  urlKey: string | null;
  sensitive: boolean;
  /** How messages name the option ("browser email"); labels alone are ambiguous ("Name" vs "name"). */
  name: string;
  control: ControlDescriptor;
  /** The widget option path it maps to (`user.data.email`), or `null` when it is not a widget option. */
  widgetOption: string | null;
  /** The authenticate-user body field it maps to, or `null`. */
  apiField: string | null;
  /** A preset applied over a config keeps this option's value (the user's token, secrets, appearance). */
  presetKeeps: boolean;
  /** The widget majors that have this option; on another major it is left out of the snippets. */
  versions: readonly WidgetMajor[];
  /**
   * A preview setting: no snippet carries it (`widgetOption` and `apiField` are null); the preview
   * and the advisories play it. Not every row with both null is one: the server scope shapes
   * `mcp_access`, the org API key and the widget version shape the snippets.
   */
  previewOnly?: true;
  /** A boolean option that must be on for this row to matter (and to be drawn). */
  dependsOn?: string;
  /** Realistic values the property-test generators mix in with random and hostile text. */
  examples?: readonly string[];
  /** Lines the options editor's hover text adds after `help` (which is written for the control). */
  docs?: readonly string[];
}

function row<S extends z.ZodType>(r: OptionRow<S>): OptionRow<S> {
  return r;
}

/** Each model's title and its trade-offs, for the model cards and the model select. */
export const MODEL_INFO: Readonly<Record<IdentityModel, { title: string; tradeoff: string }>> = {
  anonymous: {
    title: "Anonymous",
    tradeoff: "No friction · no trust · history on this browser only",
  },
  collect: {
    title: "Collect in the widget",
    tradeoff:
      "A form before chat · non-verified (anyone can type any email) · history on this device",
  },
  browser: {
    title: "Pass from the browser",
    tradeoff: "No friction · non-verified (page data can be forged) · history on this device",
  },
  server: {
    title: "Verified by your server",
    tradeoff: "No friction, needs backend work · verified · history on every device",
  },
};

const MODEL_CHOICES: readonly Choice[] = IDENTITY_MODELS.map((m) => ({
  value: m,
  label: MODEL_INFO[m].title,
}));

const VERSION_CHOICES: readonly Choice[] = WIDGET_MAJORS.map((m) => ({
  value: m,
  label: `${WIDGET_MAJOR_INFO[m].label} (${WIDGET_PINS[m]})`,
}));

/** What `mcp_access.server_ids` grants (domain-v5.md §10.4). */
export const MCP_SERVER_SCOPES = ["all", "listed"] as const;
const MCP_SCOPE_CHOICES: readonly Choice[] = [
  { value: "all", label: "Every enabled per-user server (mcp_access: {})" },
  { value: "listed", label: "Only the servers listed below (server_ids)" },
];

/** When the HTML, React and Next.js snippets load the widget (issue 21: consent-friendly loading). */
export const LOADING_MODES = ["page-load", "consent", "click"] as const;
export type LoadingMode = (typeof LOADING_MODES)[number];
const LOADING_CHOICES: readonly Choice[] = [
  { value: "page-load", label: "On page load (the widget's own instructions)" },
  { value: "consent", label: "After consent: your consent tool calls one function" },
  { value: "click", label: "On click: a look-alike launcher loads the widget when pressed" },
];

export const OPTIONS = {
  widgetVersion: row({
    schema: z.enum(WIDGET_MAJORS),
    default: DEFAULT_WIDGET_MAJOR as WidgetMajor,
    section: "header",
    models: [],
    label: "Widget version",
    help: "The widget major the snippets and the preview target. Identity options are the same in both.",
    target: "the pinned @opencx/widget version",
    urlKey: "v",
    sensitive: false,
    name: "widget version",
    control: { kind: "select", choices: VERSION_CHOICES, custom: "version-switch" },
    widgetOption: null,
    apiField: null,
    presetKeeps: true,
    versions: BOTH,
  }),
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
    name: "identity model",
    control: { kind: "select", choices: MODEL_CHOICES, custom: "model-cards" },
    widgetOption: null,
    apiField: null,
    presetKeeps: false,
    versions: BOTH,
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
    name: "widget token",
    control: { kind: "text", placeholder: "YOUR_WIDGET_TOKEN" },
    widgetOption: "token",
    apiField: null,
    presetKeeps: true,
    versions: BOTH,
    examples: ["wt_3f9a2c7e", "abc123"],
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
    name: "collectUserData switch",
    control: { kind: "boolean", custom: "also-collect-toggle" },
    widgetOption: "collectUserData",
    apiField: null,
    presetKeeps: false,
    versions: BOTH,
    docs: [
      "Shows the welcome form that asks for name and email (a non-verified contact).",
      "Ignored when `user.token` or `user.data.email` is set.",
    ],
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
    name: "prefilled name",
    control: { kind: "text", placeholder: "Jane Doe" },
    widgetOption: "prefillUserData.name",
    apiField: null,
    presetKeeps: false,
    versions: BOTH,
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
    name: "prefilled email",
    control: { kind: "email", placeholder: "jane@example.com" },
    widgetOption: "prefillUserData.email",
    apiField: null,
    presetKeeps: false,
    versions: BOTH,
    examples: ["jane@example.com"],
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
    name: "extra welcome-form fields",
    control: { kind: "list", custom: "extra-fields-editor" },
    widgetOption: "extraDataCollectionFields",
    apiField: null,
    presetKeeps: false,
    versions: BOTH,
    docs: [
      "Only has an effect with `collectUserData: true`; the form then shows on every page load.",
      `The playground takes at most ${LIMITS.extraFields}.`,
    ],
  }),
  externalId: row({
    schema: shortText,
    default: "",
    section: "identity",
    models: [],
    label: "externalId",
    help: "Scopes the contact's sessions, e.g. per workspace or tenant.",
    helpByModel: {
      anonymous:
        "Optional. Replaces the random per-device id the widget generates, so anyone who knows it shares its scope: only use an unguessable value.",
      collect:
        "Optional. Replaces the random per-device id; weakens device binding (anyone knowing it can scope to it).",
      browser:
        "Optional. Replaces the random per-device id; weakens device binding (anyone knowing it can scope to it).",
      server:
        "Optional. The only externalId a verified contact has: scopes listing and creating sessions, e.g. one workspace. Without it the user sees all their verified chats on every device.",
    },
    target: "user.externalId",
    urlKey: "e",
    sensitive: false,
    name: "externalId",
    control: { kind: "text", placeholder: "e.g. workspace_42" },
    widgetOption: "user.externalId",
    apiField: null,
    presetKeeps: false,
    versions: BOTH,
    examples: ["workspace_42"],
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
    name: "browser name",
    control: { kind: "text", placeholder: "Jane Doe" },
    widgetOption: "user.data.name",
    apiField: null,
    presetKeeps: false,
    versions: BOTH,
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
    name: "browser email",
    control: { kind: "email", placeholder: "jane@example.com" },
    widgetOption: "user.data.email",
    apiField: null,
    presetKeeps: false,
    versions: BOTH,
    examples: ["jane@example.com"],
  }),
  userAvatarUrl: row({
    schema: shortText,
    default: "",
    section: "browser",
    models: ["browser"],
    label: "Avatar URL",
    help: "In the type, but neither widget version (v4 or v5) sends it when creating the contact.",
    target: "user.data.avatarUrl",
    urlKey: "ua",
    sensitive: false,
    name: "browser avatar URL",
    control: { kind: "url", placeholder: "https://…/avatar.png" },
    widgetOption: "user.data.avatarUrl",
    apiField: null,
    presetKeeps: false,
    versions: BOTH,
    examples: ["https://example.com/a.png"],
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
    name: "browser custom data",
    control: { kind: "key-value", custom: "key-value-editor" },
    widgetOption: "user.data.customData",
    apiField: null,
    presetKeeps: false,
    versions: BOTH,
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
    name: "server email",
    control: { kind: "email", placeholder: "jane@example.com" },
    widgetOption: null,
    apiField: "email",
    presetKeeps: false,
    versions: BOTH,
    examples: ["jane@example.com"],
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
    name: "server name",
    control: { kind: "text", placeholder: "Jane Doe" },
    widgetOption: null,
    apiField: "name",
    presetKeeps: false,
    versions: BOTH,
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
    name: "server avatar_url",
    control: { kind: "url", placeholder: "https://…/avatar.png" },
    widgetOption: null,
    apiField: "avatar_url",
    presetKeeps: false,
    versions: BOTH,
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
    name: "server phone",
    control: { kind: "tel", placeholder: "+1234567890" },
    widgetOption: null,
    apiField: "phone",
    presetKeeps: false,
    versions: BOTH,
    examples: ["+1234567890"],
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
    name: "server language",
    control: { kind: "select", choices: SERVER_LANGUAGE_SELECT },
    widgetOption: null,
    apiField: "language",
    presetKeeps: false,
    versions: BOTH,
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
    name: "server customData",
    control: { kind: "key-value", custom: "key-value-editor" },
    widgetOption: null,
    apiField: "customData",
    presetKeeps: false,
    versions: BOTH,
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
    name: "server chat_context",
    control: { kind: "multiline", placeholder: "e.g. Premium customer since 2021" },
    widgetOption: null,
    apiField: "chat_context",
    presetKeeps: false,
    versions: BOTH,
  }),
  personalConnections: row({
    schema: z.boolean(),
    default: false,
    section: "server",
    models: ["server"],
    label: "Personal connections (mcp_access)",
    help: "Mint the token with mcp_access so the user can connect their own accounts. Such tokens expire after one hour: your page renews them.",
    target: "authenticate-user body.mcp_access",
    urlKey: "mp",
    sensitive: false,
    name: "personal connections",
    control: { kind: "boolean" },
    widgetOption: null,
    apiField: "mcp_access",
    presetKeeps: false,
    versions: V5_ONLY,
    docs: [
      "Omitted: a chat-only token that does not expire.",
      "Needs `streaming: true` and `capabilities.connections: true` in the widget options, and an organisation with streaming.",
    ],
  }),
  mcpServerScope: row({
    schema: z.enum(MCP_SERVER_SCOPES),
    default: "all" as (typeof MCP_SERVER_SCOPES)[number],
    section: "server",
    models: ["server"],
    label: "Servers the token may use",
    help: "Decide this on your server from trusted state, never from the browser.",
    target: "authenticate-user body.mcp_access.server_ids",
    urlKey: "ms",
    sensitive: false,
    name: "mcp_access server scope",
    control: { kind: "select", choices: MCP_SCOPE_CHOICES },
    widgetOption: null,
    // It chooses the shape of mcp_access (`{}` or `server_ids`); the ids row names the field.
    apiField: null,
    presetKeeps: false,
    versions: V5_ONLY,
    dependsOn: "personalConnections",
  }),
  mcpServerIds: row({
    schema: z.array(shortText).max(LIMITS.serverIds, `At most ${LIMITS.serverIds} server ids.`),
    default: [] as string[],
    section: "server",
    models: ["server"],
    label: "server_ids",
    help: "With the list chosen above: only these servers; an empty list allows none.",
    target: "authenticate-user body.mcp_access.server_ids",
    urlKey: "mi",
    sensitive: false,
    name: "mcp_access server_ids",
    control: { kind: "list", custom: "string-list-editor" },
    widgetOption: null,
    apiField: "mcp_access.server_ids",
    presetKeeps: false,
    versions: V5_ONLY,
    dependsOn: "personalConnections",
    examples: ["github", "srv_calendar"],
  }),
  mcpAccountId: row({
    schema: shortText,
    default: "",
    section: "server",
    models: ["server"],
    label: "account_id",
    help: "Optional. The account or workspace the user is acting in, where a user can switch between them.",
    target: "authenticate-user body.mcp_access.account_id",
    urlKey: "ma",
    sensitive: false,
    name: "mcp_access account_id",
    control: { kind: "text", placeholder: "e.g. acct_42" },
    widgetOption: null,
    apiField: "mcp_access.account_id",
    presetKeeps: false,
    versions: V5_ONLY,
    dependsOn: "personalConnections",
    examples: ["acct_42"],
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
    name: "org API key",
    control: { kind: "password", placeholder: "Stays in this tab: never in links or snippets" },
    widgetOption: null,
    apiField: null,
    presetKeeps: true,
    versions: BOTH,
    examples: ["sk_sandbox_playground_demo_key"],
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
    name: "contact token",
    control: { kind: "text", custom: "verified-flow" },
    widgetOption: "user.token",
    apiField: null,
    presetKeeps: false,
    versions: BOTH,
  }),
  streaming: row({
    schema: z.boolean(),
    default: false,
    section: "features",
    models: [],
    label: "streaming",
    help: "Streamed replies, when your organisation has them. Off keeps v4's send-and-poll delivery.",
    target: "streaming",
    urlKey: "st",
    sensitive: false,
    name: "streaming",
    control: { kind: "boolean" },
    widgetOption: "streaming",
    apiField: null,
    presetKeeps: false,
    versions: V5_ONLY,
    docs: [
      "Omitted or false preserves v4 send/poll delivery. No front-end option enables it for an organisation without it.",
    ],
  }),
  capabilitiesConnections: row({
    schema: z.boolean(),
    default: false,
    section: "features",
    models: [],
    label: "capabilities.connections",
    help: "Shows the Connect controls for personal connections (with streaming and an mcp_access token). Off only hides them: it is not a security control.",
    target: "capabilities.connections",
    urlKey: "cc",
    sensitive: false,
    name: "capabilities.connections",
    control: { kind: "boolean" },
    widgetOption: "capabilities.connections",
    apiField: null,
    presetKeeps: false,
    versions: V5_ONLY,
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
    name: "primary colour",
    control: { kind: "colour" },
    widgetOption: "theme.primaryColor",
    apiField: null,
    presetKeeps: true,
    versions: BOTH,
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
    name: "widget language",
    control: { kind: "select", choices: WIDGET_LANGUAGE_SELECT },
    widgetOption: "language",
    apiField: null,
    presetKeeps: true,
    versions: BOTH,
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
    name: "organisation name",
    control: { kind: "text", placeholder: "Acme" },
    widgetOption: null,
    apiField: null,
    presetKeeps: true,
    versions: BOTH,
    previewOnly: true,
  }),
  agentName: row({
    schema: shortText,
    default: "",
    section: "appearance",
    models: [],
    label: "Agent name",
    help: "Preview only: v5 names the AI in the sessions list after your organisation's agent (from the backend). Empty shows the organisation name.",
    target: "(from the backend config's agent block)",
    urlKey: "an",
    sensitive: false,
    name: "agent name",
    control: { kind: "text", placeholder: "e.g. Acme Assistant" },
    widgetOption: null,
    apiField: null,
    presetKeeps: true,
    versions: V5_ONLY,
    previewOnly: true,
  }),
  signOutClearsKeys: row({
    schema: z.boolean(),
    default: true,
    section: "lifecycle",
    models: [],
    label: "Sign-out clears the widget's keys",
    help: "Preview only: your page removes every opencx-widget:org-token-<TOKEN>: key when a user signs out, before the next identity loads (the snippets' sign-out code does). Off shows what the next person on a shared computer sees.",
    // domain-v5.md §18: v4 stores two keys; v5 adds the active-session pointer and companion keys.
    helpByVersion: {
      v5: "Preview only: when a user signs out, your page removes every opencx-widget:org-token-<TOKEN>: key (the contact token, the device id, the open-conversation pointer) before the next identity loads; the snippets' sign-out code does. Off shows what the next person on a shared computer sees.",
      v4: "Preview only: when a user signs out, your page removes the widget's two keys, opencx-widget:org-token-<TOKEN>:contact-token and …:external-contact-id, before the next identity loads; the snippets' sign-out code does. Off shows what the next person on a shared computer sees.",
    },
    target: "(your page's sign-out)",
    urlKey: "sk",
    sensitive: false,
    name: "sign-out clears the widget's keys",
    control: { kind: "boolean" },
    widgetOption: null,
    apiField: null,
    presetKeeps: true,
    versions: BOTH,
    previewOnly: true,
  }),
  remountOnIdentityChange: row({
    schema: z.boolean(),
    default: true,
    section: "lifecycle",
    models: [],
    label: "Remount on identity change",
    help: "Preview only: v4 reads its options once per mount, so your page reloads, or remounts the widget with a new React key (the user's id or a counter), when a user signs in, out or switches. Off shows the widget keeping the previous contact.",
    target: "(your page: reload, or React key)",
    urlKey: "rm",
    sensitive: false,
    name: "remount on identity change",
    control: { kind: "boolean" },
    widgetOption: null,
    apiField: null,
    presetKeeps: true,
    versions: V4_ONLY,
    previewOnly: true,
  }),
  keepMounted: row({
    schema: z.boolean(),
    default: true,
    section: "lifecycle",
    models: ["server"],
    label: "Keep mounted when the token changes",
    help: "Preview only: v5 swaps a renewed token in place and resets itself when the owner changes, so your page keeps the widget mounted and passes the new user.token. Off shows a widget keyed by the token: every renewal remounts it.",
    target: "(your page: never key the widget by the token)",
    urlKey: "km",
    sensitive: false,
    name: "keep mounted when the token changes",
    control: { kind: "boolean" },
    widgetOption: null,
    apiField: null,
    presetKeeps: true,
    versions: V5_ONLY,
    previewOnly: true,
  }),
  renewsToken: row({
    schema: z.boolean(),
    default: true,
    section: "lifecycle",
    models: ["server"],
    label: "Renews the token before it expires",
    help: "Preview only: with personal connections the contact token lasts one hour; your page fetches a new one from your backend at about 80 % of its lifetime and when a hidden tab comes back (the snippets do). Off shows a missed renewal.",
    target: "(your page: token renewal)",
    urlKey: "rn",
    sensitive: false,
    name: "renews the token before it expires",
    control: { kind: "boolean" },
    widgetOption: null,
    apiField: null,
    presetKeeps: true,
    versions: V5_ONLY,
    previewOnly: true,
    dependsOn: "personalConnections",
  }),
  // Last in the table: share links write keys in table order, and older links stay unchanged.
  loading: row({
    schema: z.enum(LOADING_MODES),
    default: "page-load" as LoadingMode,
    section: "loading",
    models: [],
    label: "Load the widget",
    help: "Until consent or a click, the HTML, React and Next.js snippets make no request to the widget's hosts and write no opencx-widget:* key. The other snippets load on page load.",
    target: "(your page: when the widget's script or package loads)",
    urlKey: "ld",
    sensitive: false,
    name: "widget loading",
    control: { kind: "select", choices: LOADING_CHOICES },
    widgetOption: null,
    apiField: null,
    presetKeeps: true,
    versions: BOTH,
    docs: [
      "Consent: the page calls `onOpenCxConsent()` (HTML) or renders `<SupportWidget consented />` when its consent tool says yes.",
      "Click: a launcher styled like the widget's loads the real widget when pressed, then opens it.",
    ],
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

/** A preview setting (the organisation and agent names, the lifecycle card's switches): no snippet carries it. */
export function isPreviewOnly(key: OptionKey): boolean {
  const row: OptionRow = OPTIONS[key];
  return row.previewOnly === true;
}

/**
 * Whether the controls draw `key` while `major` is targeted. A row that major lacks stays drawn,
 * with a note, when it reaches the snippets (they leave it out, and a switch back restores it); a
 * preview setting of the other major means nothing here (v4's remount on v5, v5's keep-mounted
 * on v4) and is not drawn, noted or advised on.
 */
export function shownInVersion(key: OptionKey, major: WidgetMajor): boolean {
  return OPTIONS[key].versions.includes(major) || !isPreviewOnly(key);
}

/** The help a control shows: the model's where the row has one, else the version's, else the row's. */
export function optionHelp(
  key: OptionKey,
  config: Pick<PlaygroundConfig, "model" | "widgetVersion">,
): string {
  const row: OptionRow = OPTIONS[key];
  return row.helpByModel?.[config.model] ?? row.helpByVersion?.[config.widgetVersion] ?? row.help;
}

/** Drops every sensitive field (they fall back to their defaults). */
export function withoutSecrets(config: PlaygroundConfig): PlaygroundConfig {
  const copy = { ...config };
  for (const key of SENSITIVE_KEYS) (copy as Record<string, unknown>)[key] = OPTIONS[key].default;
  return copy;
}
