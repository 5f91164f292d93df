/**
 * The sandbox's demo lifetime header (`TOKEN_LIFETIME_HEADER`), a SANDBOX-ONLY feature that
 * open.cx does not have: the playground may ask for a token minted with `mcp_access` to expire
 * sooner than the one hour open.cx gives it, to show an expiry and a renewal in a demo.
 *
 * Rules: whole seconds from 1 to 3600 (digits only, surrounding spaces ignored); it only
 * shortens; it applies only to tokens minted with `mcp_access` (chat-only tokens never expire).
 * Anything else is a 400 `invalid_header` naming the header.
 */
import { sandboxError, type SandboxError } from "./errors";
import { MCP_TOKEN_LIFETIME_SECONDS, TOKEN_LIFETIME_HEADER } from "./settings";

const EXPLAIN = `${TOKEN_LIFETIME_HEADER} is a sandbox-only demo feature (open.cx has no such header): it shortens the one-hour lifetime of a token minted with mcp_access.`;

export type LifetimeRequest =
  { ok: true; seconds: number | null } | { ok: false; error: SandboxError };

function invalid(message: string): { ok: false; error: SandboxError } {
  return {
    ok: false,
    error: sandboxError(400, "invalid_header", `${message} ${EXPLAIN}`, TOKEN_LIFETIME_HEADER),
  };
}

/** Reads the header's value (`null` when absent): the lifetime asked for, or the 400 to answer. */
export function parseLifetimeHeader(value: string | null): LifetimeRequest {
  if (value === null) return { ok: true, seconds: null };
  const text = value.trim();
  if (!/^\d{1,9}$/.test(text)) {
    return invalid(
      `${TOKEN_LIFETIME_HEADER} must be a whole number of seconds from 1 to ${MCP_TOKEN_LIFETIME_SECONDS}.`,
    );
  }
  const seconds = Number(text);
  if (seconds < 1 || seconds > MCP_TOKEN_LIFETIME_SECONDS) {
    return invalid(
      `${TOKEN_LIFETIME_HEADER} must be from 1 to ${MCP_TOKEN_LIFETIME_SECONDS} seconds: it can only shorten the one-hour lifetime, never lengthen it.`,
    );
  }
  return { ok: true, seconds };
}

/** The 400 for a lifetime asked for on a chat-only request (no `mcp_access`). */
export function lifetimeWithoutMcpAccess(): SandboxError {
  return invalid(
    `${TOKEN_LIFETIME_HEADER} needs mcp_access in the body: chat-only tokens do not expire, so there is no lifetime to shorten.`,
  ).error;
}
