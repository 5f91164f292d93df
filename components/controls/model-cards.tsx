"use client";
import { IDENTITY_MODELS, MODEL_INFO } from "@/lib/config/options";
import { usePlayground } from "@/components/state/store-provider";
import { InlineAdvisories } from "./advisories";

/** The `model` row: one card per identity model with its trade-offs, then the model's advisories. */
export function ModelCards() {
  const model = usePlayground((s) => s.config.model);
  const setOption = usePlayground((s) => s.setOption);
  return (
    <>
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
    </>
  );
}
