"use client";
import { AlsoCollectToggle } from "./collect-section";
import { SectionCard, TextOption } from "./field";
import { KeyValueEditor } from "./key-value-editor";

export function BrowserSection() {
  return (
    <SectionCard
      title="Browser user data (user.data)"
      description="Your page passes who the visitor is. Anyone can change page data: the contact is non-verified."
      testId="controls.browser"
    >
      <TextOption name="userName" placeholder="Jane Doe" />
      <TextOption name="userEmail" type="email" placeholder="jane@example.com" />
      <TextOption name="userAvatarUrl" type="url" placeholder="https://…/avatar.png" />
      <KeyValueEditor name="userCustomData" />
      <AlsoCollectToggle />
    </SectionCard>
  );
}
