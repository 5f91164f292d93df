"use client";

/**
 * What the page shows before it loads the widget (the `loading` option, issue 21): on click, the
 * look-alike launcher the snippets draw (the same place, size and colours: lib/snippets/loading);
 * after consent, nothing of the widget, and here a note with a button that plays the consent
 * tool saying yes. Until then the widget replica is not mounted, so it reads and writes no
 * storage, as the real page requests nothing from the widget's host. Pressing the launcher
 * mounts the widget open (`isOpen: true` in the snippets); consent mounts it as on page load.
 *
 * Consent is remembered for the device (a consent tool stores it); the launcher comes back on
 * every page load (each visit), as the snippets' launcher does.
 */
import { useState, type CSSProperties, type ReactNode } from "react";
import type { PlaygroundConfig } from "@/lib/config/options";
import type { PreviewDevice } from "@/lib/preview/messages";
import {
  LAUNCHER_ICON_PATH,
  LAUNCHER_LABEL,
  launcherStyleObject,
  scriptCostText,
} from "@/lib/snippets/loading";

/** The trigger this page load waits for, or null when the widget loads with the page. */
function gateOf(config: PlaygroundConfig, device: PreviewDevice): string | null {
  if (config.loading === "page-load") return null;
  return config.loading === "click"
    ? `click:${device.deviceId}:${device.visit}`
    : `consent:${device.deviceId}`;
}

export function LoadGate({
  config,
  device,
  children,
}: {
  config: PlaygroundConfig;
  device: PreviewDevice;
  children: ReactNode;
}) {
  const [passed, setPassed] = useState<ReadonlySet<string>>(new Set());
  const gate = gateOf(config, device);
  if (gate === null || passed.has(gate)) return children;
  const pass = () => setPassed((s) => new Set(s).add(gate));
  if (config.loading === "click") {
    return (
      <button
        type="button"
        data-testid="preview.lookalike"
        aria-label={LAUNCHER_LABEL}
        title={`${LAUNCHER_LABEL} (the page's look-alike launcher: loads the widget when pressed)`}
        onClick={pass}
        style={launcherStyleObject(config) as CSSProperties}
        className="focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        <svg width={24} height={24} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d={LAUNCHER_ICON_PATH} />
        </svg>
      </button>
    );
  }
  return (
    <section
      aria-label="Waiting for consent"
      data-testid="preview.consent"
      className="fixed right-5 bottom-5 max-w-xs rounded-lg border border-neutral-300 bg-white p-3 text-xs text-neutral-800 shadow-md"
    >
      <p className="font-semibold">Waiting for consent</p>
      <p className="mt-1">
        The widget has not loaded: no request to its host, no opencx-widget:* key, and{" "}
        {scriptCostText(config.widgetVersion)}.
      </p>
      <button
        type="button"
        data-testid="preview.consent.give"
        onClick={pass}
        className="mt-2 rounded-md border border-neutral-400 px-2 py-1 font-medium hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        Give consent (as your consent tool would)
      </button>
    </section>
  );
}
