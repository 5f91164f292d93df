import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "../config/arbitraries";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { importSnippet, type ImportProblem, type ImportResult } from "../import";
import { editorSource } from "./source";
import {
  initialSync,
  sameConfig,
  stepSync,
  SYNC_MESSAGES,
  type SyncEffect,
  type SyncEvent,
  type SyncState,
} from "./sync-machine";

const BASE = defaultConfig();
const OTHER: PlaygroundConfig = { ...BASE, language: "de" };
const ERROR: ImportProblem = { severity: "error", path: "", message: "Syntax error.", range: null };
const WARNING: ImportProblem = {
  severity: "warning",
  path: "foo",
  message: "`foo` is not a widget option. Left out.",
  range: { start: 0, end: 3 },
};

const result = (
  config: PlaygroundConfig,
  problems: ImportProblem[] = [],
  ok = true,
): ImportResult => ({
  ok,
  kind: "options",
  config,
  problems,
  mapped: [],
  settings: [],
  version: { snippet: null, pin: null, applied: config.widgetVersion },
});

const state = (patch: Partial<SyncState> = {}): SyncState => ({ ...initialSync(BASE), ...patch });

/** The `write` of `config` as every outside change and discard performs it. */
const writeOf = (config: PlaygroundConfig): SyncEffect[] => [
  { type: "cancel-read" },
  { type: "show-problems", problems: [] },
  { type: "write", text: editorSource(config) },
];

describe("stepSync", () => {
  const cases: {
    name: string;
    from: SyncState;
    event: SyncEvent;
    to: Partial<SyncState>;
    effects: SyncEffect[];
  }[] = [
    {
      name: "an edit holds the text and (re)starts the debounce",
      from: state(),
      event: { type: "edit" },
      to: { status: "pending", held: true, reading: true },
      effects: [{ type: "schedule-read" }],
    },
    {
      name: "an edit keeps a raised conflict",
      from: state({ status: "invalid", held: true, conflict: true, valid: false }),
      event: { type: "edit" },
      to: { status: "pending", held: true, conflict: true, reading: true, valid: false },
      effects: [{ type: "schedule-read" }],
    },
    {
      name: "a valid read of new options applies them",
      from: state({ status: "pending", held: true, reading: true }),
      event: { type: "read", text: editorSource(OTHER), base: BASE, result: result(OTHER) },
      to: { status: "synced", held: false, reading: false, seen: OTHER },
      effects: [
        { type: "cancel-read" },
        { type: "show-problems", problems: [] },
        { type: "apply", config: OTHER },
      ],
    },
    {
      name: "a valid read of other text for the same options applies nothing and says applied",
      from: state({ status: "pending", held: true, reading: true }),
      event: {
        type: "read",
        text: `${editorSource(BASE)}\n`,
        base: BASE,
        result: result({ ...BASE }),
      },
      to: { status: "applied", held: false, reading: false, seen: BASE },
      effects: [{ type: "cancel-read" }, { type: "show-problems", problems: [] }],
    },
    {
      name: "a valid read with parts left out applies the rest and keeps the edit held",
      from: state({ status: "pending", held: true, reading: true, conflict: true }),
      event: { type: "read", text: "…", base: BASE, result: result(OTHER, [WARNING]) },
      to: { status: "applied", held: true, conflict: true, reading: false, seen: OTHER },
      effects: [
        { type: "cancel-read" },
        { type: "show-problems", problems: [WARNING] },
        { type: "apply", config: OTHER },
      ],
    },
    {
      name: "a valid read with nothing left out ends a conflict",
      from: state({ status: "pending", held: true, reading: true, conflict: true }),
      event: { type: "read", text: editorSource(BASE), base: BASE, result: result(BASE) },
      to: { status: "synced", held: false, conflict: false, reading: false },
      effects: [{ type: "cancel-read" }, { type: "show-problems", problems: [] }],
    },
    {
      name: "the first invalid read changes nothing in the store and is announced",
      from: state({ status: "pending", held: true, reading: true }),
      event: { type: "read", text: "{", base: BASE, result: result(BASE, [ERROR], false) },
      to: { status: "invalid", held: true, reading: false, valid: false },
      effects: [
        { type: "cancel-read" },
        { type: "show-problems", problems: [ERROR] },
        { type: "announce", message: SYNC_MESSAGES.invalid },
      ],
    },
    {
      name: "an error in a result that parsed still applies nothing",
      from: state({ status: "pending", held: true, reading: true }),
      event: { type: "read", text: "…", base: BASE, result: result(OTHER, [ERROR, WARNING]) },
      to: { status: "invalid", held: true, reading: false, valid: false },
      effects: [
        { type: "cancel-read" },
        { type: "show-problems", problems: [ERROR, WARNING] },
        { type: "announce", message: SYNC_MESSAGES.invalid },
      ],
    },
    {
      name: "a second invalid read is not announced again",
      from: state({ status: "pending", held: true, reading: true, valid: false }),
      event: { type: "read", text: "{", base: BASE, result: result(BASE, [ERROR], false) },
      to: { status: "invalid", held: true, reading: false, valid: false },
      effects: [{ type: "cancel-read" }, { type: "show-problems", problems: [ERROR] }],
    },
    {
      name: "valid again is announced",
      from: state({ status: "pending", held: true, reading: true, valid: false }),
      event: { type: "read", text: editorSource(OTHER), base: BASE, result: result(OTHER) },
      to: { status: "synced", held: false, reading: false, valid: true, seen: OTHER },
      effects: [
        { type: "cancel-read" },
        { type: "show-problems", problems: [] },
        { type: "apply", config: OTHER },
        { type: "announce", message: SYNC_MESSAGES.validAgain },
      ],
    },
    {
      name: "an outside change rewrites a text that holds nothing",
      from: state({ status: "applied" }),
      event: { type: "outside", config: OTHER },
      to: { status: "synced", seen: OTHER },
      effects: writeOf(OTHER),
    },
    {
      name: "the editor's own change coming back from the store does nothing",
      from: state({ seen: OTHER }),
      event: { type: "outside", config: OTHER },
      to: { seen: OTHER },
      effects: [],
    },
    {
      name: "an outside change never overwrites a pending edit: a conflict instead",
      from: state({ status: "pending", held: true, reading: true }),
      event: { type: "outside", config: OTHER },
      to: { status: "pending", held: true, reading: true, conflict: true },
      effects: [],
    },
    {
      name: "nor an invalid one",
      from: state({ status: "invalid", held: true, valid: false }),
      event: { type: "outside", config: OTHER },
      to: { status: "invalid", held: true, valid: false, conflict: true },
      effects: [],
    },
    {
      name: "discard rewrites the text from the store, ends everything held, and says so",
      from: state({ status: "invalid", held: true, conflict: true, valid: false, reading: true }),
      event: { type: "discard", config: OTHER },
      to: { status: "synced", seen: OTHER },
      effects: [
        ...writeOf(OTHER),
        { type: "announce", message: SYNC_MESSAGES.discarded },
        { type: "focus" },
      ],
    },
  ];

  it.each(cases)("$name", ({ from, event, to, effects }) => {
    const step = stepSync(from, event);
    expect(step.state).toEqual(state(to));
    expect(step.effects).toEqual(effects);
  });

  it("does not change the state it is given", () => {
    const from = state({ status: "pending", held: true, reading: true });
    const copy = structuredClone(from);
    for (const event of cases.map((c) => c.event)) stepSync(from, event);
    expect(from).toEqual(copy);
  });
});

