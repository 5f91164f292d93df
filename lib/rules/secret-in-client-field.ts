import { OPTIONS } from "../config/options";
import { advisory, clientFieldValues, looksLikeApiKey } from "./helpers";
import type { Rule } from "./types";

const ID = "secret-in-client-field";

/** An org API key (or the config's own apiKey) in a field that ends up in the page (domain.md §1, §15.1). */
export const secretInClientField: Rule = {
  id: ID,
  check(config) {
    return clientFieldValues(config)
      .filter(({ values }) => values.some((v) => looksLikeApiKey(v, config.apiKey)))
      .map(({ option }) =>
        advisory(
          ID,
          "error",
          option,
          `${OPTIONS[option].label} looks like an org API key, and the widget options are public page code anyone can read. Keep the key on your server and revoke it if it was published.`,
        ),
      );
  },
};
