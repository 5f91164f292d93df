"use client";
import { useState, type ReactNode } from "react";
import type { PlaygroundConfig } from "@/lib/config/options";
import { AdvisoriesProvider } from "@/components/controls/advisories";
import { ControlsPanel } from "@/components/controls/controls-panel";
import { CodeTools } from "@/components/editor/code-tools";
import { AnnouncerProvider } from "./announcer";
import { CodePane } from "./code-pane";
import { PlaygroundHeader } from "./header";
import { LinkNotice } from "./link-notice";
import { PreviewPane } from "./preview-pane";
import { StoreProvider } from "./store-provider";
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

function PaneColumn({ id, active, label, children, className = "" }: { id: Pane; active: Pane; label: string; children: ReactNode; className?: string }) {
  return (
    <section
      id={`pane-${id}`}
      aria-label={label}
      data-testid={`pane.${id}`}
      className={`${active === id ? "block" : "hidden"} min-h-0 lg:block 2xl:overflow-y-auto ${className}`}
    >
      {children}
    </section>
  );
}

export interface PlaygroundProps {
  initial: PlaygroundConfig;
  linkIssues: string[];
  initialHighlighted: Record<string, string>;
}

export function Playground({ initial, linkIssues, initialHighlighted }: PlaygroundProps) {
  const [active, setActive] = useState<Pane>("controls");
  return (
    <StoreProvider initial={initial}>
      <AnnouncerProvider>
        <AdvisoriesProvider>
          <UrlSync />
          <div className="flex h-dvh flex-col">
            <PlaygroundHeader />
            <LinkNotice issues={linkIssues} />
            <nav aria-label="Panels" className="flex border-b border-neutral-200 bg-white lg:hidden dark:border-neutral-800 dark:bg-neutral-950">
              {PANES.map((p) => (
                <button
                  key={p.id}
                  type="button"
                  aria-pressed={active === p.id}
                  aria-controls={`pane-${p.id}`}
                  onClick={() => setActive(p.id)}
                  data-testid={`mobile.tab.${p.id}`}
                  className="flex-1 border-b-2 border-transparent px-3 py-2 text-sm font-medium text-neutral-600 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 aria-pressed:border-neutral-900 aria-pressed:text-neutral-900 dark:text-neutral-400 dark:aria-pressed:border-neutral-100 dark:aria-pressed:text-neutral-100"
                >
                  {p.label}
                </button>
              ))}
            </nav>
            <main className="grid min-h-0 flex-1 grid-cols-1 overflow-y-auto lg:grid-cols-[340px_minmax(0,1fr)] lg:overflow-hidden 2xl:grid-cols-[360px_minmax(620px,1.15fr)_minmax(0,1fr)]">
              <PaneColumn id="controls" active={active} label="Controls" className="border-neutral-200 p-4 lg:overflow-y-auto lg:border-r dark:border-neutral-800">
                <ControlsPanel />
              </PaneColumn>
              {/* On large screens preview and code share one scrolling column; on 2xl they become columns. */}
              <div className="min-h-0 lg:overflow-y-auto 2xl:contents">
                <PaneColumn id="preview" active={active} label="Preview" className="bg-neutral-100 dark:bg-neutral-900">
                  <PreviewPane />
                </PaneColumn>
                <PaneColumn id="code" active={active} label="Code" className="border-neutral-200 2xl:border-l dark:border-neutral-800">
                  <CodePane initialHighlighted={initialHighlighted} tools={<CodeTools />} />
                </PaneColumn>
              </div>
            </main>
          </div>
        </AdvisoriesProvider>
      </AnnouncerProvider>
    </StoreProvider>
  );
}
