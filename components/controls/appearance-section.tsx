"use client";
import { useId } from "react";
import { toHex } from "@/lib/color/color";
import { LANGUAGE_NAMES, WIDGET_LANGUAGES } from "@/lib/config/languages";
import { OPTIONS } from "@/lib/config/options";
import { usePlayground } from "@/components/state/store-provider";
import { FieldShell, inputClass, SectionCard, TextOption } from "./field";
import { heldMessageId, useHeldBack } from "./advisories";

function PrimaryColor() {
  const id = useId();
  const value = usePlayground((s) => s.config.primaryColor);
  const setOption = usePlayground((s) => s.setOption);
  const held = useHeldBack("primaryColor").length > 0;
  return (
    <FieldShell
      id={id}
      label={OPTIONS.primaryColor.label}
      help={OPTIONS.primaryColor.help}
      option="primaryColor"
    >
      <div className="flex gap-2">
        <input
          type="color"
          value={toHex(value)}
          onChange={(e) => setOption("primaryColor", e.target.value)}
          aria-label="Pick the primary colour"
          className="h-8 w-10 shrink-0 cursor-pointer rounded border border-neutral-300 bg-transparent focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-neutral-700"
        />
        <input
          id={id}
          value={value}
          onChange={(e) => setOption("primaryColor", e.target.value)}
          className={`${inputClass} font-mono`}
          aria-invalid={held ? true : undefined}
          aria-describedby={held ? `${id}-help ${heldMessageId("primaryColor")}` : `${id}-help`}
          data-testid="controls.appearance.primaryColor"
          spellCheck={false}
        />
      </div>
    </FieldShell>
  );
}

function WidgetLanguage() {
  const id = useId();
  const value = usePlayground((s) => s.config.language);
  const setOption = usePlayground((s) => s.setOption);
  return (
    <FieldShell
      id={id}
      label={OPTIONS.language.label}
      help={OPTIONS.language.help}
      option="language"
    >
      <select
        id={id}
        value={value}
        onChange={(e) => setOption("language", e.target.value as typeof value)}
        className={inputClass}
        data-testid="controls.appearance.language"
      >
        {WIDGET_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {code} · {LANGUAGE_NAMES[code] ?? code}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function AppearanceSection() {
  return (
    <SectionCard title="Appearance" testId="controls.appearance">
      <PrimaryColor />
      <TextOption name="orgName" placeholder="Acme" />
      <WidgetLanguage />
    </SectionCard>
  );
}
