"use client";
import type { ComponentType } from "react";
import { usePlayground } from "@/components/state/store-provider";
import { AppearanceSection } from "./appearance-section";
import { BrowserSection } from "./browser-section";
import { CollectSection } from "./collect-section";
import { IdentitySection } from "./identity-section";
import { modelSection, type ModelSection } from "./section-layout";
import { ServerSection } from "./server-section";
import { TrustSummary } from "./trust-summary";
import { AdvisorySummary } from "./advisories";
import { TokenInspector } from "@/components/tokens/token-inspector";

const MODEL_CARDS: Record<ModelSection, ComponentType> = {
  collect: CollectSection,
  browser: BrowserSection,
  server: ServerSection,
};

/** Only the chosen model's fields show; values typed in the others are kept in the store. */
export function ControlsPanel() {
  const model = usePlayground((s) => s.config.model);
  const own = modelSection(model);
  const ModelCard = own === null ? null : MODEL_CARDS[own];
  return (
    <div className="space-y-4">
      <IdentitySection />
      {ModelCard ? <ModelCard /> : null}
      <TrustSummary />
      <AppearanceSection />
      <AdvisorySummary />
      <details
        className="group rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-950"
        data-testid="tokens.section"
      >
        <summary className="cursor-pointer text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
          Token inspector: which token is this?
        </summary>
        <p className="mt-1 text-xs text-neutral-500 dark:text-neutral-400">
          Widget token, contact token or org API key? Paste one to see where it belongs. Nothing
          leaves this tab unless you ask to check a JWT&apos;s signature.
        </p>
        <div className="mt-3">
          <TokenInspector />
        </div>
      </details>
    </div>
  );
}
