"use client";
import { SectionCard } from "./field";
import { SectionOptions } from "./section-options";

export function ServerSection() {
  return (
    <SectionCard
      title="Server authentication (authenticate-user)"
      description="Your backend calls POST https://api.open.cx/widget/authenticate-user with the org API key and hands the token to user.token."
      testId="controls.server"
    >
      <SectionOptions section="server" />
    </SectionCard>
  );
}
