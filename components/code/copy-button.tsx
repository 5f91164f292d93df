"use client";
import { useEffect, useRef, useState, type RefObject } from "react";

type CopyState = "idle" | "copied" | "failed";

const LABELS: Record<CopyState, string> = { idle: "Copy", copied: "Copied", failed: "Copy failed" };
const RESET_AFTER_MS = 2000;

export interface CopyButtonProps {
  /** The exact text to put on the clipboard. */
  text: string;
  /** What is being copied, for the accessible name and the announcement, e.g. a file path. */
  subject: string;
  testId: string;
  /** Called after each attempt; the panel turns it into one announcement in its live region. */
  onResult: (ok: boolean, subject: string) => void;
  /** On failure, this element's text is selected so the user can copy it by hand. */
  selectOnFailure?: RefObject<HTMLElement | null>;
}

export function CopyButton({ text, subject, testId, onResult, selectOnFailure }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    let ok = false;
    try {
      if (!navigator.clipboard?.writeText) throw new Error("Clipboard API unavailable");
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      ok = false;
    }
    if (!ok && selectOnFailure?.current) selectContents(selectOnFailure.current);
    setState(ok ? "copied" : "failed");
    onResult(ok, subject);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), RESET_AFTER_MS);
  };

  return (
    <button
      type="button"
      onClick={() => void copy()}
      data-testid={testId}
      data-state={state}
      aria-label={`${LABELS[state]} ${subject}`}
      className="inline-flex min-w-[5.5rem] shrink-0 items-center justify-center gap-1 rounded-md border border-(--cp-border) bg-(--cp-button) px-2 py-1 text-xs font-medium text-(--cp-text) hover:bg-(--cp-button-hover) focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-(--cp-focus) data-[state=copied]:text-(--cp-success) data-[state=failed]:text-(--cp-danger)"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        className="size-3.5"
      >
        {state === "copied" ? (
          <polyline points="3,8.5 6.5,12 13,4.5" strokeLinecap="round" strokeLinejoin="round" />
        ) : state === "failed" ? (
          <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />
        ) : (
          <>
            <rect x="5.5" y="1.75" width="8.75" height="8.75" rx="1.5" />
            <path
              d="M3.5 5.5h-.25a1.5 1.5 0 0 0-1.5 1.5v5.75a1.5 1.5 0 0 0 1.5 1.5H9a1.5 1.5 0 0 0 1.5-1.5v-.25"
              strokeLinecap="round"
            />
          </>
        )}
      </svg>
      <span>{LABELS[state]}</span>
    </button>
  );
}

function selectContents(element: HTMLElement) {
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
