"use client";
import { createContext, useContext, useMemo, useRef, type ReactNode } from "react";
import { OPTIONS, type OptionKey } from "@/lib/config/options";
import { lintConfig, type Advisory } from "@/lib/rules";
import { heldFor, usableConfig, type HeldBack } from "@/lib/config/usable";
import { usePlayground } from "@/components/state/store-provider";
import { useAfterPaint } from "@/components/state/use-after-paint";

const AdvisoriesContext = createContext<readonly Advisory[]>([]);

/**
 * Lints the config once per change; controls read their own advisories from here. After the
 * paint: the keystroke's own frame shows the field, the snippets and the preview, and the
 * advisories follow in a render of their own once that frame is painted, so linting and
 * redrawing every field's advisories never delays it.
 */
export function AdvisoriesProvider({ children }: { children: ReactNode }) {
  const config = useAfterPaint(usePlayground((s) => s.config));
  const advisories = useMemo(() => lintConfig(config), [config]);
  return <AdvisoriesContext.Provider value={advisories}>{children}</AdvisoriesContext.Provider>;
}

export function useAdvisories(): readonly Advisory[] {
  return useContext(AdvisoriesContext);
}

const sameHeld = (a: readonly HeldBack[], b: readonly HeldBack[]) =>
  a.length === b.length &&
  a.every((h, i) => {
    const o = b[i];
    return (
      o !== undefined &&
      h.option === o.option &&
      h.reason === o.reason &&
      h.index === o.index &&
      h.message === o.message
    );
  });

/**
 * What the snippets, preview and link leave out of this option's field, and why. The same array
 * while its content is the same, so a field re-renders only when its own messages change.
 */
export function useHeldBack(option: OptionKey): HeldBack[] {
  const last = useRef<HeldBack[] | null>(null);
  return usePlayground((s) => {
    const next = heldFor(usableConfig(s.config), option);
    if (last.current && sameHeld(last.current, next)) return last.current;
    last.current = next;
    return next;
  });
}

/** The id of an option's held-back message list, for `aria-describedby` on its input. */
export const heldMessageId = (option: OptionKey) => `held-${option}`;

function HeldBackMessages({ option }: { option: OptionKey }) {
  const held = useHeldBack(option);
  if (held.length === 0) return null;
  return (
    <ul
      id={heldMessageId(option)}
      className="space-y-1"
      aria-label={`Problems with ${OPTIONS[option].label}`}
    >
      {held.map((h) => (
        <li
          key={`${h.reason}:${h.index ?? ""}`}
          data-testid={`held.${option}`}
          data-reason={h.reason}
          className={`flex gap-2 rounded-md border px-2.5 py-1.5 text-xs leading-snug ${STYLE.error.box}`}
        >
          <span
            aria-hidden
            className="mt-px inline-flex size-4 shrink-0 items-center justify-center rounded-full border border-current text-[10px] font-bold"
          >
            {STYLE.error.icon}
          </span>
          <span>
            <span className="font-semibold">
              {h.reason === "secret" ? "Kept out" : "Not valid"}:{" "}
            </span>
            {h.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

const STYLE: Record<Advisory["severity"], { box: string; label: string; icon: string }> = {
  error: {
    box: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100",
    label: "Error",
    icon: "✕",
  },
  warning: {
    box: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100",
    label: "Warning",
    icon: "!",
  },
  info: {
    box: "border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/50 dark:text-sky-100",
    label: "Note",
    icon: "i",
  },
};

export function AdvisoryItem({
  advisory,
  showOption = false,
}: {
  advisory: Advisory;
  showOption?: boolean;
}) {
  const style = STYLE[advisory.severity];
  return (
    <li
      data-testid={`advisory.${advisory.id}`}
      data-severity={advisory.severity}
      className={`flex gap-2 rounded-md border px-2.5 py-1.5 text-xs leading-snug ${style.box}`}
    >
      <span
        aria-hidden
        className="mt-px inline-flex size-4 shrink-0 items-center justify-center rounded-full border border-current text-[10px] font-bold"
      >
        {style.icon}
      </span>
      <span>
        <span className="font-semibold">
          {style.label}
          {showOption ? ` · ${OPTIONS[advisory.option].label}` : ""}:{" "}
        </span>
        {advisory.message}
      </span>
    </li>
  );
}

export function InlineAdvisories({ option }: { option: OptionKey }) {
  const mine = useAdvisories().filter((a) => a.option === option);
  return (
    <>
      <HeldBackMessages option={option} />
      {mine.length > 0 ? (
        <ul className="space-y-1" aria-label={`Advisories for ${OPTIONS[option].label}`}>
          {mine.map((a) => (
            <AdvisoryItem key={a.id} advisory={a} />
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function AdvisorySummary() {
  const all = useAdvisories();
  const counts = { error: 0, warning: 0, info: 0 };
  for (const a of all) counts[a.severity] += 1;
  return (
    <section
      aria-labelledby="advisory-summary-title"
      data-testid="advisories.summary"
      className="space-y-2"
    >
      <h2
        id="advisory-summary-title"
        className="text-sm font-semibold text-neutral-900 dark:text-neutral-100"
      >
        Advisories{" "}
        <span className="font-normal text-neutral-500 dark:text-neutral-400">
          ({counts.error} error{counts.error === 1 ? "" : "s"}, {counts.warning} warning
          {counts.warning === 1 ? "" : "s"}, {counts.info} note{counts.info === 1 ? "" : "s"})
        </span>
      </h2>
      {all.length === 0 ? (
        <p className="text-xs text-neutral-500 dark:text-neutral-400">
          Nothing to flag for this configuration.
        </p>
      ) : (
        <ul className="space-y-1">
          {all.map((a) => (
            <AdvisoryItem key={`${a.id}:${a.option}`} advisory={a} showOption />
          ))}
        </ul>
      )}
    </section>
  );
}
