"use client";
import { useState, type ComponentType } from "react";
import dynamic from "next/dynamic";
import { usePlayground } from "@/components/state/store-provider";
import { AppearanceSection } from "./appearance-section";
import { BrowserSection } from "./browser-section";
import { CollectSection } from "./collect-section";
import { FeaturesSection } from "./features-section";
import { IdentitySection } from "./identity-section";
import { LifecycleSection } from "./lifecycle-section";
import { LoadingSection } from "./loading-section";
import { modelSection, type ModelSection } from "./section-layout";
import { ServerSection } from "./server-section";
import { TrustSummary } from "./trust-summary";
import { AdvisorySummary } from "./advisories";

const MODEL_CARDS: Record<ModelSection, ComponentType> = {
  collect: CollectSection,
  browser: BrowserSection,
  server: ServerSection,
};

const loadInspector = () => import("@/components/tokens/token-inspector");
// The inspector is code for a closed <details>: it loads when the section is first opened (or
// hovered or focused, a moment before), so it is not part of the page's first load.
const TokenInspector = dynamic(() => loadInspector().then((m) => m.TokenInspector), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-xs text-neutral-500 dark:text-neutral-400">
      Loading the inspector…
    </p>
  ),
});

/** Only the chosen model's fields show; values typed in the others are kept in the store. */
export function ControlsPanel() {
  const model = usePlayground((s) => s.config.model);
  const own = modelSection(model);
  const ModelCard = own === null ? null : MODEL_CARDS[own];
  // Mounted on first open and kept, so closing and reopening keeps what was pasted.
  const [inspectorWanted, setInspectorWanted] = useState(false);
  return (
    <div className="space-y-4">
      <IdentitySection />
      {ModelCard ? <ModelCard /> : null}
      <TrustSummary />
      <FeaturesSection />
      <LifecycleSection />
      <AppearanceSection />
      <LoadingSection />
      <AdvisorySummary />
      <details
        className="group rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-950"
        data-testid="tokens.section"
        onToggle={(e) => {
          if (e.currentTarget.open) setInspectorWanted(true);
        }}
      >
        <summary
          onPointerEnter={() => void loadInspector()}
          onFocus={() => void loadInspector()}
          className="cursor-pointer text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Token inspector: which token is this?
        </summary>
        <p className="mt-1 text-xs text-neutral-500 dark:text-neutral-400">
          Widget token, contact token or org API key? Paste one to see where it belongs. Nothing
          leaves this tab unless you ask to check a JWT&apos;s signature.
        </p>
        <div className="mt-3">{inspectorWanted ? <TokenInspector /> : null}</div>
      </details>
    </div>
  );
}
