import { inVersion } from "../config/widget-config";
import { advisory } from "./helpers";
import type { Advisory, Rule } from "./types";

const ID = "remount-missing-v4";

/**
 * Widget v4 resolves its contact once per mount and ignores later identity options (domain.md
 * §5 rule 11, domain-v5.md §3.7): a page that signs users in, out or switches them without a
 * reload or a remount keeps the previous contact in the mounted widget.
 *
 * - Browser and server: the page passes each user's `user.data` or `user.token`, so every change
 *   of user is missed (warning).
 * - Collect: the page changes nothing the widget reads; its sign-out clears the keys, and without a
 *   remount the mounted widget still holds the previous contact (warning). When the keys are not
 *   cleared either, a remount would reuse the stored token anyway: sign-out-keeps-keys says so.
 * - Anonymous, keys cleared: the same, but continuing the browser's anonymous contact is what the
 *   anonymous model is (see sign-out-keeps-keys), so a note (info).
 *
 * v5 resets itself when the verified owner changes and otherwise needs a reload or a remount as
 * well; its switch is keep-mounted, and v4's remount row is not shown there.
 */
export const remountMissingV4: Rule = {
  id: ID,
  check(config) {
    if (config.remountOnIdentityChange || !inVersion(config, "remountOnIdentityChange")) return [];
    const fix =
      "Reload the page, or remount the widget with a new React key (the user's id or a counter), whenever the user changes.";
    const at = (severity: Advisory["severity"], what: string) => [
      advisory(
        ID,
        severity,
        "remountOnIdentityChange",
        `Widget v4 reads its options once per mount: ${what} ${fix}`,
      ),
    ];
    switch (config.model) {
      case "server":
        return at(
          "warning",
          "after a sign-out or a switch of user it keeps the previous user's verified token, so the next user sees the previous user's verified conversations.",
        );
      case "browser":
        return at(
          "warning",
          "after a sign-out or a switch of user it keeps the contact made from the previous user's user.data, so the next user sees the previous user's conversations.",
        );
      case "collect":
        if (!config.signOutClearsKeys) return [];
        return at(
          "warning",
          "after your sign-out clears its keys, the mounted widget still holds the previous person's contact until the page reloads, so the next person sees their conversations.",
        );
      case "anonymous":
        if (!config.signOutClearsKeys) return [];
        return at(
          "info",
          "after your sign-out clears its keys, the mounted widget still holds the previous anonymous contact until the page reloads.",
        );
    }
  },
};
