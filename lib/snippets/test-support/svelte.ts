/**
 * Test support: the Svelte snippets through Svelte's own toolchain (the `svelte` dev dependency).
 *
 * - `compileSvelte`: `svelte/compiler`'s `compile`, client or server. `<script lang="ts">` needs
 *   no preprocessor: Svelte 5 strips TypeScript's type syntax itself. Any warning fails (none is
 *   accepted today: `ACCEPTED_WARNINGS`).
 * - `checkSvelteComponent`: both compiled outputs read back without running them: the options
 *   literal (after Svelte's parser and printer) evaluated with the literal evaluator, the
 *   initializer call each version documents, the sign-out helper run against a fake storage,
 *   and the structure that keeps the start in `onMount` (`checkStartsOnlyOnMount`).
 * - `renderOnServer`: the server output loaded as a module and rendered with `render` from
 *   `svelte/server`, while every browser global is a trap that records any read.
 * - `openSveltePage`: the client output loaded as a module and mounted by Svelte's real client
 *   runtime (`mount`, `flushSync`) in a minimal fake DOM, with the fakes of `fake-browser.ts`
 *   (storage, visibility, the integrator's token endpoint) as the page's globals and the embed
 *   script "loading" when its element is added: defining `initOpenScript`, which records calls.
 *
 * Compiled modules are written under `node_modules/.cache/` (so `svelte/internal/*` resolves from
 * them and Node imports them natively), one file per load, and removed once imported.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compile } from "svelte/compiler";
import ts from "typescript";
import { onTestFinished } from "vitest";
import type { WidgetMajor } from "../../config/versions";
import { LOAD_EMBED_FUNCTION } from "../svelte-snippet";
import { embedScriptUrl } from "../model";
import type { SnippetFile } from "../types";
import type { FakeBrowser } from "./run-snippet";
import { evaluateVariable, parseSource, syntaxErrors, type Env } from "./literal-eval";
import { checkClearStorage, EMAIL_ARGUMENT } from "./snippet-checks";

export type Generate = "client" | "server";

/** Warning codes the tests let through; a new one must be listed here with a reason. */
export const ACCEPTED_WARNINGS: readonly string[] = [];

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The JavaScript Svelte's compiler makes of `code`; throws on an error or an unlisted warning. */
export function compileSvelte(code: string, filename: string, generate: Generate): string {
  const result = compile(code, { filename, generate });
  const warnings = result.warnings.filter((w) => !ACCEPTED_WARNINGS.includes(w.code));
  assert(
    warnings.length === 0,
    `${filename} (${generate}): ${warnings.map((w) => `${w.code}: ${w.message}`).join("\n")}`,
  );
  return result.js.code;
}

// ---------------------------------------------------------------------------------------------
// Reading the compiled output.

/** The text of a call's callee, e.g. `$.push`, `onMount`, `window.initOpenScript`. */
function calleeText(source: ts.SourceFile, call: ts.CallExpression): string {
  return call.expression.getText(source);
}

/** Every call in `node` that runs when `node` runs: nested function bodies are not entered. */
function callsRunBy(
  node: ts.Node,
  enter: (call: ts.CallExpression) => boolean,
): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n) && n !== node) return;
    if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n)) {
      if (!ts.isCallExpression(n)) throw new Error(`${ts.SyntaxKind[n.kind]} at load time`);
      out.push(n);
      ts.forEachChild(n.expression, visit);
      for (const argument of n.arguments) {
        // A callback the call runs now: its body runs too.
        if (enter(n) && ts.isArrowFunction(argument)) ts.forEachChild(argument.body, visit);
        else visit(argument);
      }
      return;
    }
    if (ts.isAwaitExpression(n)) throw new Error("await at load time");
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(node, visit);
  return out;
}

/**
 * What runs before `onMount`, read from the compiled module: loading it calls nothing (every
 * top-level statement is an import, a function or a variable whose initializer calls nothing),
 * and the component function calls only Svelte's bookkeeping and `onMount`, once, whose
 * callback (not entered here) is then the only way in to the widget code. On the server, the
 * callback `$$renderer.component(…)` runs during the render, so its body is checked too.
 */
