"use client";
import { usePlayground } from "@/components/state/store-provider";
import { SectionCard } from "./field";
import { LIFECYCLE_PROMISE, LIFECYCLE_VERSION_NOTE } from "./lifecycle-text";
import { SectionOptions } from "./section-options";

/**
 * What the host page does after the first load (domain-v5.md §3.7, §18): sign-out, a change of
 * user, token renewal. The preview plays it; each switch drawn is one the chosen version has.
 */
export function LifecycleSection() {
  const version = usePlayground((s) => s.config.widgetVersion);
  return (
    <SectionCard
      title="Sign-out and renewal (your page)"
      description={
        <>
          {LIFECYCLE_PROMISE}{" "}
          <span data-testid="controls.lifecycle.version">{LIFECYCLE_VERSION_NOTE[version]}</span>
        </>
      }
      testId="controls.lifecycle"
    >
      <SectionOptions section="lifecycle" />
    </SectionCard>
  );
}
