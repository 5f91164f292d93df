"use client";
import { useMemo, type ReactNode } from "react";
import { generateSnippets } from "@/lib/snippets";
import { WIDGET_MAJOR_INFO, WIDGET_PINS } from "@/lib/config/versions";
import { CodePanel } from "@/components/code/code-panel";
import { useAnnounce } from "@/components/state/announcer";
import { usePlayground } from "@/components/state/store-provider";
import { useUsableConfig } from "@/components/state/use-usable-config";

export interface CodePaneProps {
  initialHighlighted: Record<string, string>;
  /**
   * Shown above the snippets: the playground passes its options editor and import toolbar; the
   * docs embed passes nothing (and so does not load that code).
   */
  tools?: ReactNode;
}

/** The snippets of the current config; the chosen tab is the store's (`codeTab`, in the link). */
export function CodePane({ initialHighlighted, tools }: CodePaneProps) {
  const config = useUsableConfig();
  const snippets = useMemo(() => generateSnippets(config), [config]);
  const announce = useAnnounce();
  const codeTab = usePlayground((s) => s.codeTab);
  const setCodeTab = usePlayground((s) => s.setCodeTab);
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
        announce={announce}
      />
    </div>
  );
}
