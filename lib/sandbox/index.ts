/**
 * The sandbox authenticate-user endpoint: same contract as
 * `POST https://api.open.cx/widget/authenticate-user` (domain.md §10.4),
 * answered locally with sandbox tokens. Pure request validation and token
 * issuing; `app/api/widget/authenticate-user/route.ts` only wires it to Next.
 */
export {
  ALL_SERVERS_ID,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  MCP_TOKEN_LIFETIME_SECONDS,
  rateLimitFromEnv,
  SANDBOX_API_KEY,
  SANDBOX_AUDIENCE,
  SANDBOX_DEV_JWT_SECRET,
  SANDBOX_ISSUER,
  SANDBOX_LIMITS,
  SANDBOX_ORG_ID,
  sandboxSecretFromEnv,
  sandboxSettingsFromEnv,
  TOKEN_LIFETIME_HEADER,
  WIDGET_CONTACT_TYPE,
  type SandboxSettings,
} from "./settings";
export { lifetimeWithoutMcpAccess, parseLifetimeHeader, type LifetimeRequest } from "./lifetime";
export type { SandboxError, SandboxErrorBody, SandboxErrorCode } from "./errors";
export {
  BODY_FIELDS,
  HTTP_ACTION_OVERRIDE_FIELDS,
  parseAuthenticateBody,
  type HttpActionOverrides,
  type ParseBodyResult,
  type SandboxAuthenticateRequest,
} from "./request-body";
export type { JsonObject, JsonValue } from "./json-value";
export {
  contactIdFor,
  contactIdOf,
  issueSandboxToken,
  normalizeEmail,
  tokenMcpAccess,
  verifySandboxToken,
  type IssueOptions,
  type IssuedToken,
  type SandboxTokenClaims,
  type TokenMcpAccess,
  type WidgetContactPayload,
  type SandboxTokenVerification,
} from "./token";
export {
  clientKeyFor,
  createRateLimiter,
  type RateLimitDecision,
  type RateLimiter,
} from "./rate-limit";
export {
  ALLOWED_METHODS,
  createSandboxHandler,
  type AuthenticateUserResponse,
  type SandboxHandler,
} from "./handler";
