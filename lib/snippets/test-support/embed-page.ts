/**
 * Test support: a page for the snippets that load the embed script by code (Vue, Nuxt), on top of
 * the fakes of `fake-browser.ts`. The context's global is its `window` (as in a browser, so v4's
 * bare `initOpenScript` and v5's `window.initOpenScript` are the same function); `document` adds
 * `createElement('script')` and `head.append` to the fake document, and an appended script
 * "runs" a microtask later: the embed's initializer is defined only then, so a call before the
 * script has run throws, as it would in a browser. Every script added, every initializer call and
 * every reload is recorded.
 *
 * `serverContext` is the opposite: a server's globals, where reading any browser global records
 * the name and throws, so a test sees whether code would touch the browser during SSR.
 */
import vm from "node:vm";
import { contextFor, type FakeBrowser } from "./run-snippet";

/** A `<script>` element as the loader uses it. */
interface FakeScript {
  tagName: "SCRIPT";
  src: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
}

export interface EmbedPage {
  readonly context: vm.Context;
  /** The `src` of every script element added to the page, in order. */
  readonly scripts: string[];
  /** The options of every initializer call, in order. */
  readonly initCalls: Record<string, unknown>[];
  /** The storage's keys at each `window.location.reload()`. */
  readonly reloads: string[][];
  /** What the page logged with `console.error`. */
  readonly errors: unknown[][];
  /** How the next script loads end: run (defining the initializer) or fail. */
  scriptLoads: "run" | "fail";
}

export function embedPage(browser: FakeBrowser): EmbedPage {
  const scripts: string[] = [];
  const initCalls: Record<string, unknown>[] = [];
  const reloads: string[][] = [];
  const errors: unknown[][] = [];
  const fake = browser.document;
  const document = {
    get visibilityState() {
      return fake.visibilityState;
    },
    addEventListener: (type: string, listener: () => void) => fake.addEventListener(type, listener),
    removeEventListener: (type: string, listener: () => void) =>
      fake.removeEventListener(type, listener),
    createElement: (tag: string): FakeScript => {
      if (tag !== "script") throw new Error(`Unexpected element <${tag}>`);
      return { tagName: "SCRIPT", src: "", onload: null, onerror: null };
    },
    head: {
      append: (element: FakeScript) => {
        scripts.push(element.src);
        const outcome = page.scriptLoads;
        void Promise.resolve().then(() => {
          if (outcome === "fail") return element.onerror?.();
          // The embed defines its initializer on window, which is the global object.
          (context as Record<string, unknown>).initOpenScript = (
            options: Record<string, unknown>,
          ) => void initCalls.push(options);
          element.onload?.();
        });
      },
    },
  };
  const context = contextFor(browser, {
    document,
    location: { reload: () => void reloads.push(browser.storage.keys()) },
    console: { ...console, error: (...args: unknown[]) => void errors.push(args) },
  });
  (context as Record<string, unknown>).window = context;
  const page: EmbedPage = { context, scripts, initCalls, reloads, errors, scriptLoads: "run" };
  return page;
}

/** Browser globals a server has none of. */
export const BROWSER_GLOBALS = [
  "window",
  "self",
  "document",
  "localStorage",
  "sessionStorage",
  "navigator",
  "location",
  "fetch",
  "initOpenScript",
  "atob",
] as const;

/**
 * A server's globals: reading a browser global records its name in `touched` and throws; what
 * the code logs with `console.error` goes to `errors`.
 */
export function serverContext(touched: string[], errors: unknown[][] = []): vm.Context {
  const sandbox: Record<string, unknown> = {
    console: { ...console, error: (...args: unknown[]) => void errors.push(args) },
    setTimeout,
    clearTimeout,
    queueMicrotask,
  };
  for (const name of BROWSER_GLOBALS) {
    Object.defineProperty(sandbox, name, {
      get() {
        touched.push(name);
        throw new ReferenceError(`${name} is not defined (server-side rendering)`);
      },
    });
  }
  return vm.createContext(sandbox);
}

/** Runs CommonJS `code` in `context` with the modules `modules` holds; returns its exports. */
export function runModule(
  code: string,
  context: vm.Context,
  modules: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const require = (name: string) => {
    if (!Object.hasOwn(modules, name)) throw new Error(`The snippet imports ${name}`);
    return modules[name];
  };
  const exports: Record<string, unknown> = {};
  const run = vm.runInContext(`(function (exports, require) {\n${code}\n})`, context) as (
    e: Record<string, unknown>,
    r: (name: string) => unknown,
  ) => void;
  run(exports, require);
  return exports;
}

/** Lets every pending promise and microtask chain settle (fetch, script load, init). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
