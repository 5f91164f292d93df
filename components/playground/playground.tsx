"use client";
import { useRef, useState, type ReactNode } from "react";
import type { PlaygroundConfig } from "@/lib/config/options";
import type { Snippet, SnippetTarget } from "@/lib/snippets/types";
import { AdvisoriesProvider } from "@/components/controls/advisories";
import { ControlsPanel } from "@/components/controls/controls-panel";
import { CodeTools } from "@/components/editor/code-tools";
import { AnnouncerProvider } from "@/components/state/announcer";
import { CodePane } from "@/components/code/code-pane";
import { PlaygroundHeader } from "./header";
import { LinkNotice, MadeForV4Notice } from "./link-notice";
import { PreviewPane } from "@/components/preview/host/preview-pane";
import { StoreProvider } from "@/components/state/store-provider";
import { useUrlSync } from "./use-url-sync";

type Pane = "controls" | "preview" | "code";
const PANES: { id: Pane; label: string }[] = [
  { id: "controls", label: "Controls" },
  { id: "preview", label: "Preview" },
  { id: "code", label: "Code" },
];

function UrlSync() {
  useUrlSync();
  return null;
}

function PaneColumn({
  id,
  active,
  label,
  children,
  className = "",
}: {
  id: Pane;
  active: Pane;
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      id={`pane-${id}`}
      aria-label={label}
      data-testid={`pane.${id}`}
      className={`${active === id ? "block" : "hidden"} min-h-0 scroll-mt-10 lg:block xl:overflow-y-auto ${className}`}
    >
      {children}
    </section>
  );
}

export interface PlaygroundProps {
  initial: PlaygroundConfig;
  /** The code tab the link asked for (`tab`), kept even while the config does not offer it. */
  initialCodeTab?: SnippetTarget | null;
  linkIssues: string[];
  /** The page was opened with a link made for widget v4 (link format 1): it opens as v4, with a note. */
  madeForV4: boolean;
  initialHighlighted: Record<string, string>;
  /** The server's snippet of the opening tab when it is not HTML (see `CodePane`). */
  initialSnippet?: Snippet;
}

export function Playground({
  initial,
  initialCodeTab = null,
  linkIssues,
  madeForV4,
  initialHighlighted,
  initialSnippet,
}: PlaygroundProps) {
  const [active, setActive] = useState<Pane>("controls");
  const nav = useRef<HTMLElement>(null);
  // One pane at a time, the page scrolls as a whole (the header scrolls away, the tab bar sticks):
  // a newly chosen pane starts at its top, right under the tab bar, once the header is gone.
  const choose = (pane: Pane) => {
    setActive(pane);
    const bar = nav.current;
    const main = bar?.nextElementSibling;
    if (!bar || !main || bar.getBoundingClientRect().top > 0) return;
    // The panes start right under the bar; a stuck (sticky) bar's own offsetTop is where it is
    // stuck, not where it sits in the page, so measure from the panes' top instead.
    window.scrollTo({ top: window.scrollY + main.getBoundingClientRect().top - bar.offsetHeight });
  };
  return (
    <StoreProvider initial={initial} initialCodeTab={initialCodeTab}>
      <AnnouncerProvider>
        <AdvisoriesProvider>
          <UrlSync />
          {/* Below lg the document scrolls (header away, tab bar sticky); from lg each column scrolls on its own. */}
          <div className="flex min-h-dvh flex-col lg:h-dvh">
            <PlaygroundHeader />
            <MadeForV4Notice madeForV4={madeForV4} />
            <LinkNotice issues={linkIssues} />
            <nav
              ref={nav}
              aria-label="Panels"
              className="sticky top-0 z-10 flex border-b border-neutral-200 bg-white lg:hidden dark:border-neutral-800 dark:bg-neutral-950"
            >
              {PANES.map((p) => (
                <button
                  key={p.id}
                  type="button"
                  aria-pressed={active === p.id}
                  aria-controls={`pane-${p.id}`}
                  onClick={() => choose(p.id)}
                  data-testid={`mobile.tab.${p.id}`}
                  className="flex-1 border-b-2 border-transparent px-3 py-2 text-sm font-medium text-neutral-600 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 aria-pressed:border-neutral-900 aria-pressed:text-neutral-900 dark:text-neutral-400 dark:aria-pressed:border-neutral-100 dark:aria-pressed:text-neutral-100"
                >
                  {p.label}
                </button>
              ))}
            </nav>
            {/* Named: the preview document has a main landmark of its own. */}
            <main
              aria-label="Playground"
              className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[340px_minmax(0,1fr)] lg:overflow-hidden xl:grid-cols-[300px_minmax(560px,1.25fr)_minmax(0,1fr)] 2xl:grid-cols-[360px_minmax(620px,1.15fr)_minmax(0,1fr)]"
            >
              <PaneColumn
                id="controls"
                active={active}
                label="Controls"
                className="border-neutral-200 p-4 lg:overflow-y-auto lg:border-r dark:border-neutral-800"
              >
                <ControlsPanel />
              </PaneColumn>
              {/* From lg to xl preview and code share one scrolling column (the preview fills its height); from xl they are columns. */}
              <div className="min-h-0 lg:overflow-y-auto xl:contents">
                <PaneColumn
                  id="preview"
                  active={active}
                  label="Preview"
                  className="bg-neutral-100 lg:h-full dark:bg-neutral-900"
                >
                  <PreviewPane fill />
                </PaneColumn>
                <PaneColumn
                  id="code"
                  active={active}
                  label="Code"
                  className="border-neutral-200 xl:border-l dark:border-neutral-800"
                >
                  <CodePane
                    initialHighlighted={initialHighlighted}
                    initialSnippet={initialSnippet}
                    tools={<CodeTools />}
                  />
                </PaneColumn>
              </div>
            </main>
          </div>
        </AdvisoriesProvider>
      </AnnouncerProvider>
    </StoreProvider>
  );
}
