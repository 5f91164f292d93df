/**
 * The authenticate-user request body (domain.md §10.4), validated with zod.
 *
 * Decisions where the public docs are silent (domain.md §16.4, §16.7):
 * - Unknown top-level fields are rejected (400 `unknown_field`), naming them and
 *   suggesting the right spelling: the docs' own recipe sends `custom_data`,
 *   which the API does not read (domain.md §13.2), and a silent drop would hide that.
 * - `email` is trimmed, then must be a valid address (zod's email pattern).
 * - `customData` and `http_action_overrides.body_params` accept any JSON value
 *   (string, number, boolean, null, nested objects and arrays) within `SANDBOX_LIMITS`.
 * - `query_params`, `path_params` and `headers` take strings, numbers and booleans;
 *   header names must be HTTP tokens.
 * - Empty keys are rejected: the playground never sends them, and one is almost always a mistake.
 */
import "../config/zod"; // jitless: no eval under the CSP
import { z } from "zod";
import { API_LANGUAGES, toApiLanguage, type ApiLanguage } from "../config/languages";
import { sandboxError, type SandboxError } from "./errors";
import {
  copyBoundedObject,
  isPlainObject,
  type JsonObject,
  type PathSegment,
  type Scalar,
} from "./json-value";
import { ALL_SERVERS_ID, SANDBOX_LIMITS } from "./settings";

export interface HttpActionOverrides {
  query_params?: Record<string, Scalar>;
  path_params?: Record<string, Scalar>;
  body_params?: JsonObject;
  headers?: Record<string, Scalar>;
}

/** A valid authenticate-user body, as the sandbox understood it. */
export interface SandboxAuthenticateRequest {
  /** Trimmed. */
  email: string;
  name?: string;
  avatar_url?: string | null;
  phone?: string;
  language?: ApiLanguage;
  customData?: JsonObject;
  chat_context?: string;
  http_action_overrides?: HttpActionOverrides;
  /** v5 personal connections (domain-v5.md §10.4): the token then expires after one hour. */
  mcp_access?: { server_ids?: string[]; account_id?: string };
}

export const BODY_FIELDS = [
  "email",
  "name",
  "avatar_url",
  "phone",
  "language",
  "customData",
  "chat_context",
  "http_action_overrides",
  "mcp_access",
] as const;

export const MCP_ACCESS_FIELDS = ["server_ids", "account_id"] as const;

export const HTTP_ACTION_OVERRIDE_FIELDS = [
  "query_params",
  "path_params",
  "body_params",
  "headers",
] as const;

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** `customData.plan`, `customData.tags[2]`, `customData["odd key"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment) && segment.length <= 64)
      out += out === "" ? segment : `.${segment}`;
    else out += `[${quote(segment)}]`;
  }
  return out;
}

/** A client-supplied name, JSON-quoted and cut short, safe to put in a message. */
function quote(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

function text(field: string, max: number) {
  return z
    .string({ error: `${field} must be a string` })
    .max(max, { error: `${field} must be at most ${max} characters` });
}

/** A zod field backed by a bounded JSON copy; issues carry the path inside the field. */
function boundedObject<T extends JsonObject | Record<string, Scalar>>(
  field: string,
  options: Parameters<typeof copyBoundedObject>[1],
) {
  return z.unknown().transform((value, ctx): T => {
    const copy = copyBoundedObject(value, options);
    if (copy.ok) return copy.value as T;
    const where = formatPath([...field.split("."), ...copy.path]);
    ctx.addIssue({ code: "custom", message: `${where} ${copy.message}`, path: copy.path });
    return z.NEVER;
  });
}

const languageError = (issue: { input?: unknown }): string => {
  const input = issue.input;
  if (typeof input !== "string")
    return "language must be a string: one of the API's 56 language codes";
  const mapping = toApiLanguage(input);
  if (mapping.kind === "mapped") {
    return `language ${quote(input)} is a widget code; the API spells it ${quote(mapping.code)}`;
  }
  const lower = input.trim().toLowerCase();
  if ((API_LANGUAGES as readonly string[]).includes(lower)) {
    return `language ${quote(input)} must be written exactly ${quote(lower)}`;
  }
  return `language ${quote(input)} is not one of the API's 56 codes (${API_LANGUAGES.slice(0, 8).join(", ")}, …)`;
};

const httpActionOverridesSchema = z.strictObject(
  {
    query_params: boundedObject<Record<string, Scalar>>("http_action_overrides.query_params", {
      scalarsOnly: true,
    }).optional(),
    path_params: boundedObject<Record<string, Scalar>>("http_action_overrides.path_params", {
      scalarsOnly: true,
    }).optional(),
    body_params: boundedObject<JsonObject>("http_action_overrides.body_params", {}).optional(),
    headers: boundedObject<Record<string, Scalar>>("http_action_overrides.headers", {
      scalarsOnly: true,
      headerNames: true,
    }).optional(),
  },
  { error: "http_action_overrides must be an object" },
);

/**
 * `mcp_access` (domain-v5.md §10.4; its exact server schema is UNKNOWN, so the sandbox takes the
 * shape the widget decodes): `{}` grants every enabled per-user server, `server_ids` restricts
 * them (`[]` allows none), `account_id` names the account or workspace. `"*"` is refused as an
 * id: the sandbox's tokens use it for the all-servers grant (`ALL_SERVERS_ID`).
 */
