/**
 * The Angular component, compiled by Angular's own compiler (ngtsc, `@angular/compiler-cli`,
 * test-support/angular.ts) with strict templates and TypeScript's strict mode, and run:
 *
 * - Every golden component (each fixture config in each major, read from `__fixtures__`, which
 *   golden.test.ts holds equal to the generator), and random and hostile configs (strings with
 *   quotes, backslashes, `</script>`, `${`, backticks, CR/LF, NUL, U+2028/2029, lone surrogates,
 *   emoji, values at their length limits), compile with no diagnostic. One ngtsc program per
 *   widget major (each major declares the embed's initializer differently: v5 a member of
 *   `window`, v4 a global function, so a shared program would let one file's declaration satisfy
 *   another's call); the cost is loading `@angular/core`'s declarations, once per program.
 * - The options object in the emitted JavaScript evaluates, without running anything, to
 *   `toWidgetConfig(config)`; the embed is the version's; the sign-out helper removes exactly the
 *   widget token's keys.
 * - The emitted module, evaluated with the real `@angular/core` where a server has no browser
 *   globals (reading one is recorded and throws), defines the component and constructs it
 *   without touching the browser: the widget starts only from the `afterNextRender` callback,
 *   which Angular never runs on a server, and which the test runs to play the browser's render.
 * - On the fake page of embed-page.ts: one pinned script and one initializer call with
 *   `toWidgetConfig`, once however many components are created; sign-out and switching user as
 *   each version needs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { mintsWithMcpAccess, toWidgetConfig } from "../config/widget-config";
import { WIDGET_MAJORS, type WidgetMajor } from "../config/versions";
import {
  ANGULAR_COMPONENT_CLASS,
  ANGULAR_COMPONENT_PATH,
  ANGULAR_SELECTOR,
  ANGULAR_STARTED_FLAG,
} from "./angular-snippet";
import { SCRIPT_URL_CONST, START_FAILED } from "./embed-module";
import { generateSnippet } from "./index";
import { CONTACT_TOKEN_VARIABLE, embedScriptUrl } from "./model";
import { compileAngular, loadAngular, type AngularCompilation } from "./test-support/angular";
import { embedPage, flush, serverContext, type EmbedPage } from "./test-support/embed-page";
import { FIXTURES_DIR, loadFixtureCases } from "./test-support/fixtures";
import { expectNoSecretsFast, expectSame, TroubleCounter } from "./test-support/hostile";
import { evaluateVariable, parseSource } from "./test-support/literal-eval";
import { configsWithSecrets, expectBothMajors } from "./test-support/property";
import { fakeBrowser, type FakeBrowser } from "./test-support/run-snippet";
import { checkClearStorage } from "./test-support/snippet-checks";

/** Random configs compiled per kind of string (ordinary; hostile and extreme). */
const RANDOM_RUNS = 40;
const SEED = Math.floor(Math.random() * 2 ** 31);
const BOUND_TOKEN = "«token fetched from your backend»";

const TOKEN = "wt_life";
const OWN = `opencx-widget:org-token-${TOKEN}:`;
const OTHER = "opencx-widget:org-token-wt_other:";
const STORED = [
  "theme",
  `${OWN}contact-token`,
  `${OWN}external-contact-id`,
  `${OWN}active-session`,
  `${OTHER}contact-token`,
  `${OWN}companion-layout`,
];
/** What each version's sign-out leaves (domain-v5.md §18): v4 removes its two keys, v5 the namespace. */
const KEPT = {
  v4: ["theme", `${OWN}active-session`, `${OTHER}contact-token`, `${OWN}companion-layout`],
  v5: ["theme", `${OTHER}contact-token`],
} as const;
const MODELS = ["anonymous", "collect", "browser", "server"] as const;
type Model = (typeof MODELS)[number];

const configFor = (major: WidgetMajor, model: Model): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: TOKEN,
  serverEmail: "jane@example.com",
  userEmail: "jane@example.com",
  widgetVersion: major,
  model,
});
const codeOf = (config: PlaygroundConfig) => generateSnippet("angular", config).files[0]!.code;

/** One component to compile: where it came from, its config and its source. */
interface Case {
  name: string;
  config: PlaygroundConfig;
  code: string;
}

