"use client";
import { SectionCard } from "./field";
import { SectionOptions } from "./section-options";

export function AppearanceSection() {
  return (
    <SectionCard title="Appearance" testId="controls.appearance">
      <SectionOptions section="appearance" />
    </SectionCard>
  );
}
