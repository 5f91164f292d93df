import { WIDGET_TOKEN_PLACEHOLDER } from "../config/widget-config";
import { advisory } from "./helpers";
import type { Rule } from "./types";

const ID = "widget-token-missing";

/** No widget token yet: snippets carry a placeholder. */
export const widgetTokenMissing: Rule = {
  id: ID,
  check(config) {
    if (config.widgetToken.trim() !== "") return [];
    return [
      advisory(
        ID,
        "info",
        "widgetToken",
        `Snippets show ${WIDGET_TOKEN_PLACEHOLDER} until you paste your widget token from Channels → AI Chat Widget; the widget cannot load without it.`,
      ),
    ];
  },
};
