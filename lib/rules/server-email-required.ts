import { isValidEmail } from "../identity/validation";
import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "server-email-required";

/** authenticate-user requires an email (domain.md §10.4). */
export const serverEmailRequired: Rule = {
  id: ID,
  check(config) {
    if (config.model !== "server") return [];
    if (config.serverEmail.trim() === "") {
      return [
        advisory(
          ID,
          "error",
          "serverEmail",
          "authenticate-user requires an email, so your server gets no contact token without one. Send the signed-in user's email from your session.",
        ),
      ];
    }
    if (isValidEmail(config.serverEmail)) return [];
    return [
      advisory(
        ID,
        "error",
        "serverEmail",
        "This is not a valid email address, so authenticate-user will likely refuse it and return no contact token. Send the signed-in user's real email.",
      ),
    ];
  },
};
