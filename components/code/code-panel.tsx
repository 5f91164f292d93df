"use client";
import "./code-panel.css";
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from "react";
import { snippetFileKey } from "@/lib/highlight/keys";
import { SERVER_TARGETS, type Snippet, type SnippetTarget } from "@/lib/snippets/types";
import { FileBlock, InstallBlock } from "./file-blocks";
import type { ExplainedChange } from "./use-explained-change";
import { warmHighlighter } from "./highlight-client";
import { useCodeWrap } from "./use-code-wrap";
import { warmUpPlan, whenIdle } from "./warm-up";

export interface CodePanelProps {
  /** The snippets to show, one tab each; client targets first, then server targets, in this order. */
  snippets: Snippet[];
  /**
   * HTML made on the server by `highlightSnippets`, keyed `${target}:${path}`. A block uses it
   * while its code is unchanged, so the first paint is coloured with no highlighter in the page.
   */
  initialHighlighted?: Record<string, string>;
  /** Uncontrolled: the tab selected at first; the first tab when absent or not among `snippets`. */
  initialTarget?: SnippetTarget;
  /**
   * Controlled: the chosen tab (`null` for the first). A choice not among `snippets` is kept,
   * and the first tab shows until it is offered again. With `onTargetChange`.
   */
  target?: SnippetTarget | null;
  /** Called with the tab the reader chose (click or arrow keys). */
  onTargetChange?: (target: SnippetTarget) => void;
  /** The pointer or focus reached the tab list: a chance to load what another tab needs. */
  onTabsIntent?: () => void;
  /**
   * Shown in place of a snippet that has no files yet (its generator is loading); the
   * default says it is loading.
   */
  waitingText?: string;
  /**
   * The page's own polite live region, if it has one: copy results go there and the panel
   * renders no region of its own, so the page keeps a single one.
   */
  announce?: (message: string) => void;
  /**
   * The last explained change (`useExplainedChange`): its reasons show above the code of its
   * tab, and its lines are marked unless `reducedMotion`.
   */
  explained?: ExplainedChange | null;
  /** The reader asked for less motion: no marks, the reasons line only. */
  reducedMotion?: boolean;
}

const isServerTarget = (target: SnippetTarget) => SERVER_TARGETS.includes(target);

/** The two groups, in the order they show; a target's group follows from `SERVER_TARGETS`. */
const GROUPS = [
  { id: "client", label: "Your page", server: false },
  { id: "server", label: "Your server", server: true },
] as const;

/**
 * Tabs of snippet targets ("Your page" and, for the verified model, "Your server"), each showing
 * its install command and files with copy buttons. One tab list: a single Tab stop, the arrow
 * keys, Home and End move through both groups in the order they show, and each tab is described
 * by its group's label. One polite live region announces copy results.
 */
