import { inVersion } from "../config/widget-config";
import { advisory, listOf } from "./helpers";
import type { Rule } from "./types";

const ID = "personal-connections-need-streaming";

/**
 * Personal connections need three switches: a token minted with `mcp_access`, `streaming: true`
 * and `capabilities: { connections: true }` (domain-v5.md §10.5, §15.10). v5 only: on v4 the
 * option itself is refused (option-not-in-version).
 */
export const personalConnectionsNeedStreaming: Rule = {
  id: ID,
  check(config) {
    if (config.model !== "server" || !config.personalConnections) return [];
    if (!inVersion(config, "personalConnections")) return [];
    const missing = [
      ...(config.streaming ? [] : ["`streaming: true`"]),
      ...(config.capabilitiesConnections ? [] : ["`capabilities: { connections: true }`"]),
    ];
    if (missing.length === 0) return [];
    return [
      advisory(
        ID,
        "warning",
        "personalConnections",
        `Personal connections also need ${listOf(missing)} in the widget options (Features): without ${missing.length === 1 ? "it" : "them"} the token carries mcp_access, but the widget shows no Connect controls.`,
      ),
    ];
  },
};