export function checkStartsOnlyOnMount(source: ts.SourceFile, generate: Generate): void {
  const allowed =
    generate === "client"
      ? ["$.push", "$.pop", "$.init", "onMount"]
      : ["$$renderer.component", "onMount"];
  let component: ts.FunctionDeclaration | undefined;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) continue;
    if (ts.isFunctionDeclaration(statement)) {
      const isDefault = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (isDefault) component = statement;
      continue;
    }
    assert(ts.isVariableStatement(statement), `Top-level ${ts.SyntaxKind[statement.kind]}`);
    const calls = callsRunBy(statement, () => false);
    assert(
      calls.length === 0,
      `Loading the module calls ${calls.map((c) => calleeText(source, c)).join(", ")}`,
    );
  }
  assert(component !== undefined, "No default export: the component");
  const calls = callsRunBy(
    component,
    (call) => calleeText(source, call) === "$$renderer.component",
  );
  const names = calls.map((c) => calleeText(source, c));
  const unexpected = names.filter((n) => !allowed.includes(n));
  assert(unexpected.length === 0, `The component calls ${unexpected.join(", ")} when it renders`);
  assert(
    names.filter((n) => n === "onMount").length === 1,
    `The component does not call onMount once: ${names.join(", ")}`,
  );
}

/** The `initOpenScript(…)` calls in `source`, by callee text. */
function initCalls(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && /initOpenScript$/.test(calleeText(source, n)))
      out.push(n.getText(source));
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

/**
 * A compiled component (client or server output): it parses, loading it runs nothing and its
 * start is in onMount, it loads exactly `major`'s pinned embed script and calls the
 * initializer that version documents exactly once in the text (v5 `window.initOpenScript`, v4
 * the bare global), and its sign-out helper removes exactly the widget token's keys. Returns the
 * options literal evaluated with `env`.
 */
export function checkCompiledComponent(
  js: string,
  generate: Generate,
  env: Env,
  major: WidgetMajor,
): unknown {
  const source = parseSource(js, `component.${generate}.js`);
  const errors = syntaxErrors(source);
  assert(errors.length === 0, `Compiled output does not parse:\n${errors.join("\n")}\n${js}`);
  checkStartsOnlyOnMount(source, generate);
  assert(
    evaluateVariable(source, "EMBED_SCRIPT_URL") === embedScriptUrl(major),
    "The component does not load the embed pinned for its version",
  );
  const call = major === "v5" ? "window.initOpenScript(options)" : "initOpenScript(options)";
  assert(
    JSON.stringify(initCalls(source)) === JSON.stringify([call]),
    `Expected one ${call}, found ${JSON.stringify(initCalls(source))}`,
  );
  assert(js.includes(`function ${LOAD_EMBED_FUNCTION}()`), "No embed loader");
  const options = evaluateVariable(source, "options", env);
  const token = (options as { token?: unknown }).token;
  assert(typeof token === "string", "The options have no widget token");
  checkClearStorage(source, token, major);
  return options;
}

/**
 * A generated `.svelte` component: both compiled outputs pass `checkCompiledComponent` and
 * carry the same options. Returns them.
 */
export function checkSvelteComponent(file: SnippetFile, env: Env, major: WidgetMajor): unknown {
  assert(file.path.endsWith(".svelte"), `${file.path} is not a Svelte component`);
  const client = checkCompiledComponent(
    compileSvelte(file.code, file.path, "client"),
    "client",
    env,
    major,
  );
  const server = checkCompiledComponent(
    compileSvelte(file.code, file.path, "server"),
    "server",
    env,
    major,
  );
  assert(JSON.stringify(client) === JSON.stringify(server), "Client and server options differ");
  return client;
}

// ---------------------------------------------------------------------------------------------
// Loading compiled modules.

const require = createRequire(import.meta.url);
const SVELTE_DIR = dirname(require.resolve("svelte/package.json"));
/** The browser build of `svelte` (its `browser` export condition, which Node does not apply). */
const SVELTE_CLIENT = pathToFileURL(join(SVELTE_DIR, "src/index-client.js")).href;
const SVELTE_SERVER = pathToFileURL(join(SVELTE_DIR, "src/index-server.js")).href;
const SVELTE_RENDER = pathToFileURL(join(SVELTE_DIR, "src/server/index.js")).href;

const MODULE_DIR = fileURLToPath(
  new URL(`../../../node_modules/.cache/opencx-svelte-snippets-${process.pid}`, import.meta.url),
);
let serial = 0;

/** Writes `js` as a new module file (fresh module state on every load) and returns its URL. */
function writeModule(js: string): string {
  mkdirSync(MODULE_DIR, { recursive: true });
  const path = join(MODULE_DIR, `component-${++serial}.mjs`);
  writeFileSync(path, js);
  return pathToFileURL(path).href;
}

/**
 * Imports the module at `url` (and what it imports), then removes every module file written so
 * far: once loaded, Node keeps them in memory.
 */
