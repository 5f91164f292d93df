"use client";
import { useEffect, useRef, useState } from "react";
import { DEFAULT_CONFIG, OPTIONS, type PlaygroundConfig } from "@/lib/config/options";
import { usableConfig } from "@/lib/config/usable";
import { PRESETS, presetInForce, sameConfig } from "@/lib/config/presets";
import { EmbedButton } from "@/components/embed/embed-button";
import { playgroundUrl } from "@/lib/url/tab";
import { usePlayground, usePlaygroundStore } from "@/components/state/store-provider";
import { undoable } from "@/lib/state/store";
import { useAnnounce } from "@/components/state/announcer";
import { ThemeToggle } from "./theme-toggle";
import { VersionSwitch } from "./version-switch";
import { WIDGET_MAJOR_INFO } from "@/lib/config/versions";
import { buttonClass, compactFieldClass } from "@/components/ui/button-styles";

/** The preset menu's value when the config matches no preset. */
const CUSTOM = "custom";

/** Says which fields the link leaves out (secret-looking or invalid values), or nothing. */
function leftOutSentence(config: PlaygroundConfig): string {
  const held = usableConfig(config).held;
  if (held.length === 0) return "";
  const labels = [...new Set(held.map((h) => OPTIONS[h.option].label))];
  return ` It leaves out what is kept only in its field: ${labels.join(", ")}.`;
}

function CopyLinkButton() {
  const store = usePlaygroundStore();
  const announce = useAnnounce();
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (copied === "idle") return;
    const t = setTimeout(() => setCopied("idle"), 2000);
    return () => clearTimeout(t);
  }, [copied]);
  const copy = async () => {
    try {
      // Built from the store, not the address bar, which is updated after a short debounce.
      const base = `${window.location.origin}${window.location.pathname}`;
      const { config, codeTab } = store.getState();
      await navigator.clipboard.writeText(playgroundUrl(base, config, codeTab));
      setCopied("copied");
      announce(`Share link copied to the clipboard.${leftOutSentence(config)}`);
    } catch {
      setCopied("failed");
      announce("Could not copy the link: copy it from the address bar.");
    }
  };
  return (
    <button
      type="button"
      onClick={copy}
      className={buttonClass.secondary}
      data-testid="header.copyLink"
    >
      {copied === "copied" ? "Link copied" : copied === "failed" ? "Copy failed" : "Copy link"}
    </button>
  );
}

/**
 * Reset, "Reset to opened link" and the preset menu replace the whole config.
 * Each is announced and offers Undo (restoring the exact config before) until
 * the config changes again; the browser's Back also returns to it
 * (`useUrlSync` gives each a history entry).
 */
export function PlaygroundHeader() {
  const store = usePlaygroundStore();
  // The preset the config is in, or "Custom" once anything a preset sets was edited.
  const inForce = usePlayground((s) => presetInForce(s.config)?.id ?? CUSTOM);
  // A page opened without a link (or with one that holds only defaults) has nothing to go back to but the defaults.
  const openedWithLink = usePlayground((s) => !sameConfig(s.openedWith, DEFAULT_CONFIG));
  const replacement = usePlayground(undoable);
  const major = usePlayground((s) => s.config.widgetVersion);
  const announce = useAnnounce();
  const resetButton = useRef<HTMLButtonElement>(null);
  /** The control that made the replacement on offer: focus returns there after Undo. */
  const origin = useRef<HTMLElement | null>(null);

  const replace = (action: () => void, control: HTMLElement, unchanged: string) => {
    const before = store.getState().config;
    action();
    const step = undoable(store.getState());
    if (store.getState().config === before || !step) {
      announce(unchanged);
      return;
    }
    origin.current = control;
    announce(
      `${step.message} Undo is at the end of the header; the browser's Back button also returns to the previous settings.`,
    );
  };

  const undo = () => {
    store.getState().undoReplacement();
    announce("Undone: the previous settings are back.");
    const target = origin.current?.isConnected ? origin.current : resetButton.current;
    target?.focus();
  };

  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-neutral-200 bg-white px-4 py-2.5 dark:border-neutral-800 dark:bg-neutral-950">
      <div className="mr-auto">
        <h1 className="text-base font-semibold">Identity Playground</h1>
        <p className="text-xs text-neutral-500 dark:text-neutral-400" data-testid="header.subtitle">
          open.cx chat widget {WIDGET_MAJOR_INFO[major].label} · anonymous, non-verified and
          verified visitors
        </p>
      </div>
      <VersionSwitch />
      <label className="flex items-center gap-1.5 text-xs text-neutral-600 dark:text-neutral-300">
        <span>Preset</span>
        <select
          value={inForce}
          onChange={(e) => {
            const preset = PRESETS.find((p) => p.id === e.target.value);
            if (!preset) return;
            replace(
              () => store.getState().applyPreset(preset.id),
              e.currentTarget,
              `Preset ${preset.label} is already in force.`,
            );
          }}
          data-testid="header.preset"
          className={`max-w-48 ${compactFieldClass}`}
        >
          <option value={CUSTOM} disabled>
            Custom
          </option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id} title={p.description}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-wrap gap-1.5">
        <button
          ref={resetButton}
          type="button"
          className={buttonClass.secondary}
          onClick={(e) =>
            replace(
              () => store.getState().resetToDefaults(),
              e.currentTarget,
              "Nothing to reset: these are the defaults.",
            )
          }
          data-testid="header.reset"
        >
          Reset
        </button>
        {openedWithLink ? (
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={(e) =>
              replace(
                () => store.getState().resetToOpened(),
                e.currentTarget,
                "Nothing to reset: this is the state the page was opened with.",
              )
            }
            data-testid="header.resetToLink"
          >
            Reset to opened link
          </button>
        ) : null}
        <CopyLinkButton />
        <EmbedButton className={buttonClass.secondary} />
      </div>
      <ThemeToggle />
      {replacement ? (
        <div
          className="flex basis-full items-center gap-2 text-xs text-neutral-700 dark:text-neutral-300"
          data-testid="header.undoNotice"
        >
          <span>{replacement.message}</span>
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={undo}
            data-testid="header.undo"
          >
            Undo
          </button>
        </div>
      ) : null}
    </header>
  );
}
