/**
 * Test support: run a generated snippet's code against the fakes of `fake-browser.ts`, each in
 * its own `vm` context whose only globals are those fakes and the (fake) clock, so the tests can
 * watch what the lifecycle code does: which keys it removes, when it asks for a token, what it
 * passes to the widget, whether it reloads.
 *
 * - `runHtmlPage`: the inline script of an HTML snippet, with `window.initOpenScript` recorded.
 * - `loadComponent` + `mount`: a React / Next.js snippet, transpiled by TypeScript, rendered by a
 *   tiny hooks runtime (one component; `useState`, `useEffect`; effects after each render; a
 *   state change re-renders in a microtask). `<Widget>` becomes a recorded element, so a test
 *   sees every render's options and whether the widget was unmounted in between.
 *
 * Timers and `Date.now()` are the test realm's, looked up at call time, so `vi.useFakeTimers()`
 * drives them.
 */
import vm from "node:vm";
import ts from "typescript";
import { generatedInlineScript } from "./snippet-checks";
import { FakeDocument, FakeStorage, TokenBackend } from "./fake-browser";

export interface FakeBrowser {
  storage: FakeStorage;
  document: FakeDocument;
  backend: TokenBackend;
}

export function fakeBrowser(storageKeys: readonly string[] = []): FakeBrowser {
  return {
    storage: new FakeStorage(storageKeys),
    document: new FakeDocument(),
    backend: new TokenBackend(),
  };
}

/** The globals every snippet context gets: the fakes and the clock of the test realm. */
export function contextFor(browser: FakeBrowser, extra: Record<string, unknown>): vm.Context {
  return vm.createContext({
    document: browser.document,
    localStorage: browser.storage,
    fetch: browser.backend.fetch,
    setTimeout: (handler: () => void, ms?: number) => setTimeout(handler, ms),
    clearTimeout: (timer?: ReturnType<typeof setTimeout>) => clearTimeout(timer),
    Date: { now: () => Date.now() },
    atob: (data: string) => atob(data),
    console,
    ...extra,
  });
}

export interface HtmlPage {
  /** The options of every `initOpenScript` call, in order. */
  readonly initCalls: Record<string, unknown>[];
  /** The storage's keys at each `window.location.reload()`. */
  readonly reloads: string[][];
  /** Fires DOMContentLoaded and waits for its handlers. */
  load(): Promise<void>;
  /** Calls a function the script declared at its top level (what the host page calls). */
  call(name: string): unknown;
}

/** Runs the inline script of `html` in a fresh context. */
export function runHtmlPage(html: string, browser: FakeBrowser): HtmlPage {
  const initCalls: Record<string, unknown>[] = [];
  const reloads: string[][] = [];
  const handlers: (() => unknown)[] = [];
  const initOpenScript = (options: Record<string, unknown>) => initCalls.push(options);
  const window = {
    addEventListener: (type: string, handler: () => unknown) => {
      if (type !== "DOMContentLoaded") throw new Error(`Unexpected window listener ${type}`);
      handlers.push(handler);
    },
    initOpenScript,
    location: { reload: () => reloads.push(browser.storage.keys()) },
  };
  const context = contextFor(browser, { window, initOpenScript });
  vm.runInContext(generatedInlineScript(html), context);
  return {
    initCalls,
    reloads,
    load: async () => {
      for (const handler of handlers) await handler();
    },
    call: (name: string) => {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== "function") throw new Error(`The page declares no function ${name}`);
      return (fn as () => unknown)();
    },
  };
}

/** What `<Widget …>` (and any other element) renders as here. */
export interface FakeElement {
  type: unknown;
  key: string | null;
  props: Record<string, unknown>;
}

/** The element type `@opencx/widget-react`'s `Widget` (and Next's dynamic import of it) stands for. */
export const WIDGET = { name: "Widget" };

type Component = (props: Record<string, unknown>) => FakeElement | null;

interface EffectSlot {
  deps: readonly unknown[] | undefined;
  cleanup: (() => void) | undefined;
}

