"use client";
/**
 * "Download project": the starter project (`lib/starter`) for the current settings, as a zip
 * made in this browser (no server round trip). This panel is fetched when the code toolbar's
 * button is first used; the generator and fflate when the panel opens, so the first Download
 * does not wait for them (and at the latest on that click).
 *
 * What goes in: the usable config (what the snippets and the share link are made from) and the
 * share link of the current state; `starterFiles` drops the sensitive fields again, so the org
 * API key and the contact token never reach a file.
 */
import { useEffect, useId, useState } from "react";
import { OPTIONS, type PlaygroundConfig } from "@/lib/config/options";
import { usableConfig } from "@/lib/config/usable";
import { toWidgetConfig, WIDGET_TOKEN_PLACEHOLDER } from "@/lib/config/widget-config";
import { isVerified } from "@/lib/snippets/model";
import { applicableTargets } from "@/lib/snippets/targets";
import {
  STARTER_FOLDERS,
  STARTER_STACK_LABELS,
  starterStackFor,
  starterZipName,
} from "@/lib/starter/stacks";
import { STARTER_STACKS, type StarterStack } from "@/lib/starter/types";
import { playgroundUrl, shownTarget } from "@/lib/url/tab";
import { useAnnounce } from "@/components/state/announcer";
import { usePlayground, usePlaygroundStore } from "@/components/state/store-provider";
import { saveFile } from "./save-file";

const loadStarter = () => import("@/lib/starter");

/** The labels of the fields whose typed value the starter leaves out ("" when none). */
function heldLabels(config: PlaygroundConfig): string {
  const labels = new Set(usableConfig(config).held.map((h) => OPTIONS[h.option].label));
  return [...labels].join(", ");
}

/** What each stack's project holds, in one sentence's worth (docs/starter.md has the table). */
function contents(stack: StarterStack, verified: boolean) {
  if (stack === "nextjs")
    return (
      <>
        A Next.js app (App Router, TypeScript): the Next.js tab&apos;s widget component, mounted
        once in the root layout
        {verified ? ", its contact-token route and a demo sign-in (demo only)" : ""}.
      </>
    );
  return (
    <>
      An Express server and a static page: the HTML tab&apos;s snippet in{" "}
      <code className="font-mono">public/index.html</code>
      {verified ? ", the Node and Express tabs' token route and a demo sign-in (demo only)" : ""}.
    </>
  );
}

// As the header's version switch: the chosen stack is filled.
const fieldClass =
  "cursor-pointer px-2.5 py-1 font-medium text-(--cp-text) has-checked:bg-neutral-900 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-(--cp-focus) dark:has-checked:bg-neutral-100 dark:has-checked:text-neutral-900";
const buttonClass =
  "rounded-md border border-(--cp-border) bg-(--cp-button) px-2.5 py-1 text-xs font-medium text-(--cp-text) hover:bg-(--cp-button-hover) focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-(--cp-focus) aria-disabled:cursor-wait aria-disabled:opacity-60";

