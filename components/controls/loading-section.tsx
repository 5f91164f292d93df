"use client";
import { usePlayground } from "@/components/state/store-provider";
import { LOADING_TARGETS, scriptCostText } from "@/lib/snippets/loading-mode";
import { SNIPPET_TARGET_LABELS } from "@/lib/snippets/types";
import { SectionCard } from "./field";
import { SectionOptions } from "./section-options";

const TARGET_NAMES = LOADING_TARGETS.map((t) => SNIPPET_TARGET_LABELS[t]).join(", ");

/**
 * When the page loads the widget (issue 21): on page load, after consent, or on click. The card
 * says what waiting saves for the targeted version and which snippets have the choice.
 */
export function LoadingSection() {
  const version = usePlayground((s) => s.config.widgetVersion);
  const loading = usePlayground((s) => s.config.loading);
  return (
    <SectionCard
      title="Loading (your page)"
      description={
        <>
          For sites that must not touch storage before consent. The {TARGET_NAMES} snippets follow
          this choice; the others load on page load.{" "}
          <span data-testid="controls.loading.cost">
            {loading === "page-load"
              ? "Waiting for consent or a click means that until then"
              : "Until then"}
            , on the HTML page {scriptCostText(version)}; in React and Next.js the package&apos;s
            own chunk waits too.
          </span>
        </>
      }
      testId="controls.loading"
    >
      <SectionOptions section="loading" />
    </SectionCard>
  );
}
