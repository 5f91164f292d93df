"use client";
import dynamic from "next/dynamic";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { PlaygroundConfig } from "@/lib/config/options";
import { EMBED_PANELS, type EmbedOptions, type EmbedPanel } from "@/lib/embed/options";
import type { Snippet } from "@/lib/snippets/types";
import { playgroundUrl } from "@/lib/url/tab";
import { AnnouncerProvider } from "@/components/state/announcer";
import { StoreProvider, usePlayground } from "@/components/state/store-provider";
import { EmbedNotice } from "./embed-notice";
import { useHostBridge } from "./use-host-bridge";
import { buttonClass, toggleGroupClass } from "@/components/ui/button-styles";

function PanelLoading({ label }: { label: string }) {
  return (
    <p aria-busy="true" className="p-4 text-sm text-neutral-500 dark:text-neutral-400">
      Loading the {label}…
    </p>
  );
}

// Each panel is its own chunk, with two ways in. A panel shown at first renders on the server
// inside the page's first HTML: with no Suspense boundary around it the server waits for it,
// so nothing streams in later. (A streamed panel is revealed by React on an animation frame,
// and Chromium runs none in a cross-origin frame that is off screen: a docs page with the
// embed below the fold kept showing "Loading…" and a hidden server copy of the panel until
// the reader scrolled to it.) A panel opened later loads its chunk then, behind a placeholder.
const controlsLoader = () => import("./embed-controls").then((m) => m.EmbedControls);
const previewLoader = () =>
  import("@/components/preview/host/preview-pane").then((m) => m.PreviewPane);
const codeLoader = () => import("@/components/code/code-pane").then((m) => m.CodePane);

const PANES = {
  controls: {
    First: dynamic(controlsLoader),
    Later: dynamic(controlsLoader, { loading: () => <PanelLoading label="controls" /> }),
  },
  preview: {
    First: dynamic(previewLoader),
    Later: dynamic(previewLoader, { loading: () => <PanelLoading label="preview" /> }),
  },
  code: {
    First: dynamic(codeLoader),
    Later: dynamic(codeLoader, { loading: () => <PanelLoading label="snippets" /> }),
  },
};

const PANEL_LABELS: Record<EmbedPanel, string> = {
  controls: "Controls",
  preview: "Preview",
  code: "Code",
};

const toggleClass = `${buttonClass.toggle} disabled:cursor-not-allowed`;

