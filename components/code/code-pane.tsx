"use client";
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import {
  loadGenerators,
  loadedGenerators,
  madeAtOnce,
  onGeneratorsLoaded,
  snippetNow,
} from "@/lib/snippets/on-demand";
import { applicableTargets } from "@/lib/snippets/targets";
import { SNIPPET_TARGET_LABELS, type Snippet, type SnippetTarget } from "@/lib/snippets/types";
import { WIDGET_MAJOR_INFO, WIDGET_PINS } from "@/lib/config/versions";
import { shownTarget } from "@/lib/url/tab";
import { CodePanel } from "@/components/code/code-panel";
import { useAnnounce, useAnnounceUnlessSaid } from "@/components/state/announcer";
import { usePlayground } from "@/components/state/store-provider";
import { useUsableConfig } from "@/components/state/use-usable-config";
import { useExplainedChange } from "@/components/code/use-explained-change";
import { useReducedMotion } from "@/components/state/use-reduced-motion";

export interface CodePaneProps {
  initialHighlighted: Record<string, string>;
  /**
   * The snippet of the tab the page opened on, made on the server, when the client cannot make
   * it at once (`madeAtOnce`): shown (server render, hydration) until the generators load, while
   * the config is still the one the page opened with.
   */
  initialSnippet?: Snippet;
  /**
   * Shown above the snippets: the playground passes its options editor and import toolbar; the
   * docs embed passes nothing (and so does not load that code).
   */
  tools?: ReactNode;
}

const noGenerators = () => undefined;
const waiting = (target: SnippetTarget): Snippet => ({
  target,
  label: SNIPPET_TARGET_LABELS[target],
  files: [],
});
const prefetch = () => void loadGenerators().catch(() => undefined);

/**
 * The snippets of the current config; the chosen tab is the store's (`codeTab`, in the link).
 * HTML is generated at once; the other targets' generators load when their tab is first shown
 * (or the pointer or focus reaches the tab list), and a tab waiting for them says so.
 */
export function CodePane({ initialHighlighted, initialSnippet, tools }: CodePaneProps) {
  const config = useUsableConfig();
  const opened = usePlayground((s) => s.config === s.openedWith);
  const codeTab = usePlayground((s) => s.codeTab);
  const setCodeTab = usePlayground((s) => s.setCodeTab);
  const generate = useSyncExternalStore(onGeneratorsLoaded, loadedGenerators, noGenerators);
  const [failed, setFailed] = useState(false);

  const offered = useMemo(() => applicableTargets(config), [config]);
  const snippets = useMemo(
    () =>
      offered.map(
        (target) =>
          snippetNow(target, config, generate) ??
          (opened && initialSnippet?.target === target ? initialSnippet : waiting(target)),
      ),
    [offered, config, generate, opened, initialSnippet],
  );
  const shown = shownTarget(codeTab, offered);
  const needsGenerators =
    generate === undefined && shown !== undefined && !madeAtOnce(shown, config);
  useEffect(() => {
    if (!needsGenerators) return;
    let current = true;
    loadGenerators().catch(() => {
      if (current) setFailed(true);
    });
    return () => {
      current = false;
    };
  }, [needsGenerators]);

  const announce = useAnnounce();
  const announceUnlessSaid = useAnnounceUnlessSaid();
  const explained = useExplainedChange({ config, shown, generate, announce: announceUnlessSaid });
  const reducedMotion = useReducedMotion();
  const major = config.widgetVersion;
  return (
    <div className="flex min-h-full flex-col gap-2 p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">Snippets</h2>
        <p data-testid="code.version" className="text-xs text-neutral-500 dark:text-neutral-400">
          Widget {WIDGET_MAJOR_INFO[major].label} · pinned{" "}
          <code className="font-mono">@{WIDGET_PINS[major]}</code>
        </p>
      </div>
      {tools}
      <CodePanel
        snippets={snippets}
        initialHighlighted={initialHighlighted}
        target={codeTab}
        onTargetChange={setCodeTab}
        onTabsIntent={generate ? undefined : prefetch}
        waitingText={
          failed ? "This snippet could not be loaded. Reload the page to try again." : undefined
        }
        announce={announce}
        explained={explained}
        reducedMotion={reducedMotion}
      />
    </div>
  );
}
