"use client";
import { IDENTITY_MODELS, MODEL_INFO, OPTIONS } from "@/lib/config/options";
import { usePlayground } from "@/components/state/store-provider";
import { SectionCard, TextOption } from "./field";
import { InlineAdvisories } from "./advisories";

export function IdentitySection() {
  const model = usePlayground((s) => s.config.model);
  const setOption = usePlayground((s) => s.setOption);
  return (
    <SectionCard
      title="Identity"
      description="Who tells the widget who the visitor is."
      testId="controls.identity"
    >
      <fieldset className="space-y-1.5" data-testid="controls.identity.model">
        <legend className="mb-1 text-sm font-medium text-neutral-800 dark:text-neutral-200">
          Identity model
        </legend>
        {IDENTITY_MODELS.map((m) => (
          <label
            key={m}
            className="flex cursor-pointer gap-2.5 rounded-md border border-neutral-200 p-2.5 has-checked:border-neutral-900 has-checked:bg-neutral-50 has-focus-visible:outline-2 has-focus-visible:outline-blue-600 dark:border-neutral-800 dark:has-checked:border-neutral-300 dark:has-checked:bg-neutral-900"
          >
            <input
              type="radio"
              name="identity-model"
              value={m}
              checked={model === m}
              onChange={() => setOption("model", m)}
              data-testid={`controls.identity.model.${m}`}
              className="mt-0.5 accent-neutral-900 dark:accent-neutral-200"
            />
            <span>
              <span className="block text-sm font-medium text-neutral-900 dark:text-neutral-100">
                {MODEL_INFO[m].title}
              </span>
              <span className="block text-xs text-neutral-500 dark:text-neutral-400">
                {MODEL_INFO[m].tradeoff}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <InlineAdvisories option="model" />
      <TextOption name="widgetToken" placeholder="YOUR_WIDGET_TOKEN" />
      <TextOption
        name="externalId"
        placeholder="e.g. workspace_42"
        help={OPTIONS.externalId.helpByModel?.[model]}
      />
    </SectionCard>
  );
}
