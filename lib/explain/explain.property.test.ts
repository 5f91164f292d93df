import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary, propertyRuns } from "../config/arbitraries";
import {
  defaultConfig,
  OPTION_KEYS,
  type OptionKey,
  type PlaygroundConfig,
} from "../config/options";
import { generateSnippet } from "../snippets/index";
import { applicableTargets } from "../snippets/targets";
import { SNIPPET_TARGETS, type SnippetTarget } from "../snippets/types";
import {
  changedOptions,
  explainChanges,
  explainSnippetChange,
  type SnippetChange,
} from "./explain";
import { splitCodeLines } from "./line-diff";
import { changeSummary, reasonFor } from "./reasons";

/** A config and a change to it: some options (at least one) take another config's values. */
const changeArbitrary = (hostile: boolean) =>
  fc
    .tuple(
      configArbitrary({ hostile }),
      configArbitrary({ hostile }),
      fc.subarray([...OPTION_KEYS], { minLength: 1, maxLength: 4 }),
    )
    .map(([before, other, keys]) => {
      const after = { ...before } as Record<OptionKey, unknown>;
      for (const key of keys) after[key] = other[key];
      return { before, after: after as PlaygroundConfig };
    });

const targetArbitrary = fc.constantFrom(...SNIPPET_TARGETS);

/** The same config with its keys (and its rows' keys) in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T;
}

/** The new file's text rebuilt from the old one and the hunks: proves the hunks are the whole diff. */
function applyHunks(
  oldCode: string | undefined,
  newCode: string,
  change: SnippetChange,
  path: string,
) {
  const oldLines = oldCode === undefined ? [] : splitCodeLines(oldCode);
  const newLines = splitCodeLines(newCode);
  const file = change.files.find((f) => f.path === path);
  if (!file) return oldLines;
  const out: string[] = [];
  let at = 0;
  for (const hunk of file.hunks) {
    out.push(...oldLines.slice(at, hunk.before.start));
    expect(hunk.removed).toEqual(oldLines.slice(hunk.before.start, hunk.before.end));
    out.push(...newLines.slice(hunk.after.start, hunk.after.end));
    at = hunk.before.end;
  }
  out.push(...oldLines.slice(at));
  return out;
}

const gen = (target: SnippetTarget) => (config: PlaygroundConfig) =>
  generateSnippet(target, config);

