/**
 * The preview's token clock (issue 17, part 3): when the customer's page renews a contact token
 * minted with `mcp_access`, read from the token's own `iat` and `exp`, and what the preview says
 * at each moment (domain-v5.md §3.6, §3.7, §10.4).
 *
 * Facts it rests on:
 * - With `mcp_access` a token "expires after one hour"; without it, it keeps "the existing
 *   non-expiring behavior" and needs no renewal loop (§10.4). The sandbox's demo header
 *   `X-Sandbox-Token-Lifetime` only shortens the first kind (lib/sandbox/lifetime.ts).
 * - The page renews "through the customer's backend before expiry and when returning to a
 *   suspended tab" (§10.4); the snippets renew at about 80 % of the lifetime (issue 17, item 4).
 * - v5: the same fingerprint swaps the token in place and keeps the conversation; another owner
 *   resets the widget (§3.7). An expired token gets a 401 and the widget never recovers a
 *   verified token: the host must renew (§3.6).
 *
 * Invariants (pinned by token-clock.test.ts, with a fake clock):
 * - A chat-only token (no `exp`) never schedules anything.
 * - One renewal attempt per token: a renewal that fails (or answers with the same token) is not
 *   retried, the token runs out instead. Renewals are also at least `MIN_RENEWAL_GAP_MS` apart,
 *   so a backend answering with already-old tokens cannot make the page renew in a loop.
 * - A hidden tab schedules nothing; on its return the page renews if the token is past 80 %.
 * - The expiry of a token is reported once.
 *
 * Pure: time comes in as `nowMs` (epoch milliseconds); tokens are decoded, never verified.
 */
import type { WidgetMajor } from "../config/versions";
import type { TokenChange } from "../identity/token-change";
import { MCP_TOKEN_LIFETIME_SECONDS } from "../sandbox/settings";
import { decodeJwt } from "../tokens/jwt";

/** The page renews when this fraction of the token's lifetime has passed. */
export const RENEW_AT_FRACTION = 0.8;
/** Automatic renewals are at least this far apart, whatever the tokens say. */
export const MIN_RENEWAL_GAP_MS = 5_000;
/** What the demo offers (whole seconds the sandbox accepts: 1 to 3600). */
export const DEMO_LIFETIMES_SECONDS = [10, 30, 60, 300] as const;
export const DEFAULT_DEMO_LIFETIME_SECONDS = 60;

/** What a token says about its own lifetime. */
export type TokenLifetime =
  /** No `exp`: a chat-only token, which does not expire. */
  | { kind: "non-expiring" }
  | { kind: "expiring"; issuedAtMs: number; expiresAtMs: number }
  /** Not a JWT, or an `exp` without an earlier numeric `iat`: no renewal can be planned. */
  | { kind: "unreadable" };

const isTime = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Reads `iat` and `exp` (seconds) from a contact token, without verifying it. */
export function tokenLifetime(token: string): TokenLifetime {
  const decoded = decodeJwt(token);
  if (!decoded.ok) return { kind: "unreadable" };
  const { iat, exp } = decoded.claims;
  if (exp === undefined) return { kind: "non-expiring" };
  if (!isTime(exp) || !isTime(iat) || iat >= exp) return { kind: "unreadable" };
  return { kind: "expiring", issuedAtMs: iat * 1000, expiresAtMs: exp * 1000 };
}

type Expiring = Extract<TokenLifetime, { kind: "expiring" }>;

/** When the page renews: 80 % into the lifetime. */
export function renewalDeadlineMs(lifetime: Expiring): number {
  return lifetime.issuedAtMs + RENEW_AT_FRACTION * (lifetime.expiresAtMs - lifetime.issuedAtMs);
}

/** What the clock remembers about the token in force. A new token starts a new memory. */
export interface ClockMemory {
  token: string | null;
  /** A renewal is in flight. */
  renewing: boolean;
  /** A renewal of this token was tried: a successful one replaces the token, so it is not retried. */
  attempted: boolean;
  /** This token's expiry was reported (the device's token is refused from then on). */
  expiryReported: boolean;
  /** When the last renewal started, whatever token it was for. */
  lastRenewalAtMs: number | null;
}

