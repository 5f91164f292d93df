/**
 * What a mounted widget does when the page passes it a different `user.token` (domain-v5.md
 * §3.7, §15.12), per major:
 *
 * - v4 initialises once per mount and ignores later identity options: the page must remount
 *   the widget (React `key`) or reload to use a new token.
 * - v5 compares identity fingerprints (lib/tokens/fingerprint.ts): the same owner is a renewal
 *   (the token is swapped in place, the conversation kept, no re-init); anything else is a reset
 *   (the widget starts over, its launcher recreated closed, the transcript cleared).
 */
import type { WidgetMajor } from "../config/versions";
import { compareTokens, identityFingerprint } from "../tokens/fingerprint";

export type TokenChange =
  /** The same token (or none before and after): nothing happens. */
  | { kind: "unchanged" }
  /** v4: the widget keeps the old identity until the page remounts it or reloads. */
  | { kind: "remount-needed" }
  /** v5, same fingerprint: swapped in place, conversation kept. */
  | { kind: "renewal" }
  /** v5, another fingerprint: full reset, launcher closed, transcript cleared. */
  | { kind: "reset"; why: string };

export interface TokenChangeContext {
  /** The public widget token (part of v5's fingerprint). */
  widgetToken: string;
  /** `user.externalId`, unchanged by the token swap. */
  externalId?: string;
}

/** `before` → `after` on a mounted widget of `major` (empty or `undefined` = no `user.token`). */
export function tokenChangeOutcome(
  major: WidgetMajor,
  before: string | undefined,
  after: string | undefined,
  ctx: TokenChangeContext,
): TokenChange {
  const a = before || undefined;
  const b = after || undefined;
  if (a === b) return { kind: "unchanged" };
  if (major === "v4") return { kind: "remount-needed" };
  const fingerprint = (userToken: string | undefined) =>
    identityFingerprint({ botToken: ctx.widgetToken, externalId: ctx.externalId, userToken });
  if (fingerprint(a) === fingerprint(b)) return { kind: "renewal" };
  if (a === undefined) return { kind: "reset", why: "a verified user signed in" };
  if (b === undefined) return { kind: "reset", why: "the verified user signed out" };
  const swap = compareTokens(a, b, ctx.widgetToken);
  // Stryker disable next-line StringLiteral,ConditionalExpression: different fingerprints make compareTokens answer reset.
  return { kind: "reset", why: swap.kind === "reset" ? swap.why : "the owner differs" };
}
