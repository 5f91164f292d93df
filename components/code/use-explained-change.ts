"use client";
/**
 * The explained diff of the shown snippet: after a change has been painted, which lines changed
 * and why (`lib/explain`), for the marks; and, once the user pauses, one short polite summary.
 *
 * Each tab remembers the config it was last seen with (at first, the one the page opened with),
 * so switching to a tab shows what changed there since. The explanation is made when the page
 * is idle after the change: it never delays the snippet's text, its colours or the preview.
 */
import { useEffect, useRef, useState } from "react";
import type { OptionKey, PlaygroundConfig } from "@/lib/config/options";
import type { SnippetChange } from "@/lib/explain/explain";
import type { GenerateSnippet } from "@/lib/snippets/on-demand";
import { madeAtOnce, snippetNow } from "@/lib/snippets/on-demand";
import { SNIPPET_TARGET_LABELS, type SnippetTarget } from "@/lib/snippets/types";
import { whenIdle } from "./warm-up";

type ExplainModule = typeof import("@/lib/explain");
let explainModule: ExplainModule | undefined;
let loading: Promise<ExplainModule> | undefined;

/**
 * The explainer stays out of the first load, and is not prefetched when idle either (the first
 * load's budget counts what an idle page fetches): it loads at the first change.
 */
function loadExplain(): Promise<ExplainModule> {
  loading ??= import("@/lib/explain").then(
    (m) => (explainModule = m),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export interface ExplainedChange {
  /** Grows with every change, so the marks restart their animation. */
  id: number;
  target: SnippetTarget;
  change: SnippetChange;
  /** The plain-words reason of a set of options (one line, reasons joined). */
  reason: (options: readonly OptionKey[]) => string;
  /** Every reason of the change, for the line above the code. */
  reasons: string[];
}

/** How long the user pauses before the summary is announced (typing announces once, not per key). */
export const ANNOUNCE_AFTER_MS = 900;
/** An announcement this long before the change is taken as the change's own (import, reset, undo). */
const ACTION_GRACE_MS = 1000;

export function useExplainedChange({
  config,
  shown,
  generate,
  announce,
}: {
  config: PlaygroundConfig;
  /** The tab on screen, if any. */
  shown: SnippetTarget | undefined;
  generate: GenerateSnippet | undefined;
  /** Says the summary unless the page announced something since `since` (see `useAnnounceUnlessSaid`). */
  announce: (message: string, since: number) => void;
}): ExplainedChange | null {
  const opened = useRef(config);
  const seen = useRef(new Map<SnippetTarget, PlaygroundConfig>());
  const counter = useRef(0);
  const [explained, setExplained] = useState<ExplainedChange | null>(null);
  // The summary waits for a pause; it covers everything since the first change of the burst.
  const burst = useRef<{ target: SnippetTarget; from: PlaygroundConfig; at: number } | null>(null);
  const announceTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(announceTimer.current), []);

  useEffect(() => {
    if (!shown) return;
    const before = seen.current.get(shown) ?? opened.current;
    if (before === config) return;
    // A tab whose generator is not loaded yet keeps its baseline until it is (`snippetNow` makes
    // only the eager target's page-load page without the generators).
    if (generate === undefined && !(madeAtOnce(shown, before) && madeAtOnce(shown, config))) return;
    const generateFor = (c: PlaygroundConfig) => snippetNow(shown, c, generate)!;
    const run = ({ explainSnippetChange, changeSummary, reasonsFor }: ExplainModule) => {
      seen.current.set(shown, config);
      const change = explainSnippetChange(before, config, generateFor);
      // Nothing in this snippet changed (a preview setting): the last reasons stay.
      if (!change) return;
      const after = config;
      counter.current += 1;
      setExplained({
        id: counter.current,
        target: shown,
        change,
        reason: (options) => reasonsFor(options, before, after).join("; "),
        reasons: reasonsFor(change.options, before, after),
      });

      if (burst.current?.target !== shown)
        burst.current = { target: shown, from: before, at: performance.now() };
      clearTimeout(announceTimer.current);
      announceTimer.current = setTimeout(() => {
        const from = burst.current?.from ?? before;
        // The action that made the change may have announced itself just before it reached here.
        const since = (burst.current?.at ?? performance.now()) - ACTION_GRACE_MS;
        burst.current = null;
        const whole = explainSnippetChange(from, after, generateFor);
        if (whole) announce(changeSummary(SNIPPET_TARGET_LABELS[shown], whole, from, after), since);
      }, ANNOUNCE_AFTER_MS);
    };
    let cancelled = false;
    let cancelPaint = () => {};
    const loaded = explainModule;
    // In idle time (at the latest 300 ms on): the marks follow the text, its colours and the
    // preview, never delay them.
    if (loaded) cancelPaint = whenIdle(() => run(loaded), 300);
    else
      loadExplain().then(
        (m) => {
          if (!cancelled) run(m);
        },
        () => undefined,
      );
    return () => {
      cancelled = true;
      cancelPaint();
    };
  }, [config, shown, generate, announce]);

  return explained;
}
