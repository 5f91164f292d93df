import { mintsWithMcpAccess } from "../config/widget-config";
import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "mcp-access-without-renewal";

/**
 * A token minted with `mcp_access` expires after one hour (domain-v5.md §10.4); the widget never
 * renews or recovers a verified token itself ("A host-provided verified token is the host's to
 * renew", §3.6), so once it expires the next request is refused with 401 (§3.6, "expired" → 401).
 *
 * An error, unlike the other lifecycle advisories: those are risks that depend on who uses the
 * browser next, while this one breaks the widget for every signed-in user whose session outlives
 * the token, with nothing the widget or the user can do about it. Chat-only tokens (personal
 * connections off) never expire and need no renewal (§10.4), so the rule is silent there.
 */
export const mcpAccessWithoutRenewal: Rule = {
  id: ID,
  check(config) {
    if (config.renewsToken || !mintsWithMcpAccess(config)) return [];
    return [
      advisory(
        ID,
        "error",
        "renewsToken",
        "A token minted with mcp_access expires after one hour; without a renewal the next request then fails with 401, and the widget never recovers a verified token by itself. Renew it through your backend at about 80 % of its lifetime and when a hidden tab becomes visible again, and pass the new token to the mounted widget in `user.token`.",
      ),
    ];
  },
};
