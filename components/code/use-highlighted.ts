"use client";
import { useLayoutEffect, useMemo, useState } from "react";
import { textOfHtml, toPlainHtml } from "@/lib/highlight/plain";
import type { SnippetLanguage } from "@/lib/snippets/types";
import { peekHighlighted, requestHighlight } from "./highlight-client";

export interface UseHighlightedOptions {
  /** Identifies one code block: a newer request from the same slot makes older answers stale. */
  slot: string;
  code: string;
  language: SnippetLanguage;
  /**
   * HTML highlighted on the server for this block. Used only while its text is exactly `code`,
   * so HTML for an older version of the snippet can never show the wrong code.
   */
  serverHtml?: string;
}

export interface Highlighted {
  /** Inner HTML for the `<code>` element: coloured, or the plain text in the same line structure. */
  html: string;
  coloured: boolean;
}

/**
 * The HTML to show for `code`: the server's HTML while the code is what the server saw, the
 * worker's colours once they arrive, and in between the escaped plain text (same layout, so
 * nothing jumps). Answers for code that is no longer current are dropped.
 */
export function useHighlighted({
  slot,
  code,
  language,
  serverHtml,
}: UseHighlightedOptions): Highlighted {
  const [answer, setAnswer] = useState<{
    code: string;
    language: SnippetLanguage;
    html: string;
  } | null>(null);
  // The server HTML's text is worked out once, not on every keystroke.
  const serverText = useMemo(
    () => (serverHtml === undefined ? undefined : textOfHtml(serverHtml)),
    [serverHtml],
  );
  const serverMatches = serverText === code;

  const ready =
    serverMatches && serverHtml !== undefined
      ? serverHtml
      : answer && answer.code === code && answer.language === language
        ? answer.html
        : peekHighlighted(code, language);
  const needsWorker = ready === undefined;

  // Posted to the worker as the new text is committed (a layout effect), so the worker starts
  // while the browser paints the plain text; the colours are a normal render when they arrive.
  useLayoutEffect(() => {
    if (!needsWorker) return;
    let current = true;
    void requestHighlight(slot, code, language).then((html) => {
      if (current && html !== null) setAnswer({ code, language, html });
    });
    return () => {
      current = false;
    };
  }, [slot, code, language, needsWorker]);

  const plain = useMemo(() => (needsWorker ? toPlainHtml(code) : ""), [needsWorker, code]);
  return needsWorker ? { html: plain, coloured: false } : { html: ready, coloured: true };
}
