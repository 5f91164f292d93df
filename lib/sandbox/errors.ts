/**
 * The sandbox's one error shape and its JSON responses.
 *
 * Every error is `{ "error": { "status", "code", "message", "field"? } }`:
 * `status` repeats the HTTP status, `code` is a stable snake_case id to branch
 * on, `message` is a sentence saying what to change, and `field` is the dotted
 * path of the offending body field (`customData.plan`, `http_action_overrides.headers`)
 * when one applies, or the name of the offending request header (`X-Sandbox-Token-Lifetime`). Every response carries `Cache-Control: no-store`.
 */

export type SandboxErrorCode =
  | "method_not_allowed"
  | "rate_limited"
  | "missing_authorization"
  | "malformed_authorization"
  | "invalid_api_key"
  | "unsupported_media_type"
  | "payload_too_large"
  | "invalid_json"
  | "invalid_body"
  | "unknown_field"
  | "missing_field"
  | "invalid_field"
  /** A request header the sandbox reads (the demo lifetime header) has a bad value. */
  | "invalid_header"
  /** Never expected: a bug in the sandbox, not the request. */
  | "internal_error";

export interface SandboxError {
  status: number;
  code: SandboxErrorCode;
  message: string;
  field?: string;
}

export interface SandboxErrorBody {
  error: SandboxError;
}

export function sandboxError(
  status: number,
  code: SandboxErrorCode,
  message: string,
  field?: string,
): SandboxError {
  return field === undefined ? { status, code, message } : { status, code, message, field };
}

/** Headers on every sandbox response. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  "Cache-Control": "no-store",
  "Content-Type": "application/json",
  "X-Content-Type-Options": "nosniff",
};

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
  opts: { omitBody?: boolean } = {},
): Response {
  return new Response(opts.omitBody ? null : JSON.stringify(body), {
    status,
    headers: { ...BASE_HEADERS, ...headers },
  });
}

export function errorResponse(
  error: SandboxError,
  headers: Readonly<Record<string, string>> = {},
  opts: { omitBody?: boolean } = {},
): Response {
  const body: SandboxErrorBody = { error };
  return jsonResponse(error.status, body, headers, opts);
}
