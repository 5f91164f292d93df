/**
 * What every generator shares: the widget options and the authenticate-user
 * body as printable values, the names the snippets agree on, and the version
 * line. All of it comes from `toWidgetConfig` / `toAuthenticateRequest`, so
 * the snippets can never disagree with the preview.
 */
import { LANGUAGE_NAMES, toApiLanguage } from "../config/languages";
import type { PlaygroundConfig } from "../config/options";
import {
  AUTHENTICATE_USER_PATH,
  mintsWithMcpAccess,
  OPENCX_API_URL,
  toAuthenticateRequest,
  toWidgetConfig,
} from "../config/widget-config";
import { versionNote, WIDGET_PINS, type WidgetMajor } from "../config/versions";
import { raw, type PrintableObject, type PrintableValue } from "./print/core";

/** The variable that holds the contact token fetched from the integrator's backend. */
export const CONTACT_TOKEN_VARIABLE = "contactToken";

/** The same-origin endpoint the page calls; the Express and Next.js snippets implement it. */
export const CONTACT_TOKEN_ENDPOINT = "/api/opencx/contact-token";

/** Where the server snippets read their secrets and settings. */
export const API_KEY_ENV = "OPENCX_API_KEY";
export const API_URL_ENV = "OPENCX_API_URL";

export { AUTHENTICATE_USER_PATH, OPENCX_API_URL };

/** Every snippet says which widget it targets, with its exact pin (never `latest`). */
export const snippetVersionNote = (major: WidgetMajor) => versionNote(major);

export const embedScriptUrl = (major: WidgetMajor) =>
  `https://unpkg.com/@opencx/widget@${WIDGET_PINS[major]}/dist-embed/script.js`;
export const REACT_PACKAGE = "@opencx/widget-react";
export const reactInstall = (major: WidgetMajor) =>
  `npm install --save-exact ${REACT_PACKAGE}@${WIDGET_PINS[major]}`;

/** The widget major a config's snippets target. */
export const majorOfConfig = (config: PlaygroundConfig): WidgetMajor => config.widgetVersion;

/**
 * Whether the front end must renew its contact token: v5 with a token minted with
 * `mcp_access`, which expires after one hour (domain-v5.md §10.4, §15.9). Chat-only tokens
 * do not expire and get no renewal code (`lifecycle.ts` prints both).
 */
export const rendersRenewal = (config: PlaygroundConfig): boolean => mintsWithMcpAccess(config);

/** Whether the snippets use the verified model (a contact token minted by the integrator's server). */
export function isVerified(config: PlaygroundConfig): boolean {
  return config.model === "server";
}

/**
 * The widget options as a printable value. In the verified model `user.token`
 * is the variable holding the fetched token, never `config.contactToken`.
 */
export function widgetOptionsValue(config: PlaygroundConfig): PrintableValue {
  // An empty marker keeps the sensitive `config.contactToken` out of the model entirely.
  const options = toWidgetConfig(config, { contactToken: "" });
  const value = structuredClone(options) as unknown as Record<string, PrintableValue>;
  const user = value.user as Record<string, PrintableValue> | undefined;
  if (user && "token" in user) user.token = raw(CONTACT_TOKEN_VARIABLE);
  return value;
}

/** The authenticate-user JSON body, with the playground's sample values. */
export function authenticateBodyValue(config: PlaygroundConfig): PrintableValue {
  return structuredClone(toAuthenticateRequest(config)) as unknown as PrintableValue;
}

/** The parameter of every server snippet's token function: the signed-in user's email. */
export const EMAIL_PARAMETER = "email";

/**
 * The body a server snippet's token function sends: the playground's sample values, except
 * `email`, which is the function's parameter (the signed-in user's, from the caller's session),
 * printed as that name. Only the cURL script, which mints for one user, sends the sample email.
 */
export function authenticateBodyForEmailParameter(config: PlaygroundConfig): PrintableValue {
  const body = authenticateBodyValue(config) as PrintableObject;
  // Assigning an existing key keeps its place: email stays the first member, as the API lists it.
  return { ...body, email: raw(EMAIL_PARAMETER) };
}

/** Indents every non-empty line of `text` by `spaces`. */
export function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");
}

/**
 * A comment line for the server snippets when the chosen language is not sent
 * as typed: the authenticate-user enum spells some codes differently and lacks
 * others (domain.md §9).
 */
export function languageNote(config: PlaygroundConfig): string[] {
  if (config.serverLanguage === "") return [];
  const mapping = toApiLanguage(config.serverLanguage);
  const name = LANGUAGE_NAMES[config.serverLanguage] ?? config.serverLanguage;
  if (mapping.kind === "mapped") {
    return [`language: ${mapping.from} is sent as ${mapping.code}, the API's code for ${name}.`];
  }
  if (mapping.kind === "unsupported") {
    return [`language is left out: the API has no code for ${mapping.from} (${name}).`];
  }
  return [];
}

/**
 * Comment lines for the server snippets when the body carries `mcp_access` (domain-v5.md
 * §10.4, §15.8): what each shape grants, that the token then expires after one hour, and that
 * the scope comes from trusted server-side state. Empty otherwise.
 */
export function mcpAccessNote(config: PlaygroundConfig): string[] {
  if (!mintsWithMcpAccess(config)) return [];
  return [
    "mcp_access turns on personal connections (widget v5): the user can connect their own accounts.",
    "A token minted with it expires after one hour, so the page fetches a new one before then.",
    "Leave mcp_access out for a chat-only token that does not expire. {} allows every per-user",
    "server enabled in your organisation; server_ids: [...] only those ([] none); account_id names",
    "the account or workspace the user is acting in, for products where users switch between them.",
    "Decide server_ids and account_id from your own server-side state, never from the browser.",
  ];
}

/**
 * A comment line for the front-end snippets when the token carries `mcp_access` but the
 * options lack `streaming: true` or `capabilities.connections: true`: personal connections
 * need all three (domain-v5.md §15.10). Empty when nothing is missing.
 */
export function connectionSwitchesNote(config: PlaygroundConfig): string[] {
  if (!mintsWithMcpAccess(config)) return [];
  const options = toWidgetConfig(config, { contactToken: "" });
  const missing = [
    options.streaming ? null : "streaming: true",
    options.capabilities?.connections ? null : "capabilities: { connections: true }",
  ].filter((m): m is string => m !== null);
  if (missing.length === 0) return [];
  return [`Personal connections stay off without ${missing.join(" and ")} in these options.`];
}
