"use client";
/**
 * The marks of one explained change over one code block: added and changed lines tinted, the
 * removed lines shown for a moment where they were, and a one-line reason beside each part of
 * the change. Drawn over the block (never inside its `<code>`), hidden from assistive
 * technology (the page announces one summary instead), and its text is CSS-generated from
 * attributes, so the code's text, copy and find-in-page never see it. CSS fades everything out;
 * nothing is drawn when the reader asks for less motion.
 */
import { useLayoutEffect, useMemo, useState, type RefObject } from "react";
import type { OptionKey } from "@/lib/config/options";
import type { FileChange } from "@/lib/explain/explain";

interface Mark {
  kind: "added" | "changed" | "removed";
  /** First line (0-based) of the new text the mark covers; for removed, the line it sits above. */
  line: number;
  /** Lines covered (0 for removed). */
  count: number;
  /** The reason shown beside it, if this part starts a new reason. */
  label?: string;
  /** Removed lines' text. */
  text?: string;
}

/** At most this many removed lines are shown; the rest are counted. */
const MAX_REMOVED_SHOWN = 4;

export function marksOf(
  file: FileChange,
  reason: (options: readonly OptionKey[]) => string,
): Mark[] {
  const marks: Mark[] = [];
  const labelled = new Set<string>();
  const labelFor = (options: readonly OptionKey[]) => {
    const key = options.join(",");
    if (labelled.has(key)) return undefined;
    labelled.add(key);
    return reason(options);
  };
  for (const hunk of file.hunks) {
    const kind = hunk.removed.length > 0 && !file.added ? "changed" : "added";
    if (hunk.removed.length > 0) {
      const shown = hunk.removed.slice(0, MAX_REMOVED_SHOWN);
      const more = hunk.removed.length - shown.length;
      marks.push({
        kind: "removed",
        line: hunk.after.start,
        count: 0,
        text: more > 0 ? `${shown.join("\n")}\n… ${more} more removed` : shown.join("\n"),
        label: hunk.after.end === hunk.after.start ? labelFor(hunk.options) : undefined,
      });
    }
    let start = hunk.after.start;
    for (let line = hunk.after.start; line <= hunk.after.end; line++) {
      const options = hunk.lineOptions[line - hunk.after.start];
      const runOptions = hunk.lineOptions[start - hunk.after.start]!;
      if (line < hunk.after.end && options!.join(",") === runOptions.join(",")) continue;
      if (line > start)
        marks.push({ kind, line: start, count: line - start, label: labelFor(runOptions) });
      start = line;
    }
  }
  return marks;
}

interface Placed {
  top: number;
  height: number;
}

export interface DiffMarksProps {
  file: FileChange;
  reason: (options: readonly OptionKey[]) => string;
  /** The code block the marks are drawn over. */
  block: RefObject<HTMLPreElement | null>;
  testId: string;
}

export function DiffMarks({ file, reason, block, testId }: DiffMarksProps) {
  const marks = useMemo(() => marksOf(file, reason), [file, reason]);
  const [placed, setPlaced] = useState<Placed[] | null>(null);

  // Where each mark's lines are, measured from the block's line elements (wrapped lines are taller).
  useLayoutEffect(() => {
    const pre = block.current;
    const layer = pre?.parentElement;
    if (!pre || !layer) return;
    const lines = pre.querySelectorAll<HTMLElement>("code > .line");
    const origin = layer.getBoundingClientRect().top;
    const lineHeight = parseFloat(getComputedStyle(pre).lineHeight) || 20;
    const box = (index: number) => {
      const el = lines[Math.min(index, lines.length - 1)];
      if (!el) return { top: 0, bottom: 0 };
      const rect = el.getBoundingClientRect();
      // An inline line box is shorter than the line; centre the mark on the whole line.
      const pad = Math.max(0, (lineHeight - rect.height) / 2);
      const top = rect.top - origin - pad;
      const bottom = rect.bottom - origin + pad;
      return index >= lines.length ? { top: bottom, bottom } : { top, bottom };
    };
    setPlaced(
      marks.map((mark) => {
        const first = box(mark.line);
        if (mark.count === 0) return { top: first.top, height: 0 };
        const last = box(mark.line + mark.count - 1);
        return { top: first.top, height: last.bottom - first.top };
      }),
    );
  }, [marks, block]);

  if (!placed) return null;
  return (
    <div className="cp-diff" aria-hidden="true" data-testid={testId}>
      {marks.map((mark, i) => {
        const at = placed[i]!;
        return (
          <div key={i} role="none">
            {mark.kind === "removed" ? (
              <div
                className="cp-diff-removed"
                data-testid="code.diff.removed"
                data-text={mark.text}
                style={{ top: at.top }}
              />
            ) : (
              <div
                className="cp-diff-line"
                data-testid="code.diff.line"
                data-kind={mark.kind}
                data-line={mark.line + 1}
                data-count={mark.count}
                style={{ top: at.top, height: at.height }}
              />
            )}
            {mark.label ? (
              <div
                className="cp-diff-reason"
                data-testid="code.diff.reason"
                data-text={mark.label}
                style={{ top: at.top }}
              />
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
