/**
 * The inspector's "renewal or reset?" check: what a mounted v5 widget does when its
 * `user.token` changes from the first paste to the second (domain-v5.md §3.7, §15.12),
 * through `compareTokens`. Pure and offline, like `inspectToken`: nothing is sent, and the
 * verdict never repeats a pasted value.
 */
import { compareTokens } from "./fingerprint";
import { inspectToken } from "./inspect";
import { normalizeTokenInput } from "./normalize";

export type SwapVerdict =
  /** One box or both are empty. */
  | { status: "waiting"; text: string }
  /** A paste is not a contact token at all (an API key, a widget token…): nothing is compared. */
  | { status: "not-a-contact-token"; text: string }
  | { status: "renewal"; text: string; why: string }
  | { status: "reset"; text: string; why: string };

const COMPARABLE = new Set(["contact-token", "malformed-jwt"]);

/** The token in a paste (prefixes, quotes and header names taken off), or why it is not one. */
function tokenIn(input: string, which: "first" | "second"): { token: string } | { text: string } {
  const inspection = inspectToken(input);
  if (COMPARABLE.has(inspection.kind)) return { token: normalizeTokenInput(input.trim()).value };
  return {
    text: `The ${which} paste is not a contact token (${inspection.title}), so there is nothing to compare: only user.token values are swapped on a mounted widget.`,
  };
}

/** What swapping `first` for `second` on a mounted v5 widget does (everything else unchanged). */
export function judgeSwap(first: string, second: string): SwapVerdict {
  if (first.trim() === "" || second.trim() === "") {
    return {
      status: "waiting",
      text: "Paste the token the widget has now above and its replacement here to see whether v5 keeps the conversation.",
    };
  }
  const a = tokenIn(first, "first");
  if ("text" in a) return { status: "not-a-contact-token", text: a.text };
  const b = tokenIn(second, "second");
  if ("text" in b) return { status: "not-a-contact-token", text: b.text };
  const swap = compareTokens(a.token, b.token);
  return swap.kind === "renewal"
    ? {
        status: "renewal",
        why: swap.why,
        text: "Renewal: a mounted v5 widget swaps the token in place and keeps the session and the conversation.",
      }
    : {
        status: "reset",
        why: swap.why,
        text: "Reset: a mounted v5 widget starts over: the session is disposed, the config is fetched again and the launcher comes back closed.",
      };
}

/** v4 has no fingerprint: said next to every verdict. */
export const V4_SWAP_NOTE =
  "Widget v4 reads user.token once per mount: there, any new token needs a remount (a new key) or a reload.";
