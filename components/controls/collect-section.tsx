"use client";
import { usePlayground } from "@/components/state/store-provider";
import { ExtraFieldsEditor } from "./extra-fields-editor";
import { SectionCard, TextOption } from "./field";

export function CollectSection() {
  return (
    <SectionCard
      title="Welcome form (collectUserData)"
      description="The widget asks for name and email before the chat. Prefill and extra fields only work here."
      testId="controls.collect"
    >
      <TextOption name="prefillName" placeholder="Jane Doe" />
      <TextOption name="prefillEmail" type="email" placeholder="jane@example.com" />
      <ExtraFieldsEditor />
    </SectionCard>
  );
}

/** For the browser and server models: turn collectUserData on to see it being ignored or not. */
export function AlsoCollectToggle() {
  const checked = usePlayground((s) => s.config.collectUserData);
  const model = usePlayground((s) => s.config.model);
  const setOption = usePlayground((s) => s.setOption);
  return (
    <label className="flex items-start gap-2 text-sm text-neutral-800 dark:text-neutral-200">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => setOption("collectUserData", e.target.checked)}
        data-testid={`controls.${model}.collectUserData`}
        className="mt-0.5 size-4 accent-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:accent-neutral-200"
      />
      <span>
        Also set <code className="font-mono text-xs">collectUserData: true</code>
        <span className="block text-xs text-neutral-500 dark:text-neutral-400">
          {model === "server"
            ? "A verified token always wins: the form never shows."
            : "A browser email wins and the form is skipped; without an email the form runs as usual."}
        </span>
      </span>
    </label>
  );
}
