/**
 * Shared predicates for the rules: which fields reach the browser in the
 * current model, what looks like a secret or a JWT, and when the welcome-form
 * fields are relevant.
 */
import type { OptionKey, PlaygroundConfig } from "../config/options";
import type { WidgetMajor } from "../config/versions";
import type { Advisory, Severity } from "./types";

export function advisory(
  id: string,
  severity: Severity,
  option: OptionKey,
  message: string,
): Advisory {
  return { id, severity, option, message };
}

/**
 * Every string a field contributes to the widget options, for the fields the current model emits
 * (blank strings included: they never look like a secret).
 */
export function clientFieldValues(
  config: PlaygroundConfig,
): { option: OptionKey; values: string[] }[] {
  const fields: { option: OptionKey; values: string[] }[] = [
    { option: "widgetToken", values: [config.widgetToken] },
    { option: "externalId", values: [config.externalId] },
  ];
  switch (config.model) {
    case "collect":
      fields.push(
        { option: "prefillName", values: [config.prefillName] },
        { option: "prefillEmail", values: [config.prefillEmail] },
        { option: "extraFields", values: config.extraFields },
      );
      break;
    case "browser":
      fields.push(
        { option: "userName", values: [config.userName] },
        { option: "userEmail", values: [config.userEmail] },
        { option: "userAvatarUrl", values: [config.userAvatarUrl] },
        {
          option: "userCustomData",
          values: config.userCustomData.flatMap((r) => [r.key, r.value]),
        },
      );
      break;
    case "server":
      // The contact token goes to the browser as user.token.
      fields.push({ option: "contactToken", values: [config.contactToken] });
      break;
    // Stryker disable next-line ConditionalExpression,StringLiteral: the Anonymous model adds no field, so dropping this case (falling past the switch) changes nothing.
    case "anonymous":
      break;
  }
  return fields;
}

export { looksLikeApiKey, looksLikeJwt } from "../secrets/detect";

/**
 * Whether the welcome-form fields (prefill, extra fields) are relevant to the
 * chosen model: the Collect model, or Browser/Server with collectUserData on,
 * where the developer has asked for the form.
 */
export function formFieldsRelevant(config: PlaygroundConfig): boolean {
  if (config.model === "collect") return true;
  return (config.model === "browser" || config.model === "server") && config.collectUserData;
}

/** Why the Browser/Server model does not use the Collect model's form fields. */
export function whyFormFieldsUnused(config: PlaygroundConfig): string {
  if (config.model === "server") return "with a verified token the welcome form never shows";
  // Stryker disable next-line ConditionalExpression: only Browser and Server reach here (formFieldsRelevant), and Server returned above, so `model === "browser"` is always true here.
  if (config.model === "browser" && config.userEmail !== "")
    return "with user.data.email the welcome form never shows";
  return "the snippet sends them only with the Collect model";
}

export const quote = (s: string) => JSON.stringify(s);

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The custom-data rows the current model emits, with the option that holds them. */
export function activeCustomData(config: PlaygroundConfig): {
  option: "userCustomData" | "serverCustomData";
  rows: readonly { key: string; value: unknown }[];
} | null {
  if (config.model === "browser") return { option: "userCustomData", rows: config.userCustomData };
  if (config.model === "server")
    return { option: "serverCustomData", rows: config.serverCustomData };
  return null;
}

/**
 * What a host page removes on sign-out, per version, in the words of domain-v5.md §18: v4 stores
 * two keys; v5 adds the open-conversation pointer and companion preferences, so its whole
 * namespace goes.
 */
export const KEYS_TO_CLEAR: Readonly<Record<WidgetMajor, string>> = {
  v4: "the widget's two keys, `opencx-widget:org-token-<TOKEN>:contact-token` and `…:external-contact-id`",
  v5: "every `opencx-widget:org-token-<TOKEN>:` key (the contact token, the device id and the open-conversation pointer)",
};

/** The sign-out fix, for `config`'s version: what to remove, when, and who already does it. */
export function clearKeysFix(config: PlaygroundConfig): string {
  return `On sign-out, before the next identity loads, remove ${KEYS_TO_CLEAR[config.widgetVersion]}, as the sign-out snippet's clear function does.`;
}
