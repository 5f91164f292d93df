"use client";
import { useEffect, useState } from "react";
import { PRESETS } from "@/lib/config/presets";
import { EmbedButton } from "@/components/embed/embed-button";
import { shareUrl } from "@/lib/url/codec";
import { usePlayground, usePlaygroundStore } from "./store-provider";
import { useAnnounce } from "./announcer";
import { ThemeToggle } from "./theme-toggle";
import { headerButton } from "./button-styles";


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
      await navigator.clipboard.writeText(shareUrl(base, store.getState().config));
      setCopied("copied");
      announce("Share link copied to the clipboard.");
    } catch {
      setCopied("failed");
      announce("Could not copy the link: copy it from the address bar.");
    }
  };
  return (
    <button type="button" onClick={copy} className={headerButton} data-testid="header.copyLink">
      {copied === "copied" ? "Link copied" : copied === "failed" ? "Copy failed" : "Copy link"}
    </button>
  );
}

export function PlaygroundHeader() {
  const applyPreset = usePlayground((s) => s.applyPreset);
  const resetToDefaults = usePlayground((s) => s.resetToDefaults);
  const resetToOpened = usePlayground((s) => s.resetToOpened);
  const announce = useAnnounce();
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-neutral-200 bg-white px-4 py-2.5 dark:border-neutral-800 dark:bg-neutral-950">
      <div className="mr-auto">
        <h1 className="text-base font-semibold">Identity Playground</h1>
        <p className="text-xs text-neutral-500 dark:text-neutral-400">open.cx chat widget v4 · anonymous, non-verified and verified visitors</p>
      </div>
      <label className="flex items-center gap-1.5 text-xs text-neutral-600 dark:text-neutral-300">
        <span>Preset</span>
        <select
          value=""
          onChange={(e) => {
            if (!e.target.value) return;
            applyPreset(e.target.value);
            announce(`Preset applied: ${PRESETS.find((p) => p.id === e.target.value)?.label}.`);
          }}
          data-testid="header.preset"
          className="max-w-48 rounded-md border border-neutral-300 bg-white px-1.5 py-1 text-xs text-neutral-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100"
        >
          <option value="">Choose…</option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id} title={p.description}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-wrap gap-1.5">
        <button type="button" className={headerButton} onClick={() => { resetToDefaults(); announce("Reset to the defaults."); }} data-testid="header.reset">
          Reset
        </button>
        <button type="button" className={headerButton} onClick={() => { resetToOpened(); announce("Back to the state this page was opened with."); }} data-testid="header.resetToLink">
          Reset to opened link
        </button>
        <CopyLinkButton />
        <EmbedButton className={headerButton} />
      </div>
      <ThemeToggle />
    </header>
  );
}