const fixtureCases: Case[] = loadFixtureCases().map(({ dir, config }) => ({
  name: `fixture/${dir}`,
  config,
  code: readFileSync(join(FIXTURES_DIR, dir, "angular", ANGULAR_COMPONENT_PATH), "utf8"),
}));
const randomConfigs = [
  ...fc.sample(configsWithSecrets(false), { numRuns: RANDOM_RUNS, seed: SEED }),
  ...fc.sample(configsWithSecrets(true, true), { numRuns: RANDOM_RUNS, seed: SEED + 1 }),
];
const randomCases: Case[] = randomConfigs.map((config, i) => ({
  name: `random/${i}`,
  config,
  code: codeOf(config),
}));
/** v5, verified, personal connections: a token minted with mcp_access, renewed by the page. */
const RENEWING: PlaygroundConfig = {
  ...configFor("v5", "server"),
  personalConnections: true,
  streaming: true,
  capabilitiesConnections: true,
};
const namedCases: Case[] = [
  ...WIDGET_MAJORS.flatMap((major) =>
    MODELS.map((model) => {
      const config = configFor(major, model);
      return { name: `named/${major}-${model}`, config, code: codeOf(config) };
    }),
  ),
  { name: "named/v5-renewing", config: RENEWING, code: codeOf(RENEWING) },
];

/** The same component, started in its constructor instead of `afterNextRender`. */
function eager(code: string): string {
  const changed = code
    .replace("afterNextRender(() => {", "(() => {")
    .replace(/\n {4}\}\);\n/, "\n    })();\n");
  if (changed === code) throw new Error("The component has no afterNextRender call to change");
  return changed;
}

/**
 * Components that must not compile, each in the program of `major`, with the diagnostic ngtsc
 * must report: proof that the compilation sees the version, Angular's declarations and strict
 * template type-checking.
 */
const MUTANTS: { name: string; major: WidgetMajor; code: string; error: RegExp }[] = [
  {
    // v4's bare call with v5's declaration (a member of window) in a program of v5 components.
    name: "mutant/v4-with-v5-declaration",
    major: "v5",
    code: codeOf(configFor("v4", "anonymous")).replace(
      /^ {2}function (initOpenScript\(.*\): void;)$/m,
      "  interface Window {\n    $1\n  }",
    ),
    error: /Cannot find name 'initOpenScript'/,
  },
  {
    name: "mutant/misspelt-hook",
    major: "v4",
    code: codeOf(configFor("v4", "server")).replaceAll("afterNextRender", "afterNextRendr"),
    error: /afterNextRendr/,
  },
  {
    // Only strict templates type `$event` as the DOM event (strictDomEventTypes).
    name: "mutant/strict-template",
    major: "v5",
    code: codeOf(configFor("v5", "anonymous")).replace(
      "template: '',",
      "template: '<p (click)=\"$event.notAnEventMember\"></p>',",
    ),
    error: /notAnEventMember/,
  },
  {
    // An unknown element: Angular's own diagnostic (NG8001), not TypeScript's.
    name: "mutant/unknown-element",
    major: "v4",
    code: codeOf(configFor("v4", "collect")).replace(
      "template: '',",
      "template: '<opencx-nope />',",
    ),
    error: /'opencx-nope' is not a known element/,
  },
];
const EAGER = { name: "eager/v5-server", code: eager(codeOf(configFor("v5", "server"))) };

const fileName = (name: string) => `${name}/opencx-widget.ts`;

let compiled: AngularCompilation;

beforeAll(() => {
  const started = performance.now();
  const programs = WIDGET_MAJORS.map((major) => {
    const files = new Map<string, string>();
    for (const c of [...fixtureCases, ...randomCases, ...namedCases]) {
      if (c.config.widgetVersion === major) files.set(fileName(c.name), c.code);
    }
    for (const m of MUTANTS) if (m.major === major) files.set(fileName(m.name), m.code);
    if (major === "v5") files.set(fileName(EAGER.name), EAGER.code);
    return compileAngular(files);
  });
  const compileMs = performance.now() - started;
  compiled = {
    diagnostics: programs.flatMap((p) => p.diagnostics),
    js: new Map(programs.flatMap((p) => [...p.js])),
  };
  const count = compiled.js.size;
  console.log(`Angular: ngtsc compiled ${count} components in ${Math.round(compileMs)} ms`);
}, 120_000);