export function CodePanel({
  snippets,
  initialHighlighted,
  initialTarget,
  target,
  onTargetChange,
  onTabsIntent,
  waitingText,
  announce,
  explained,
  reducedMotion = false,
}: CodePanelProps) {
  const baseId = useId();
  const groups = GROUPS.map((group) => ({
    ...group,
    snippets: snippets.filter((s) => isServerTarget(s.target) === group.server),
  })).filter((g) => g.snippets.length > 0);
  const ordered = groups.flatMap((g) => g.snippets);

  const [ownChoice, setOwnChoice] = useState<SnippetTarget | null>(initialTarget ?? null);
  const choice = target === undefined ? ownChoice : target;
  // A choice that is not offered now (a server tab under another model) is kept: the first tab
  // shows until it is offered again.
  const active = ordered.find((s) => s.target === choice) ?? ordered[0];
  const choose = (next: SnippetTarget) => {
    if (target === undefined) setOwnChoice(next);
    onTargetChange?.(next);
  };

  const tabRefs = useRef(new Map<SnippetTarget, HTMLButtonElement>());
  const tabId = (target: SnippetTarget) => `${baseId}-tab-${target}`;
  const panelId = `${baseId}-panel`;

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = ordered.length - 1;
    const next =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : undefined;
    const to = next === undefined ? undefined : ordered[next]?.target;
    if (!to) return;
    event.preventDefault();
    choose(to);
    tabRefs.current.get(to)?.focus();
  };

  const [announcement, setAnnouncement] = useState("");
  const announceTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(announceTimer.current), []);
  const say = useCallback(
    (message: string) => {
      if (announce) {
        announce(message);
        return;
      }
      // Empty the region first so copying the same file twice is announced twice.
      setAnnouncement("");
      clearTimeout(announceTimer.current);
      announceTimer.current = setTimeout(() => setAnnouncement(message), 50);
    },
    [announce],
  );
  const onCopyResult = useCallback(
    (ok: boolean, subject: string) =>
      say(
        ok
          ? `Copied ${subject} to the clipboard`
          : `Could not copy ${subject} to the clipboard. The text is selected: copy it with your keyboard.`,
      ),
    [say],
  );

  const [wrap, setWrap] = useCodeWrap();
  const toggleWrap = () => {
    setWrap(!wrap);
    say(wrap ? "Long lines scroll sideways." : "Long lines wrap.");
  };

  // Warm the worker when the page is idle, so the first re-highlight after a change is fast.
  const [warmUp] = useState(() => warmUpPlan(snippets));
  useEffect(() => whenIdle(() => warmHighlighter(warmUp.samples, warmUp.preload)), [warmUp]);

  const showGroupLabels = groups.length > 1;
  const shownChange = explained && explained.target === active?.target ? explained : null;
  const marked = shownChange && !reducedMotion ? shownChange : null;
  const why = shownChange ? whyText(shownChange) : null;
  // One object per marked file and change, so unchanged files' blocks do not re-render.
  const fileMarks = useMemo(
    () => new Map(marked?.change.files.map((file) => [file.path, { explained: marked, file }])),
    [marked],
  );

  return (
    <div
      className="code-panel flex min-w-0 flex-col gap-3 text-(--cp-text)"
      data-testid="code.panel"
      data-wrap={wrap ? "" : undefined}
    >
      {ordered.length > 0 && (
        <div
          role="tablist"
          aria-label="Snippet target"
          onPointerEnter={onTabsIntent}
          onFocus={onTabsIntent}
          className="@container flex flex-col rounded-lg border border-(--cp-border) bg-(--cp-surface)"
        >
          {groups.map((group, groupIndex) => (
            <div
              key={group.id}
              role="none"
              className={`flex flex-col gap-1 p-1 @sm:flex-row @sm:items-start ${groupIndex > 0 ? "border-t border-(--cp-border)" : ""}`}
            >
              {showGroupLabels && (
                <span
                  id={`${baseId}-group-${group.id}`}
                  aria-hidden="true"
                  className="shrink-0 px-2 pt-0.5 text-[0.6875rem] font-semibold tracking-wide whitespace-nowrap text-(--cp-muted) uppercase @sm:w-28 @sm:pt-1.5"
                >
                  {group.label}
                </span>
              )}
              {/* The group's tabs wrap beside its label (below it when narrow), never under it. */}
              <div role="none" className="flex min-w-0 flex-1 flex-wrap items-center gap-1">
                {group.snippets.map((snippet) => {
                  const index = ordered.indexOf(snippet);
                  const isActive = snippet.target === active?.target;
                  return (
                    <button
                      key={snippet.target}
                      ref={(el) => {
                        if (el) tabRefs.current.set(snippet.target, el);
                        else tabRefs.current.delete(snippet.target);
                      }}
                      type="button"
                      role="tab"
                      id={tabId(snippet.target)}
                      aria-selected={isActive}
                      aria-controls={isActive ? panelId : undefined}
                      aria-describedby={showGroupLabels ? `${baseId}-group-${group.id}` : undefined}
                      tabIndex={isActive ? 0 : -1}
                      data-testid={`code.tab.${snippet.target}`}
                      onClick={() => choose(snippet.target)}
                      onKeyDown={(event) => onTabKeyDown(event, index)}
                      className="rounded-md px-2.5 py-1 text-sm font-medium whitespace-nowrap text-(--cp-muted) hover:bg-(--cp-button-hover) hover:text-(--cp-text) focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-(--cp-focus) aria-selected:bg-(--cp-tab-active) aria-selected:text-(--cp-text) aria-selected:shadow-sm aria-selected:ring-1 aria-selected:ring-(--cp-border)"
                    >
                      {snippet.label}
                    </button>
                  );
                })}
              </div>
            </div>
          ))}
        </div>
      )}

      {active && active.files.length > 0 ? (
        <div className="-mb-1 flex items-start justify-end gap-2">
          {/* Always there (a hint until the first change), so the code never moves when it fills. */}
          <p
            data-testid="code.why"
            title={why ?? undefined}
            className="line-clamp-2 min-h-[2lh] min-w-0 flex-1 text-xs text-(--cp-muted)"
          >
            {why ? (
              <>
                <span className="font-medium text-(--cp-text)">Last change to this code:</span>{" "}
                {why}
              </>
            ) : (
              "Change an option: the lines it changes are marked here, with the reason."
            )}
          </p>
          <button
            type="button"
            aria-pressed={wrap}
            onClick={toggleWrap}
            title={
              wrap
                ? "Long lines wrap; press to keep each line whole and scroll sideways"
                : "Long lines scroll sideways; press to wrap them"
            }
            data-testid="code.wrap"
            className="inline-flex items-center gap-1.5 rounded-md border border-(--cp-border) bg-(--cp-button) px-2 py-0.5 text-xs font-medium text-(--cp-text) hover:bg-(--cp-button-hover) focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-(--cp-focus)"
          >
            <span aria-hidden="true" className="font-mono">
              {wrap ? "↩" : "→"}
            </span>
            Wrap lines
          </button>
        </div>
      ) : null}

      {active ? (
        <div
          role="tabpanel"
          id={panelId}
          aria-labelledby={tabId(active.target)}
          data-testid={`code.tabpanel.${active.target}`}
          className="flex min-w-0 flex-col gap-3"
        >
          {active.files.length === 0 && !active.install ? (
            <p
              role="status"
              aria-busy={waitingText === undefined}
              data-testid="code.waiting"
              className="text-sm text-(--cp-muted)"
            >
              {waitingText ?? `Loading the ${active.label} snippet…`}
            </p>
          ) : null}
          {active.install && (
            <InstallBlock
              key={marked?.change.install ? `install-${marked.id}` : "install"}
              changed={marked?.change.install !== undefined && marked?.change.install !== null}
              target={active.target}
              label={active.label}
              command={active.install}
              onCopyResult={onCopyResult}
            />
          )}
          {active.files.map((file, index) => (
            <FileBlock
              key={`${active.target}:${file.path}`}
              target={active.target}
              index={index}
              path={file.path}
              code={file.code}
              language={file.language}
              serverHtml={initialHighlighted?.[snippetFileKey(active.target, file.path)]}
              onCopyResult={onCopyResult}
              change={fileMarks.get(file.path)}
            />
          ))}
        </div>
      ) : (
        <p className="text-sm text-(--cp-muted)">No snippets for this configuration.</p>
      )}

      {announce ? null : (
        <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="code.live">
          {announcement}
        </div>
      )}
    </div>
  );
}

/** The reasons line: every reason, then the files the change removed. */
function whyText(explained: ExplainedChange): string {
  const removed = explained.change.removedFiles.map((f) => `${f.path} removed`);
  return [...explained.reasons, ...removed].join("; ");
}