async function importOnce<T>(url: string): Promise<T> {
  try {
    return (await import(url)) as T;
  } finally {
    rmSync(MODULE_DIR, { recursive: true, force: true });
  }
}

/** Replaces the module specifier `from` in every import of `js` (it must occur). */
function rewriteImport(js: string, from: string, to: string): string {
  const pattern = ` from '${from}';`;
  assert(js.includes(pattern), `The compiled module does not import ${from}`);
  return js.split(pattern).join(` from '${to}';`);
}

// ---------------------------------------------------------------------------------------------
// Server rendering.

/** What server-side rendering must never read. */
export const BROWSER_GLOBALS = [
  "window",
  "document",
  "localStorage",
  "sessionStorage",
  "navigator",
  "location",
  "fetch",
  "initOpenScript",
] as const;

/** Runs `body` with every browser global a getter that records its name and throws. */
async function withTrappedGlobals<T>(
  body: () => Promise<T>,
): Promise<{ value: T; read: string[] }> {
  const read: string[] = [];
  const saved = BROWSER_GLOBALS.map(
    (name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const,
  );
  for (const name of BROWSER_GLOBALS) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        read.push(name);
        throw new ReferenceError(`${name} is not defined (server-side rendering)`);
      },
    });
  }
  try {
    return { value: await body(), read };
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  }
}

export interface ServerRender {
  head: string;
  body: string;
  /** The body without Svelte's hydration markers (`<!--[-->`, `<!--]-->`, `<!---->`). */
  content: string;
  /** The browser globals read while the modules loaded and rendered (must be none). */
  read: string[];
}

/** The page content the layout renders around the widget in `renderOnServer`. */
export const PAGE_CONTENT = "<main>The page</main>";

/**
 * Server-side rendering of a component (and, for SvelteKit, of the root layout that imports it
 * as `$lib/OpenCxWidget.svelte`, rendered with `PAGE_CONTENT` as its children), each compiled for
 * the server, loaded and rendered while the browser globals are traps.
 */
export async function renderOnServer(component: string, layout?: string): Promise<ServerRender> {
  const render = (await import(SVELTE_RENDER)) as typeof import("svelte/server");
  const { createRawSnippet } = (await import(SVELTE_SERVER)) as typeof import("svelte");
  const { value, read } = await withTrappedGlobals(async () => {
    const componentUrl = writeModule(
      rewriteImport(
        compileSvelte(component, "OpenCxWidget.svelte", "server"),
        "svelte",
        SVELTE_SERVER,
      ),
    );
    const root = layout
      ? writeModule(
          rewriteImport(
            compileSvelte(layout, "+layout.svelte", "server"),
            "$lib/OpenCxWidget.svelte",
            componentUrl,
          ),
        )
      : componentUrl;
    const mod = await importOnce<{
      default: import("svelte").Component<{ children?: import("svelte").Snippet }>;
    }>(root);
    const children = createRawSnippet(() => ({ render: () => PAGE_CONTENT }));
    return render.render(mod.default, { props: layout ? { children } : {} });
  });
  return {
    head: value.head,
    body: value.body,
    content: value.body.replace(/<!--[[\]]?-->/g, ""),
    read,
  };
}

// ---------------------------------------------------------------------------------------------
// A page in a fake browser, with Svelte's client runtime.

/** A DOM node, as far as Svelte's `mount` and the snippet use one. */
class FakeNode {
  parent: FakeNode | null = null;
  readonly childList: FakeNode[] = [];

  get firstChild(): FakeNode | null {
    return this.childList[0] ?? null;
  }
  get nextSibling(): FakeNode | null {
    const siblings = this.parent?.childList ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  get parentNode(): FakeNode | null {
    return this.parent;
  }
  appendChild(node: FakeNode): FakeNode {
    node.remove();
    node.parent = this;
    this.childList.push(node);
    return node;
  }
  append(...nodes: FakeNode[]): void {
    for (const node of nodes) this.appendChild(node);
  }
  insertBefore(node: FakeNode, before: FakeNode | null): FakeNode {
    if (before === null) return this.appendChild(node);
    node.remove();
    node.parent = this;
    this.childList.splice(this.childList.indexOf(before), 0, node);
    return node;
  }
  before(...nodes: FakeNode[]): void {
    for (const node of nodes) this.parent?.insertBefore(node, this);
  }
  removeChild(node: FakeNode): FakeNode {
    this.childList.splice(this.childList.indexOf(node), 1);
    node.parent = null;
    return node;
  }
  remove(): void {
    this.parent?.removeChild(this);
  }
}

class FakeElement extends FakeNode {
  readonly nodeType = 1;
  src = "";
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly tagName: string) {
    super();
  }
  addEventListener(): void {}
  removeEventListener(): void {}
}