export const INITIAL_CLOCK: ClockMemory = {
  token: null,
  renewing: false,
  attempted: false,
  expiryReported: false,
  lastRenewalAtMs: null,
};

export type ClockAction =
  /** The token in force on the device on screen (`null`: nobody signed in, or still fetching). */
  | { type: "token-in-force"; token: string | null }
  | { type: "renewal-started"; atMs: number }
  /** The renewal came back; on success a `token-in-force` with the new token follows. */
  | { type: "renewal-ended" }
  | { type: "expiry-reported" };

export function clockReducer(memory: ClockMemory, action: ClockAction): ClockMemory {
  switch (action.type) {
    case "token-in-force":
      if (action.token === memory.token) return memory;
      return { ...INITIAL_CLOCK, token: action.token, lastRenewalAtMs: memory.lastRenewalAtMs };
    case "renewal-started":
      return { ...memory, renewing: true, attempted: true, lastRenewalAtMs: action.atMs };
    case "renewal-ended":
      return memory.renewing ? { ...memory, renewing: false } : memory;
    case "expiry-reported":
      return memory.expiryReported ? memory : { ...memory, expiryReported: true };
  }
}

/** What drives the page besides the token: its renewal policy and the tab. */
export interface ClockSituation {
  /** The page renews (the config's `renewsToken`, and the user has not paused it). */
  renews: boolean;
  /** The tab is visible. */
  visible: boolean;
  /** The tab has just become visible again. */
  returning?: boolean;
}

/** Why the page renews now. */
export type RenewalTrigger = "deadline" | "returned" | "after-expiry";

export type ClockStep =
  /** Nothing to time: no token, a non-expiring or unreadable one, a hidden tab, a renewal in flight, or all done. */
  | {
      kind: "idle";
      why: "no-token" | "non-expiring" | "unreadable" | "hidden" | "renewing" | "done";
    }
  /** Ask your backend for a new token now. */
  | { kind: "renew"; trigger: RenewalTrigger }
  /** The token ran out: the next request gets a 401 (report it once). */
  | { kind: "expire" }
  /** Look again at `atMs`. */
  | { kind: "wait"; atMs: number };

/** The one thing the page does next about the token in force. */
export function nextClockStep(
  memory: ClockMemory,
  situation: ClockSituation,
  nowMs: number,
): ClockStep {
  if (memory.token === null) return { kind: "idle", why: "no-token" };
  const lifetime = tokenLifetime(memory.token);
  if (lifetime.kind === "non-expiring") return { kind: "idle", why: "non-expiring" };
  if (lifetime.kind === "unreadable") return { kind: "idle", why: "unreadable" };
  if (!situation.visible) return { kind: "idle", why: "hidden" };
  if (memory.renewing) return { kind: "idle", why: "renewing" };
  const expired = nowMs >= lifetime.expiresAtMs;
  const canRenew = situation.renews && !memory.attempted;
  const dueMs = Math.max(
    renewalDeadlineMs(lifetime),
    memory.lastRenewalAtMs === null ? -Infinity : memory.lastRenewalAtMs + MIN_RENEWAL_GAP_MS,
  );
  if (canRenew && nowMs >= dueMs) {
    const trigger: RenewalTrigger = situation.returning
      ? "returned"
      : expired
        ? "after-expiry"
        : "deadline";
    return { kind: "renew", trigger };
  }
  if (expired && !memory.expiryReported) return { kind: "expire" };
  if (canRenew)
    return { kind: "wait", atMs: expired ? dueMs : Math.min(dueMs, lifetime.expiresAtMs) };
  if (!expired) return { kind: "wait", atMs: lifetime.expiresAtMs };
  return { kind: "idle", why: "done" };
}

/**
 * When the one timer fires: the step's moment, or sooner when the countdown's whole second
 * changes (so the text stays right). `null`: no timer.
 */
