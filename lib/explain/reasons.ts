/**
 * One plain-words line per changed option: what the option is called in the code and what the
 * change does for the widget or the visitor ("collectUserData on → the widget asks for name and
 * email before the chat"). The values the user typed are never repeated (they can be long, and
 * some are secrets); only choices from a fixed list are named.
 *
 * Every option has a reason (the record's type says so), including preview settings, which no
 * snippet shows: a change to one never reaches these lines through a snippet diff, but the
 * record stays complete so a later option cannot be forgotten.
 */
import { LANGUAGE_NAMES } from "../config/languages";
import {
  OPTIONS,
  type IdentityModel,
  type LoadingMode,
  type OptionKey,
  type PlaygroundConfig,
} from "../config/options";
import { WIDGET_MAJOR_INFO, WIDGET_PINS } from "../config/versions";
import type { SnippetChange } from "./explain";

type Reason = (before: PlaygroundConfig, after: PlaygroundConfig) => string;

const isSet = (value: unknown) =>
  Array.isArray(value)
    ? value.length > 0
    : typeof value === "string"
      ? value.trim() !== ""
      : Boolean(value);

/** "name → effect when set" or "name cleared → effect when empty", by the new value. */
const setOrCleared =
  (key: OptionKey, name: string, whenSet: string, whenCleared: string): Reason =>
  (_before, after) =>
    isSet(after[key]) ? `${name} → ${whenSet}` : `${name} cleared → ${whenCleared}`;

const onOff =
  (key: OptionKey, name: string, whenOn: string, whenOff: string): Reason =>
  (_before, after) =>
    after[key] ? `${name} on → ${whenOn}` : `${name} off → ${whenOff}`;

const MODEL_EFFECT: Readonly<Record<IdentityModel, string>> = {
  anonymous: "anonymous → no identity: the widget keeps one contact for this browser",
  collect: "collect in the widget → the widget asks for name and email before the chat",
  browser:
    "pass from the browser → the page gives the widget the visitor's details in user.data (not verified)",
  server: "verified → the org API key moves to your server; the page only receives the token",
};

/** What each loading mode does, for a change of it. */
const LOADING_EFFECT: Readonly<Record<LoadingMode, string>> = {
  "page-load":
    "load on page load → the widget's script loads with the page, as its own instructions say",
  consent:
    "load after consent → no widget request or storage until your consent tool calls the page's function",
  click:
    "load on click → a look-alike launcher; the real widget loads and opens when it is pressed",
};

const serverField = (field: string, effect: string): Reason =>
  setOrCleared(
    OPTION_BY_API_FIELD[field]!,
    `${field} in authenticate-user`,
    effect,
    "your server no longer sends it",
  );

const OPTION_BY_API_FIELD: Readonly<Record<string, OptionKey>> = Object.fromEntries(
  (Object.keys(OPTIONS) as OptionKey[])
    .filter((key) => OPTIONS[key].apiField !== null)
    .map((key) => [OPTIONS[key].apiField, key]),
);

