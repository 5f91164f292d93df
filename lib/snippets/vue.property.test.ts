/**
 * The Vue component and the Nuxt plugin over random and hostile configs (strings with quotes,
 * backslashes, `</script>` in every spelling, `<!--`, `${`, backticks, CR/LF, NUL, U+2028/2029,
 * lone surrogates, emoji, values at their length limits):
 *
 * - Vue, compiled: `@vue/compiler-sfc` parses the component into exactly the generated blocks and
 *   compiles it with the template inlined, `typescript` transpiles the result, and the options
 *   object in the compiled output evaluates, without running anything, to `toWidgetConfig`.
 *   A compile costs about 10 ms, so this runs on 80 configs per kind of string.
 * - Vue, at volume: the SFC parser's blocks (the place a hostile string could break out of the
 *   `<script>` element) and the options in the `<script>` block, for thousands of configs, with
 *   the counts of each kind of trouble asserted.
 * - Nuxt: the plugin's options, and the server route's authenticate-user body, which equals
 *   `toAuthenticateRequest`, at volume.
 *
 * Every case also runs the sign-out helper against a fake storage (`checkClearStorage`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import { generateSnippet } from "./index";
import { CONTACT_TOKEN_VARIABLE } from "./model";
import { expectNoSecretsFast, expectSame, TroubleCounter } from "./test-support/hostile";
import { configsWithSecrets, expectBothMajors } from "./test-support/property";
import { bodyForEmail, checkServerJs, fileOf } from "./test-support/snippet-checks";
import { compileSfc, toCommonJs } from "./test-support/vue";
import { checkNuxtPlugin, checkVue } from "./test-support/vue-checks";

/** Compiled by the Vue compiler, per kind of string. */
const COMPILED_RUNS = 80;
/** Parsed by the SFC parser and TypeScript, hostile strings (about 5 ms a component). */
const VUE_VOLUME_RUNS = 600;
/** Parsed by TypeScript, hostile strings. */
const NUXT_VOLUME_RUNS = 1000;
/** Each kind of trouble must reach the Nuxt plugins at least this often in its run. */
const MIN_PER_KIND = 5;
const BOUND_TOKEN = "«token fetched from your backend»";

const env = (config: PlaygroundConfig) =>
  config.model === "server" ? { [CONTACT_TOKEN_VARIABLE]: BOUND_TOKEN } : {};
const expected = (config: PlaygroundConfig) =>
  toWidgetConfig(config, { contactToken: BOUND_TOKEN });

describe("Vue and Nuxt snippets under random and hostile configs", () => {
  it("the samples cover both widget majors and v5's mcp_access", () => {
    expectBothMajors(fc.sample(configsWithSecrets(false), { numRuns: COMPILED_RUNS, seed: 3 }), 12);
    expectBothMajors(fc.sample(configsWithSecrets(true, true), { numRuns: 2000, seed: 4 }), 200);
  });

  for (const hostile of [false, true]) {
    it(`Vue (${hostile ? "hostile" : "ordinary"} strings): compiled by @vue/compiler-sfc and transpiled by TypeScript, its options equal toWidgetConfig`, () => {
      fc.assert(
        fc.property(configsWithSecrets(hostile, hostile), (config) => {
          const snippet = generateSnippet("vue", config);
          expectSame(
            checkVue(snippet, env(config), config.widgetVersion),
            expected(config),
            "Vue options",
          );
          // The compiled module is valid TypeScript for the TypeScript compiler too.
          toCommonJs(compileSfc(fileOf(snippet, ".vue").code).code, "SupportWidget.ts");
        }),
        { numRuns: COMPILED_RUNS },
      );
    });
  }

  it(`Vue (${VUE_VOLUME_RUNS} hostile configs): the SFC parser sees exactly the generated blocks, and the options equal toWidgetConfig`, () => {
    const trouble = new TroubleCounter();
    fc.assert(
      fc.property(configsWithSecrets(true, true), (config) => {
        const want = expected(config);
        trouble.add(want);
        const snippet = generateSnippet("vue", config);
        expectSame(
          checkVue(snippet, env(config), config.widgetVersion, { compile: false }),
          want,
          "Vue options",
        );
        expectNoSecretsFast(fileOf(snippet, ".vue").code);
      }),
      { numRuns: VUE_VOLUME_RUNS },
    );
    console.log(
      `Vue: ${VUE_VOLUME_RUNS} components, ${trouble.strings} strings: ${trouble.summary()}`,
    );
    // Every kind reached the component; values at their length limit are the rarest (about 1.5 %
    // of configs, so about 9 here).
    expect(trouble.rare(1)).toEqual([]);
  });

  it(`Nuxt (${NUXT_VOLUME_RUNS} hostile configs): the plugin's options equal toWidgetConfig; the route's body equals toAuthenticateRequest`, () => {
    const trouble = new TroubleCounter();
    let routes = 0;
    fc.assert(
      fc.property(configsWithSecrets(true, true), (config) => {
        const want = expected(config);
        trouble.add(want);
        const snippet = generateSnippet("nuxt", config);
        expectSame(checkNuxtPlugin(snippet, env(config), config.widgetVersion), want, "Nuxt");
        if (config.model === "server") {
          routes++;
          expectSame(
            checkServerJs(fileOf(snippet, ".post.ts")),
            bodyForEmail(config),
            "Nuxt route body",
          );
        } else {
          expect(snippet.files).toHaveLength(1);
        }
        for (const file of snippet.files) expectNoSecretsFast(file.code);
      }),
      { numRuns: NUXT_VOLUME_RUNS },
    );
    console.log(`Nuxt: ${NUXT_VOLUME_RUNS} plugins, ${routes} routes: ${trouble.summary()}`);
    expect(trouble.rare(MIN_PER_KIND)).toEqual([]);
    expect(routes).toBeGreaterThan(NUXT_VOLUME_RUNS / 8);
  });
});
