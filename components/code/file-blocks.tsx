"use client";
/** One snippet file (path, language, copy, highlighted code) and the install command line. */
import { memo, useRef } from "react";
import { snippetFileKey } from "@/lib/highlight/keys";
import type { SnippetLanguage, SnippetTarget } from "@/lib/snippets/types";
import type { FileChange } from "@/lib/explain/explain";
import { CodeBlock, LANGUAGE_NAMES } from "./code-block";
import { CopyButton } from "./copy-button";
import { DiffMarks } from "./diff-marks";
import type { ExplainedChange } from "./use-explained-change";

interface FileBlockProps {
  target: SnippetTarget;
  index: number;
  path: string;
  code: string;
  language: SnippetLanguage;
  serverHtml?: string;
  onCopyResult: (ok: boolean, subject: string) => void;
  /** The last explained change of this file, to mark; none with reduced motion. */
  change?: { explained: ExplainedChange; file: FileChange };
}

/** Memoised: a change re-renders only the blocks whose code or marks changed. */
export const FileBlock = memo(function FileBlock({
  target,
  index,
  path,
  code,
  language,
  serverHtml,
  onCopyResult,
  change,
}: FileBlockProps) {
  const blockRef = useRef<HTMLPreElement>(null);
  return (
    <div className="min-w-0 overflow-hidden rounded-lg border border-(--cp-border)">
      <div className="flex items-center justify-between gap-2 border-b border-(--cp-border) bg-(--cp-surface) py-1.5 pr-1.5 pl-3">
        <span className="min-w-0 truncate font-mono text-xs text-(--cp-text)" title={path}>
          {path}
        </span>
        <span className="ml-auto shrink-0 text-[0.6875rem] text-(--cp-muted)">
          {LANGUAGE_NAMES[language]}
        </span>
        <CopyButton
          text={code}
          subject={path}
          testId={`code.copy.${target}.${index}`}
          onResult={onCopyResult}
          selectOnFailure={blockRef}
        />
      </div>
      <div className="relative">
        <CodeBlock
          ref={blockRef}
          slot={snippetFileKey(target, path)}
          code={code}
          language={language}
          label={`${path} (${LANGUAGE_NAMES[language]})`}
          testId={`code.block.${target}.${index}`}
          serverHtml={serverHtml}
        />
        {change ? (
          <DiffMarks
            key={change.explained.id}
            file={change.file}
            reason={change.explained.reason}
            block={blockRef}
            testId={`code.diff.${target}.${index}`}
          />
        ) : null}
      </div>
    </div>
  );
});

interface InstallBlockProps {
  target: SnippetTarget;
  label: string;
  command: string;
  onCopyResult: (ok: boolean, subject: string) => void;
  /** The last change changed the command: it flashes (CSS; not with reduced motion). */
  changed?: boolean;
}

export function InstallBlock({ target, label, command, onCopyResult, changed }: InstallBlockProps) {
  const blockRef = useRef<HTMLPreElement>(null);
  return (
    <div
      data-changed={changed ? "" : undefined}
      className="cp-install flex min-w-0 items-center gap-2 rounded-lg border border-(--cp-border) bg-(--cp-code-bg) py-1.5 pr-1.5 pl-1"
    >
      <pre
        ref={blockRef}
        role="region"
        aria-label={`Install command for ${label}`}
        tabIndex={0}
        data-testid={`code.block.${target}.install`}
        className="m-0 min-w-0 flex-1 overflow-x-auto rounded px-2 py-1 font-mono text-[0.8125rem] text-(--cp-code-fg) focus-visible:outline-2 focus-visible:outline-(--cp-focus)"
      >
        <code className="before:text-(--cp-muted) before:content-['$_'] before:select-none">
          {command}
        </code>
      </pre>
      <CopyButton
        text={command}
        subject="the install command"
        testId={`code.copy.${target}.install`}
        onResult={onCopyResult}
        selectOnFailure={blockRef}
      />
    </div>
  );
}
