/**
 * Properties of the client snippets (HTML, React, Next.js) over random
 * configs: each parses, the options object inside evaluates (without running
 * anything else) to exactly what the widget would receive (ordinary strings
 * here; hostile strings, 10 000 configs, in hostile-client.property.test.ts),
 * secrets never appear, and generation is deterministic (both kinds).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import { generateSnippet, generateSnippets } from "./index";
import { CONTACT_TOKEN_VARIABLE } from "./model";
import {
  configsWithSecrets,
  expectBothMajors,
  expectNoSecrets,
  RUNS,
} from "./test-support/property";
import {
  bodyForEmail,
  checkComponent,
  checkHtml,
  checkServerJs,
  fileOf,
} from "./test-support/snippet-checks";

/** What the token variable is bound to when the options are evaluated. */
const BOUND_TOKEN = "«token fetched from your backend»";

const env = (config: PlaygroundConfig) =>
  config.model === "server" ? { [CONTACT_TOKEN_VARIABLE]: BOUND_TOKEN } : {};

for (const hostile of [false, true]) {
  const configs = configsWithSecrets(hostile);
  const kind = hostile ? "hostile" : "ordinary";

  describe(`client snippets (${kind} strings)`, () => {
    it("the generated configs cover both widget majors and v5's mcp_access", () => {
      expectBothMajors(fc.sample(configs, { numRuns: RUNS, seed: 2 }), RUNS / 10);
    });

    if (!hostile) {
      it("HTML: parse5 sees exactly the generated script, and its options equal toWidgetConfig", () => {
        fc.assert(
          fc.property(configs, (config) => {
            const options = checkHtml(
              generateSnippet("html", config),
              env(config),
              config.widgetVersion,
            );
            expect(options).toEqual(toWidgetConfig(config, { contactToken: BOUND_TOKEN }));
          }),
          { numRuns: RUNS },
        );
      });

      it("React and Next.js: the TSX parses and its options equal toWidgetConfig", () => {
        fc.assert(
          fc.property(configs, (config) => {
            const expected = toWidgetConfig(config, { contactToken: BOUND_TOKEN });
            expect(
              checkComponent(
                fileOf(generateSnippet("react", config), ".tsx"),
                env(config),
                config.widgetVersion,
              ),
            ).toEqual(expected);
            const next = generateSnippet("nextjs", config);
            expect(checkComponent(fileOf(next, ".tsx"), env(config), config.widgetVersion)).toEqual(
              expected,
            );
            if (config.model === "server") {
              expect(checkServerJs(fileOf(next, "route.ts"))).toEqual(bodyForEmail(config));
            } else {
              expect(next.files).toHaveLength(1);
            }
          }),
          { numRuns: RUNS },
        );
      });
    }

    it("no snippet contains a sensitive value, and generation is deterministic", () => {
      fc.assert(
        fc.property(configs, (config) => {
          const snippets = generateSnippets(config);
          for (const snippet of snippets)
            for (const file of snippet.files) expectNoSecrets(file.code);
          expect(generateSnippets(structuredClone(config))).toEqual(snippets);
        }),
        { numRuns: RUNS },
      );
    });
  });
}
