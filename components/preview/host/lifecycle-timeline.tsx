"use client";

/**
 * The "Shared computer" story (issue 17): A signs in, chats and signs out, B uses the same
 * browser, then A comes back. Each step is a lifecycle-simulator step (lib/identity/lifecycle.ts)
 * that the preview frame shows through lib/preview/story.ts; a sentence says who sees whose
 * history, a banner shows a leak. The switches are the config's lifecycle rows (the same fields
 * as the controls' card), so flipping one re-runs the story at the same step.
 *
 * Keyboard: every step is a button (the current one has `aria-current="step"`); arrow keys,
 * Home and End move along the steps. Play steps every STEP_MS and never runs when the system
 * asks for reduced motion (stepping only then).
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { PlaygroundConfig } from "@/lib/config/options";
import type { DevicePage } from "@/lib/preview/devices";
import type { PreviewViewport } from "@/lib/preview/messages";
import {
  STORY_PEOPLE,
  leakHeadline,
  reactionSentence,
  runStory,
  stepLabels,
  storyPage,
} from "@/lib/preview/story";
import type { LifecycleRun } from "@/lib/identity/lifecycle-types";
import { useAnnounce } from "@/components/state/announcer";
import { useReducedMotion } from "@/components/state/use-reduced-motion";
import { usePlayground } from "@/components/state/store-provider";
import { useUsableConfig } from "@/components/state/use-usable-config";
import { buttonClass } from "@/components/ui/button-styles";

/** How long Play shows each step. */
export const STEP_MS = 1500;

type LifecycleSwitch = "signOutClearsKeys" | "remountOnIdentityChange" | "keepMounted";

const SWITCH_LABELS: Record<LifecycleSwitch, string> = {
  signOutClearsKeys: "Host clears the widget's keys on sign-out",
  remountOnIdentityChange: "Remount on identity change",
  keepMounted: "Keep mounted",
};

const SWITCH_HELP: Record<LifecycleSwitch, string> = {
  signOutClearsKeys:
    "Removes every opencx-widget:org-token-<TOKEN>: key before the next identity loads.",
  remountOnIdentityChange: "v4 reads its options once per mount: reload, or a new React key.",
  keepMounted: "v5 swaps or resets in place: pass the new user.token, never key the widget by it.",
};

/** The lifecycle switches this version and model show (the config rows' own scopes). */
function switchesFor(config: PlaygroundConfig): LifecycleSwitch[] {
  if (config.widgetVersion === "v4") return ["signOutClearsKeys", "remountOnIdentityChange"];
  return config.model === "server" ? ["signOutClearsKeys", "keepMounted"] : ["signOutClearsKeys"];
}

/** What is read out for a step: its place, label, sentence, and the leak with its risk. */
function describeStep(run: LifecycleRun, labels: readonly string[], i: number): string {
  const step = run.steps[i];
  if (!step) return "";
  const leak = leakHeadline(step);
  return [
    `Step ${i + 1} of ${run.steps.length}: ${labels[i]}.`,
    step.sentence,
    leak ? `Leak: ${leak}.` : "",
    leak && step.risk ? step.risk : "",
  ]
    .filter(Boolean)
    .join(" ");
}

const checkboxClass =
  "mt-0.5 size-4 shrink-0 accent-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:accent-neutral-200";
const stepButtonClass =
  "group rounded-md border border-neutral-300 bg-white px-2 py-0.5 text-xs text-neutral-800 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 aria-[current=step]:border-neutral-900 aria-[current=step]:bg-neutral-900 aria-[current=step]:text-white dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:hover:bg-neutral-800 dark:aria-[current=step]:border-neutral-100 dark:aria-[current=step]:bg-neutral-100 dark:aria-[current=step]:text-neutral-900";
const navButtonClass = `${buttonClass.secondary} aria-disabled:cursor-not-allowed aria-disabled:opacity-50`;

