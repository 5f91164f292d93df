/**
 * The doctor against the playground's own output, for random and hostile configs on both
 * versions: no generated file draws an error (what the playground tells people to paste must
 * pass its own check), and migrating a generated v4 client snippet gives the v5 snippet the
 * playground generates for the same config. Like the import's round trip, `base` is the
 * generating config: it carries what no snippet holds (the org API key, the preview switches).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary, propertyRuns } from "../config/arbitraries";
import { WIDGET_MAJORS } from "../config/versions";
import { canonical, holdsSecretLookalike, optionsFile } from "../import/test-support/canonical";
import { CLIENT_TARGETS, generateSnippet, generateSnippets } from "../snippets";
import { diagnoseText } from "./diagnose";
import { migrate } from "./migrate";

const RUNS = propertyRuns(60);

describe.each([false, true])("generated snippets (hostile strings: %s)", (hostile) => {
  it.each(WIDGET_MAJORS)("%s: no file of any snippet draws an error", (major) => {
    fc.assert(
      fc.property(configArbitrary({ hostile }), (generated) => {
        const config = { ...generated, widgetVersion: major };
        for (const snippet of generateSnippets(config)) {
          for (const file of snippet.files) {
            const errors = diagnoseText(file.code).findings.filter((f) => f.severity === "error");
            expect(errors, `${snippet.target} ${file.path}`).toEqual([]);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it.each(CLIENT_TARGETS)("%s: migrate(v4 snippet) to v5 is the v5 snippet", (target) => {
    fc.assert(
      fc.property(
        configArbitrary({ hostile }).filter((c) => !holdsSecretLookalike(c)),
        (generated) => {
          const v4 = { ...generated, widgetVersion: "v4" as const };
          const result = migrate(optionsFile(generateSnippet(target, v4)), "v5", { base: v4 });
          expect(result.ok && result.target).toBe(target);
          if (!result.ok) return;
          // What the snippet cannot tell apart reads back canonically, as in the import's round trip.
          const expected = { ...canonical(v4), widgetVersion: "v5" as const };
          expect(result.snippet).toEqual(generateSnippet(target, expected));
          expect(result.manual).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
