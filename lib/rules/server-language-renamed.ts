import { toApiLanguage } from "../config/languages";
import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "server-language-renamed";

/** zh-cn, fil and nb: the API spells them zh, tl and no (domain.md §9). */
export const serverLanguageRenamed: Rule = {
  id: ID,
  check(config) {
    // "Not sent" ("") has no API spelling, so the mapping below leaves it out too.
    if (config.model !== "server") return [];
    const mapping = toApiLanguage(config.serverLanguage);
    if (mapping.kind !== "mapped") return [];
    return [
      advisory(
        ID,
        "info",
        "serverLanguage",
        `authenticate-user spells "${mapping.from}" as "${mapping.code}", so the server snippet sends "${mapping.code}".`,
      ),
    ];
  },
};
