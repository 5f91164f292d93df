"use client";
import { useMemo } from "react";
import { collectsUserData } from "@/lib/config/widget-config";
import { trustSummary } from "@/lib/identity";
import type { ContactKind, HistoryScope } from "@/lib/identity";
import { useAfterPaint } from "@/components/state/use-after-paint";
import { useUsableConfig } from "@/components/state/use-usable-config";

const KIND_LABEL: Record<ContactKind, string> = {
  anonymous: "Anonymous",
  "non-verified": "Non-verified",
  verified: "Verified",
};
const KIND_STYLE: Record<ContactKind, string> = {
  anonymous: "bg-neutral-200 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200",
  "non-verified": "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
  verified: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100",
};
const SCOPE_LABEL: Record<HistoryScope, string> = {
  "this-browser": "This browser only",
  "every-device": "Every device",
  "every-device-scoped": "Every device, scoped by externalId",
};

/**
 * What the simulator says this configuration means: contact kind, history, custom data, form.
 * It follows a change in a render of its own, after the frame that shows the change is painted.
 */
export function TrustSummary() {
  const config = useAfterPaint(useUsableConfig());
  const summary = useMemo(() => trustSummary(config), [config]);
  return (
    <section
      aria-labelledby="trust-summary-title"
      data-testid="trust.summary"
      className="space-y-2 rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-950"
    >
      <h2 id="trust-summary-title" className="text-sm font-semibold">
        What this configuration means
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-neutral-500 dark:text-neutral-400">Contact</dt>
        <dd>
          <span
            data-testid="trust.kind"
            className={`rounded px-1.5 py-0.5 font-medium ${KIND_STYLE[summary.kind]}`}
          >
            {KIND_LABEL[summary.kind]}
          </span>
        </dd>
        <dt className="text-neutral-500 dark:text-neutral-400">History</dt>
        <dd data-testid="trust.history">{SCOPE_LABEL[summary.historyScope]}</dd>
        <dt className="text-neutral-500 dark:text-neutral-400">Welcome form</dt>
        <dd data-testid="trust.form">
          {!collectsUserData(config)
            ? "None"
            : summary.formEveryLoad
              ? "Shown on every page load"
              : "First visit on each browser only"}
        </dd>
      </dl>
      <ul className="list-disc space-y-1 pl-4 text-xs text-neutral-700 dark:text-neutral-300">
        {summary.sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}
