"use client";
import { AdvisoriesProvider } from "@/components/controls/advisories";
import { ControlsPanel } from "@/components/controls/controls-panel";

/**
 * The playground's controls, loaded only when the embed shows them. Read-only
 * disables every control at once (a disabled fieldset), yet keeps them readable.
 */
export function EmbedControls({ readOnly }: { readOnly: boolean }) {
  const panel = (
    <AdvisoriesProvider>
      <ControlsPanel />
    </AdvisoriesProvider>
  );
  if (!readOnly) return panel;
  return (
    <fieldset disabled className="m-0 min-w-0 border-0 p-0" data-testid="embed.readonly">
      <legend className="sr-only">Settings (read-only in this embed)</legend>
      {panel}
    </fieldset>
  );
}
