"use client";
import { SectionCard } from "./field";
import { SectionOptions } from "./section-options";

/** Widget options beside identity that v5 added (domain-v5.md §12): streaming and capabilities. */
export function FeaturesSection() {
  return (
    <SectionCard
      title="Widget features"
      description="Options of the widget itself. Off, each is left out of the snippets."
      testId="controls.features"
    >
      <SectionOptions section="features" />
    </SectionCard>
  );
}
