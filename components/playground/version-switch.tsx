"use client";
/**
 * The widget version switch in the header: a labelled radio group drawn as a segmented control
 * ("v5 · 5.0.0" / "v4 · 4.0.63"). Native radios make it keyboard-complete (Tab into the group,
 * arrows move and choose). Switching writes one field of the config, so every other setting
 * stays as it was; the change is announced.
 */
import { useId } from "react";
import {
  WIDGET_MAJORS,
  WIDGET_MAJOR_INFO,
  WIDGET_PINS,
  type WidgetMajor,
} from "@/lib/config/versions";
import { useAnnounce } from "@/components/state/announcer";
import { usePlayground } from "@/components/state/store-provider";

/** "v5 · 5.0.0". */
export const versionLabel = (major: WidgetMajor) =>
  `${WIDGET_MAJOR_INFO[major].label} · ${WIDGET_PINS[major]}`;

/** The sentence announced after a switch. */
export function versionSwitchMessage(major: WidgetMajor): string {
  return `Widget version ${versionLabel(major)}: the snippets and the preview now target ${WIDGET_MAJOR_INFO[major].label}. Every other setting is kept.`;
}

/** Moves focus to the header's radio for `major` (after a switch made elsewhere, e.g. the link note). */
export function focusVersionRadio(major: WidgetMajor): void {
  document.querySelector<HTMLInputElement>(`input[data-widget-version="${major}"]`)?.focus();
}

export function VersionSwitch() {
  const current = usePlayground((s) => s.config.widgetVersion);
  const setOption = usePlayground((s) => s.setOption);
  const announce = useAnnounce();
  const name = useId();
  const legendId = useId();
  return (
    <fieldset
      role="radiogroup"
      className="flex items-center gap-1.5 text-xs text-neutral-600 dark:text-neutral-300"
      aria-labelledby={legendId}
      data-testid="header.version"
    >
      {/* A legend inside a flex fieldset is not laid out in the row; a span names the group instead. */}
      <span id={legendId}>Widget version</span>
      <span className="flex overflow-hidden rounded-md border border-neutral-300 dark:border-neutral-700">
        {WIDGET_MAJORS.map((major) => (
          <label
            key={major}
            title={WIDGET_MAJOR_INFO[major].summary}
            className="cursor-pointer px-2.5 py-1 font-medium text-neutral-700 has-checked:bg-neutral-900 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-blue-600 dark:text-neutral-300 dark:has-checked:bg-neutral-100 dark:has-checked:text-neutral-900"
          >
            <input
              type="radio"
              name={name}
              value={major}
              checked={current === major}
              onChange={() => {
                setOption("widgetVersion", major);
                announce(versionSwitchMessage(major));
              }}
              data-testid={`header.version.${major}`}
              data-widget-version={major}
              className="sr-only"
            />
            {versionLabel(major)}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