describe("sameConfig", () => {
  it("compares option values, not identity", () => {
    expect(sameConfig(BASE, { ...BASE })).toBe(true);
    expect(sameConfig(BASE, OTHER)).toBe(false);
    expect(sameConfig(BASE, { ...BASE, extraFields: [...BASE.extraFields, "phone"] })).toBe(false);
  });
});

/**
 * The machine with a model of the editor around it, performing its effects as
 * `use-editor-sync.ts` does: the text, the store (whose changes come back as `outside`
 * events), the debounce, and the real `importSnippet`.
 */
class Simulated {
  text: string;
  store: PlaygroundConfig;
  state: SyncState;
  debouncing = false;
  announced: string[] = [];

  constructor(config: PlaygroundConfig) {
    this.text = editorSource(config);
    this.store = config;
    this.state = initialSync(config);
  }

  dispatch(event: SyncEvent) {
    const step = stepSync(this.state, event);
    this.state = step.state;
    for (const effect of step.effects) {
      if (effect.type === "schedule-read") this.debouncing = true;
      else if (effect.type === "cancel-read") this.debouncing = false;
      else if (effect.type === "write") this.text = effect.text;
      else if (effect.type === "announce") this.announced.push(effect.message);
      else if (effect.type === "apply") this.changeStore(effect.config);
    }
  }

  changeStore(config: PlaygroundConfig) {
    const previous = this.store;
    this.store = config;
    if (config !== previous) this.dispatch({ type: "outside", config });
  }

  type(text: string) {
    this.text = text;
    this.dispatch({ type: "edit" });
  }