describe("explainSnippetChange", () => {
  for (const hostile of [false, true]) {
    const kind = hostile ? "hostile" : "ordinary";

    it(`names, for every changed line, at least one option that changed, and the hunks rebuild the new text (${kind})`, () => {
      fc.assert(
        fc.property(changeArbitrary(hostile), targetArbitrary, ({ before, after }, target) => {
          const changed = new Set(changedOptions(before, after));
          const change = explainSnippetChange(before, after, gen(target));
          const oldSnippet = generateSnippet(target, before);
          const newSnippet = generateSnippet(target, after);
          const same =
            JSON.stringify(oldSnippet.files) === JSON.stringify(newSnippet.files) &&
            oldSnippet.install === newSnippet.install;
          expect(change === null).toBe(same);
          if (!change) return;
          for (const file of change.files) {
            expect(file.hunks.length).toBeGreaterThan(0);
            for (const hunk of file.hunks) {
              expect(hunk.after.end - hunk.after.start + hunk.removed.length).toBeGreaterThan(0);
              expect(hunk.options.length).toBeGreaterThan(0);
              for (const key of hunk.options) expect(changed.has(key)).toBe(true);
              expect(hunk.lineOptions).toHaveLength(hunk.after.end - hunk.after.start);
              expect(hunk.removedOptions).toHaveLength(hunk.removed.length);
              for (const keys of [...hunk.lineOptions, ...hunk.removedOptions]) {
                expect(keys.length).toBeGreaterThan(0);
                for (const key of keys) expect(hunk.options).toContain(key);
              }
            }
          }
          for (const removed of change.removedFiles) {
            expect(removed.options.length).toBeGreaterThan(0);
            for (const key of removed.options) expect(changed.has(key)).toBe(true);
          }
          for (const file of newSnippet.files) {
            const old = oldSnippet.files.find((f) => f.path === file.path);
            expect(applyHunks(old?.code, file.code, change, file.path)).toEqual(
              splitCodeLines(file.code),
            );
          }
          expect(change.removedFiles.map((f) => f.path)).toEqual(
            oldSnippet.files
              .filter((f) => !newSnippet.files.some((n) => n.path === f.path))
              .map((f) => f.path),
          );
          expect(change.install !== null).toBe(oldSnippet.install !== newSnippet.install);
        }),
        { numRuns: propertyRuns(hostile ? 150 : 300) },
      );
    });

    it(`gives no marks for an unchanged config, even with its keys in another order (${kind})`, () => {
      fc.assert(
        fc.property(configArbitrary({ hostile }), targetArbitrary, (config, target) => {
          expect(explainSnippetChange(config, { ...config }, gen(target))).toBeNull();
          expect(explainSnippetChange(config, reversedKeys(config), gen(target))).toBeNull();
        }),
        { numRuns: propertyRuns(100) },
      );
    });

    it(`attributes the same lines to the same options whatever the order of the configs' keys (${kind})`, () => {
      fc.assert(
        fc.property(changeArbitrary(hostile), ({ before, after }) => {
          const targets = applicableTargets(after);
          const straight = explainChanges(before, after, targets, generateSnippet);
          const reversed = explainChanges(
            reversedKeys(before),
            reversedKeys(after),
            targets,
            generateSnippet,
          );
          expect(reversed).toEqual(straight);
        }),
        { numRuns: propertyRuns(60) },
      );
    });
  }

  it("blames a single changed option for everything that changed", () => {
    fc.assert(
      fc.property(changeArbitrary(false), targetArbitrary, ({ before, after }, target) => {
        const changed = changedOptions(before, after);
        fc.pre(changed.length === 1);
        const change = explainSnippetChange(before, after, gen(target));
        if (!change) return;
        expect(change.options).toEqual(changed);
        for (const file of change.files)
          for (const h of file.hunks) expect(h.options).toEqual(changed);
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe("explained examples", () => {
  // A plain config from the option table's defaults, with the values each example needs.
  const base = defaultConfig();
  const plain = (overrides: Partial<PlaygroundConfig>): PlaygroundConfig => ({
    ...base,
    widgetVersion: "v5",
    model: "collect",
    widgetToken: "tok_123",
    collectUserData: true,
    prefillName: "",
    prefillEmail: "",
    extraFields: [],
    externalId: "",
    primaryColor: "#2563eb",
    ...overrides,
  });

  it("switching collectUserData off on the browser model names collectUserData and says what it does", () => {
    const before = plain({ model: "browser", collectUserData: true, userEmail: "" });
    const after = { ...before, collectUserData: false };
    const change = explainSnippetChange(before, after, gen("html"));
    expect(change?.options).toEqual(["collectUserData"]);
    expect(reasonFor("collectUserData", after, before)).toBe(
      "collectUserData on → the widget asks for name and email before the chat",
    );
    expect(changeSummary("HTML", change!, before, after)).toMatch(
      /^HTML snippet: (\d+ lines? changed|\d+ lines? removed)(, \d+ lines? removed)?\. collectUserData off → no welcome form: the chat opens at once\.$/,
    );
  });

  it("a model switch to verified names the model, adds the server targets and says the key moves", () => {
    const before = plain({ model: "collect" });
    const after = { ...before, model: "server" as const };
    const changes = explainChanges(before, after, applicableTargets(after), generateSnippet);
    expect(changes.html?.options).toContain("model");
    const html = changes.html!.files[0]!;
    expect(html.hunks.flatMap((h) => h.lineOptions.flat())).toContain("model");
    expect(reasonFor("model", before, after)).toBe(
      "verified → the org API key moves to your server; the page only receives the token",
    );
  });

  it("two options changed together: the colour's line is the colour's, the token's line the token's", () => {
    const before = plain({});
    const after = { ...before, primaryColor: "#dc2626", widgetToken: "tok_456" };
    const change = explainSnippetChange(before, after, gen("html"))!;
    const lines = splitCodeLines(generateSnippet("html", after).files[0]!.code);
    const blamed = new Map<string, OptionKey[]>();
    for (const hunk of change.files[0]!.hunks)
      for (let l = hunk.after.start; l < hunk.after.end; l++)
        blamed.set(lines[l]!, hunk.lineOptions[l - hunk.after.start]!);
    const colourLine = [...blamed.keys()].find((l) => l.includes("#dc2626"));
    const tokenLine = [...blamed.keys()].find((l) => l.includes("tok_456"));
    expect(colourLine && blamed.get(colourLine)).toEqual(["primaryColor"]);
    expect(tokenLine && blamed.get(tokenLine)).toEqual(["widgetToken"]);
  });

  it("a preview-only setting changes no snippet", () => {
    const before = plain({});
    const after = { ...before, orgName: `${before.orgName}x`, agentName: `${before.agentName}y` };
    const changes = explainChanges(before, after, applicableTargets(after), generateSnippet);
    expect(changes).toEqual({});
  });

  it("the version switch changes the install command of React and names the version", () => {
    const before = plain({});
    const after = { ...before, widgetVersion: "v4" as const };
    const change = explainSnippetChange(before, after, gen("react"))!;
    expect(change.install).toEqual(["widgetVersion"]);
    expect(reasonFor("widgetVersion", before, after)).toMatch(/^widget v4 → pinned @4\.0\.63/);
  });

  const TYPED_MARK = "Qz9typed";
  const TYPED_KEYS = ["userEmail", "serverEmail", "contactToken", "apiKey"] as const;
  const markTyped = (config: PlaygroundConfig): PlaygroundConfig => {
    const marked = { ...config };
    for (const key of TYPED_KEYS)
      if (marked[key]) marked[key] = `${TYPED_MARK}${marked[key]}${TYPED_MARK}`;
    return marked;
  };

  it("every option has a reason that names it and says what it does, for both values", () => {
    fc.assert(
      fc.property(configArbitrary(), configArbitrary(), (a, b) => {
        for (const key of OPTION_KEYS) {
          for (const [from, to] of [
            [a, b],
            [b, a],
          ] as const) {
            expect(reasonFor(key, from, to)).toMatch(/^\S.* → \S/);
            // Typed values are never repeated: only fixed choices are named. A typed
            // value can be an ordinary word ("name") that a fixed text also holds, so
            // each typed value is marked at both ends and no mark may reach the reason.
            const marked = reasonFor(key, markTyped(from), markTyped(to));
            expect(marked).not.toContain(TYPED_MARK);
          }
        }
      }),
      { numRuns: propertyRuns(30) },
    );
  });
});
