"use client";
import { SectionCard } from "./field";
import { SectionOptions } from "./section-options";

export function BrowserSection() {
  return (
    <SectionCard
      title="Browser user data (user.data)"
      description="Your page passes who the visitor is. Anyone can change page data: the contact is non-verified."
      testId="controls.browser"
    >
      <SectionOptions section="browser" />
    </SectionCard>
  );
}