export function DownloadPanel({ id }: { id: string }) {
  const store = usePlaygroundStore();
  const announce = useAnnounce();
  const headingId = useId();
  const stackLabelId = useId();
  const aboutId = useId();
  const name = useId();

  // The tab being read suggests the stack until the reader picks one.
  const suggested = usePlayground((s) => {
    const config = usableConfig(s.config).config;
    return starterStackFor(shownTarget(s.codeTab, applicableTargets(config)));
  });
  const [picked, setPicked] = useState<StarterStack | null>(null);
  const stack = picked ?? suggested;
  const verified = usePlayground((s) => isVerified(usableConfig(s.config).config));
  const placeholderToken = usePlayground(
    (s) => toWidgetConfig(usableConfig(s.config).config).token === WIDGET_TOKEN_PLACEHOLDER,
  );
  const held = usePlayground((s) => heldLabels(s.config));

  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  // Opening the panel is the intent: fetch the generator now (a failure shows on Download).
  useEffect(() => void loadStarter().catch(() => undefined), []);

  const download = async () => {
    if (busy) return;
    const file = starterZipName(stack);
    setBusy(true);
    setError("");
    try {
      let starter: Awaited<ReturnType<typeof loadStarter>>;
      try {
        starter = await loadStarter();
      } catch {
        setError(
          `Could not load what makes ${file}: the connection may have dropped. Press Download to try again; your settings are unchanged.`,
        );
        return;
      }
      try {
        // Read at the click, from the store: the address bar follows it after a short debounce.
        const { config, codeTab } = store.getState();
        const link = playgroundUrl(
          `${window.location.origin}${window.location.pathname}`,
          config,
          codeTab,
        );
        const files = starter.starterFiles(usableConfig(config).config, stack, {
          playgroundUrl: link,
        });
        const zip = starter.starterZip(files, STARTER_FOLDERS[stack]);
        saveFile(zip, file, "application/zip");
        announce(`Downloaded ${file}: ${files.length} files`);
      } catch (thrown) {
        const reason = thrown instanceof Error ? ` ${thrown.message}` : "";
        setError(
          `Could not make ${file}.${reason} Nothing was downloaded and your settings are unchanged.`,
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      id={id}
      aria-labelledby={headingId}
      data-testid="code.download.panel"
      className="flex flex-col gap-2 rounded-lg border border-(--cp-border) bg-(--cp-surface) p-3 text-xs"
    >
      <h3 id={headingId} className="text-sm font-semibold">
        Download a starter project
      </h3>
      <fieldset
        role="radiogroup"
        aria-labelledby={stackLabelId}
        className="flex flex-wrap items-center gap-2"
        data-testid="code.download.stack"
      >
        {/* A legend inside a flex fieldset is not laid out in the row; a span names the group instead. */}
        <span id={stackLabelId} className="font-medium">
          Stack
        </span>
        <span className="flex overflow-hidden rounded-md border border-(--cp-border) bg-(--cp-button)">
          {STARTER_STACKS.map((option) => (
            <label key={option} className={fieldClass}>
              <input
                type="radio"
                name={name}
                value={option}
                checked={stack === option}
                onChange={() => setPicked(option)}
                className="sr-only"
                data-testid={`code.download.stack.${option}`}
              />
              {STARTER_STACK_LABELS[option]}
            </label>
          ))}
        </span>
      </fieldset>
      <div
        id={aboutId}
        className="flex flex-col gap-1.5 text-(--cp-muted)"
        data-testid="code.download.about"
      >
        <p>
          {contents(stack, verified)} Unzip it and run the three commands in its README:{" "}
          <code className="font-mono">npm install</code>,{" "}
          <code className="font-mono">npm run dev</code>, then open{" "}
          <code className="font-mono">http://localhost:3000</code>.
        </p>
        {verified ? (
          <p>
            Its server asks this playground&apos;s sandbox for contact tokens (address and public
            demo key in <code className="font-mono">.env.example</code>). Your org API key is never
            in the zip: in production, set <code className="font-mono">OPENCX_API_KEY</code> on your
            server.
          </p>
        ) : null}
        {placeholderToken ? (
          <p>
            No widget token yet: the project has{" "}
            <code className="font-mono">{WIDGET_TOKEN_PLACEHOLDER}</code> until you set one here
            (Identity) or in its code.
          </p>
        ) : null}
        {held ? (
          <p data-testid="code.download.held">
            <span className="font-medium text-(--cp-text)">Not used:</span> what is typed in {held}.
            Like the snippets, the project leaves it out (or uses the default) until it is fixed.
          </p>
        ) : null}
        <p>Made in this browser: nothing is uploaded. Its README links back to these settings.</p>
      </div>
      <div>
        <button
          type="button"
          aria-disabled={busy || undefined}
          onClick={() => void download()}
          className={buttonClass}
          data-testid="code.download.save"
        >
          Download {starterZipName(stack)}
        </button>
      </div>
      {error ? (
        <p
          role="alert"
          className="text-red-700 dark:text-red-400"
          data-testid="code.download.error"
        >
          {error}
        </p>
      ) : null}
    </section>
  );
}