const jsOf = (name: string) => {
  const js = compiled.js.get(fileName(name));
  if (js === undefined) throw new Error(`ngtsc emitted nothing for ${name}`);
  return js;
};
const diagnosticsOf = (name: string) =>
  compiled.diagnostics.filter((d) => d.startsWith(`${fileName(name)}:`));

const env = (config: PlaygroundConfig) =>
  config.model === "server" ? { [CONTACT_TOKEN_VARIABLE]: BOUND_TOKEN } : {};
const expected = (config: PlaygroundConfig) =>
  toWidgetConfig(config, { contactToken: BOUND_TOKEN });

/**
 * The emitted JavaScript of one component: the embed as its version documents it (the pinned URL,
 * one initializer call, `window.initOpenScript(options)` on v5 and `initOpenScript(options)` on
 * v4), the sign-out helper's keys, and the options, evaluated without running anything.
 */
function optionsIn(js: string, config: PlaygroundConfig): unknown {
  const source = parseSource(js, "opencx-widget.js");
  const major = config.widgetVersion;
  expect(evaluateVariable(source, SCRIPT_URL_CONST)).toBe(embedScriptUrl(major));
  expect(js.match(/(?:window\.)?initOpenScript\(options\);/g)).toEqual([
    major === "v5" ? "window.initOpenScript(options);" : "initOpenScript(options);",
  ]);
  const options = evaluateVariable(source, "options", env(config));
  checkClearStorage(source, toWidgetConfig(config).token, major);
  return options;
}

describe("Angular: ngtsc compiles the component, strict, and its options equal toWidgetConfig", () => {
  it(`the golden components (${fixtureCases.length}) and ${2 * RANDOM_RUNS} random and hostile ones compile with no diagnostic (seed ${SEED})`, () => {
    const cases = [...fixtureCases, ...randomCases, ...namedCases];
    // Both majors in the random draw. mcp_access is about 6 % of these configs, too few in 80 to
    // ask for 3 every time (a random draw fell short about one run in seven), so it is counted
    // over every compiled case: the fixtures and the named v5-renewing case mint with it.
    expectBothMajors(randomConfigs, 10, 0);
    expect(cases.filter((c) => mintsWithMcpAccess(c.config)).length).toBeGreaterThanOrEqual(3);
    const own = compiled.diagnostics.filter(
      (d) => !d.startsWith("mutant/") && !d.startsWith("eager/"),
    );
    expect(own).toEqual([]);
    for (const c of cases) expect(jsOf(c.name), c.name).toContain("ɵɵdefineComponent");
  });

  it("the compilation sees the version, Angular's declarations and strict templates", () => {
    for (const mutant of MUTANTS) {
      expect(diagnosticsOf(mutant.name).join("\n"), mutant.name).toMatch(mutant.error);
    }
    // The eager copy compiles; only its import of the hook it no longer calls is unused.
    expect(diagnosticsOf(EAGER.name)).toEqual([
      expect.stringMatching(/:8:10 'afterNextRender' is declared but its value is never read\.$/),
    ]);
  });

  it(`the golden components' options (${fixtureCases.length}) equal toWidgetConfig`, () => {
    for (const c of fixtureCases) {
      expectSame(optionsIn(jsOf(c.name), c.config), expected(c.config), c.name);
    }
  });

  it(`random and hostile configs (seed ${SEED}): the compiled options equal toWidgetConfig`, () => {
    const trouble = new TroubleCounter();
    for (const c of randomCases) {
      const want = expected(c.config);
      trouble.add(want);
      expectSame(optionsIn(jsOf(c.name), c.config), want, `${c.name} (seed ${SEED})`);
      expectNoSecretsFast(c.code);
    }
    console.log(`Angular: ${randomCases.length} random components: ${trouble.summary()}`);
  });

  it("the component: standalone, its selector, an empty template, in src/app", () => {
    const snippet = generateSnippet("angular", configFor("v5", "server"));
    expect(snippet.label).toBe("Angular");
    expect(snippet.install).toBeUndefined();
    expect(snippet.files.map((f) => [f.path, f.language])).toEqual([
      ["src/app/opencx-widget.ts", "ts"],
    ]);
    const { exports } = loadAngular(jsOf("named/v5-server"), embedPage(fakeBrowser()).context);
    const definition = (exports[ANGULAR_COMPONENT_CLASS] as { ɵcmp: Record<string, unknown> }).ɵcmp;
    expect(definition.selectors).toEqual([[ANGULAR_SELECTOR]]);
    expect(definition.standalone).toBe(true);
    // No element, no binding: the component renders nothing.
    expect([definition.decls, definition.vars]).toEqual([0, 0]);
  });
});

