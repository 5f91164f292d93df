/**
 * What a snippet cannot say about a config, for the properties that read generated snippets back
 * (the import's round trip, the doctor's migration): the canonical config an import gives back,
 * and the configs whose values the import refuses on purpose (secret lookalikes).
 */
import { DEFAULT_PRIMARY_COLOR, type PlaygroundConfig } from "../../config/options";
import { toWidgetConfig, WIDGET_TOKEN_PLACEHOLDER } from "../../config/widget-config";
import { looksLikeApiKey, looksLikeJwt } from "../../secrets/detect";
import type { Snippet } from "../../snippets/types";

/** The file of a client snippet that holds the widget options: the one a user pastes back. */
export function optionsFile(snippet: Snippet): string {
  const file = snippet.files.find((f) =>
    [
      ".html",
      "support-widget.tsx",
      ".vue",
      ".client.ts",
      "OpenCxWidget.svelte",
      "opencx-widget.ts",
    ].some((end) => f.path.endsWith(end)),
  );
  if (!file) throw new Error(`no options file in the ${snippet.target} snippet`);
  return file.code;
}

/** Every string the widget options carry. */
export function optionStrings(config: PlaygroundConfig): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(toWidgetConfig(config, { contactToken: "" }));
  return out;
}

/**
 * Import refuses secrets on purpose (an API-key or JWT shape, or the config's
 * own API key inside a value); such configs are checked in import.test.ts.
 */
export function holdsSecretLookalike(config: PlaygroundConfig): boolean {
  return optionStrings(config).some((s) => looksLikeApiKey(s, config.apiKey) || looksLikeJwt(s));
}

/**
 * What the widget options cannot tell apart, written out independently of the
 * importer: the default colour and no colour, a browser config with no user
 * data at all (it is anonymous), custom-data rows with an empty or repeated key.
 */
export function canonical(config: PlaygroundConfig): PlaygroundConfig {
  const out = { ...config };
  const colour = out.primaryColor.trim();
  out.primaryColor = colour === "" ? DEFAULT_PRIMARY_COLOR : colour;
  if (out.widgetToken === WIDGET_TOKEN_PLACEHOLDER) out.widgetToken = "";
  if (out.model === "browser") {
    const user = toWidgetConfig(out).user;
    if (!user || !("data" in user)) {
      // No user.data reaches the widget (at most an externalId): it reads as anonymous, and
      // the browser fields stay as they were (another model's values are kept).
      // With collectUserData it reads as the Collect model with an empty form setup.
      if (toWidgetConfig(out).collectUserData) {
        Object.assign(out, {
          model: "collect",
          prefillName: "",
          prefillEmail: "",
          extraFields: [],
        });
      } else {
        out.model = "anonymous";
      }
    } else {
      // JavaScript object semantics: the last value of a key wins, integer-like keys come first.
      const record = Object.fromEntries(
        out.userCustomData.filter((r) => r.key !== "").map((r) => [r.key, r.value]),
      );
      out.userCustomData = Object.entries(record).map(([key, value]) => ({ key, value }));
    }
  }
  return out;
}
