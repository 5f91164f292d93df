"use client";
/**
 * Migrate: any widget snippet → the playground's snippet for v5 (or v4 pinned to 4.0.63), with
 * every change and why, and what to carry over by hand (with its place in the pasted text).
 */
import { useEffect, useId, useState } from "react";
import { migrate, lineColumn, type MigrationResult, type MigrationStep } from "@/lib/doctor";
import {
  WIDGET_MAJOR_INFO,
  WIDGET_MAJORS,
  WIDGET_PINS,
  type WidgetMajor,
} from "@/lib/config/versions";
import { SNIPPET_TARGETS, SNIPPET_TARGET_LABELS, type SnippetTarget } from "@/lib/snippets/types";
import { usePlaygroundStore } from "@/components/state/store-provider";
import { CopyButton } from "@/components/code/copy-button";
import { buttonClass, compactFieldClass } from "@/components/ui/button-styles";
import { CodeText } from "./code-text";
import { textareaClass, type PanelProps } from "./panel";

function Steps({ steps, text, testId }: { steps: MigrationStep[]; text: string; testId: string }) {
  return (
    <ol className="flex list-decimal flex-col gap-1 pl-5" data-testid={testId}>
      {steps.map((step, i) => {
        const place = step.range ? lineColumn(text, step.range.start) : null;
        return (
          <li key={i}>
            <CodeText text={step.text} />
            {place ? (
              <span className="text-neutral-500 dark:text-neutral-400">
                {" "}
                (line {place.line}, column {place.column})
              </span>
            ) : null}
            <br />
            <span className="text-neutral-600 dark:text-neutral-400">
              <CodeText text={step.why} />
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export function MigratePanel({
  say,
  onOpen,
  incoming,
}: PanelProps & {
  /** A page sent from the Paste panel: migrated at once, to the version its report advises. */
  incoming: { text: string; to: WidgetMajor; n: number } | null;
}) {
  const store = usePlaygroundStore();
  const textId = useId();
  const targetId = useId();
  const [text, setText] = useState("");
  const [to, setTo] = useState<WidgetMajor>("v5");
  const [target, setTarget] = useState<SnippetTarget | "detect">("detect");
  const [read, setRead] = useState<{ text: string; result: MigrationResult } | null>(null);

  const run = (text: string, to: WidgetMajor) => {
    const result = migrate(text, to, {
      base: store.getState().config,
      target: target === "detect" ? undefined : target,
    });
    setRead({ text, result });
    say(
      result.ok
        ? `Migrated to ${WIDGET_MAJOR_INFO[to].label} (${WIDGET_PINS[to]}) as ${SNIPPET_TARGET_LABELS[result.target]}: ${result.changes.length} changes, ${result.manual.length} to do by hand.`
        : result.error,
    );
  };
  const onMigrate = () => run(text, to);

  // Each send from the Paste panel replaces the text (the pasted page) and migrates it.
  const [seen, setSeen] = useState(0);
  if (incoming && incoming.n !== seen) {
    setSeen(incoming.n);
    setText(incoming.text);
    setTo(incoming.to);
    setTarget("detect");
  }
  useEffect(() => {
    if (incoming) run(incoming.text, incoming.to);
    // Only a new send runs it; the reader's own edits wait for Migrate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incoming?.n]);

  const result = read?.result ?? null;
  return (
    <div className="flex flex-col gap-2 text-xs">
      <label htmlFor={textId} className="font-semibold">
        Any widget snippet: v4, an old docs form, HTML, a component or server code
      </label>
      <textarea
        id={textId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={8}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        data-testid="doctor.migrate.text"
        className={textareaClass}
      />
      <div className="flex flex-wrap items-center gap-3">
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">Migrate to</legend>
          {WIDGET_MAJORS.map((major) => (
            <label key={major} className="flex items-center gap-1">
              <input
                type="radio"
                name={`${textId}-to`}
                value={major}
                checked={to === major}
                onChange={() => setTo(major)}
                data-testid={`doctor.migrate.to.${major}`}
                className="focus-visible:outline-2 focus-visible:outline-blue-600"
              />
              To {WIDGET_MAJOR_INFO[major].label} ({WIDGET_PINS[major]})
            </label>
          ))}
        </fieldset>
        <label htmlFor={targetId} className="flex items-center gap-1">
          As
          <select
            id={targetId}
            value={target}
            onChange={(e) => setTarget(e.target.value as SnippetTarget | "detect")}
            className={compactFieldClass}
            data-testid="doctor.migrate.target"
          >
            <option value="detect">what the text is</option>
            {SNIPPET_TARGETS.map((t) => (
              <option key={t} value={t}>
                {SNIPPET_TARGET_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={buttonClass.primary}
          onClick={onMigrate}
          disabled={text.trim() === ""}
          data-testid="doctor.migrate.run"
        >
          Migrate
        </button>
      </div>
      {read && read.text !== text ? (
        <p className="text-neutral-600 dark:text-neutral-400" data-testid="doctor.migrate.stale">
          The text changed since it was migrated: press Migrate again.
        </p>
      ) : null}
      {result && !result.ok ? (
        <p
          role="alert"
          className="text-red-700 dark:text-red-400"
          data-testid="doctor.migrate.error"
        >
          {result.error}
        </p>
      ) : null}
      {result?.ok ? (
        <div
          className="flex flex-col gap-2"
          data-testid="doctor.migrate.result"
          data-target={result.target}
        >
          <h3 className="text-sm font-semibold">
            {SNIPPET_TARGET_LABELS[result.target]} for {WIDGET_MAJOR_INFO[result.to].label} (
            {WIDGET_PINS[result.to]})
          </h3>
          <h4 className="font-semibold">What changed ({result.changes.length})</h4>
          <Steps steps={result.changes} text={read!.text} testId="doctor.migrate.changes" />
          <h4 className="font-semibold">To do by hand ({result.manual.length})</h4>
          {result.manual.length > 0 ? (
            <Steps steps={result.manual} text={read!.text} testId="doctor.migrate.manual" />
          ) : (
            <p>Nothing: everything was carried over.</p>
          )}
          {result.snippet.install ? (
            <p>
              Install: <code className="font-mono">{result.snippet.install}</code>
            </p>
          ) : null}
          <div className="code-panel flex flex-col gap-2">
            {result.snippet.files.map((file) => (
              <div key={file.path} className="flex flex-col gap-1">
                <div className="flex items-center gap-2">
                  <code className="flex-1 font-mono font-semibold">{file.path}</code>
                  <CopyButton
                    text={file.code}
                    subject={file.path}
                    testId="doctor.migrate.copy"
                    onResult={(ok) =>
                      say(ok ? `${file.path} copied.` : "Copy failed: select the code and copy it.")
                    }
                  />
                </div>
                <pre
                  role="region"
                  tabIndex={0}
                  aria-label={file.path}
                  className="max-h-72 overflow-auto rounded-md border border-neutral-300 bg-neutral-50 p-2 font-mono text-[0.7rem] leading-snug focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900"
                  data-testid="doctor.migrate.file"
                >
                  {file.code}
                </pre>
              </div>
            ))}
          </div>
          <div>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() =>
                onOpen(
                  result.config,
                  `Opened the migrated ${SNIPPET_TARGET_LABELS[result.target]} snippet (${result.to}) in the playground.`,
                  result.target,
                )
              }
              data-testid="doctor.migrate.open"
            >
              Open in playground
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
