/**
 * Fixed values and environment settings of the sandbox authenticate-user
 * endpoint (same contract as `POST https://api.open.cx/widget/authenticate-user`,
 * domain.md §10.4).
 *
 * This is a sandbox: its one API key is public on purpose, and its signing
 * secret has a development default. Nothing it issues is accepted by open.cx.
 */

/**
 * The only key the sandbox accepts. Public on purpose and shaped so that no
 * secret scanner or `sk_(live|test)_` check mistakes it for a real OpenCX key.
 */
export const SANDBOX_API_KEY = "sk_sandbox_identity_playground_demo";

/** `iss` of every sandbox token. */
export const SANDBOX_ISSUER = "identity-playground-sandbox";
/** `aud` of every sandbox token. */
export const SANDBOX_AUDIENCE = "opencx-widget";

/** The sandbox's one organisation: `sub.payload.org_id` of every sandbox token. */
export const SANDBOX_ORG_ID = "org_sandbox_identity_playground";

/** `sub.type` of a widget contact token (domain-v5.md §10.4). */
export const WIDGET_CONTACT_TYPE = "widget-contact";

/** Tokens minted with `mcp_access` expire this many seconds after `iat` (one hour, domain-v5.md §15.9). */
export const MCP_TOKEN_LIFETIME_SECONDS = 3600;

/**
 * SANDBOX-ONLY DEMO FEATURE, not part of open.cx's API: a request header that asks for a
 * *shorter* lifetime (whole seconds, 1 to 3600) for a token minted with `mcp_access`, so the
 * playground can show an expiry and a renewal without waiting an hour. It never lengthens a
 * token, and chat-only tokens (no `mcp_access`) never expire, so it is refused there.
 */
export const TOKEN_LIFETIME_HEADER = "X-Sandbox-Token-Lifetime";

/**
 * How the sandbox writes an all-servers grant (`mcp_access: {}`) into a token: `server_ids: ["*"]`.
 * The real claim layout of that grant is UNKNOWN (domain-v5.md §16.3), and the widget's claim
 * schema requires `server_ids`, so the sandbox needs *some* list. An entry of its own (rather
 * than `[]`, which means "no server", or a marker beside the list) keeps "all" apart from "none"
 * and from any explicit list in the widget's fingerprint, which reads only `server_ids` and
 * `account_id`: swapping an all-servers token for a listed one resets, like any change of list.
 * The sandbox refuses `"*"` as a server id in a request, so the encoding is never ambiguous.
 */
export const ALL_SERVERS_ID = "*";

/**
 * Signing secret used when `SANDBOX_JWT_SECRET` is not set. DEVELOPMENT ONLY:
 * it is in the source, so anyone can mint tokens with it. Fine for a sandbox
 * whose tokens open nothing; set `SANDBOX_JWT_SECRET` on a shared deployment.
 */
export const SANDBOX_DEV_JWT_SECRET =
  "identity-playground-sandbox-DEV-ONLY-secret-not-for-production";

/** Default requests per minute per client; generous enough for test suites. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60;

/** Bounds on what the sandbox accepts. Far above real use, low enough to keep memory and tokens small. */
export const SANDBOX_LIMITS = {
  /** Request body, in bytes (16 KiB). Larger → 413. */
  maxBodyBytes: 16 * 1024,
  email: 254,
  name: 256,
  avatarUrl: 2048,
  phone: 64,
  chatContext: 8000,
  /** `mcp_access.server_ids`: how many ids, and how long each. */
  serverIds: 100,
  serverId: 200,
  accountId: 200,
  /** Keys in `customData` and the `http_action_overrides` objects. */
  keyLength: 128,
  /** String values anywhere inside `customData` / `http_action_overrides`. */
  stringValue: 4000,
  /** Nesting below `customData` / `body_params` (1 = flat object). */
  jsonDepth: 5,
  /** Entries in one object or array. */
  containerEntries: 100,
  /** Values (leaves and containers) in one `customData` / `http_action_overrides` sub-object. */
  jsonNodes: 1000,
  /** `customData` is copied into the token only when its JSON is at most this many bytes. */
  customDataInToken: 1024,
  /** Distinct clients the rate limiter remembers; the least recently seen is evicted first. */
  rateLimitClients: 10_000,
  /** Client keys (from `x-forwarded-for`) are cut to this length. */
  clientKey: 100,
} as const;

export interface SandboxSettings {
  /** HS256 secret for tokens and contact ids. */
  jwtSecret: string;
  /** Requests per minute per client; 0 turns the limiter off. */
  rateLimitPerMinute: number;
  /** Clock in milliseconds; tests inject one. */
  now: () => number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads `SANDBOX_JWT_SECRET` (blank → the dev default). */
export function sandboxSecretFromEnv(env: Env = process.env): string {
  const secret = env.SANDBOX_JWT_SECRET;
  return secret !== undefined && secret.trim() !== "" ? secret : SANDBOX_DEV_JWT_SECRET;
}

/**
 * Reads `SANDBOX_RATE_LIMIT_PER_MINUTE`: a whole number ≥ 0, where 0 means off.
 * Anything else (unset, blank, negative, fractional, text) → the default.
 */
export function rateLimitFromEnv(env: Env = process.env): number {
  const raw = env.SANDBOX_RATE_LIMIT_PER_MINUTE?.trim() ?? "";
  if (!/^\d{1,9}$/.test(raw)) return DEFAULT_RATE_LIMIT_PER_MINUTE;
  return Number(raw);
}

export function sandboxSettingsFromEnv(env: Env = process.env): SandboxSettings {
  return {
    jwtSecret: sandboxSecretFromEnv(env),
    rateLimitPerMinute: rateLimitFromEnv(env),
    now: Date.now,
  };
}
