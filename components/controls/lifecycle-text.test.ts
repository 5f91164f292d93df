import { describe, expect, it } from "vitest";
import { OPTION_KEYS, OPTIONS } from "@/lib/config/options";
import {
  LIFECYCLE_PROMISE,
  LIFECYCLE_SWITCHES,
  LIFECYCLE_VERSION_NOTE,
  isLifecycleSwitch,
  lifecycleAnnouncement,
} from "./lifecycle-text";

describe("the lifecycle card's words", () => {
  it("know exactly the lifecycle section's rows as its switches", () => {
    expect([...LIFECYCLE_SWITCHES]).toEqual(
      OPTION_KEYS.filter((key) => OPTIONS[key].section === "lifecycle"),
    );
    expect(isLifecycleSwitch("keepMounted")).toBe(true);
    expect(isLifecycleSwitch("personalConnections")).toBe(false);
  });

  it("say the snippets do it right and the switches show a page that does not", () => {
    expect(LIFECYCLE_PROMISE).toMatch(
      /^The snippets always include the right sign-out and renewal code\./,
    );
    expect(LIFECYCLE_PROMISE).toContain("what happens when a page does not do its part");
  });

  it("say how each version takes a change of user: v4 always remounts, v5 swaps in place and resets on a new verified user", () => {
    expect(LIFECYCLE_VERSION_NOTE.v4).toBe(
      "Widget v4 reads its options once per mount: every sign-in, sign-out or switch of user needs a reload or a remount.",
    );
    expect(LIFECYCLE_VERSION_NOTE.v5).toContain("swaps a renewed token in place");
    expect(LIFECYCLE_VERSION_NOTE.v5).toContain(
      "a change between non-verified users still needs a reload or a remount",
    );
  });

  it("announce each switch by its label and state, with what the preview now shows", () => {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const key of LIFECYCLE_SWITCHES) {
      const label = escape(OPTIONS[key].label);
      expect(lifecycleAnnouncement(key, true), key).toMatch(new RegExp(`^${label}: on\\. \\S`));
      expect(lifecycleAnnouncement(key, false), key).toMatch(new RegExp(`^${label}: off\\. \\S`));
    }
    expect(lifecycleAnnouncement("renewsToken", false)).toBe(
      "Renews the token before it expires: off. After one hour the token expires and the next request fails with 401.",
    );
    expect(lifecycleAnnouncement("signOutClearsKeys", false)).toBe(
      "Sign-out clears the widget's keys: off. The preview shows what the next person on this browser sees.",
    );
  });
});
