/**
 * The sandbox `POST /widget/authenticate-user` as a plain `Request → Response`
 * function, so the Next route stays a one-liner and tests call it directly.
 *
 * Checks run cheapest first and stop at the first failure:
 * method (405) → rate limit (429) → API key (401) → the sandbox-only demo
 * lifetime header, when sent (400 `invalid_header`) → media type and content
 * coding (415) → size (413) → JSON (400) → fields (400) → a lifetime asked for
 * without `mcp_access` (400 `invalid_header`) → 201 `{ token, contact: { id } }`.
 * The body is not read before the key is checked.
 *
 * Tokens (`token.ts`): the v5 backend envelope in `sub`; with `mcp_access`, `exp` one hour
 * after `iat` (or sooner, when `X-Sandbox-Token-Lifetime` asks: a demo feature open.cx does
 * not have); without it, no `exp`.
 *
 * Invariant: any client input ends in a 2xx/4xx JSON response; the handler never
 * throws and never answers 5xx because of what a client sent.
 */
import { checkAuthorization, wwwAuthenticate } from "./auth";
import { errorResponse, jsonResponse, sandboxError } from "./errors";
import { clientKeyFor, createRateLimiter } from "./rate-limit";
import { lifetimeWithoutMcpAccess, parseLifetimeHeader } from "./lifetime";
import { readJsonBody } from "./read-body";
import { parseAuthenticateBody } from "./request-body";
import {
  SANDBOX_LIMITS,
  sandboxSettingsFromEnv,
  TOKEN_LIFETIME_HEADER,
  type SandboxSettings,
} from "./settings";
import { issueSandboxToken } from "./token";

/** The success body, as open.cx documents it (domain.md §10.4). */
export interface AuthenticateUserResponse {
  token: string;
  contact: { id: string };
}

export interface SandboxHandler {
  /** `POST`: validates and issues a token. Other methods → 405. */
  handle(request: Request): Promise<Response>;
  /** Any method but POST: 405 with `Allow: POST` (no body for HEAD). */
  methodNotAllowed(request: Request): Response;
  /** Clients the rate limiter remembers (at most `SANDBOX_LIMITS.rateLimitClients`); for tests and monitoring. */
  readonly clientsTracked: number;
}

export const ALLOWED_METHODS = "POST";

export function createSandboxHandler(
  settings: SandboxSettings = sandboxSettingsFromEnv(),
): SandboxHandler {
  const limiter = createRateLimiter({
    limitPerMinute: settings.rateLimitPerMinute,
    now: settings.now,
  });

  function methodNotAllowed(request: Request): Response {
    const method = /^[A-Z]{1,16}$/.test(request.method) ? request.method : "This method";
    return errorResponse(
      sandboxError(405, "method_not_allowed", `${method} is not allowed here: use POST.`),
      { Allow: ALLOWED_METHODS },
      { omitBody: request.method === "HEAD" },
    );
  }

  async function respond(request: Request): Promise<Response> {
    if (request.method !== "POST") return methodNotAllowed(request);

    const decision = limiter.take(clientKeyFor(request.headers));
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      return errorResponse(
        sandboxError(
          429,
          "rate_limited",
          `Too many requests: the sandbox allows ${settings.rateLimitPerMinute} per minute per client. Retry in ${seconds} s.`,
        ),
        { "Retry-After": String(seconds) },
      );
    }

    const authError = checkAuthorization(request.headers.get("authorization"));
    if (authError)
      return errorResponse(authError, { "WWW-Authenticate": wwwAuthenticate(authError) });

    const lifetime = parseLifetimeHeader(request.headers.get(TOKEN_LIFETIME_HEADER));
    if (!lifetime.ok) return errorResponse(lifetime.error);

    const body = await readJsonBody(request, SANDBOX_LIMITS.maxBodyBytes);
    if (!body.ok) return errorResponse(body.error);

    const parsed = parseAuthenticateBody(body.value);
    if (!parsed.success) return errorResponse(parsed.error);
    if (lifetime.seconds !== null && parsed.data.mcp_access === undefined)
      return errorResponse(lifetimeWithoutMcpAccess());

    const issued = await issueSandboxToken(parsed.data, {
      secret: settings.jwtSecret,
      now: settings.now,
      lifetimeSeconds: lifetime.seconds,
    });
    const response: AuthenticateUserResponse = {
      token: issued.token,
      contact: { id: issued.contactId },
    };
    return jsonResponse(201, response);
  }

  return {
    methodNotAllowed,
    get clientsTracked() {
      return limiter.size;
    },
    async handle(request) {
      try {
        return await respond(request);
      } catch {
        // Unreachable for any input we know of (the fuzz tests try hard); if it
        // ever happens, it is the sandbox's fault, and nothing about the request is logged.
        return errorResponse(
          sandboxError(500, "internal_error", "The sandbox failed to handle this request."),
        );
      }
    },
  };
}
