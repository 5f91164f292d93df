/**
 * The browser half of the signature check: POSTs a JWT to
 * `/api/token-inspector/verify` and reads the answer.
 *
 * Invariant: only a JWT-shaped string is ever sent; anything else is refused
 * here without touching the network. Nothing is logged or stored.
 */
import { looksLikeJwt } from "@/lib/rules/helpers";
import { MAX_VERIFY_TOKEN_LENGTH } from "@/lib/tokens/inspect";

export const VERIFY_ENDPOINT = "/api/token-inspector/verify";

/** The slice of `fetch` used here (tests pass a fake). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type SignatureCheck =
  | { status: "verified"; claims: Record<string, unknown> }
  | { status: "not-verified"; reason: string }
  | { status: "error"; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Asks the sandbox whether it signed `token`. Resolves to null when `signal`
 * aborts; never rejects otherwise.
 */
export async function checkSignature(
  token: string,
  options: { signal?: AbortSignal; fetch?: FetchLike } = {},
): Promise<SignatureCheck | null> {
  if (
    typeof token !== "string" ||
    !looksLikeJwt(token) ||
    token !== token.trim() ||
    token.length > MAX_VERIFY_TOKEN_LENGTH
  ) {
    return { status: "error", reason: "Only a complete JWT is ever sent for a signature check." };
  }
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  let response: Response;
  try {
    response = await doFetch(VERIFY_ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token }),
      cache: "no-store",
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch {
    if (options.signal?.aborted) return null;
    return {
      status: "error",
      reason: "Could not reach this playground's server. Check your connection and try again.",
    };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    if (options.signal?.aborted) return null;
  }
  const reason = isRecord(body) && typeof body.reason === "string" ? body.reason : null;
  if (response.ok && isRecord(body) && body.verified === true) {
    return { status: "verified", claims: isRecord(body.claims) ? body.claims : {} };
  }
  if (response.ok && isRecord(body) && body.verified === false) {
    return { status: "not-verified", reason: reason ?? "The sandbox did not sign this token." };
  }
  return {
    status: "error",
    reason: reason ?? `The check failed (HTTP ${response.status}). Try again.`,
  };
}