class FakeText extends FakeNode {
  readonly nodeType = 3;
  constructor(public data: string) {
    super();
  }
}

class FakeComment extends FakeNode {
  readonly nodeType = 8;
  constructor(public data: string) {
    super();
  }
}

/** How the embed script "loads" when the page adds it. */
export type ScriptLoad = "ok" | "error";

export interface SveltePage {
  /** The options of every `initOpenScript` call, in order. */
  readonly initCalls: Record<string, unknown>[];
  /** How each call reached the initializer: `window.initOpenScript` or the bare global. */
  readonly initVia: ("window" | "global")[];
  /** The `src` of every script element the page added, in order. */
  readonly scripts: string[];
  /** The storage's keys at each `window.location.reload()`. */
  readonly reloads: string[][];
  /** Every `console.error` call's arguments. */
  readonly errors: unknown[][];
  /** What the component module exports (the lifecycle functions, `default`). */
  readonly exports: Record<string, unknown>;
  /** How the next script element loads. */
  scriptLoad: ScriptLoad;
  /** Mounts one more component with Svelte's `mount`, flushes, and lets promises settle. */
  mount(): Promise<void>;
  /** Unmounts every mounted component. */
  unmount(): void;
  /** Calls a function the component module exports. */
  call(name: string): unknown;
}

/** Lets pending promises (a fetch, the script's load) settle without moving the clock. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

interface SvelteClient {
  mount: (component: unknown, options: { target: unknown }) => Record<string, unknown>;
  unmount: (component: Record<string, unknown>) => unknown;
  flushSync: () => void;
}

/** What Svelte's client runtime reads from the global scope: a DOM's classes and a document. */
const RUNTIME_GLOBALS = {
  Node: FakeNode,
  Element: FakeElement,
  Text: FakeText,
  Comment: FakeComment,
  navigator: { userAgent: "fake" },
  window: {},
  document: {
    createTextNode: (data: string) => new FakeText(data),
    createComment: (data: string) => new FakeComment(data),
    createElement: (tag: string) => new FakeElement(tag.toUpperCase()),
  },
} as const;

/** Installs `RUNTIME_GLOBALS` for the rest of the current test, once. */
function installRuntimeGlobals(): void {
  const scope = globalThis as Record<string, unknown>;
  if (scope.Element === FakeElement) return;
  const saved = Object.keys(RUNTIME_GLOBALS).map(
    (name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const,
  );
  for (const [name, value] of Object.entries(RUNTIME_GLOBALS)) {
    Object.defineProperty(globalThis, name, { configurable: true, writable: true, value });
  }
  onTestFinished(() => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete scope[name];
    }
  });
}

/** Each loaded page's browser globals, by id: the first line of its module reads them. */
const PAGE_SCOPES = "__opencxSveltePages";
const pageScopes = new Map<number, Record<string, unknown>>();
let pages = 0;
(globalThis as Record<string, unknown>)[PAGE_SCOPES] = pageScopes;
/** The names the snippet reads as globals and each page binds to its own fakes. */
const PAGE_GLOBALS = ["window", "document", "localStorage", "fetch", "console", "initOpenScript"];

/**
 * Compiles `code` for the client and loads it as a page in `browser`: the module's browser
 * globals (`PAGE_GLOBALS`) are this page's fakes, bound in its first line, so pages opened in
 * one test never share a backend or a clock's renewals; Svelte's runtime gets a fake DOM for the
 * rest of the test. Nothing is mounted yet.
 */
