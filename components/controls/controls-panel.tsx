"use client";
import { usePlayground } from "@/components/playground/store-provider";
import { AppearanceSection } from "./appearance-section";
import { BrowserSection } from "./browser-section";
import { CollectSection } from "./collect-section";
import { IdentitySection } from "./identity-section";
import { ServerSection } from "./server-section";
import { TrustSummary } from "./trust-summary";
import { AdvisorySummary } from "./advisories";

/** Only the chosen model's fields show; values typed in the others are kept in the store. */
export function ControlsPanel() {
  const model = usePlayground((s) => s.config.model);
  return (
    <div className="space-y-4">
      <IdentitySection />
      {model === "collect" ? <CollectSection /> : null}
      {model === "browser" ? <BrowserSection /> : null}
      {model === "server" ? <ServerSection /> : null}
      <TrustSummary />
      <AppearanceSection />
      <AdvisorySummary />
    </div>
  );
}