describe("Angular: no widget work on a server; afterNextRender starts it in the browser", () => {
  it("every golden and random component loads and is created without touching a browser global", async () => {
    for (const c of [...fixtureCases, ...randomCases]) {
      const touched: string[] = [];
      const errors: unknown[][] = [];
      const { exports, hooks } = loadAngular(jsOf(c.name), serverContext(touched, errors));
      const Widget = exports[ANGULAR_COMPONENT_CLASS] as new () => unknown;
      new Widget();
      new Widget();
      await flush();
      expect([touched, errors], c.name).toEqual([[], []]);
      // Each component registers its start with afterNextRender, which a server never runs.
      expect(hooks.callbacks, c.name).toHaveLength(2);
    }
  });

  it("notices a component that starts the widget in its constructor", async () => {
    const touched: string[] = [];
    const errors: unknown[][] = [];
    const { exports } = loadAngular(jsOf(EAGER.name), serverContext(touched, errors));
    new (exports[ANGULAR_COMPONENT_CLASS] as new () => unknown)();
    await flush();
    expect(touched).toContain("fetch");
    expect(errors.map((e) => e[0])).toEqual([START_FAILED]);
  });
});

/** One page running the compiled component. */
interface Page {
  page: EmbedPage;
  browser: FakeBrowser;
  /** Creates a component and runs its render callbacks, as the browser's first render does. */
  start(): Promise<void>;
  /** A function the app imports from the component's file. */
  call(name: string): Promise<unknown>;
}

function openPage(name: string, browser = fakeBrowser()): Page {
  const page = embedPage(browser);
  const { exports, hooks } = loadAngular(jsOf(name), page.context);
  const Widget = exports[ANGULAR_COMPONENT_CLASS] as new () => unknown;
  return {
    page,
    browser,
    start: async () => {
      const before = hooks.callbacks.length;
      new Widget();
      for (const callback of hooks.callbacks.slice(before)) callback();
      await flush();
    },
    call: async (fn) => {
      const exported = exports[fn];
      if (typeof exported !== "function") throw new Error(`The component exports no ${fn}`);
      const result = (exported as () => unknown)();
      await flush();
      return result;
    },
  };
}