export function nextTimerAtMs(memory: ClockMemory, step: ClockStep, nowMs: number): number | null {
  if (step.kind !== "wait") return null;
  const lifetime = memory.token === null ? null : tokenLifetime(memory.token);
  if (lifetime?.kind !== "expiring" || nowMs >= lifetime.expiresAtMs) return step.atMs;
  const left = lifetime.expiresAtMs - nowMs;
  const nextSecond = nowMs + (left % 1000 === 0 ? 1000 : left % 1000);
  return Math.min(step.atMs, nextSecond);
}

/** "42 s", "1 min 5 s", "5 min", "1 h". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  if (s >= 3600 && s % 3600 === 0) return `${s / 3600} h`;
  const min = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `${min} min` : `${min} min ${rest} s`;
}

/** The countdown read from the token: "expires in 42 s", or "expired". */
export function countdownText(lifetime: TokenLifetime, nowMs: number): string {
  if (lifetime.kind === "non-expiring") return "non-expiring";
  if (lifetime.kind === "unreadable") return "expiry unreadable";
  const left = lifetime.expiresAtMs - nowMs;
  return left > 0 ? `expires in ${formatDuration(left / 1000)}` : "expired";
}

/** How much of the lifetime is left, from 0 to 1 (for a bar). */
export function remainingFraction(lifetime: Expiring, nowMs: number): number {
  const total = lifetime.expiresAtMs - lifetime.issuedAtMs;
  return Math.min(1, Math.max(0, (lifetime.expiresAtMs - nowMs) / total));
}

/** The demo control's label: "Demo: tokens last 60 s instead of 1 h (sandbox only)". */
export function demoLabel(seconds: number): string {
  const lasts = seconds <= 90 ? `${seconds} s` : formatDuration(seconds);
  return `Demo: tokens last ${lasts} instead of 1 h (sandbox only)`;
}

/** What the clock shows. */
export type ClockPhase =
  /** The config mints without `mcp_access` (off, or widget v4): nothing runs. */
  | "chat-only"
  /** Nobody is signed in on this device, or the token is on its way. */
  | "waiting"
  /** Personal connections are on, but the token in force carries no `exp` (minted before). */
  | "minted-chat-only"
  | "unreadable"
  | "hidden"
  | "renewing"
  /** The page will renew at 80 %. */
  | "counting"
  /** The page does not renew (the config says so, or the user paused it). */
  | "not-renewing"
  | "expired";

export interface PhaseInput {
  /** The config mints the token with `mcp_access` (`mintsWithMcpAccess`). */
  mintsWithMcpAccess: boolean;
  memory: ClockMemory;
  situation: ClockSituation;
  nowMs: number;
}

export function clockPhase({
  mintsWithMcpAccess,
  memory,
  situation,
  nowMs,
}: PhaseInput): ClockPhase {
  if (!mintsWithMcpAccess) return "chat-only";
  if (memory.token === null) return "waiting";
  const lifetime = tokenLifetime(memory.token);
  if (lifetime.kind === "non-expiring") return "minted-chat-only";
  if (lifetime.kind === "unreadable") return "unreadable";
  if (memory.renewing) return "renewing";
  if (nowMs >= lifetime.expiresAtMs) return "expired";
  if (!situation.visible) return "hidden";
  return situation.renews && !memory.attempted ? "counting" : "not-renewing";
}

/** The sentence the expiry note says: what happens, and whose job the renewal is. */
export const EXPIRED_SENTENCE =
  "Expired: the next request gets a 401; verified tokens are never auto-recovered (domain-v5 §3.6). Your page must renew.";

export const CHAT_ONLY_SENTENCE = "Chat-only token: non-expiring, no renewal needed";

export interface SentenceContext {
  major: WidgetMajor;
  /** The config's `renewsToken` (the user may still have paused the renewal). */
  pageRenews: boolean;
  /** The token in force, to say when the page renews. */
  lifetime?: TokenLifetime;
  nowMs?: number;
}

