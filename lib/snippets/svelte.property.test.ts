/**
 * The Svelte and SvelteKit snippets through Svelte's own compiler, over random configs with
 * ordinary and hostile strings (quotes, backslashes, `</script>` in every spelling, `${`,
 * backticks, CR/LF, NUL, U+2028/2029, lone surrogates, emoji, values at their length limits).
 *
 * Every generated `OpenCxWidget.svelte` compiles with `svelte/compiler` for the client and for
 * the server with no error and no warning (`<script lang="ts">` through Svelte 5's own
 * TypeScript stripping, no preprocessor), and in both outputs, read without running them
 * (`checkCompiledComponent`): the options literal, after Svelte's parser and printer, evaluates
 * to exactly `toWidgetConfig`; loading the module calls nothing and the component calls only
 * `onMount`; the embed is the version's pinned script and the initializer the version's; the
 * sign-out helper removes exactly the widget token's keys. A SvelteKit endpoint's body
 * evaluates to `toAuthenticateRequest`. No snippet holds a sensitive value.
 *
 * A compile costs 5–25 ms, so this runs hundreds of configs, not the 10 000 of the parse-only
 * React test; the counts of each kind of trouble that reached the compiled snippets are
 * asserted, so a sample that stopped carrying one fails here.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest, toWidgetConfig } from "../config/widget-config";
import { generateSnippet } from "./index";
import { CONTACT_TOKEN_VARIABLE } from "./model";
import { expectNoSecretsFast, expectSame, TroubleCounter } from "./test-support/hostile";
import { configsWithSecrets, expectBothMajors } from "./test-support/property";
import { fileOf, bodyForEmail } from "./test-support/snippet-checks";
import { checkSvelteComponent, checkSvelteKitRoute } from "./test-support/svelte";

const BOUND_TOKEN = "«token fetched from your backend»";
const env = (config: PlaygroundConfig) =>
  config.model === "server" ? { [CONTACT_TOKEN_VARIABLE]: BOUND_TOKEN } : {};
const expected = (config: PlaygroundConfig) =>
  toWidgetConfig(config, { contactToken: BOUND_TOKEN });

/**
 * A component without its comment lines (no comment holds a value from the config). The two
 * targets' components differ only in comments, so compiling one proves both; the golden tests
 * compile every SvelteKit component too.
 */
const withoutComments = (code: string) =>
  code
    .split("\n")
    .filter((line) => !/^\s*\/\//.test(line) || line.includes("svelte-ignore"))
    .join("\n");

/** Configs per kind of strings: each costs two compiles (client and server). */
const RUNS = { ordinary: 50, hostile: 250 } as const;
/** Each kind of trouble must reach the compiled snippets at least this often in the hostile run. */
const MIN_PER_KIND = 5;

for (const kind of ["ordinary", "hostile"] as const) {
  const hostile = kind === "hostile";
  const configs = configsWithSecrets(hostile, hostile);
  const runs = RUNS[kind];

  describe(`Svelte and SvelteKit snippets, compiled (${runs} configs, ${kind} strings)`, () => {
    it("the sample covers both widget majors and v5's mcp_access", () => {
      expectBothMajors(fc.sample(configs, { numRuns: runs, seed: 3 }), runs / 10);
    });

    it("every component compiles for client and server, and its options equal toWidgetConfig; a SvelteKit endpoint's body equals toAuthenticateRequest", () => {
      const trouble = new TroubleCounter();
      let routes = 0;
      fc.assert(
        fc.property(configs, (config) => {
          const want = expected(config);
          trouble.add(want);
          const svelte = generateSnippet("svelte", config);
          const kit = generateSnippet("sveltekit", config);
          expectSame(
            checkSvelteComponent(fileOf(svelte, ".svelte"), env(config), config.widgetVersion),
            want,
            "Svelte options",
          );
          const component = fileOf(kit, "OpenCxWidget.svelte").code;
          expect(withoutComments(component)).toBe(withoutComments(fileOf(svelte, ".svelte").code));
          if (config.model === "server") {
            routes++;
            trouble.add(toAuthenticateRequest(config));
            expectSame(
              checkSvelteKitRoute(fileOf(kit, "+server.ts")),
              bodyForEmail(config),
              "SvelteKit endpoint body",
            );
          } else {
            expect(kit.files.map((f) => f.path)).toEqual([
              "src/lib/OpenCxWidget.svelte",
              "src/routes/+layout.svelte",
            ]);
          }
          for (const file of [...svelte.files, ...kit.files]) expectNoSecretsFast(file.code);
        }),
        { numRuns: runs },
      );
      console.log(
        `Svelte: ${runs} components; SvelteKit: ${runs} components and ${routes} endpoints (${kind}): ${trouble.strings} embedded strings: ${trouble.summary()}`,
      );
      expect(routes).toBeGreaterThan(runs / 8);
      if (hostile) expect(trouble.rare(MIN_PER_KIND)).toEqual([]);
    });
  });
}
