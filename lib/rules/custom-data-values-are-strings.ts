import { advisory, listOf, quote } from "./helpers";
import type { Rule } from "./types";

const NON_STRING_LOOKING = /^\s*(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?|[[{].*[\]}])\s*$/s;

const ID = "custom-data-values-are-strings";

/**
 * user.data.customData is `Record<string, string>` (domain.md §2): a value such
 * as `42` or `true` travels as text, unlike the server's customData.
 */
export const customDataValuesAreStrings: Rule = {
  id: ID,
  check(config) {
    if (config.model !== "browser") return [];
    const keys = config.userCustomData
      .filter((r) => r.key !== "" && NON_STRING_LOOKING.test(r.value))
      .map((r) => r.key)
      .filter((key, i, all) => all.indexOf(key) === i);
    if (keys.length === 0) return [];
    return [
      advisory(
        ID,
        "info",
        "userCustomData",
        `user.data.customData only takes strings, so the value${keys.length > 1 ? "s" : ""} of ${listOf(keys.map(quote))} ${keys.length > 1 ? "are" : "is"} sent as text, not as a number, boolean or object. Parse ${keys.length > 1 ? "them" : "it"} where you read ${keys.length > 1 ? "them" : "it"}, or send typed values from your server (Server model).`,
      ),
    ];
  },
};