export const REASONS: Readonly<Record<OptionKey, Reason>> = {
  widgetVersion: (_before, after) => {
    const major = after.widgetVersion;
    const label = `widget ${WIDGET_MAJOR_INFO[major].label}`;
    return major === "v5"
      ? `${label} → pinned @${WIDGET_PINS[major]}; the script loads with defer and starts on DOMContentLoaded`
      : `${label} → pinned @${WIDGET_PINS[major]}; options only v5 has are left out`;
  },
  model: (_before, after) => MODEL_EFFECT[after.model],
  widgetToken: setOrCleared(
    "widgetToken",
    "widget token",
    "the public token that names your organisation's widget",
    "the snippet shows a placeholder to replace",
  ),
  collectUserData: onOff(
    "collectUserData",
    "collectUserData",
    "the widget asks for name and email before the chat",
    "no welcome form: the chat opens at once",
  ),
  prefillName: setOrCleared(
    "prefillName",
    "prefillUserData.name",
    "the welcome form starts with the name filled in",
    "the form's name field starts empty",
  ),
  prefillEmail: setOrCleared(
    "prefillEmail",
    "prefillUserData.email",
    "the welcome form starts with the email filled in",
    "the form's email field starts empty",
  ),
  extraFields: (_before, after) => {
    const count = after.extraFields.length;
    return count === 0
      ? "extraDataCollectionFields cleared → the welcome form asks only for name and email"
      : `extraDataCollectionFields → the welcome form asks for ${count} more ${count === 1 ? "field" : "fields"}; the answers go with the first message`;
  },
  externalId: setOrCleared(
    "externalId",
    "user.externalId",
    "the visitor's sessions are scoped to this id",
    "sessions are no longer scoped to an id",
  ),
  userName: setOrCleared(
    "userName",
    "user.data.name",
    "the page names the visitor (not verified)",
    "the page no longer names the visitor",
  ),
  userEmail: setOrCleared(
    "userEmail",
    "user.data.email",
    "the contact is upserted on every page load and the welcome form is skipped (not verified)",
    "the page no longer identifies the visitor by email",
  ),
  userAvatarUrl: setOrCleared(
    "userAvatarUrl",
    "user.data.avatarUrl",
    "in the options, though neither widget version sends it when creating the contact",
    "the avatar URL is no longer passed",
  ),
  userCustomData: setOrCleared(
    "userCustomData",
    "user.data.customData",
    "extra facts about the visitor are saved on the contact, untrusted",
    "no custom data from the page",
  ),
  serverEmail: serverField(
    "email",
    "your server names the signed-in user; the token is verified for it",
  ),
  serverName: serverField("name", "the verified contact gets this display name"),
  serverAvatarUrl: serverField("avatar_url", "the verified contact gets this avatar"),
  serverPhone: serverField("phone", "the verified contact gets this phone number"),
  serverLanguage: (_before, after) =>
    isSet(after.serverLanguage)
      ? `language in authenticate-user → the contact's language is ${LANGUAGE_NAMES[after.serverLanguage] ?? after.serverLanguage}`
      : "language in authenticate-user cleared → your server no longer sends it",
  serverCustomData: serverField(
    "customData",
    "trusted facts about the user, saved on the contact by your server",
  ),
  serverChatContext: serverField("chat_context", "the AI agent reads this context when it answers"),
  personalConnections: onOff(
    "personalConnections",
    "mcp_access",
    "the token can use personal connections and expires after one hour: the page renews it",
    "a chat-only token that does not expire",
  ),
  mcpServerScope: (_before, after) =>
    after.mcpServerScope === "all"
      ? "mcp_access scope → the token may use every enabled per-user server"
      : "mcp_access scope → the token may use only the servers in server_ids",
  mcpServerIds: setOrCleared(
    "mcpServerIds",
    "mcp_access.server_ids",
    "the token may use only these servers",
    "an empty list: the token may use no server",
  ),
  mcpAccountId: setOrCleared(
    "mcpAccountId",
    "mcp_access.account_id",
    "the connections act in this account",
    "no account is named",
  ),
  apiKey: () => "org API key → stays on your server, read from OPENCX_API_KEY; never in the page",
  contactToken: setOrCleared(
    "contactToken",
    "user.token",
    "the page passes the contact token your server minted",
    "the page passes no contact token",
  ),
  streaming: onOff(
    "streaming",
    "streaming",
    "replies appear as they are written",
    "replies arrive whole, as on v4",
  ),
  capabilitiesConnections: onOff(
    "capabilitiesConnections",
    "capabilities.connections",
    "the widget shows the Connect controls for personal connections",
    "the Connect controls are hidden (not a security control)",
  ),
  primaryColor: () =>
    "theme.primaryColor → the widget's buttons, bubbles and launcher take this colour",
  language: (_before, after) =>
    `language → the widget's own texts are in ${LANGUAGE_NAMES[after.language] ?? after.language}`,
  orgName: () => "organisation name → preview only: the widget reads it from your organisation",
  agentName: () => "agent name → preview only: the widget reads it from your organisation",
  signOutClearsKeys: onOff(
    "signOutClearsKeys",
    "sign-out clears the widget's keys",
    "the next person on this computer starts with a fresh contact",
    "the next person on a shared computer continues the last one's chat",
  ),
  remountOnIdentityChange: onOff(
    "remountOnIdentityChange",
    "remount on identity change",
    "v4 reads the new identity when the user signs in, out or switches",
    "v4 keeps the identity it was mounted with",
  ),
  keepMounted: onOff(
    "keepMounted",
    "keep mounted",
    "a renewed token keeps the conversation",
    "every renewed token remounts the widget",
  ),
  renewsToken: onOff(
    "renewsToken",
    "token renewal",
    "the page fetches a new token before the hour is up",
    "the widget stops working when the token expires",
  ),
  loading: (_before, after) => LOADING_EFFECT[after.loading],
};

/** The plain-words reason for one changed option. */
export function reasonFor(
  key: OptionKey,
  before: PlaygroundConfig,
  after: PlaygroundConfig,
): string {
  return REASONS[key](before, after);
}

/** The reasons for a set of options, in the order given, without repeats. */
export function reasonsFor(
  keys: readonly OptionKey[],
  before: PlaygroundConfig,
  after: PlaygroundConfig,
): string[] {
  return [...new Set(keys.map((key) => reasonFor(key, before, after)))];
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * One short sentence for a screen reader: what changed in this snippet and why. One per change,
 * never one per line.
 */
export function changeSummary(
  label: string,
  change: SnippetChange,
  before: PlaygroundConfig,
  after: PlaygroundConfig,
): string {
  const changedLines = change.files.reduce(
    (sum, f) => sum + f.hunks.reduce((s, h) => s + (h.after.end - h.after.start), 0),
    0,
  );
  const removedLines = change.files.reduce(
    (sum, f) => sum + f.hunks.reduce((s, h) => s + h.removed.length, 0),
    0,
  );
  const parts: string[] = [];
  if (changedLines > 0) parts.push(plural(changedLines, "line changed", "lines changed"));
  if (removedLines > 0) parts.push(plural(removedLines, "line removed", "lines removed"));
  const newFiles = change.files.filter((f) => f.added).length;
  if (newFiles > 0) parts.push(plural(newFiles, "new file", "new files"));
  if (change.removedFiles.length > 0)
    parts.push(plural(change.removedFiles.length, "file removed", "files removed"));
  if (change.install) parts.push("new install command");
  const what = parts.length > 0 ? parts.join(", ") : "changed";
  return `${label} snippet: ${what}. ${reasonsFor(change.options, before, after).join("; ")}.`;
}
