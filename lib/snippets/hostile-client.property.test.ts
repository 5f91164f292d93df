/**
 * The client snippets (HTML, React, Next.js) under hostile input, at volume:
 * 10 000 random configs per run whose strings hold quotes, backslashes,
 * `</script>` in every spelling, `<!--`, `${`, backticks, CR/LF, NUL,
 * U+2028/2029, lone surrogates, emoji and values at their length limits.
 * Every snippet still parses (parse5 for the HTML, the TypeScript parser for
 * the code) and the options literal inside still evaluates, without running
 * anything, to exactly `toWidgetConfig` (and a Next.js route's body to
 * `toAuthenticateRequest` with its `email` parameter), and the sign-out helper, run against a fake
 * localStorage, removes exactly the widget token's keys (`checkClearStorage`). The
 * counts of each kind of trouble are asserted (in the widget tokens too), so a
 * generator that stopped producing one would fail here.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import { generateSnippet } from "./index";
import { CONTACT_TOKEN_VARIABLE } from "./model";
import { expectNoSecretsFast, expectSame, TroubleCounter } from "./test-support/hostile";
import { configsWithSecrets, expectBothMajors } from "./test-support/property";
import {
  bodyForEmail,
  checkComponent,
  checkHtml,
  checkServerJs,
  fileOf,
} from "./test-support/snippet-checks";

const RUNS = 10_000;
/** Each kind of trouble must reach the snippets at least this often per run. */
const MIN_PER_KIND = 50;
/** Each kind of trouble must reach the sign-out helper's widget token at least this often per run. */
const MIN_PER_TOKEN_KIND = 10;
const BOUND_TOKEN = "«token fetched from your backend»";

const configs = configsWithSecrets(true, true);
const env = (config: PlaygroundConfig) =>
  config.model === "server" ? { [CONTACT_TOKEN_VARIABLE]: BOUND_TOKEN } : {};
const expected = (config: PlaygroundConfig) =>
  toWidgetConfig(config, { contactToken: BOUND_TOKEN });

describe(`client snippets under hostile input (${RUNS} configs per target)`, () => {
  it("HTML: parse5 sees exactly the generated inline script, its options equal toWidgetConfig, and its sign-out helper removes exactly that widget token's keys", () => {
    const trouble = new TroubleCounter();
    // The sign-out helper embeds the widget token in its key prefix: prove hostile tokens got there.
    const tokens = new TroubleCounter();
    fc.assert(
      fc.property(configs, (config) => {
        const want = expected(config);
        trouble.add(want);
        tokens.add(want.token);
        const snippet = generateSnippet("html", config);
        expectSame(
          checkHtml(snippet, env(config), config.widgetVersion, config.loading),
          want,
          "HTML options",
        );
        expectNoSecretsFast(fileOf(snippet, ".html").code);
      }),
      { numRuns: RUNS },
    );
    console.log(
      `HTML: ${RUNS} snippets, ${trouble.strings} embedded strings: ${trouble.summary()}`,
    );
    expect(trouble.rare(MIN_PER_KIND)).toEqual([]);
    console.log(`HTML: widget tokens in the sign-out helper: ${tokens.summary()}`);
    // About 4 in 1 000 widget tokens reach the length limit; every other kind is far more common.
    expect(tokens.rare(MIN_PER_TOKEN_KIND)).toEqual([]);
  });

  it("the sample covers both widget majors and v5's mcp_access", () => {
    expectBothMajors(fc.sample(configs, { numRuns: 2000, seed: 1 }), 200);
  });

  it("React and Next.js: the TSX parses and its options equal toWidgetConfig; the route's body equals toAuthenticateRequest with the signed-in user's email", () => {
    let routes = 0;
    fc.assert(
      fc.property(configs, (config) => {
        const want = expected(config);
        const react = generateSnippet("react", config);
        expectSame(
          checkComponent(fileOf(react, ".tsx"), env(config), config.widgetVersion, config.loading),
          want,
          "React options",
        );
        const next = generateSnippet("nextjs", config);
        expectSame(
          checkComponent(fileOf(next, ".tsx"), env(config), config.widgetVersion, config.loading),
          want,
          "Next.js options",
        );
        if (config.model === "server") {
          routes++;
          expectSame(
            checkServerJs(fileOf(next, "route.ts")),
            bodyForEmail(config),
            "Next.js route body",
          );
        }
        for (const file of [...react.files, ...next.files]) expectNoSecretsFast(file.code);
      }),
      { numRuns: RUNS },
    );
    console.log(`React: ${RUNS} snippets; Next.js: ${RUNS} pages and ${routes} route handlers`);
    expect(routes).toBeGreaterThan(RUNS / 8);
  });
});
