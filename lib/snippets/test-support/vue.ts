/**
 * Test support: the Vue toolchain on a generated single-file component. `@vue/compiler-sfc`
 * parses it into blocks and compiles the script with the template inlined (what a production
 * build does), the `typescript` package transpiles the result, and Vue's own runtime runs it:
 * `renderToString` of a `createSSRApp` on a server context (`serverContext`: reading a browser
 * global is recorded and throws), and a client mount by Vue's runtime core with a minimal
 * renderer of plain objects on the fake page of `embed-page.ts` (lifecycle hooks run exactly as
 * in a browser; there is no DOM to draw in, and the component draws nothing).
 *
 * Vue, its runtime core and its server renderer are loaded once through `require`, so the
 * snippet's `import … from 'vue'` and the renderer used here share one runtime.
 */
import { createRequire } from "node:module";
import type vm from "node:vm";
import { compileScript, parse, type SFCDescriptor } from "@vue/compiler-sfc";
import ts from "typescript";
import { runModule } from "./embed-page";

const require = createRequire(import.meta.url);

/** The parts of Vue the tests use, typed loosely: the snippet's own types are checked elsewhere. */
interface VueRuntime {
  createSSRApp(component: unknown): unknown;
}
interface RuntimeCore {
  createRenderer(options: Record<string, unknown>): {
    createApp(component: unknown): { mount(root: FakeNode): unknown; unmount(): void };
  };
}
interface ServerRenderer {
  renderToString(app: unknown): Promise<string>;
}

const vue = require("vue") as VueRuntime & Record<string, unknown>;
const runtimeCore = require("@vue/runtime-core") as RuntimeCore;
const serverRenderer = require("vue/server-renderer") as ServerRenderer & Record<string, unknown>;

/** What a compiled component may import. */
const VUE_MODULES: Readonly<Record<string, unknown>> = {
  vue,
  "vue/server-renderer": serverRenderer,
};

export interface CompiledSfc {
  descriptor: SFCDescriptor;
  /** `compileScript`'s output: TypeScript, an ES module whose default export is the component. */
  code: string;
}

/** Parses and compiles `source` as a production build would; throws on any parse error. */
export function compileSfc(
  source: string,
  { ssr = false, filename = "SupportWidget.vue" } = {},
): CompiledSfc {
  const { descriptor, errors } = parse(source, { filename, sourceMap: false });
  if (errors.length > 0) {
    throw new Error(`SFC parse errors: ${errors.map((e) => String(e.message ?? e)).join("; ")}`);
  }
  const script = compileScript(descriptor, {
    id: "opencx-support-widget",
    isProd: true,
    inlineTemplate: true,
    sourceMap: false,
    templateOptions: { ssr },
  });
  return { descriptor, code: script.content };
}

/** TypeScript → CommonJS with `typescript`'s `transpileModule`; throws on a syntax error. */
export function toCommonJs(code: string, fileName: string): string {
  const result = ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  const diagnostics = result.diagnostics ?? [];
  if (diagnostics.length > 0) {
    const text = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    throw new Error(`${fileName}: ${text.join("; ")}`);
  }
  return result.outputText;
}

/** Compiles the component and evaluates its module in `context`; returns its exports. */
export function loadSfc(
  source: string,
  context: vm.Context,
  { ssr = false } = {},
): Record<string, unknown> {
  const { code } = compileSfc(source, { ssr });
  return runModule(toCommonJs(code, "SupportWidget.ts"), context, VUE_MODULES);
}

/** Server-side rendering: the component's HTML, rendered by Vue's server renderer. */
export function renderOnServer(exports: Record<string, unknown>): Promise<string> {
  return serverRenderer.renderToString(vue.createSSRApp(exports.default));
}

/** A node of the minimal renderer. */
export interface FakeNode {
  kind: "root" | "element" | "text" | "comment";
  text: string;
  children: FakeNode[];
  parent: FakeNode | null;
}

const node = (kind: FakeNode["kind"], text = ""): FakeNode => ({
  kind,
  text,
  children: [],
  parent: null,
});

function detach(child: FakeNode): void {
  const parent = child.parent;
  if (!parent) return;
  parent.children.splice(parent.children.indexOf(child), 1);
  child.parent = null;
}

/** Vue's runtime core with node operations on plain objects: enough for a component to mount. */
const renderer = runtimeCore.createRenderer({
  insert(child: FakeNode, parent: FakeNode, anchor: FakeNode | null) {
    detach(child);
    const at = anchor ? parent.children.indexOf(anchor) : -1;
    if (at < 0) parent.children.push(child);
    else parent.children.splice(at, 0, child);
    child.parent = parent;
  },
  remove: detach,
  createElement: (tag: string) => node("element", tag),
  createText: (text: string) => node("text", text),
  createComment: (text: string) => node("comment", text),
  setText(target: FakeNode, text: string) {
    target.text = text;
  },
  setElementText(target: FakeNode, text: string) {
    target.children = text ? [{ ...node("text", text), parent: target }] : [];
  },
  parentNode: (child: FakeNode) => child.parent,
  nextSibling(child: FakeNode) {
    const siblings = child.parent?.children ?? [];
    return siblings[siblings.indexOf(child) + 1] ?? null;
  },
  patchProp() {},
});

export interface MountedApp {
  root: FakeNode;
  unmount(): void;
}

/** Mounts the component as a client app would (its `onMounted` hooks run at the end). */
export function mountOnClient(exports: Record<string, unknown>): MountedApp {
  const app = renderer.createApp(exports.default);
  const root = node("root");
  app.mount(root);
  return { root, unmount: () => app.unmount() };
}

/** What a Nuxt plugin did when Nuxt ran it: the hooks it registered and what it provided. */
export interface RanPlugin {
  hooks: { name: string; run: (...args: unknown[]) => unknown }[];
  provide: Record<string, unknown>;
}

/**
 * Evaluates a Nuxt plugin file in `context` and runs the plugin as Nuxt does, with a `nuxtApp`
 * that records hook registrations (the hooks themselves do not run: call them). Nuxt
 * auto-imports `defineNuxtPlugin`; here it returns the plugin function it is given.
 */
export function runNuxtPlugin(code: string, context: vm.Context): RanPlugin {
  (context as Record<string, unknown>).defineNuxtPlugin = (plugin: unknown) => plugin;
  const exports = runModule(toCommonJs(code, "opencx-widget.client.ts"), context, {});
  const hooks: RanPlugin["hooks"] = [];
  const nuxtApp = {
    hook: (name: string, run: (...args: unknown[]) => unknown) => {
      hooks.push({ name, run });
      return () => {};
    },
  };
  const plugin = exports.default as (app: typeof nuxtApp) => { provide?: Record<string, unknown> };
  const result = plugin(nuxtApp);
  return { hooks, provide: result?.provide ?? {} };
}
