/**
 * PlaygroundConfig → the exact options object the widget receives, and the
 * body of the server's authenticate-user call (domain.md §10.4, §10.5, §15).
 *
 * Rules (each one is a test in widget-config.test.ts):
 * - exactly one identity source: `collectUserData`, `user.data` or `user.token`;
 * - `prefillUserData` / `extraDataCollectionFields` only next to `collectUserData`;
 * - no `collectUserData` where the widget would ignore it (verified, browser email);
 * - empty values and widget defaults are left out; key order is stable.
 */
import { toApiLanguage, type WidgetLanguage } from "./languages";
import { DEFAULT_PRIMARY_COLOR, OPTIONS, type OptionKey, type PlaygroundConfig } from "./options";
import type { WidgetMajor } from "./versions";

/** Shown in snippets until the user types their widget token. */
export const WIDGET_TOKEN_PLACEHOLDER = "YOUR_WIDGET_TOKEN";
export const OPENCX_API_URL = "https://api.open.cx";
export const AUTHENTICATE_USER_PATH = "/widget/authenticate-user";

export interface WidgetUserData {
  name?: string;
  email?: string;
  avatarUrl?: string;
  customData?: Record<string, string>;
}

export interface WidgetConfig {
  token: string;
  language?: WidgetLanguage;
  theme?: { primaryColor: string };
  collectUserData?: true;
  prefillUserData?: { name?: string; email?: string };
  extraDataCollectionFields?: string[];
  user?: { token: string; externalId?: string } | { data?: WidgetUserData; externalId?: string };
  /** v5 only (domain-v5.md §12): streamed delivery; omitted keeps v4's send-and-poll. */
  streaming?: true;
  /** v5 only: the Connect controls of personal connections. */
  capabilities?: { connections: true };
}

/** What the token may reach (domain-v5.md §10.4): `{}` is every enabled per-user server. */
export interface McpAccess {
  server_ids?: string[];
  account_id?: string;
}

export interface AuthenticateUserRequest {
  email: string;
  name?: string;
  avatar_url?: string;
  phone?: string;
  language?: string;
  customData?: Record<string, string | number | boolean>;
  chat_context?: string;
  /** v5 only, with personal connections: the token then expires after one hour. */
  mcp_access?: McpAccess;
}

/** Whether `option` exists in the widget major `config` targets (v5-only rows are refused on v4). */
export function inVersion(config: PlaygroundConfig, option: OptionKey): boolean {
  return OPTIONS[option].versions.includes(config.widgetVersion);
}

/** The major the config targets. */
export function majorOf(config: PlaygroundConfig): WidgetMajor {
  return config.widgetVersion;
}

/** Whether the server mints the token with `mcp_access` (v5, verified model, switched on). */
export function mintsWithMcpAccess(config: PlaygroundConfig): boolean {
  return (
    config.model === "server" &&
    config.personalConnections &&
    inVersion(config, "personalConnections")
  );
}

/** Rows with an empty key are left out; a later duplicate key wins, as in a JS object literal. */
function rowsToRecord<V>(
  rows: readonly { key: string; value: V }[],
): Record<string, V> | undefined {
  // Object.fromEntries defines own properties, so even a "__proto__" key survives.
  const out = Object.fromEntries(
    rows.filter((r) => r.key !== "").map((r) => [r.key, r.value]),
  ) as Record<string, V>;
  return Object.keys(out).length > 0 ? out : undefined;
}

function compact<T extends object>(obj: T): T | undefined {
  const out = Object.fromEntries(
    Object.entries(obj).filter(([, v]) => v !== undefined && v !== ""),
  );
  return Object.keys(out).length > 0 ? (out as T) : undefined;
}

/** Whether the widget will show and use the welcome form's collection for this config. */
export function collectsUserData(config: PlaygroundConfig): boolean {
  if (config.model === "collect") return true;
  if (config.model === "browser") return config.collectUserData && config.userEmail === "";
  return false;
}

export interface WidgetConfigContext {
  /**
   * The contact token for the verified model. Snippets pass a marker that they
   * print as a variable; the preview passes the token it obtained. Never read
   * from the config here: the config's token is sensitive and must be passed on purpose.
   */
  contactToken?: string;
}

export function toWidgetConfig(
  config: PlaygroundConfig,
  ctx: WidgetConfigContext = {},
): WidgetConfig {
  const out: WidgetConfig = { token: config.widgetToken || WIDGET_TOKEN_PLACEHOLDER };
  if (config.language !== "en") out.language = config.language;
  const primaryColor = config.primaryColor.trim();
  if (primaryColor !== DEFAULT_PRIMARY_COLOR && primaryColor !== "") out.theme = { primaryColor };
  if (collectsUserData(config)) {
    out.collectUserData = true;
    // Only the Collect model configures the form; a browser config that also
    // collects keeps its prefill/extra values out (they belong to another model).
    if (config.model === "collect") {
      const prefill = compact({ name: config.prefillName, email: config.prefillEmail });
      if (prefill) out.prefillUserData = prefill;
      const extra = config.extraFields.filter((f) => f.trim() !== "");
      if (extra.length > 0) out.extraDataCollectionFields = extra;
    }
  }
  const externalId = config.externalId || undefined;
  if (config.model === "server") {
    const token = ctx.contactToken ?? "";
    out.user = externalId ? { token, externalId } : { token };
  } else if (config.model === "browser") {
    const data = compact<WidgetUserData>({
      name: config.userName,
      email: config.userEmail,
      avatarUrl: config.userAvatarUrl,
      customData: rowsToRecord(config.userCustomData),
    });
    const user: { data?: WidgetUserData; externalId?: string } = {};
    if (data) user.data = data;
    if (externalId) user.externalId = externalId;
    if (data || externalId) out.user = user;
  } else if (externalId) {
    out.user = { externalId };
  }
  // v5-only keys never reach a v4 snippet ("Do not add v5-only options to a v4 installation").
  if (config.streaming && inVersion(config, "streaming")) out.streaming = true;
  if (config.capabilitiesConnections && inVersion(config, "capabilitiesConnections")) {
    out.capabilities = { connections: true };
  }
  return out;
}

/** The `mcp_access` block of the authenticate-user body, or `undefined` when it is not sent. */
export function toMcpAccess(config: PlaygroundConfig): McpAccess | undefined {
  if (!mintsWithMcpAccess(config)) return undefined;
  const access: McpAccess = {};
  if (config.mcpServerScope === "listed") {
    access.server_ids = config.mcpServerIds.filter((id) => id.trim() !== "");
  }
  if (config.mcpAccountId !== "") access.account_id = config.mcpAccountId;
  return access;
}

/** The JSON body your server sends to authenticate-user. */
export function toAuthenticateRequest(config: PlaygroundConfig): AuthenticateUserRequest {
  // "Not sent" is the empty code, which toApiLanguage calls unsupported like `lb` and `mt`.
  const language = toApiLanguage(config.serverLanguage);
  const body: AuthenticateUserRequest = { email: config.serverEmail };
  if (config.serverName) body.name = config.serverName;
  if (config.serverAvatarUrl) body.avatar_url = config.serverAvatarUrl;
  if (config.serverPhone) body.phone = config.serverPhone;
  if (language.kind !== "unsupported") body.language = language.code;
  const customData = rowsToRecord(config.serverCustomData);
  if (customData) body.customData = customData;
  if (config.serverChatContext) body.chat_context = config.serverChatContext;
  const mcpAccess = toMcpAccess(config);
  if (mcpAccess) body.mcp_access = mcpAccess;
  return body;
}
