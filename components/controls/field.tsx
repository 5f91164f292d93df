"use client";
/**
 * Form primitives bound to the option table: label, help and test id come
 * from the option's row, so every control reads the same way.
 */
import { useId, type ReactNode } from "react";
import { OPTIONS, type OptionKey, type PlaygroundConfig } from "@/lib/config/options";
import { usePlayground } from "@/components/state/store-provider";
import { heldMessageId, InlineAdvisories, useHeldBack } from "./advisories";

type StringKey = { [K in OptionKey]: PlaygroundConfig[K] extends string ? K : never }[OptionKey];

export const inputClass =
  "w-full rounded-md border border-neutral-300 bg-white px-2.5 py-1.5 text-sm text-neutral-900 shadow-xs placeholder:text-neutral-400 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:placeholder:text-neutral-500";

export function FieldShell({
  id,
  label,
  help,
  option,
  children,
  after,
}: {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  option?: OptionKey;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label
        htmlFor={id}
        className="block text-sm font-medium text-neutral-800 dark:text-neutral-200"
      >
        {label}
      </label>
      {children}
      {help ? (
        <p id={`${id}-help`} className="text-xs text-neutral-500 dark:text-neutral-400">
          {help}
        </p>
      ) : null}
      {after}
      {option ? <InlineAdvisories option={option} /> : null}
    </div>
  );
}

export function TextOption({
  name,
  type = "text",
  placeholder,
  multiline = false,
  autoComplete = "off",
  help,
  label,
}: {
  name: StringKey;
  type?: "text" | "email" | "url" | "tel" | "password";
  placeholder?: string;
  multiline?: boolean;
  autoComplete?: string;
  help?: ReactNode;
  label?: ReactNode;
}) {
  const id = useId();
  const row = OPTIONS[name];
  const value = usePlayground((s) => s.config[name]) as string;
  const setOption = usePlayground((s) => s.setOption);
  const held = useHeldBack(name).length > 0;
  const common = {
    id,
    name,
    value,
    placeholder,
    "aria-invalid": held ? true : undefined,
    "aria-describedby": held ? `${id}-help ${heldMessageId(name)}` : `${id}-help`,
    "data-testid": `controls.${row.section}.${name}`,
    className: inputClass,
    spellCheck: false,
    autoComplete,
  };
  return (
    <FieldShell id={id} label={label ?? row.label} help={help ?? row.help} option={name}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => setOption(name, e.target.value as never)} />
      ) : (
        <input {...common} type={type} onChange={(e) => setOption(name, e.target.value as never)} />
      )}
    </FieldShell>
  );
}

export function SectionCard({
  title,
  description,
  children,
  testId,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      data-testid={testId}
      className="space-y-3 rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-950"
    >
      <div>
        <h2 id={id} className="text-sm font-semibold text-neutral-900 dark:text-neutral-100">
          {title}
        </h2>
        {description ? (
          <p className="mt-0.5 text-xs text-neutral-500 dark:text-neutral-400">{description}</p>
        ) : null}
      </div>
      {children}
    </section>
  );
}
