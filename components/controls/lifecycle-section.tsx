"use client";
import { SectionCard } from "./field";
import { SectionOptions } from "./section-options";

/** What the host page does after the first load (domain-v5.md §3.7, §18): the preview plays it. */
export function LifecycleSection() {
  return (
    <SectionCard
      title="Sign-out and renewal (your page)"
      description="What your page does when users sign in, out or switch, and when a token nears expiry. The preview plays it; the snippets always do the right thing."
      testId="controls.lifecycle"
    >
      <SectionOptions section="lifecycle" />
    </SectionCard>
  );
}
