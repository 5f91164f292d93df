/**
 * Maps an authenticate-user body literal onto the server fields. Simple fields are
 * read from their rows' `apiField`; customData (and the old recipe's `custom_data`)
 * and the unmodelled `http_action_overrides` are written out here.
 */
import { DEFAULT_CONFIG, OPTIONS, type PlaygroundConfig } from "../config/options";
import { BODY_FIELDS } from "../sandbox/request-body";
import type { LiteralNode } from "./literal";
import type { Report } from "./report";
import { isFreeText, readSimple, SIMPLE_BODY_ROWS } from "./simple-options";
import { customDataRows } from "./structured-values";

export function mapServerBody(
  root: LiteralNode,
  base: PlaygroundConfig,
  report: Report,
): Partial<PlaygroundConfig> {
  const body = report.object("body", root);
  if (!body) return {};
  report.unknownKeys("body", body, [...BODY_FIELDS, "custom_data"]);
  const out: Partial<PlaygroundConfig> = {};
  for (const key of SIMPLE_BODY_ROWS) {
    const field = OPTIONS[key].apiField!;
    // The body is server code: a value it computes keeps the playground's sample.
    const sample = isFreeText(OPTIONS[key]) ? (base[key] as string) : undefined;
    (out as Record<string, unknown>)[key] = readSimple(
      report,
      key,
      `body.${field}`,
      body.get(field)?.value,
      sample,
    );
  }
  const snake = body.get("custom_data");
  if (snake) {
    report.warn(
      "body.custom_data",
      "The API field is `customData` (camelCase); `custom_data` from the old recipe is not the documented name. Imported as customData.",
      snake.keyRange,
    );
  }
  out.serverCustomData =
    customDataRows(
      report,
      "body.customData",
      body.get("customData")?.value ?? snake?.value,
      true,
    ) ?? [];
  const overrides = body.get("http_action_overrides");
  if (overrides)
    report.warn(
      "body.http_action_overrides",
      "`http_action_overrides` is valid but the playground does not model it. Left out.",
      overrides.keyRange,
    );
  // A sample kept from `base` passes its row's schema too, or falls back to the default.
  for (const key of SIMPLE_BODY_ROWS) {
    if (!OPTIONS[key].schema.safeParse(out[key]).success)
      (out as Record<string, unknown>)[key] = DEFAULT_CONFIG[key];
  }
  return out;
}