export async function openSveltePage(code: string, browser: FakeBrowser): Promise<SveltePage> {
  const initCalls: Record<string, unknown>[] = [];
  const initVia: ("window" | "global")[] = [];
  const scripts: string[] = [];
  const reloads: string[][] = [];
  const errors: unknown[][] = [];
  const head = new FakeElement("HEAD");
  const body = new FakeElement("BODY");
  const page = { scriptLoad: "ok" as ScriptLoad };
  const window: Record<string, unknown> = {
    location: { reload: () => reloads.push(browser.storage.keys()) },
  };
  /** The embed's global initializer, once its script has run (v4 calls it by its bare name). */
  let globalInit: ((options: Record<string, unknown>) => void) | null = null;
  const scope: Record<string, unknown> = {
    window,
    document: {
      head,
      body,
      createElement: (tag: string) => new FakeElement(tag.toUpperCase()),
      addEventListener: (type: string, listener: () => void) =>
        browser.document.addEventListener(type, listener),
      removeEventListener: (type: string, listener: () => void) =>
        browser.document.removeEventListener(type, listener),
      get visibilityState() {
        return browser.document.visibilityState;
      },
    },
    localStorage: browser.storage,
    fetch: browser.backend.fetch,
    console: { ...console, error: (...args: unknown[]) => errors.push(args) },
    initOpenScript: (options: Record<string, unknown>) => {
      if (globalInit === null) throw new ReferenceError("initOpenScript is not defined");
      globalInit(options);
    },
  };
  // The embed defines its initializer when it has run (v5 documents the window property, v4
  // calls the global; in a browser they are one function).
  head.append = (...nodes: FakeNode[]) => {
    FakeNode.prototype.append.apply(head, nodes);
    for (const node of nodes) {
      if (!(node instanceof FakeElement) || node.tagName !== "SCRIPT") continue;
      scripts.push(node.src);
      const load = page.scriptLoad;
      queueMicrotask(() => {
        if (load === "error") {
          node.onerror?.();
          return;
        }
        window.initOpenScript = (options: Record<string, unknown>) => {
          initCalls.push(options);
          initVia.push("window");
        };
        globalInit = (options) => {
          initCalls.push(options);
          initVia.push("global");
        };
        node.onload?.();
      });
    }
  };
  installRuntimeGlobals();
  const id = ++pages;
  pageScopes.set(id, scope);
  onTestFinished(() => {
    pageScopes.delete(id);
  });

  const client = (await import(SVELTE_CLIENT)) as SvelteClient;
  const js = rewriteImport(
    compileSvelte(code, "OpenCxWidget.svelte", "client"),
    "svelte",
    SVELTE_CLIENT,
  );
  const bind = `const { ${PAGE_GLOBALS.join(", ")} } = globalThis.${PAGE_SCOPES}.get(${id});\n`;
  const exports = await importOnce<Record<string, unknown>>(writeModule(bind + js));
  const mounted: Record<string, unknown>[] = [];
  return Object.assign(page, {
    initCalls,
    initVia,
    scripts,
    reloads,
    errors,
    exports,
    mount: async () => {
      const target = new FakeElement("DIV");
      body.appendChild(target);
      mounted.push(client.mount(exports.default, { target }));
      client.flushSync();
      await settle();
    },
    unmount: () => {
      for (const component of mounted.splice(0)) client.unmount(component);
    },
    call: (name: string) => {
      const fn = exports[name];
      if (typeof fn !== "function") throw new Error(`The component exports no function ${name}`);
      return (fn as () => unknown)();
    },
  });
}

/**
 * The SvelteKit endpoint (`+server.ts`): parses as TypeScript, reads the key and the base URL
 * from SvelteKit's private run-time environment (never `process.env`, which not every adapter
 * has, and never a `PUBLIC_` variable), sends the bearer key and a JSON body to
 * authenticate-user, and answers 401 or `{ token }`. Returns the `body` literal, evaluated.
 */
export function checkSvelteKitRoute(file: SnippetFile): unknown {
  const source = parseSource(file.code, "server.ts");
  const errors = syntaxErrors(source);
  assert(errors.length === 0, `Syntax errors:\n${errors.join("\n")}\n---\n${file.code}`);
  for (const line of [
    "import { env } from '$env/dynamic/private';",
    "const OPENCX_API_URL = env.OPENCX_API_URL || 'https://api.open.cx';",
    "const apiKey = env.OPENCX_API_KEY;",
    "const response = await fetch(`${OPENCX_API_URL}/widget/authenticate-user`, {",
    "Authorization: `Bearer ${apiKey}`,",
    "'Content-Type': 'application/json',",
    "body: JSON.stringify(body),",
    "const user = locals.user;",
    "const email = user.email;",
    "return json({ error: 'Not signed in' }, { status: 401 });",
    "return json({ token }, { headers: { 'Cache-Control': 'no-store' } });",
  ]) {
    assert(file.code.includes(line), `The endpoint lacks \`${line}\``);
  }
  assert(
    !/process\.env|PUBLIC_OPENCX/.test(file.code.replace(/^\/\/.*$/gm, "")),
    "process.env or a public variable",
  );
  // The body reads the signed-in user's email from `email`; bound as for checkServerJs.
  return evaluateVariable(source, "body", { email: EMAIL_ARGUMENT });
}