export interface LifecycleTimelineProps {
  viewport: PreviewViewport;
  /** The page the preview frame shows for the current step; `null` when the story closes. */
  onPage: (page: DevicePage | null) => void;
  /** Leave the story: the frame goes back to the device on screen. */
  onClose: () => void;
}

export function LifecycleTimeline({ viewport, onPage, onClose }: LifecycleTimelineProps) {
  const config = useUsableConfig();
  const setOption = usePlayground((s) => s.setOption);
  const announce = useAnnounce();
  const reduced = useReducedMotion();
  const headingId = useId();

  // The story follows the config: model, version and the lifecycle switches re-run it.
  const run = useMemo(() => runStory(config), [config]);
  const labels = useMemo(() => stepLabels(run), [run]);
  const last = run.steps.length - 1;
  const [wanted, setWanted] = useState(0);
  const at = Math.min(wanted, last);
  const step = run.steps[at]!;

  const [playing, setPlaying] = useState(false);
  const autoPlaying = playing && !reduced && at < last;

  // Every page sent is a new visit of the story's browser, so the replica mounts afresh.
  const [sent, setSent] = useState({ run, at, visit: 1 });
  let visit = sent.visit;
  if (sent.run !== run || sent.at !== at) {
    visit = sent.visit + 1;
    setSent({ run, at, visit });
  }
  const page = useMemo(
    () => storyPage(config, run, at, { people: STORY_PEOPLE, visit, viewport }),
    [config, run, at, visit, viewport],
  );
  useEffect(() => onPage(page), [page, onPage]);
  useEffect(() => () => onPage(null), [onPage]);

  useEffect(() => {
    if (!autoPlaying) return;
    const timer = window.setTimeout(() => setWanted(at + 1), STEP_MS);
    return () => window.clearTimeout(timer);
  }, [autoPlaying, at]);

  // Read each step out once, when it (or what it says) changes.
  const spoken = useRef("");
  const description = describeStep(run, labels, at);
  useEffect(() => {
    if (description === spoken.current) return;
    spoken.current = description;
    announce(description);
  }, [description, announce]);

  const stepButtons = useRef<(HTMLButtonElement | null)[]>([]);
  const go = (i: number, focus = false) => {
    const next = Math.max(0, Math.min(last, i));
    setPlaying(false);
    setWanted(next);
    if (focus) stepButtons.current[next]?.focus();
  };
  const play = () => {
    if (reduced) return;
    if (autoPlaying) {
      setPlaying(false);
      announce("Paused.");
      return;
    }
    if (at >= last) setWanted(0);
    setPlaying(true);
  };
  const flip = (key: LifecycleSwitch, on: boolean) => {
    setOption(key, on);
    const next = runStory({ ...config, [key]: on });
    const nextLabels = stepLabels(next);
    const text = describeStep(next, nextLabels, Math.min(at, next.steps.length - 1));
    spoken.current = text;
    announce(`${SWITCH_LABELS[key]}: ${on ? "on" : "off"}. The story re-ran. ${text}`);
  };

  const leak = leakHeadline(step);
  const atStart = at === 0;
  const atEnd = at === last;

  return (
    <section
      aria-labelledby={headingId}
      data-testid="preview.story"
      className="mt-1 space-y-2 rounded-md border border-neutral-200 bg-neutral-50 p-2.5 text-xs dark:border-neutral-800 dark:bg-neutral-900"
    >
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <h3 id={headingId} className="text-sm font-semibold">
          Shared computer
        </h3>
        <p className="min-w-0 flex-1 basis-64 text-neutral-700 dark:text-neutral-300">
          {STORY_PEOPLE.A.name} (A) and {STORY_PEOPLE.B.name} (B) take turns on one browser. The
          preview plays the story on a browser of its own; your devices wait until you leave it.
        </p>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={onClose}
          data-testid="preview.story.close"
        >
          Leave the story
        </button>
      </div>

      <ol
        aria-label="Story steps"
        className="flex flex-wrap items-center gap-1"
        data-testid="preview.story.steps"
        onKeyDown={(e) => {
          const moves: Record<string, number> = {
            ArrowRight: at + 1,
            ArrowDown: at + 1,
            ArrowLeft: at - 1,
            ArrowUp: at - 1,
            Home: 0,
            End: last,
          };
          const to = moves[e.key];
          if (to === undefined) return;
          e.preventDefault();
          go(to, true);
        }}
      >
        {labels.map((label, i) => {
          const leaks = run.steps[i]?.leak !== null;
          return (
            <li key={i} className="flex items-center gap-1">
              {i > 0 ? (
                <span aria-hidden className="text-neutral-400">
                  →
                </span>
              ) : null}
              <button
                ref={(el) => {
                  stepButtons.current[i] = el;
                }}
                type="button"
                aria-current={i === at ? "step" : undefined}
                onClick={() => go(i)}
                className={stepButtonClass}
                data-testid={`preview.story.step.${i}`}
                data-leak={leaks ? "" : undefined}
              >
                {i + 1}. {label}
                {leaks ? (
                  <>
                    <span
                      aria-hidden
                      className="ml-1 font-bold text-red-700 group-aria-[current=step]:text-red-300 dark:text-red-400 dark:group-aria-[current=step]:text-red-700"
                    >
                      !
                    </span>
                    <span className="sr-only"> (leaks)</span>
                  </>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>

      <div role="group" aria-label="Play the story" className="flex flex-wrap items-center gap-1.5">
        <button
          type="button"
          className={navButtonClass}
          aria-disabled={atStart || undefined}
          onClick={() => !atStart && go(at - 1)}
          data-testid="preview.story.back"
        >
          ← Back
        </button>
        <button
          type="button"
          className={navButtonClass}
          aria-disabled={atEnd || undefined}
          onClick={() => !atEnd && go(at + 1)}
          data-testid="preview.story.next"
        >
          Next →
        </button>
        {reduced ? null : (
          <button
            type="button"
            className={buttonClass.secondary}
            aria-pressed={autoPlaying}
            onClick={play}
            data-testid="preview.story.play"
          >
            {autoPlaying ? "Pause" : "Play"}
          </button>
        )}
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() => go(0)}
          data-testid="preview.story.reset"
        >
          Reset
        </button>
        <span
          className="text-neutral-600 dark:text-neutral-400"
          data-testid="preview.story.position"
        >
          Step {at + 1} of {run.steps.length}
          {reduced ? " · Play is off: your system asks for reduced motion" : ""}
        </span>
      </div>

      <p
        className="text-sm text-neutral-900 dark:text-neutral-100"
        data-testid="preview.story.sentence"
      >
        {step.sentence}
      </p>
      {leak ? (
        <div
          className="rounded-md border border-red-300 bg-red-50 px-2.5 py-1.5 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-50"
          data-testid="preview.story.leak"
        >
          <p className="font-semibold">{leak}</p>
          {step.risk ? <p>{step.risk}</p> : null}
        </div>
      ) : step.risk ? (
        <p className="text-amber-900 dark:text-amber-200" data-testid="preview.story.risk">
          <span className="font-semibold">If your page skips its part:</span> {step.risk}
        </p>
      ) : null}
      <p className="text-neutral-600 dark:text-neutral-400" data-testid="preview.story.widget">
        {reactionSentence(step, config)}
      </p>

      <fieldset className="space-y-1.5 border-t border-neutral-200 pt-2 dark:border-neutral-800">
        <legend className="sr-only">What your page does</legend>
        {switchesFor(config).map((key) => (
          <label key={key} className="flex items-start gap-2">
            <input
              type="checkbox"
              checked={config[key]}
              onChange={(e) => flip(key, e.target.checked)}
              className={checkboxClass}
              data-testid={`preview.story.${key}`}
            />
            <span>
              <span className="font-medium text-neutral-900 dark:text-neutral-100">
                {SWITCH_LABELS[key]}
              </span>{" "}
              <span className="text-neutral-600 dark:text-neutral-400">{SWITCH_HELP[key]}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