describe("Angular in the browser: one widget, started once, and the version's lifecycle", () => {
  for (const major of WIDGET_MAJORS) {
    for (const model of MODELS) {
      const name = `named/${major}-${model}`;
      const config = configFor(major, model);
      it(`${major} ${model}: one pinned script, one initializer call with toWidgetConfig, however many components`, async () => {
        const { page, browser, start } = openPage(name);
        await flush();
        expect(page.scripts).toEqual([]);
        await start();
        expect(page.scripts).toEqual([embedScriptUrl(major)]);
        const token = model === "server" ? browser.backend.minted[0] : undefined;
        expect(page.initCalls).toEqual([
          toWidgetConfig(config, token === undefined ? {} : { contactToken: token }),
        ]);
        expect(page.errors).toEqual([]);
        await start();
        expect(page.scripts).toHaveLength(1);
        expect(page.initCalls).toHaveLength(1);
        expect(browser.backend.requests).toHaveLength(model === "server" ? 1 : 0);
      });

      it(`${major} ${model}: restartOpenCxWidget() clears the widget token's keys, then reloads`, async () => {
        const { page, start, call } = openPage(name, fakeBrowser(STORED));
        await start();
        await call("restartOpenCxWidget");
        expect(page.reloads).toEqual([KEPT[major]]);
        const inPlace = major === "v5" && model === "server";
        if (!inPlace)
          await expect(call("updateOpenCxWidgetUser")).rejects.toThrow(/no updateOpenCxWidgetUser/);
      });
    }
  }

  it("v5 verified: another user's token goes to the same widget after the keys are cleared, without a reload", async () => {
    const { page, browser, start, call } = openPage("named/v5-server", fakeBrowser(STORED));
    await start();
    let keysAtRequest: string[] = [];
    browser.backend.onRequest = () => (keysAtRequest = browser.storage.keys());
    browser.backend.user = "B";
    await call("updateOpenCxWidgetUser");
    expect(keysAtRequest).toEqual(KEPT.v5);
    expect(browser.backend.mintedFor).toEqual(["A", "B"]);
    expect(page.initCalls).toEqual(
      browser.backend.minted.map((token) =>
        toWidgetConfig(configFor("v5", "server"), { contactToken: token }),
      ),
    );
    expect(page.scripts).toHaveLength(1);
    expect(page.reloads).toEqual([]);
  });

  it("verified and signed out: no script is loaded and no widget starts", async () => {
    for (const major of WIDGET_MAJORS) {
      const browser = fakeBrowser();
      browser.backend.mode = { kind: "signed-out" };
      const { page, start } = openPage(`named/${major}-server`, browser);
      await start();
      expect(browser.backend.requests).toHaveLength(1);
      expect([page.scripts, page.initCalls, page.errors]).toEqual([[], [], []]);
    }
  });

  it("a script that fails to load is logged, and the next component tries again", async () => {
    const { page, start } = openPage("named/v4-anonymous");
    page.scriptLoads = "fail";
    await start();
    expect(page.initCalls).toEqual([]);
    expect(page.errors.map((e) => e[0])).toEqual([START_FAILED]);
    expect(String(page.errors[0]![1])).toContain("The OpenCX widget script did not load");
    page.scriptLoads = "run";
    await start();
    expect(page.scripts).toHaveLength(2);
    expect(page.initCalls).toHaveLength(1);
  });

  it(`the once-per-page flag is ${ANGULAR_STARTED_FLAG}, false until the first render`, () => {
    const source = parseSource(jsOf("named/v5-anonymous"), "opencx-widget.js");
    expect(evaluateVariable(source, ANGULAR_STARTED_FLAG)).toBe(false);
    const declared = source.statements.filter(
      (s) =>
        ts.isVariableStatement(s) &&
        s.declarationList.declarations.some((d) => d.name.getText(source) === ANGULAR_STARTED_FLAG),
    );
    expect(declared).toHaveLength(1);
  });
});

const MINUTE = 60 * 1000;

describe("renewal of a token minted with mcp_access (v5): into the same widget", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 1_800_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const advance = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await flush();
  };

  it("renews at 80 % of the lifetime and hands the new token to the same widget, one timer at a time", async () => {
    const { page, browser, start, call } = openPage("named/v5-renewing");
    await start();
    await advance(48 * MINUTE - 1);
    expect(browser.backend.requests).toHaveLength(1);
    await advance(1);
    expect(browser.backend.requests).toHaveLength(2);
    expect(page.initCalls).toEqual(
      browser.backend.minted.map((token) => toWidgetConfig(RENEWING, { contactToken: token })),
    );
    expect([page.scripts.length, page.reloads]).toEqual([1, []]);
    expect(vi.getTimerCount()).toBe(1);
    // Another user: their token replaces the renewal, still one timer and one listener.
    browser.backend.user = "B";
    await call("updateOpenCxWidgetUser");
    expect(vi.getTimerCount()).toBe(1);
    expect(browser.document.listenerCount("visibilitychange")).toBe(1);
  });

  it("chat-only, v4 and non-verified pages set no timer and no listener", async () => {
    for (const name of ["named/v5-server", "named/v4-server", "named/v5-browser"]) {
      const { browser, start } = openPage(name);
      await start();
      expect(vi.getTimerCount(), name).toBe(0);
      expect(browser.document.listenerCount("visibilitychange"), name).toBe(0);
    }
  });
});
