"use client";
/** The Embed dialog's small parts: a copyable code block and the height field. */
import { useId, useState } from "react";
import { clampHeight, EMBED_HEIGHT_LIMITS } from "@/lib/embed/snippet";
import { buttonClass, compactFieldClass } from "@/components/ui/button-styles";

const input = `${compactFieldClass} disabled:opacity-50`;

export function CodeOutput({
  label,
  code,
  testId,
  onCopy,
}: {
  label: string;
  code: string;
  testId: string;
  onCopy: () => void;
}) {
  const id = useId();
  return (
    <div className="min-w-0">
      <div className="mb-1 flex items-center justify-between gap-2">
        <h3 id={id} className="text-xs font-semibold">
          {label}
        </h3>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={onCopy}
          data-testid={`${testId}.copy`}
        >
          Copy<span className="sr-only"> {label.toLowerCase()}</span>
        </button>
      </div>
      <pre
        role="region"
        aria-labelledby={id}
        tabIndex={0}
        data-testid={testId}
        className="m-0 overflow-x-auto rounded-md border border-neutral-300 bg-neutral-50 p-2 font-mono text-[0.75rem] leading-snug whitespace-pre text-neutral-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}

export function NumberField({
  label,
  value,
  onChange,
  disabled,
  testId,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  disabled?: boolean;
  testId: string;
}) {
  // The text as typed, so a half-typed number is not snapped back while typing; the snippet uses the clamped value.
  const [text, setText] = useState(String(value));
  return (
    <label className="flex items-center gap-1.5 text-xs">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={EMBED_HEIGHT_LIMITS.min}
        max={EMBED_HEIGHT_LIMITS.max}
        step={10}
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          onChange(clampHeight(e.target.value, value));
        }}
        onBlur={() => setText(String(value))}
        data-testid={testId}
        className={`${input} w-20`}
      />
      <span aria-hidden>px</span>
    </label>
  );
}