/** One sentence per phase, in the domain's words. */
export function phaseSentence(phase: ClockPhase, ctx: SentenceContext): string {
  switch (phase) {
    case "chat-only":
      return ctx.major === "v4"
        ? `${CHAT_ONLY_SENTENCE}. Widget v4 tokens are chat-only: personal connections (mcp_access) are v5 only.`
        : `${CHAT_ONLY_SENTENCE}. Minted without mcp_access, the token keeps the non-expiring behaviour (domain-v5 §10.4).`;
    case "waiting":
      return "No contact token in force on this device yet: sign a user in to start the clock.";
    case "minted-chat-only":
      return "The token in force has no exp: it was minted before personal connections were on. Start the demo (or renew) to mint one with mcp_access.";
    case "unreadable":
      return "The token's iat and exp cannot be read, so no renewal can be planned.";
    case "hidden":
      return "Paused while this tab is hidden: no timer runs. When the tab is visible again, your page renews if the token is past 80 % of its lifetime.";
    case "renewing":
      return "Renewing: your page asks your backend for a new token for the same user.";
    case "counting": {
      const at =
        ctx.lifetime?.kind === "expiring" && ctx.nowMs !== undefined
          ? ` (in ${formatDuration((renewalDeadlineMs(ctx.lifetime) - ctx.nowMs) / 1000)})`
          : "";
      return `Your page renews through your backend at 80 % of the lifetime${at}, and when a hidden tab comes back.`;
    }
    case "not-renewing":
      return ctx.pageRenews
        ? "Renewal paused: nothing renews this token. When it expires, the next request fails."
        : "Your page does not renew (\u201cRenews the token before it expires\u201d is off): when the token expires, the next request fails.";
    case "expired":
      return EXPIRED_SENTENCE;
  }
}

/** What set off a token change the clock made. */
export type ChangeCause =
  | RenewalTrigger
  /** "Renew now". */
  | "manual"
  | "demo-started"
  | "demo-stopped"
  | "another-user";

const RENEWED_BECAUSE: Record<RenewalTrigger, string> = {
  deadline: "Renewed at 80 %",
  returned: "Renewed on returning to the tab",
  "after-expiry": "Renewed after expiry",
};

/**
 * The sentence after the page passed a new `user.token`: `change` is what the mounted widget
 * did with it (lib/identity/token-change.ts), `cause` why the page asked for it.
 */
export function changeSentence(
  change: TokenChange,
  cause: ChangeCause,
  lifetimeSeconds?: number,
): string {
  const lead =
    cause === "demo-started"
      ? `Demo started: the new token lasts ${formatDuration(lifetimeSeconds ?? MCP_TOKEN_LIFETIME_SECONDS)}`
      : cause === "demo-stopped"
        ? "Demo stopped: the new token lasts 1 h"
        : cause === "another-user"
          ? "Renewed as another user"
          : cause === "manual"
            ? "Renewed now"
            : RENEWED_BECAUSE[cause];
  switch (change.kind) {
    case "renewal":
      return cause === "after-expiry"
        ? `${lead}: same owner, so widget v5 swaps the token in place; requests work again and the conversation is kept.`
        : `${lead}: same owner, conversation kept.`;
    case "reset":
      return `${lead}: the owner changed (${change.why}), so widget v5 resets and re-resolves: the launcher starts closed and the transcript is cleared.`;
    case "remount-needed":
      return `${lead}: widget v4 reads user.token once per mount, so the page remounts it with the new token.`;
    case "unchanged":
      return `${lead}: your backend answered with the same token, so nothing changes.`;
  }
}

/** The failed renewal's sentence: the token in force stays, and runs out if nothing else renews it. */
export function renewalFailedSentence(message: string): string {
  return `The renewal failed (${message}). The token in force stays until it expires; the page does not retry in a loop.`;
}

/** Someone else to sign in as for "Renew as another user". */
export function otherUserEmail(email: string | null): string {
  const normalized = (email ?? "").trim().toLowerCase();
  return normalized === "sam@example.com" ? "alex@example.com" : "sam@example.com";
}
