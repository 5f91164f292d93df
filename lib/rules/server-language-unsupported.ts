import { toApiLanguage } from "../config/languages";
import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "server-language-unsupported";

/** lb and mt: widget languages the authenticate-user enum lacks (domain.md §9). */
export const serverLanguageUnsupported: Rule = {
  id: ID,
  check(config) {
    if (config.model !== "server" || config.serverLanguage === "") return [];
    if (toApiLanguage(config.serverLanguage).kind !== "unsupported") return [];
    return [
      advisory(
        ID,
        "warning",
        "serverLanguage",
        `authenticate-user does not accept "${config.serverLanguage}", so the server snippet leaves language out. Pick a language from the API's list if the contact's language matters.`,
      ),
    ];
  },
};
