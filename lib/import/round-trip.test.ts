/**
 * Import ∘ generate: importing any snippet this playground generated, with the
 * generating config as the base, gives back that config. Checked on every
 * client target (HTML, React, Next.js, Vue, Nuxt plugin, Svelte, SvelteKit and Angular
 * component), the editor text, and the server halves (Next.js and Nuxt routes, SvelteKit
 * endpoint, Node, Express) for the authenticate-user body.
 * Every property runs for both widget versions: the client snippets' pin gives the version
 * back; the editor text and server code have no pin and keep the base's version.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary, propertyRuns } from "../config/arbitraries";
import type { PlaygroundConfig } from "../config/options";
import { WIDGET_MAJORS } from "../config/versions";
import { toAuthenticateRequest, toWidgetConfig } from "../config/widget-config";
import { looksLikeApiKey, looksLikeJwt } from "../secrets/detect";
import { generateSnippet } from "../snippets";
import { editorSource } from "../editor/source";
import { canonical, holdsSecretLookalike, optionsFile } from "./test-support/canonical";
import { importSnippet } from "./index";

const RUNS = propertyRuns(300);

const CLIENT = [
  "html",
  "react",
  "nextjs",
  "vue",
  "nuxt",
  "svelte",
  "sveltekit",
  "angular",
] as const;
type ClientTarget = (typeof CLIENT)[number];

/** The client files of a target: the one that holds the options. */
function clientCode(target: ClientTarget, config: PlaygroundConfig): string {
  return optionsFile(generateSnippet(target, config));
}

for (const [major, hostile] of WIDGET_MAJORS.flatMap((m) =>
  [false, true].map((h) => [m, h] as const),
)) {
  const configs = configArbitrary({ hostile })
    .map((c): PlaygroundConfig => ({ ...c, widgetVersion: major }))
    .filter((c) => !holdsSecretLookalike(c));
  describe(`${major}: import(generate(config)) (${hostile ? "hostile" : "ordinary"} strings)`, () => {
    for (const target of CLIENT) {
      it(`${target}: gives back the config, with nothing reported`, () => {
        fc.assert(
          fc.property(configs, (config) => {
            const result = importSnippet(clientCode(target, config), config);
            expect(result.ok).toBe(true);
            expect(result.version.snippet).toBe(major);
            expect(result.problems).toEqual([]);
            expect(result.config).toEqual(canonical(config));
            expect(toWidgetConfig(result.config)).toEqual(toWidgetConfig(config));
          }),
          { numRuns: RUNS },
        );
      });
    }

    it("the editor text gives back the config", () => {
      fc.assert(
        fc.property(configs, (config) => {
          const result = importSnippet(editorSource(config), config);
          expect(result.problems).toEqual([]);
          expect(result.config).toEqual(canonical(config));
        }),
        { numRuns: RUNS },
      );
    });

    it("from defaults, the imported config produces the same widget options", () => {
      fc.assert(
        fc.property(configs, fc.constantFrom(...CLIENT), (config, target) => {
          const result = importSnippet(clientCode(target, config), {
            ...configDefaults,
            apiKey: config.apiKey,
          });
          expect(result.ok).toBe(true);
          expect(result.config.widgetVersion).toBe(major);
          expect(toWidgetConfig(result.config)).toEqual(toWidgetConfig(config));
        }),
        { numRuns: RUNS },
      );
    });

    it("server code (Next.js and Nuxt routes, SvelteKit endpoint, Node, Express): the authenticate-user body comes back", () => {
      const serverConfigs = configs
        .map((c) => ({ ...c, model: "server" as const }))
        .filter(
          (c) =>
            ![
              c.serverEmail,
              c.serverName,
              c.serverAvatarUrl,
              c.serverPhone,
              c.serverChatContext,
              ...c.serverCustomData.map((r) => String(r.value)),
              c.mcpAccountId,
              ...c.mcpServerIds,
            ].some((s) => looksLikeApiKey(s, c.apiKey) || looksLikeJwt(s)),
        );
      fc.assert(
        fc.property(
          serverConfigs,
          fc.constantFrom("nextjs", "nuxt", "sveltekit", "node", "express"),
          (config, target) => {
            const snippet = generateSnippet(target as "nextjs", config);
            const file = snippet.files.find(
              (f) =>
                f.code.includes("authenticate-user") &&
                !f.path.endsWith(".tsx") &&
                !f.path.endsWith(".client.ts"),
            );
            if (!file) throw new Error(`no server file in ${target}`);
            const base = {
              ...configDefaults,
              apiKey: config.apiKey,
              widgetVersion: major,
              serverEmail: PLAYGROUND_EMAIL,
            };
            const result = importSnippet(file.code, base);
            expect(result.ok).toBe(true);
            expect(result.config.model).toBe("server");
            expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
            // The body's email is the token function's parameter (the signed-in user's, known
            // only at run time): the playground keeps its own sample email.
            expect(toAuthenticateRequest(result.config)).toEqual({
              ...toAuthenticateRequest(config),
              email: PLAYGROUND_EMAIL,
            });
          },
        ),
        { numRuns: RUNS },
      );
    });
  });
}

import { defaultConfig } from "../config/options";
const configDefaults = defaultConfig();
/** The sample email the playground holds when server code is imported. */
const PLAYGROUND_EMAIL = "kept-sample@example.com";
