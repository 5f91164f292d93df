"use client";
import { SectionCard } from "./field";
import { SectionOptions } from "./section-options";

export function CollectSection() {
  return (
    <SectionCard
      title="Welcome form (collectUserData)"
      description="The widget asks for name and email before the chat. Prefill and extra fields only work here."
      testId="controls.collect"
    >
      <SectionOptions section="collect" />
    </SectionCard>
  );
}
