"use client";
import { IDENTITY_MODELS, type IdentityModel } from "@/lib/config/options";
import { usePlayground } from "@/components/state/store-provider";
import { SectionCard, TextOption } from "./field";
import { InlineAdvisories } from "./advisories";

export const MODEL_INFO: Record<IdentityModel, { title: string; tradeoff: string }> = {
  anonymous: {
    title: "Anonymous",
    tradeoff: "No friction · no trust · history on this browser only",
  },
  collect: {
    title: "Collect in the widget",
    tradeoff:
      "A form before chat · non-verified (anyone can type any email) · history on this device",
  },
  browser: {
    title: "Pass from the browser",
    tradeoff: "No friction · non-verified (page data can be forged) · history on this device",
  },
  server: {
    title: "Verified by your server",
    tradeoff: "No friction, needs backend work · verified · history on every device",
  },
};

const EXTERNAL_ID_HELP: Record<IdentityModel, string> = {
  anonymous:
    "Optional. Replaces the random per-device id the widget generates, so anyone who knows it shares its scope: only use an unguessable value.",
  collect:
    "Optional. Replaces the random per-device id; weakens device binding (anyone knowing it can scope to it).",
  browser:
    "Optional. Replaces the random per-device id; weakens device binding (anyone knowing it can scope to it).",
  server:
    "Optional. The only externalId a verified contact has: scopes listing and creating sessions, e.g. one workspace. Without it the user sees all their verified chats on every device.",
};

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
        help={EXTERNAL_ID_HELP[model]}
      />
    </SectionCard>
  );
}
