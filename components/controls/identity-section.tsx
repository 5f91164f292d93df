"use client";
import { SectionCard } from "./field";
import { SectionOptions } from "./section-options";

export function IdentitySection() {
  return (
    <SectionCard
      title="Identity"
      description="Who tells the widget who the visitor is."
      testId="controls.identity"
    >
      <SectionOptions section="identity" />
    </SectionCard>
  );
}
