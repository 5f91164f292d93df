"use client";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import {
  EMBED_MODES,
  EMBED_PANELS,
  EMBED_THEMES,
  DEFAULT_EMBED_OPTIONS,
  type EmbedOptions,
  type EmbedPanel,
} from "@/lib/embed/options";
import {
  DEFAULT_EMBED_SIZING,
  embedUrl,
  generateEmbedIframe,
  generateEmbedScript,
  type EmbedSizing,
} from "@/lib/embed/snippet";
import { applicableTargets, SNIPPET_TARGET_LABELS, type SnippetTarget } from "@/lib/snippets";
import { useAnnounce } from "@/components/state/announcer";
import { usePlayground } from "@/components/state/store-provider";
import { buttonClass, compactFieldClass, dialogPanelClass } from "@/components/ui/button-styles";
import { CodeOutput, NumberField } from "./embed-dialog-fields";
import { WIDGET_MAJOR_INFO, WIDGET_PINS } from "@/lib/config/versions";

const PANEL_LABELS: Record<EmbedPanel, string> = {
  controls: "Controls",
  preview: "Preview",
  code: "Code",
};
const MODE_LABELS: Record<(typeof EMBED_MODES)[number], string> = {
  edit: "Editable",
  readonly: "Read-only",
};
const THEME_LABELS: Record<(typeof EMBED_THEMES)[number], string> = {
  auto: "Auto: the page's theme, else the reader's system",
  light: "Light",
  dark: "Dark",
};

const button = buttonClass.secondary;
const input = `${compactFieldClass} disabled:opacity-50`;
const legend = "mb-1 text-xs font-semibold text-neutral-800 dark:text-neutral-200";

/**
 * "Embed": the iframe code (and the optional auto-height script) for the
 * current state, with the embed's options. A modal <dialog>: focus moves in,
 * Escape closes it, focus returns to the button that opened it.
 * Loaded on demand, so the playground's first load does not carry it.
 */