const mcpAccessSchema = z.strictObject(
  {
    server_ids: z
      .array(
        z
          .string({ error: "mcp_access.server_ids must hold strings" })
          .min(1, { error: "mcp_access.server_ids must not hold an empty id" })
          .max(SANDBOX_LIMITS.serverId, {
            error: `mcp_access.server_ids entries must be at most ${SANDBOX_LIMITS.serverId} characters`,
          })
          .refine((id) => id !== ALL_SERVERS_ID, {
            error: `mcp_access.server_ids must not hold "${ALL_SERVERS_ID}": the sandbox writes it into tokens for the all-servers grant; send mcp_access: {} for every enabled server`,
          }),
        { error: "mcp_access.server_ids must be an array of strings" },
      )
      .max(SANDBOX_LIMITS.serverIds, {
        error: `mcp_access.server_ids must hold at most ${SANDBOX_LIMITS.serverIds} ids`,
      })
      .optional(),
    account_id: z
      .string({ error: "mcp_access.account_id must be a string" })
      .min(1, { error: "mcp_access.account_id must not be empty (leave it out instead)" })
      .max(SANDBOX_LIMITS.accountId, {
        error: `mcp_access.account_id must be at most ${SANDBOX_LIMITS.accountId} characters`,
      })
      .optional(),
  },
  { error: 'mcp_access must be an object, like {} or { server_ids: ["github"] }' },
);

const bodySchema = z.strictObject({
  email: z
    .string({ error: "email must be a string" })
    .trim()
    .max(SANDBOX_LIMITS.email, {
      error: `email must be at most ${SANDBOX_LIMITS.email} characters`,
    })
    .pipe(z.email({ error: "email must be a valid email address, like jane@example.com" })),
  name: text("name", SANDBOX_LIMITS.name).optional(),
  avatar_url: z
    .string({ error: "avatar_url must be a string or null" })
    .max(SANDBOX_LIMITS.avatarUrl, {
      error: `avatar_url must be at most ${SANDBOX_LIMITS.avatarUrl} characters`,
    })
    .nullable()
    .optional(),
  phone: text("phone", SANDBOX_LIMITS.phone).optional(),
  language: z.enum(API_LANGUAGES, { error: languageError }).optional(),
  customData: boundedObject<JsonObject>("customData", {}).optional(),
  chat_context: text("chat_context", SANDBOX_LIMITS.chatContext).optional(),
  http_action_overrides: httpActionOverridesSchema.optional(),
  mcp_access: mcpAccessSchema.optional(),
});

/** `custom_data` → `customData`, `avatarUrl` → `avatar_url`: same letters, other casing or separators. */
function suggestion(key: string, known: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, "");
  return known.find((k) => squash(k) === squash(key));
}

function unknownFieldsError(
  keys: readonly string[],
  parent: PathSegment[],
  known: readonly string[],
): SandboxError {
  const first = keys[0] ?? "";
  const listed = keys.slice(0, 5).map((k) => {
    const hint = suggestion(k, known);
    return hint ? `${quote(k)} (did you mean ${quote(hint)}?)` : quote(k);
  });
  const more = keys.length > 5 ? ` and ${keys.length - 5} more` : "";
  const where = parent.length > 0 ? ` in ${formatPath(parent)}` : "";
  const plural = keys.length > 1 ? "s" : "";
  return sandboxError(
    400,
    "unknown_field",
    `Unknown field${plural}${where}: ${listed.join(", ")}${more}. Allowed: ${known.join(", ")}.`,
    formatPath([...parent, first]),
  );
}

export type ParseBodyResult =
  { success: true; data: SandboxAuthenticateRequest } | { success: false; error: SandboxError };

/**
 * Validates a parsed JSON body. Never throws. On failure the error names one
 * field: unknown fields first (the likeliest typo), then the first invalid field
 * in `BODY_FIELDS` order.
 */
export function parseAuthenticateBody(input: unknown): ParseBodyResult {
  if (!isPlainObject(input)) {
    const got = input === null ? "null" : Array.isArray(input) ? "an array" : `a ${typeof input}`;
    return {
      success: false,
      error: sandboxError(
        400,
        "invalid_body",
        `The body must be a JSON object with at least "email", not ${got}.`,
      ),
    };
  }
  const result = bodySchema.safeParse(input);
  if (result.success) return { success: true, data: result.data as SandboxAuthenticateRequest };

  const issues = result.error.issues;
  const unknown = issues.find((i) => i.code === "unrecognized_keys" && i.path.length === 0);
  if (unknown && unknown.code === "unrecognized_keys") {
    return { success: false, error: unknownFieldsError(unknown.keys, [], BODY_FIELDS) };
  }
  const issue = issues[0];
  if (!issue)
    return { success: false, error: sandboxError(400, "invalid_body", "The body is not valid.") };
  if (issue.code === "unrecognized_keys") {
    const parent = issue.path.filter((p): p is PathSegment => typeof p !== "symbol");
    const known = parent[0] === "mcp_access" ? MCP_ACCESS_FIELDS : HTTP_ACTION_OVERRIDE_FIELDS;
    return { success: false, error: unknownFieldsError(issue.keys, parent, known) };
  }
  const path = issue.path.filter((p): p is PathSegment => typeof p !== "symbol");
  const field = formatPath(path);
  if (field === "email" && !Object.hasOwn(input, "email")) {
    return {
      success: false,
      error: sandboxError(
        400,
        "missing_field",
        "email is required: the signed-in user's email address.",
        "email",
      ),
    };
  }
  const more =
    issues.length > 1
      ? ` (${issues.length - 1} more problem${issues.length > 2 ? "s" : ""} after this one)`
      : "";
  return {
    success: false,
    error: sandboxError(400, "invalid_field", `${issue.message}.${more}`, field),
  };
}
