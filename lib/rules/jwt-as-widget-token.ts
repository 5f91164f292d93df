import { advisory, looksLikeJwt } from "./helpers";
import type { Rule } from "./types";

const ID = "jwt-as-widget-token";

/** A contact JWT pasted where the widget token goes (domain.md §1). */
export const jwtAsWidgetToken: Rule = {
  id: ID,
  check(config) {
    if (!looksLikeJwt(config.widgetToken)) return [];
    return [
      advisory(
        ID,
        "error",
        "widgetToken",
        "This is a JWT, i.e. a contact token, not the widget token: the widget will fail to load. Paste the widget token from Channels → AI Chat Widget; contact tokens go in user.token (Server model).",
      ),
    ];
  },
};