/** "Open in full playground": the current state and code tab as a share link on this origin. */
function FullPlaygroundLink() {
  const config = usePlayground((s) => s.config);
  const codeTab = usePlayground((s) => s.codeTab);
  return (
    <a
      href={playgroundUrl("/", config, codeTab)}
      target="_blank"
      rel="noopener"
      data-testid="embed.openFull"
      className="ml-auto rounded-md px-2 py-1 text-xs font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300"
    >
      Open in full playground<span aria-hidden> ↗</span>
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

function Pane({
  id,
  shown,
  label,
  className = "",
  children,
}: {
  id: EmbedPanel;
  shown: boolean;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      id={`embed-pane-${id}`}
      aria-label={label}
      hidden={!shown}
      data-testid={`embed.pane.${id}`}
      className={`min-w-0 ${className}`}
    >
      {children}
    </section>
  );
}

export interface EmbedPlaygroundProps {
  initial: PlaygroundConfig;
  options: EmbedOptions;
  issues: string[];
  initialHighlighted: Record<string, string>;
  /** The server's snippet of the `tab` parameter's tab when it is not HTML (see `CodePane`). */
  initialSnippet?: Snippet;
}

/**
 * The playground without the site's chrome, for an iframe in someone's docs:
 * the chosen panels (others one click away), a link to the full playground,
 * and the host protocol (height reports, theme) from `useHostBridge`.
 * Its height is its content's (no viewport units), so the host can size the frame to it.
 */
export function EmbedPlayground({
  initial,
  options,
  issues,
  initialHighlighted,
  initialSnippet,
}: EmbedPlaygroundProps) {
  const root = useRef<HTMLDivElement>(null);
  useHostBridge(root, options.theme);
  const [shown, setShown] = useState<ReadonlySet<EmbedPanel>>(() => new Set(options.panels));
  // A panel stays mounted once opened, so hiding it keeps its state (the preview's devices, the code tab).
  const [mounted, setMounted] = useState<ReadonlySet<EmbedPanel>>(() => new Set(options.panels));
  const readOnly = options.mode === "readonly";

  // `data-ready` (hydrated and listening) is set on the element: a state change here would
  // re-render the whole embed once more for nothing.
  useEffect(() => {
    root.current?.setAttribute("data-ready", "");
  }, []);

  // Built once (their props never change), so toggling a panel does not re-render the others.
  const panels = useMemo(() => {
    const first = (panel: EmbedPanel) => options.panels.includes(panel);
    const Controls = first("controls") ? PANES.controls.First : PANES.controls.Later;
    const Preview = first("preview") ? PANES.preview.First : PANES.preview.Later;
    const Code = first("code") ? PANES.code.First : PANES.code.Later;
    return {
      controls: <Controls readOnly={readOnly} />,
      preview: <Preview />,
      code: <Code initialHighlighted={initialHighlighted} initialSnippet={initialSnippet} />,
    };
  }, [options.panels, readOnly, initialHighlighted, initialSnippet]);

  const toggle = (panel: EmbedPanel) => {
    const next = new Set(shown);
    if (next.has(panel)) next.delete(panel);
    else next.add(panel);
    if (next.size === 0) return;
    setShown(next);
    if (!mounted.has(panel)) setMounted(new Set([...mounted, panel]));
  };

  const sideBySide = shown.has("controls") && (shown.has("preview") || shown.has("code"));

  return (
    <StoreProvider initial={initial} initialCodeTab={options.tab}>
      <AnnouncerProvider>
        <div ref={root} data-testid="embed.root" data-mode={options.mode} className="flex flex-col">
          <header className="flex flex-wrap items-center gap-2 border-b border-neutral-200 bg-white px-3 py-2 dark:border-neutral-800 dark:bg-neutral-950">
            <h1 className="text-xs font-semibold">
              Identity Playground<span className="sr-only"> (embedded)</span>
            </h1>
            <div role="group" aria-label="Panels" className={toggleGroupClass}>
              {EMBED_PANELS.map((panel) => {
                const on = shown.has(panel);
                return (
                  <button
                    key={panel}
                    type="button"
                    aria-pressed={on}
                    aria-controls={mounted.has(panel) ? `embed-pane-${panel}` : undefined}
                    // The last visible panel cannot be hidden.
                    disabled={on && shown.size === 1}
                    onClick={() => toggle(panel)}
                    data-testid={`embed.toggle.${panel}`}
                    className={toggleClass}
                  >
                    {PANEL_LABELS[panel]}
                  </button>
                );
              })}
            </div>
            {readOnly ? (
              <span
                className="rounded-full border border-neutral-300 px-2 py-0.5 text-[0.6875rem] text-neutral-600 dark:border-neutral-700 dark:text-neutral-300"
                data-testid="embed.readonlyBadge"
              >
                Read-only
              </span>
            ) : null}
            <FullPlaygroundLink />
          </header>
          <EmbedNotice issues={issues} />
          <main className={sideBySide ? "grid grid-cols-1 lg:grid-cols-[340px_minmax(0,1fr)]" : ""}>
            {mounted.has("controls") ? (
              <Pane
                id="controls"
                shown={shown.has("controls")}
                label="Controls"
                className="border-neutral-200 p-4 lg:border-r dark:border-neutral-800"
              >
                {panels.controls}
              </Pane>
            ) : null}
            <div className="min-w-0">
              {mounted.has("preview") ? (
                <Pane
                  id="preview"
                  shown={shown.has("preview")}
                  label="Preview"
                  className="bg-neutral-100 dark:bg-neutral-900"
                >
                  {panels.preview}
                </Pane>
              ) : null}
              {mounted.has("code") ? (
                <Pane id="code" shown={shown.has("code")} label="Code">
                  {panels.code}
                </Pane>
              ) : null}
            </div>
          </main>
        </div>
      </AnnouncerProvider>
    </StoreProvider>
  );
}
