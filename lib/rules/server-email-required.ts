import { isValidEmail } from "../identity/validation";
import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "server-email-required";

/**
 * authenticate-user requires an email (domain.md §10.4). The server snippets take it as an
 * argument; only the cURL script sends this sample one.
 */
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
          "The cURL snippet's sample body has no email, and authenticate-user requires one: sent like this it returns no contact token. The other server snippets take the signed-in user's email as an argument, from your session; type a sample one here for cURL. Signing in from the preview plays a user on the preview's page only.",
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