export function EmbedDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const config = usePlayground((s) => s.config);
  const announce = useAnnounce();
  const [options, setOptions] = useState<EmbedOptions>(() => ({
    ...DEFAULT_EMBED_OPTIONS,
    panels: [...DEFAULT_EMBED_OPTIONS.panels],
  }));
  const [sizing, setSizing] = useState<EmbedSizing>(() => ({ ...DEFAULT_EMBED_SIZING }));
  const [status, setStatus] = useState("");
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(statusTimer.current), []);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const origin = window.location.origin;
  const targets = applicableTargets(config);
  const tab = options.tab !== null && targets.includes(options.tab) ? options.tab : null;
  const effective: EmbedOptions = { ...options, tab };
  const iframeCode = generateEmbedIframe(origin, effective, config, sizing);
  const scriptCode = generateEmbedScript(origin);

  const copy = async (text: string, what: string) => {
    let message: string;
    try {
      await navigator.clipboard.writeText(text);
      message = `${what} copied to the clipboard.`;
    } catch {
      message = `Could not copy the ${what.toLowerCase()}: select it and copy it with your keyboard.`;
    }
    // The page's live region is inert behind a modal dialog, so the dialog shows (and announces) it too.
    // Cleared first so copying twice is announced twice.
    setStatus("");
    clearTimeout(statusTimer.current);
    statusTimer.current = setTimeout(() => setStatus(message), 50);
    announce(message);
  };

  const togglePanel = (panel: EmbedPanel, on: boolean) =>
    setOptions((o) => ({
      ...o,
      panels: EMBED_PANELS.filter((p) => (p === panel ? on : o.panels.includes(p))),
    }));

  const section = (title: string, children: ReactNode) => (
    <fieldset className="min-w-0">
      <legend className={legend}>{title}</legend>
      {children}
    </fieldset>
  );

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (e.target === e.currentTarget) {
          const box = e.currentTarget.getBoundingClientRect();
          const inside =
            e.clientX >= box.left &&
            e.clientX <= box.right &&
            e.clientY >= box.top &&
            e.clientY <= box.bottom;
          if (!inside) e.currentTarget.close();
        }
      }}
      data-testid="embed.dialog"
      className={dialogPanelClass}
    >
      <div className="flex flex-col gap-4 p-4">
        <div className="flex items-start gap-3">
          <div className="flex-1">
            <h2 id={titleId} className="text-base font-semibold">
              Embed this playground
            </h2>
            <p id={descriptionId} className="text-xs text-neutral-600 dark:text-neutral-400">
              Paste the iframe into a docs page: it opens on the current settings. It works on its
              own at a fixed height; add the script once per page to fit each embed to its content.
              The state travels as a share link, so the org API key and contact token are left out.
            </p>
          </div>
          <button
            type="button"
            className={button}
            onClick={() => dialog.current?.close()}
            data-testid="embed.dialog.close"
          >
            Close
          </button>
        </div>

        <div className="grid gap-4 sm:grid-cols-2">
          {section(
            "Panels shown at first",
            <div className="flex flex-wrap gap-3">
              {EMBED_PANELS.map((panel) => {
                const on = options.panels.includes(panel);
                return (
                  <label key={panel} className="flex items-center gap-1.5 text-xs">
                    <input
                      type="checkbox"
                      checked={on}
                      // At least one panel: the last one cannot be unticked.
                      disabled={on && options.panels.length === 1}
                      onChange={(e) => togglePanel(panel, e.target.checked)}
                      data-testid={`embed.dialog.panel.${panel}`}
                    />
                    {PANEL_LABELS[panel]}
                  </label>
                );
              })}
            </div>,
          )}
          <label className="flex flex-col gap-1 text-xs">
            <span className={legend}>Code tab opened first</span>
            <select
              value={tab ?? ""}
              onChange={(e) =>
                setOptions((o) => ({ ...o, tab: (e.target.value || null) as SnippetTarget | null }))
              }
              data-testid="embed.dialog.tab"
              className={input}
            >
              <option value="">First tab</option>
              {targets.map((t) => (
                <option key={t} value={t}>
                  {SNIPPET_TARGET_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          {section(
            "Settings",
            <div className="flex flex-wrap gap-3">
              {EMBED_MODES.map((mode) => (
                <label key={mode} className="flex items-center gap-1.5 text-xs">
                  <input
                    type="radio"
                    name={`${titleId}-mode`}
                    checked={options.mode === mode}
                    onChange={() => setOptions((o) => ({ ...o, mode }))}
                    data-testid={`embed.dialog.mode.${mode}`}
                  />
                  {MODE_LABELS[mode]}
                </label>
              ))}
            </div>,
          )}
          <label className="flex flex-col gap-1 text-xs">
            <span className={legend}>Theme</span>
            <select
              value={options.theme}
              onChange={(e) =>
                setOptions((o) => ({ ...o, theme: e.target.value as EmbedOptions["theme"] }))
              }
              data-testid="embed.dialog.theme"
              className={input}
            >
              {EMBED_THEMES.map((t) => (
                <option key={t} value={t}>
                  {THEME_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          {section(
            "Height",
            <div className="flex flex-col gap-2">
              <NumberField
                label="Fixed height (without the script)"
                value={sizing.height}
                disabled={sizing.autoHeight}
                onChange={(height) => setSizing((s) => ({ ...s, height }))}
                testId="embed.dialog.height"
              />
              <label className="flex items-center gap-1.5 text-xs">
                <input
                  type="checkbox"
                  checked={sizing.autoHeight}
                  onChange={(e) => setSizing((s) => ({ ...s, autoHeight: e.target.checked }))}
                  data-testid="embed.dialog.autoHeight"
                />
                Fit the content with the script, between
              </label>
              <div className="flex flex-wrap gap-3 pl-5">
                <NumberField
                  label="min"
                  value={sizing.minHeight}
                  disabled={!sizing.autoHeight}
                  onChange={(minHeight) => setSizing((s) => ({ ...s, minHeight }))}
                  testId="embed.dialog.minHeight"
                />
                <NumberField
                  label="max"
                  value={sizing.maxHeight}
                  disabled={!sizing.autoHeight}
                  onChange={(maxHeight) => setSizing((s) => ({ ...s, maxHeight }))}
                  testId="embed.dialog.maxHeight"
                />
              </div>
            </div>,
          )}
        </div>

        <p
          className="text-xs text-neutral-700 dark:text-neutral-300"
          data-testid="embed.dialog.version"
        >
          Widget version:{" "}
          <strong>
            {WIDGET_MAJOR_INFO[config.widgetVersion].label} · {WIDGET_PINS[config.widgetVersion]}
          </strong>{" "}
          (the header&apos;s choice). The embed&apos;s address carries{" "}
          <code className="font-mono">version={config.widgetVersion}</code>, so it stays on this
          version.
        </p>

        <CodeOutput
          label="Iframe"
          code={iframeCode}
          testId="embed.dialog.iframeCode"
          onCopy={() => void copy(iframeCode, "Iframe code")}
        />
        {sizing.autoHeight ? (
          <CodeOutput
            label="Script, once per page"
            code={scriptCode}
            testId="embed.dialog.scriptCode"
            onCopy={() => void copy(scriptCode, "Script tag")}
          />
        ) : null}

        <div className="flex flex-wrap items-center gap-3">
          <a
            href={embedUrl(origin, effective, config)}
            target="_blank"
            rel="noopener"
            className="text-xs font-medium text-blue-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300"
            data-testid="embed.dialog.open"
          >
            Try this embed<span className="sr-only"> (opens in a new tab)</span>
          </a>
          <p
            role="status"
            aria-live="polite"
            className="text-xs text-neutral-600 dark:text-neutral-400"
            data-testid="embed.dialog.status"
          >
            {status}
          </p>
        </div>
      </div>
    </dialog>
  );
}
