"use client";
/**
 * "Check installation…": the installation doctor. Three panels behind one tab list:
 * - Paste: a page's HTML, a component or server code → findings, each with what it means for
 *   visitors and the fix, and "Open in playground" (the page's setup, pinned).
 * - Probe: a read-only script to run on the live page (console or bookmarklet); its code pasted
 *   back shows what it collected, then the findings.
 * - Migrate: any widget snippet → the v5 (or v4.0.63) snippet, with every change and why, and
 *   what to carry over by hand.
 * Nothing changes until "Open in playground", which the caller offers to undo. Bad input gets a
 * clear message and keeps the text. A modal <dialog>, loaded on demand with `lib/doctor`.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { diagnoseText, reportText, type DoctorReport } from "@/lib/doctor";
import type { PlaygroundConfig } from "@/lib/config/options";
import type { WidgetMajor } from "@/lib/config/versions";
import type { SnippetTarget } from "@/lib/snippets/types";
import { useDialogStatus } from "@/components/state/announcer";
import { usePlaygroundStore } from "@/components/state/store-provider";
import { CopyButton } from "@/components/code/copy-button";
import { buttonClass, dialogPanelClass } from "@/components/ui/button-styles";
import { countText, FindingsList } from "./findings-list";
import { textareaClass, type PanelProps } from "./panel";
import { MigratePanel } from "./migrate-panel";
import { ProbePanel } from "./probe-panel";

export interface DoctorApplied {
  previous: PlaygroundConfig;
  applied: PlaygroundConfig;
  summary: string;
}

const PANELS = [
  { id: "paste", label: "Paste page or code" },
  { id: "probe", label: "Probe a live page" },
  { id: "migrate", label: "Migrate" },
] as const;
type PanelId = (typeof PANELS)[number]["id"];

export function DoctorDialog({
  onClose,
  onApplied,
}: {
  onClose: () => void;
  onApplied: (result: DoctorApplied) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const baseId = useId();
  const store = usePlaygroundStore();
  const [status, say] = useDialogStatus();
  const [panel, setPanel] = useState<PanelId>("paste");
  /** A pasted page sent to the migration ("Get a fixed snippet"): its text, and which send it is. */
  const [toMigrate, setToMigrate] = useState<{ text: string; to: WidgetMajor; n: number } | null>(
    null,
  );
  const tabs = useRef(new Map<PanelId, HTMLButtonElement>());

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  /** Loads a config into the playground (the caller offers Undo) and closes the dialog. */
  const open = (config: PlaygroundConfig, summary: string, tab?: SnippetTarget) => {
    const previous = store.getState().config;
    store.getState().replaceConfig(config);
    if (tab) store.getState().setCodeTab(tab);
    onApplied({ previous, applied: config, summary });
    dialog.current?.close();
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = PANELS.length - 1;
    const to =
      event.key === "ArrowRight"
        ? (index + 1) % PANELS.length
        : event.key === "ArrowLeft"
          ? (index + last) % PANELS.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (to === null) return;
    event.preventDefault();
    const next = PANELS[to]!.id;
    setPanel(next);
    tabs.current.get(next)?.focus();
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid="doctor.dialog"
      className={`${dialogPanelClass} sm:w-[min(56rem,calc(100%-2rem))]`}
    >
      <div className="flex flex-col gap-3 p-4">
        <div className="flex items-start gap-3">
          <div className="flex-1">
            <h2 id={titleId} className="text-base font-semibold">
              Check an installation
            </h2>
            <p className="text-xs text-neutral-600 dark:text-neutral-400">
              Find out why a widget misbehaves, and leave with a fixed, pinned snippet. Pasted text
              is read, never run; the probe reads your page and sends nothing. Nothing changes here
              until you press Open in playground, and you can undo it.
            </p>
          </div>
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() => dialog.current?.close()}
            data-testid="doctor.close"
          >
            Close
          </button>
        </div>

        <div role="tablist" aria-label="How to check" className="flex flex-wrap gap-1">
          {PANELS.map((p, index) => (
            <button
              key={p.id}
              ref={(el) => {
                if (el) tabs.current.set(p.id, el);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${p.id}`}
              aria-selected={panel === p.id}
              aria-controls={`${baseId}-panel-${p.id}`}
              tabIndex={panel === p.id ? 0 : -1}
              onClick={() => setPanel(p.id)}
              onKeyDown={(e) => onTabKey(e, index)}
              data-testid={`doctor.tab.${p.id}`}
              className={`${buttonClass.secondary} aria-selected:border-neutral-900 aria-selected:bg-neutral-900 aria-selected:text-white dark:aria-selected:border-neutral-100 dark:aria-selected:bg-neutral-100 dark:aria-selected:text-neutral-900`}
            >
              {p.label}
            </button>
          ))}
        </div>

        <p
          role="status"
          className="min-h-4 text-xs text-neutral-700 dark:text-neutral-300"
          data-testid="doctor.status"
        >
          {status}
        </p>

        {PANELS.map((p) => (
          <div
            key={p.id}
            role="tabpanel"
            id={`${baseId}-panel-${p.id}`}
            aria-labelledby={`${baseId}-tab-${p.id}`}
            hidden={panel !== p.id}
            data-testid={`doctor.panel.${p.id}`}
          >
            {p.id === "paste" ? (
              <PastePanel
                say={say}
                onOpen={open}
                onFix={(text, to) => {
                  setToMigrate((m) => ({ text, to, n: (m?.n ?? 0) + 1 }));
                  setPanel("migrate");
                  tabs.current.get("migrate")?.focus();
                }}
              />
            ) : p.id === "probe" ? (
              <ProbePanel say={say} onOpen={open} />
            ) : (
              <MigratePanel say={say} onOpen={open} incoming={toMigrate} />
            )}
          </div>
        ))}
      </div>
    </dialog>
  );
}

function PastePanel({
  say,
  onOpen,
  onFix,
}: PanelProps & { onFix: (text: string, to: WidgetMajor) => void }) {
  const store = usePlaygroundStore();
  const textId = useId();
  const [text, setText] = useState("");
  const [read, setRead] = useState<{ text: string; report: DoctorReport } | null>(null);

  const onCheck = () => {
    const report = diagnoseText(text, store.getState().config);
    setRead({ text, report });
    say(`Checked: ${countText(report)}.`);
  };

  const report = read?.report ?? null;
  const config = report?.config ?? null;
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={textId} className="text-xs font-semibold">
        Your page&apos;s HTML (view-source), the component that mounts the widget, or the server
        code that calls authenticate-user
      </label>
      <textarea
        id={textId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={10}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        data-testid="doctor.paste.text"
        className={textareaClass}
      />
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass.primary}
          onClick={onCheck}
          disabled={text.trim() === ""}
          data-testid="doctor.paste.check"
        >
          Check
        </button>
        {report?.config ? (
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() => onFix(read!.text, report.major)}
            data-testid="doctor.paste.fix"
          >
            Get a fixed, pinned snippet
          </button>
        ) : null}
        {report ? (
          <CopyButton
            text={reportText(report, read!.text)}
            subject="report"
            testId="doctor.paste.copy"
            onResult={(ok) =>
              say(ok ? "Report copied." : "Copy failed: select the findings and copy them.")
            }
          />
        ) : null}
      </div>
      {read && read.text !== text ? (
        <p
          className="text-xs text-neutral-600 dark:text-neutral-400"
          data-testid="doctor.paste.stale"
        >
          The text changed since it was checked: press Check again.
        </p>
      ) : null}
      {report ? (
        <FindingsList
          report={report}
          text={read!.text}
          testId="doctor.paste.report"
          onOpen={
            config
              ? () =>
                  onOpen(
                    config,
                    `Opened the checked page's setup (${config.widgetVersion}) in the playground.`,
                  )
              : undefined
          }
        />
      ) : null}
    </div>
  );
}
