import { advisory, clearKeysFix } from "./helpers";
import type { Advisory, Rule } from "./types";

const ID = "sign-out-keeps-keys";

/**
 * The host page signs users out without removing the widget's keys: on a shared browser the next
 * person picks up the contact token stored for the previous one (domain-v5.md §18 "Shared-device
 * risks", rows A–E of domain.md §3.2, the same in v4 and v5). How much that exposes depends on
 * the model:
 *
 * - Browser (warning): row E stored the signed-in user's non-verified contact token; once the page
 *   loads the widget with no email, row D reuses it and the next person lists that user's chats.
 * - Collect (warning): row B reuses the stored token and skips the welcome form, so the next person
 *   continues as the previous one. With extra fields (row C) the stored token is not read and the
 *   form shows on every load: nobody continues as the previous person, and only stale keys stay
 *   (info).
 * - Anonymous (info, not a warning): row D reuses the stored anonymous token, the same mechanism,
 *   but a history tied to the browser is what the anonymous model is (its card says "history on
 *   this browser only", domain.md §4); the page told the widget nothing about who was signed in, so
 *   there is no user whose conversations the widget was asked to keep apart. The note says what a
 *   page with its own sign-in should do.
 * - Server (info): the verified token is never stored (row A), so verified conversations do not
 *   leak; only an anonymous contact from before sign-in or after sign-out stays and is reused (row D).
 */
export const signOutKeepsKeys: Rule = {
  id: ID,
  check(config) {
    if (config.signOutClearsKeys) return [];
    const fix = clearKeysFix(config);
    const at = (severity: Advisory["severity"], message: string) => [
      advisory(ID, severity, "signOutClearsKeys", `${message} ${fix}`),
    ];
    switch (config.model) {
      case "browser":
        return at(
          "warning",
          "Shared-device leak: the widget stored the signed-in user's contact token, and when your page loads it again with no email after sign-out, the widget reuses that token, so the next person on this browser sees the previous user's conversations.",
        );
      case "collect":
        if (config.extraFields.some((f) => f.trim() !== "")) {
          return at(
            "info",
            "With extra fields the welcome form shows on every load and the stored contact token is not read, so the next person on this browser does not continue as the previous one; the keys still hold the previous contact's token and device id.",
          );
        }
        return at(
          "warning",
          "Shared-device leak: the next person on this browser reuses the stored contact token, skips the welcome form and sees the previous person's conversations.",
        );
      case "anonymous":
        return at(
          "info",
          "The next person on this browser continues the stored anonymous contact and sees its conversations: anonymous history belongs to the browser. If your page has its own sign-in, clear the keys when a user signs out.",
        );
      case "server":
        return at(
          "info",
          "Verified conversations do not leak: the widget never stores a verified token. An anonymous contact from before sign-in or after sign-out does stay, and the next visitor who is not signed in reuses it and sees its conversations.",
        );
    }
  },
};
