import { isValidEmail } from "../identity/validation";
import { advisory } from "./helpers";
import type { Advisory, Rule } from "./types";

const ID = "invalid-email";

/** Invalid prefill or browser email (domain.md §6.3; the server email has its own rule). */
export const invalidEmail: Rule = {
  id: ID,
  check(config) {
    const out: Advisory[] = [];
    if (
      config.model === "collect" &&
      config.prefillEmail !== "" &&
      !isValidEmail(config.prefillEmail)
    ) {
      out.push(
        advisory(
          ID,
          "warning",
          "prefillEmail",
          "This prefilled email is not valid, so the form will not submit until the visitor fixes it. Prefill a valid address or leave it empty.",
        ),
      );
    }
    if (config.model === "browser" && config.userEmail !== "" && !isValidEmail(config.userEmail)) {
      out.push(
        advisory(
          ID,
          "warning",
          "userEmail",
          "This is not a valid email address, yet the widget sends it on every page load, and the API may refuse it and leave the visitor without a contact. Pass the signed-in user's real email.",
        ),
      );
    }
    return out;
  },
};
