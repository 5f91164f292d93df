"use client";
import { useLayoutEffect, useRef, useState, type Ref } from "react";
import type { SnippetLanguage } from "@/lib/snippets/types";
import { patchLines } from "./patch-lines";
import { useHighlighted } from "./use-highlighted";

export const LANGUAGE_NAMES: Record<SnippetLanguage, string> = {
  html: "HTML",
  tsx: "TSX",
  ts: "TypeScript",
  js: "JavaScript",
  python: "Python",
  php: "PHP",
  ruby: "Ruby",
  go: "Go",
  java: "Java",
  bash: "Shell",
  json: "JSON",
  vue: "Vue",
  svelte: "Svelte",
};

export interface CodeBlockProps {
  /** One code block's identity for the worker (`${target}:${path}`). */
  slot: string;
  code: string;
  language: SnippetLanguage;
  /** Accessible name of the scrollable region. */
  label: string;
  testId: string;
  /** Server-highlighted HTML; ignored unless its text is exactly `code`. */
  serverHtml?: string;
  ref?: Ref<HTMLPreElement>;
}

/**
 * A focusable, horizontally scrolling `<pre>`. Its text content is exactly `code` whether the
 * colours have arrived or not, so tests and find-in-page see the real text.
 */
export function CodeBlock({
  slot,
  code,
  language,
  label,
  testId,
  serverHtml,
  ref,
}: CodeBlockProps) {
  const { html, coloured } = useHighlighted({ slot, code, language, serverHtml });
  // React renders the first HTML (server render, hydration); every later one is patched in
  // line by line as it is committed, so a keystroke re-parses and lays out only its lines.
  const [firstHtml] = useState(html);
  const codeRef = useRef<HTMLElement>(null);
  const shownLines = useRef<string[] | null>(null);
  useLayoutEffect(() => {
    const element = codeRef.current;
    if (!element) return;
    const next = html.split("\n");
    // Equal lines (the first render, a render with the same HTML) patch nothing.
    patchLines(element, shownLines.current ?? firstHtml.split("\n"), next);
    shownLines.current = next;
  }, [html, firstHtml]);
  return (
    <pre
      ref={ref}
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid={testId}
      data-language={language}
      data-highlighted={coloured ? "true" : "false"}
      className="cp-code m-0 overflow-x-auto bg-(--cp-code-bg) px-4 py-3 font-mono text-[0.8125rem] leading-relaxed text-(--cp-code-fg) [tab-size:2] focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-(--cp-focus)"
    >
      <code
        ref={codeRef}
        className="block w-max min-w-full"
        dangerouslySetInnerHTML={{ __html: firstHtml }}
      />
    </pre>
  );
}
