import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "external-id-weakens-device-binding";

/** externalId on a non-verified contact replaces the device UUID (domain.md §3.4, §5.10). */
export const externalIdWeakensDeviceBinding: Rule = {
  id: ID,
  check(config) {
    if (config.model === "server" || config.externalId === "") return [];
    return [
      advisory(
        ID,
        "warning",
        "externalId",
        "For a non-verified contact this externalId replaces the random device id, so anyone who knows or guesses it sees the conversations scoped to it. Leave it empty to keep history bound to the device, or use the Server model.",
      ),
    ];
  },
};
