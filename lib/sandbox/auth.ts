/**
 * `Authorization: Bearer <API key>` for the sandbox.
 *
 * Invariant: the presented key is never echoed, logged or stored; error
 * messages only say which rule it broke.
 */
import { sandboxError, type SandboxError } from "./errors";
import { SANDBOX_API_KEY } from "./settings";

/** RFC 6750 `b64token`. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
/** What a real OpenCX-style key looks like; the sandbox must never receive one. */
const REAL_KEY = /^sk_(live|test)_/;

/** Constant-time for equal lengths; the sandbox key is public, but habits matter. */
function sameKey(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a.charCodeAt(i) || 0) ^ b.charCodeAt(i);
  return diff === 0;
}

/** `null` when the header carries the sandbox key; otherwise the 401 to send. */
export function checkAuthorization(header: string | null): SandboxError | null {
  const how = `Send "Authorization: Bearer ${SANDBOX_API_KEY}" (the sandbox's public demo key).`;
  if (header === null || header.trim() === "") {
    return sandboxError(401, "missing_authorization", `Missing Authorization header. ${how}`);
  }
  const match = BEARER.exec(header.trim());
  if (!match) {
    const reason = /^bearer\s*$/i.test(header.trim())
      ? "The Authorization header has no key after Bearer."
      : /^bearer\s/i.test(header.trim())
        ? "The key in the Authorization header has characters a bearer token cannot contain."
        : "The Authorization header must use the Bearer scheme.";
    return sandboxError(401, "malformed_authorization", `${reason} ${how}`);
  }
  const key = match[1] ?? "";
  if (sameKey(key, SANDBOX_API_KEY)) return null;
  const real = REAL_KEY.test(key)
    ? " It looks like a real OpenCX key: never send one to the sandbox, and rotate it if it was shared."
    : "";
  return sandboxError(401, "invalid_api_key", `The API key is not the sandbox key.${real} ${how}`);
}

/** `WWW-Authenticate` for a 401 (RFC 6750 §3). */
export function wwwAuthenticate(error: SandboxError): string {
  const kind = error.code === "invalid_api_key" ? "invalid_token" : "invalid_request";
  return error.code === "missing_authorization"
    ? 'Bearer realm="identity-playground-sandbox"'
    : `Bearer realm="identity-playground-sandbox", error="${kind}"`;
}
