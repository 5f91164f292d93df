/**
 * The lifecycle card's words: its description per widget version, and what the announcer says
 * when a switch changes (the preview, in another region, plays the change). Pure, so the panel
 * test and this file's test read the same sentences the user hears (domain-v5.md §3.7, §18).
 */
import type { OptionKey } from "@/lib/config/options";
import type { WidgetMajor } from "@/lib/config/versions";

/** The lifecycle card's switches. */
export const LIFECYCLE_SWITCHES = [
  "signOutClearsKeys",
  "remountOnIdentityChange",
  "keepMounted",
  "renewsToken",
] as const satisfies readonly OptionKey[];
export type LifecycleSwitch = (typeof LIFECYCLE_SWITCHES)[number];

export function isLifecycleSwitch(key: OptionKey): key is LifecycleSwitch {
  return (LIFECYCLE_SWITCHES as readonly OptionKey[]).includes(key);
}

/** The sentence the card opens with: the snippets do it right; the switches show the page that does not. */
export const LIFECYCLE_PROMISE =
  "The snippets always include the right sign-out and renewal code. These switches show, in the preview, what happens when a page does not do its part.";

/** How each version takes a change of user or token: what the page has to do. */
export const LIFECYCLE_VERSION_NOTE: Readonly<Record<WidgetMajor, string>> = {
  v5: "Widget v5 swaps a renewed token in place and resets itself when the verified user changes; a change between non-verified users still needs a reload or a remount.",
  v4: "Widget v4 reads its options once per mount: every sign-in, sign-out or switch of user needs a reload or a remount.",
};

/** What the preview shows now that `key` is `on`, said after the switch changes. */
const SAID: Readonly<Record<LifecycleSwitch, { on: string; off: string }>> = {
  signOutClearsKeys: {
    on: "Sign-out clears the widget's keys: on. The next person on this browser starts as a new visitor.",
    off: "Sign-out clears the widget's keys: off. The preview shows what the next person on this browser sees.",
  },
  remountOnIdentityChange: {
    on: "Remount on identity change: on. The v4 widget is remounted whenever the user changes.",
    off: "Remount on identity change: off. The v4 widget keeps the previous contact after a sign-in, sign-out or switch.",
  },
  keepMounted: {
    on: "Keep mounted when the token changes: on. A renewed token is swapped in place and the conversation stays.",
    off: "Keep mounted when the token changes: off. The widget is keyed by the token, so every renewal remounts it and closes the conversation.",
  },
  renewsToken: {
    on: "Renews the token before it expires: on. The page renews at about 80 % of the hour and when the tab comes back.",
    off: "Renews the token before it expires: off. After one hour the token expires and the next request fails with 401.",
  },
};

export function lifecycleAnnouncement(key: LifecycleSwitch, on: boolean): string {
  return on ? SAID[key].on : SAID[key].off;
}