  fire() {
    if (!this.debouncing) return;
    this.debouncing = false;
    const base = this.store;
    this.dispatch({ type: "read", text: this.text, base, result: importSnippet(this.text, base) });
  }
}

type Action =
  | { kind: "type"; edit: (text: string, store: PlaygroundConfig) => string }
  | { kind: "fire" }
  | { kind: "outside"; config: PlaygroundConfig }
  | { kind: "discard" };

const editArbitrary: fc.Arbitrary<(text: string, store: PlaygroundConfig) => string> = fc.oneof(
  // Another config's text: valid.
  configArbitrary().map((c) => () => editorSource(c)),
  // Back to the store's own text.
  fc.constant((_: string, store: PlaygroundConfig) => editorSource(store)),
  // A character deleted: usually invalid.
  fc.nat().map((n) => (text: string) => {
    const i = n % Math.max(text.length, 1);
    return text.slice(0, i) + text.slice(i + 1);
  }),
  // An option the playground cannot show: valid, with a part left out.
  fc.constant((text: string) => text.replace("= {\n", "= {\n  foo: bar,\n")),
  // A blank line: valid, the same options, not the canonical text.
  fc.constant((text: string) => text.replace("= {\n", "= {\n\n")),
);

const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: editArbitrary.map((edit) => ({ kind: "type" as const, edit })) },
  { weight: 3, arbitrary: fc.constant({ kind: "fire" as const }) },
  {
    weight: 2,
    arbitrary: configArbitrary().map((config) => ({ kind: "outside" as const, config })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "discard" as const }) },
);

const journeys = fc.tuple(configArbitrary(), fc.array(actionArbitrary, { maxLength: 12 }));

describe("the sync over random journeys", () => {
  it("never overwrites a held edit with an outside change, and after discard the text is the store's", () => {
    fc.assert(
      fc.property(journeys, ([start, actions]) => {
        const editor = new Simulated(start);
        for (const action of actions) {
          if (action.kind === "type") editor.type(action.edit(editor.text, editor.store));
          else if (action.kind === "fire") editor.fire();
          else if (action.kind === "outside") {
            const held = editor.state.held;
            const before = editor.text;
            editor.changeStore(action.config);
            if (held) {
              expect(editor.text).toBe(before);
              expect(editor.state.conflict).toBe(true);
            } else {
              expect(editor.text).toBe(editorSource(action.config));
            }
          } else {
            editor.dispatch({ type: "discard", config: editor.store });
            expect(editor.text).toBe(editorSource(editor.store));
            expect(editor.state).toMatchObject({ held: false, conflict: false, status: "synced" });
          }
          // Invariants after every step.
          expect(editor.state.reading).toBe(editor.debouncing);
          expect(editor.state.status === "pending").toBe(editor.state.reading);
          if (editor.state.conflict) expect(editor.state.held).toBe(true);
          if (editor.state.status === "synced") {
            expect(editor.state.held).toBe(false);
            expect(editor.text).toBe(editorSource(editor.store));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("lets only a valid read change the store, and what it leaves unheld reads back as the store", () => {
    fc.assert(
      fc.property(journeys, ([start, actions]) => {
        const editor = new Simulated(start);
        for (const action of actions) {
          if (action.kind !== "fire") {
            if (action.kind === "type") editor.type(action.edit(editor.text, editor.store));
            else if (action.kind === "outside") editor.changeStore(action.config);
            else editor.dispatch({ type: "discard", config: editor.store });
            continue;
          }
          const before = editor.store;
          const reading = editor.debouncing;
          const read = importSnippet(editor.text, before);
          editor.fire();
          const valid = read.ok && !read.problems.some((p) => p.severity === "error");
          if (!reading || !valid) expect(editor.store).toBe(before);
          else expect(sameConfig(editor.store, read.config)).toBe(true);
          if (reading && !editor.state.held) {
            expect(sameConfig(importSnippet(editor.text, editor.store).config, editor.store)).toBe(
              true,
            );
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("announces each change between valid and invalid once", () => {
    const editor = new Simulated(BASE);
    editor.type("const options = {");
    editor.fire();
    editor.type("const options = {{");
    editor.fire();
    expect(editor.announced).toEqual([SYNC_MESSAGES.invalid]);
    editor.type(editorSource(OTHER));
    editor.fire();
    expect(editor.announced).toEqual([SYNC_MESSAGES.invalid, SYNC_MESSAGES.validAgain]);
    expect(editor.store.language).toBe("de");
    expect(editor.state.status).toBe("synced");
  });
});
