import { inVersion, mintsWithMcpAccess } from "../config/widget-config";
import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "renewal-keyed-by-token";

/**
 * v5 swaps a renewed token in place when its owner is the same (the identity fingerprint leaves
 * out `exp`, `iat` and the signature) and resets itself when the owner changes, so a page keeps
 * the widget mounted and passes the new `user.token`. Keying it by the token remounts it on every
 * renewal: the open conversation closes and the config is fetched again (domain-v5.md §3.7: "Keep
 * the provider mounted when replacing a token; do not key it by the token string"). v4 has no
 * in-place swap (its advice is to remount), so the rule is v5's and the verified model's only.
 */
export const renewalKeyedByToken: Rule = {
  id: ID,
  check(config) {
    if (config.keepMounted || config.model !== "server" || !inVersion(config, "keepMounted"))
      return [];
    const when = mintsWithMcpAccess(config)
      ? "A token minted with mcp_access is renewed before its hour runs out, so at every renewal"
      : "Chat-only tokens do not expire, but whenever your page fetches a new one (say, on a route change)";
    return [
      advisory(
        ID,
        "warning",
        "keepMounted",
        `${when} a widget keyed by the token remounts: the open conversation closes and the widget loads its config again. Keep the widget mounted and pass the new token in \`user.token\`: v5 swaps a renewed token in place and keeps the conversation, and resets itself when the user changes. Never key it by the token.`,
      ),
    ];
  },
};