/** One mounted component and its hooks. */
export class MountedComponent {
  /** What each render returned, in order. */
  readonly renders: (FakeElement | null)[] = [];
  private readonly states: unknown[] = [];
  private readonly setters: ((value: unknown) => void)[] = [];
  private readonly effects: (EffectSlot | undefined)[] = [];
  private pending: (() => void)[] = [];
  private stateCursor = 0;
  private effectCursor = 0;
  private scheduled = false;
  private unmounted = false;

  constructor(
    private readonly component: Component,
    private props: Record<string, unknown>,
  ) {}

  /** The last render. */
  get current(): FakeElement | null {
    return this.renders.at(-1) ?? null;
  }

  render(): void {
    if (this.unmounted) return;
    this.stateCursor = 0;
    this.effectCursor = 0;
    this.renders.push(rendering(this, () => this.component(this.props)));
    const effects = this.pending;
    this.pending = [];
    for (const run of effects) run();
  }

  setProps(props: Record<string, unknown>): void {
    this.props = props;
    this.render();
  }

  unmount(): void {
    this.unmounted = true;
    for (const slot of this.effects) slot?.cleanup?.();
  }

  useState(initial: unknown): [unknown, (value: unknown) => void] {
    const index = this.stateCursor++;
    if (!(index in this.states)) {
      this.states[index] = initial;
      this.setters[index] = (value: unknown) => {
        if (Object.is(value, this.states[index])) return;
        this.states[index] = value;
        this.schedule();
      };
    }
    return [this.states[index], this.setters[index]!];
  }

  useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void {
    const index = this.effectCursor++;
    const previous = this.effects[index];
    const changed =
      previous === undefined ||
      deps === undefined ||
      previous.deps === undefined ||
      deps.some((dep, i) => !Object.is(dep, previous.deps![i]));
    if (!changed) return;
    this.pending.push(() => {
      previous?.cleanup?.();
      const cleanup = effect();
      this.effects[index] = { deps, cleanup: typeof cleanup === "function" ? cleanup : undefined };
    });
  }

  private schedule(): void {
    if (this.scheduled || this.unmounted) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.render();
    });
  }
}

let active: MountedComponent | null = null;

/** Runs `render` with `component` as the one whose hooks are called. */
function rendering<T>(component: MountedComponent, render: () => T): T {
  active = component;
  try {
    return render();
  } finally {
    active = null;
  }
}

function activeComponent(): MountedComponent {
  if (!active) throw new Error("A hook was called outside a render");
  return active;
}

const FAKE_MODULES: Readonly<Record<string, unknown>> = {
  react: {
    useState: (initial: unknown) => activeComponent().useState(initial),
    useEffect: (effect: () => void | (() => void), deps?: readonly unknown[]) =>
      activeComponent().useEffect(effect, deps),
  },
  "react/jsx-runtime": {
    jsx: (type: unknown, props: Record<string, unknown>, key?: string) => ({
      type,
      props,
      key: key ?? null,
    }),
  },
  "@opencx/widget-react": { Widget: WIDGET },
  "next/dynamic": { default: () => WIDGET, __esModule: true },
};

/** Transpiles a React / Next.js snippet file and returns its exports, run in `browser`. */
export function loadComponent(tsx: string, browser: FakeBrowser): Record<string, unknown> {
  const { outputText } = ts.transpileModule(tsx, {
    fileName: "support-widget.tsx",
    compilerOptions: {
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  const require = (name: string) => {
    if (!(name in FAKE_MODULES)) throw new Error(`The snippet imports ${name}`);
    return FAKE_MODULES[name];
  };
  const exports: Record<string, unknown> = {};
  const context = contextFor(browser, {});
  const run = vm.runInContext(`(function (exports, require) {\n${outputText}\n})`, context) as (
    e: Record<string, unknown>,
    r: (name: string) => unknown,
  ) => void;
  run(exports, require);
  return exports;
}

/** Renders the snippet's `SupportWidget` with `props` and runs its effects. */
export function mount(
  exports: Record<string, unknown>,
  props: Record<string, unknown> = {},
): MountedComponent {
  const component = exports.SupportWidget;
  if (typeof component !== "function") throw new Error("The snippet exports no SupportWidget");
  const mounted = new MountedComponent(component as Component, props);
  mounted.render();
  return mounted;
}

/** Lets pending promises (a fetch, a state change) settle without moving the clock. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
