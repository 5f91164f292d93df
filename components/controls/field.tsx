"use client";
/**
 * Form primitives bound to the option table: the generic fields draw a row from its control
 * descriptor (label, help, placeholder, input type, autocomplete and test id all come from the
 * row), so every control reads the same way and a new row needs no component.
 */
import { useId, type ReactNode } from "react";
import { toHex } from "@/lib/color/color";
import {
  OPTIONS,
  optionHelp,
  type ControlDescriptor,
  type OptionKey,
  type OptionSection,
  type TextKind,
} from "@/lib/config/options";
import { usePlayground } from "@/components/state/store-provider";
import { heldMessageId, InlineAdvisories, useHeldBack } from "./advisories";
import { useVersionNoteId, VersionNote } from "./version-note";

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
      {option ? <VersionNote option={option} /> : null}
      {after}
      {option ? <InlineAdvisories option={option} /> : null}
    </div>
  );
}

/** What every generic field gets: its option and the card it sits in (its test id names the card). */
export interface FieldProps<C extends ControlDescriptor = ControlDescriptor> {
  name: OptionKey;
  card: OptionSection;
  control: C;
}

type TextControl = Extract<ControlDescriptor, { kind: TextKind }>;

const testId = (card: OptionSection, name: OptionKey) => `controls.${card}.${name}`;

/**
 * What a generic field reads and writes: an id for its label and help, its row, its value, a
 * setter, and its help (for the chosen model or version where the row has one per model or version).
 */
function useField<T>(name: OptionKey) {
  const id = useId();
  const row = OPTIONS[name];
  const value = usePlayground((s) => s.config[name]) as T;
  const setOption = usePlayground((s) => s.setOption);
  const help = usePlayground((s) => optionHelp(name, s.config));
  return {
    id,
    row,
    value,
    set: (next: T) => setOption(name, next as never),
    help,
  };
}

/**
 * Points the input at its help, at the version note while the chosen widget version lacks the
 * option, and at the held-back messages (marking it invalid) while its value is held back.
 */
function useHeldWiring(name: OptionKey, id: string) {
  const held = useHeldBack(name).length > 0;
  const note = useVersionNoteId(name);
  return {
    "aria-invalid": held ? true : undefined,
    "aria-describedby": [`${id}-help`, note, held ? heldMessageId(name) : undefined]
      .filter(Boolean)
      .join(" "),
  } as const;
}

/** A text kind row: an input of the kind's type, or a textarea for `multiline`. */
export function TextOption({ name, card, control }: FieldProps<TextControl>) {
  const { id, row, value, set, help } = useField<string>(name);
  const common = {
    id,
    name,
    value,
    placeholder: control.placeholder,
    ...useHeldWiring(name, id),
    "data-testid": testId(card, name),
    className: inputClass,
    spellCheck: false,
    autoComplete: control.autoComplete ?? "off",
  };
  return (
    <FieldShell id={id} label={row.label} help={help} option={name}>
      {control.kind === "multiline" ? (
        <textarea {...common} rows={3} onChange={(e) => set(e.target.value)} />
      ) : (
        <input {...common} type={control.kind} onChange={(e) => set(e.target.value)} />
      )}
    </FieldShell>
  );
}

/** A colour row: a colour picker beside a text input that takes any CSS colour. */
export function ColourOption({
  name,
  card,
}: FieldProps<Extract<ControlDescriptor, { kind: "colour" }>>) {
  const { id, row, value, set, help } = useField<string>(name);
  const wiring = useHeldWiring(name, id);
  return (
    <FieldShell id={id} label={row.label} help={help} option={name}>
      <div className="flex gap-2">
        <input
          type="color"
          value={toHex(value)}
          onChange={(e) => set(e.target.value)}
          aria-label={`Pick the ${row.name}`}
          className="h-8 w-10 shrink-0 cursor-pointer rounded border border-neutral-300 bg-transparent focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-neutral-700"
        />
        <input
          id={id}
          value={value}
          onChange={(e) => set(e.target.value)}
          className={`${inputClass} font-mono`}
          {...wiring}
          data-testid={testId(card, name)}
          spellCheck={false}
        />
      </div>
    </FieldShell>
  );
}

/** A select row: one option per choice, in the row's order. */
export function SelectOption({
  name,
  card,
  control,
}: FieldProps<Extract<ControlDescriptor, { kind: "select" }>>) {
  const { id, row, value, set, help } = useField<string>(name);
  const wiring = useHeldWiring(name, id);
  return (
    <FieldShell id={id} label={row.label} help={help} option={name}>
      <select
        id={id}
        value={value}
        onChange={(e) => set(e.target.value)}
        {...wiring}
        className={inputClass}
        data-testid={testId(card, name)}
      >
        {control.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export const checkboxClass =
  "mt-0.5 size-4 accent-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:accent-neutral-200";

/**
 * A boolean row: a checkbox with its label beside it and the help below. `onToggle` replaces the
 * plain store write where switching the option does more (personal connections).
 */
export function BooleanOption({
  name,
  card,
  onToggle,
}: FieldProps<Extract<ControlDescriptor, { kind: "boolean" }>> & {
  onToggle?: (checked: boolean) => void;
}) {
  const { id, row, value: checked, set: write, help } = useField<boolean>(name);
  const set = onToggle ?? write;
  return (
    <div className="space-y-1">
      <label className="flex items-start gap-2 text-sm font-medium text-neutral-800 dark:text-neutral-200">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          onChange={(e) => set(e.target.checked)}
          {...useHeldWiring(name, id)}
          data-testid={testId(card, name)}
          className={checkboxClass}
        />
        {row.label}
      </label>
      <p id={`${id}-help`} className="text-xs text-neutral-500 dark:text-neutral-400">
        {help}
      </p>
      <VersionNote option={name} />
      <InlineAdvisories option={name} />
    </div>
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
