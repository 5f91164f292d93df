/**
 * The embed script driven from a framework's module (Vue, Nuxt, Angular): there is no Vue
 * package, so the page loads the pinned `@opencx/widget` embed script once and calls its initializer, exactly as
 * the HTML snippet does (domain.md §10.1, domain-v5.md §10.1, §19): v5 `window.initOpenScript`,
 * v4 `initOpenScript`. The difference is when: a framework starts the widget from its client-only
 * hook (Vue's `onMounted`, Nuxt's `app:mounted`) instead of `DOMContentLoaded`, so the script is
 * added to the page by code, once, and the initializer is called after it has run.
 *
 * The lines here are the module's top level, in TypeScript: the script's URL and loader, the
 * options (or the function that builds them around the fetched token), `startOpenCxWidget()`,
 * and the lifecycle of the HTML page from `lifecycle.ts` (clear the keys; sign-out reloads; v5
 * verified passes another user's token to the same widget; `mcp_access` renews the token). The
 * embed keeps one widget per page until a reload, whatever component started it, so this state
 * lives in the module, not in a component instance.
 *
 * The start flows and the lifecycle are written here once for every integration of the embed
 * script (an `EmbedDialect` says how each one spells them): the HTML page (`html-snippet.ts`),
 * this module (Vue, Nuxt, Angular) and the Svelte component (`svelte-snippet.ts`).
 */
import type { PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import {
  chatOnlyNote,
  clearStorageFunction,
  commentLines,
  FETCH_TOKEN_FUNCTION,
  fetchTokenFunction,
  htmlRestartFunction,
  htmlUpdateUserFunction,
  RENEW_FUNCTION,
  renewalFunction,
  START_FUNCTION,
  v4NoRenewalNote,
  widgetTokenOf,
  TOKEN_REQUEST,
} from "./lifecycle";
import {
  CONTACT_TOKEN_VARIABLE,
  connectionSwitchesNote,
  embedScriptUrl,
  isVerified,
  majorOfConfig,
  rendersRenewal,
} from "./model";
import { loadingOptionsValue } from "./loading-mode";
import { jsString, printJs } from "./print/js";

/**
 * A function that adds the pinned embed script to the page once and resolves when it has run; a
 * failed load is forgotten, so a later start tries again.
 */
export interface ScriptLoader {
  /** The loader function, which every start awaits before it calls the initializer. */
  name: string;
  /** The constant holding the script's URL. */
  urlConst: string;
  /** The module variable holding the load, done or under way. */
  promise: string;
  /** What follows the statement that forgets a failed load (a comment, or nothing). */
  forgetNote: string;
  /** The message expression of the error a failed load rejects with. */
  error: string;
}

/**
 * How an integration writes the shared flows. The HTML page is JavaScript and starts on
 * `DOMContentLoaded`; a framework module or component is TypeScript, loads the script itself
 * and is started by the framework's client-only hook calling `startOpenCxWidget()`.
 */
export interface EmbedDialect {
  /** TypeScript: typed parameters and the fetched JSON's type; false on the HTML page. */
  typed: boolean;
  /** The start functions' return types as well (`Promise<void>`, `void`). */
  returnTypes: boolean;
  /** Where the org API key must never go, as the token comment says it. */
  keyNeverIn: string;
  /**
   * The loader every start awaits; null on the HTML page, whose script tag loads the embed and
   * which starts the widget on `DOMContentLoaded`.
   */
  loader: ScriptLoader | null;
  /**
   * The framework module's layout: a comment line above each start function saying what it does,
   * no token comment above v5's fetch function (its doc comment says it), and v4 loads the script
   * right after the token is in.
   */
  stepComments: boolean;
  /** Lines above a statement that prints `value` (Svelte's ignore comment for some characters). */
  above: (value: unknown) => string[];
  /**
   * The HTML page that loads on click: the options add `isOpen: true`, so the widget opens as it
   * replaces the launcher the visitor pressed (loading.ts).
   */
  opensOnStart?: boolean;
  /**
   * The page's variable that says the visitor consented or clicked: `updateOpenCxWidgetUser()`
   * starts the widget only once it is set (an on-demand HTML page, loading.ts).
   */
  startedFlag?: string;
  /** What `updateOpenCxWidgetUser()` does instead while nothing is started (with `startedFlag`). */
  beforeStart?: string;
}

/** The constant holding the pinned embed script's URL. */
export const SCRIPT_URL_CONST = "OPENCX_SCRIPT_URL";
/** Adds the embed script to the page once; resolves when it has run. */
export const LOAD_SCRIPT_FUNCTION = "loadOpenCxScript";
/** v5 verified: passes a token to the widget (the first call starts it). */
export const SHOW_FUNCTION = "showOpenCxWidget";
/** v5 verified with `mcp_access`: the stop function of the current renewal. */
const STOP_RENEWAL = "stopOpenCxTokenRenewal";
/** v5 verified: the number of the latest start; an older start that finishes later gives way. */
const LATEST_START = "latestOpenCxStart";
/** What the page logs when the widget cannot start (a failed script load, a backend error). */
export const START_FAILED = "The OpenCX widget could not start:";

/** The framework module's loader (Vue, Nuxt, Angular). */
export const MODULE_LOADER: ScriptLoader = {
  name: LOAD_SCRIPT_FUNCTION,
  urlConst: SCRIPT_URL_CONST,
  promise: "openCxScript",
  forgetNote: "",
  error: "'The OpenCX widget script did not load'",
};

/** How the framework module (Vue, Nuxt, Angular) writes the flows. */
const MODULE_DIALECT: EmbedDialect = {
  typed: true,
  returnTypes: false,
  keyNeverIn: "the browser",
  loader: MODULE_LOADER,
  stepComments: true,
  above: () => [],
};

/** The call that starts the widget: v5 names the global, as its docs do. */
export function initCall(config: PlaygroundConfig): string {
  return majorOfConfig(config) === "v5"
    ? "window.initOpenScript(options);"
    : "initOpenScript(options);";
}

/** The comments above the token request: the token comes from the integrator's backend. */
function tokenComment(dialect: EmbedDialect): string[] {
  return [
    "// The signed-in user's contact token comes from YOUR backend (see the server snippets).",
    `// The org API key stays on the server: never put it in ${dialect.keyNeverIn}.`,
  ];
}

/** The constant holding the pinned URL of the config's major. */
export function scriptUrlConst(config: PlaygroundConfig, loader: ScriptLoader): string {
  return `const ${loader.urlConst} = ${jsString(embedScriptUrl(majorOfConfig(config)))};`;
}

/** The loader function (its promise variable is declared by the caller). */
export function loaderFunction(loader: ScriptLoader, typed = true): string[] {
  const { promise } = loader;
  return [
    `function ${loader.name}()${typed ? ": Promise<void>" : ""} {`,
    `  ${promise} ??= new Promise${typed ? "<void>" : ""}((resolve, reject) => {`,
    "    const script = document.createElement('script');",
    `    script.src = ${loader.urlConst};`,
    "    script.onload = () => resolve();",
    "    script.onerror = () => {",
    `      ${promise} = undefined;${loader.forgetNote}`,
    `      reject(new Error(${loader.error}));`,
    "    };",
    "    document.head.append(script);",
    "  });",
    `  return ${promise};`,
    "}",
  ];
}

/**
 * The initializer's declaration, as the call spells it: v5 `window.initOpenScript`, v4 the
 * global function (domain-v5.md §19). The embed ships no types, so the options are loose here;
 * `toWidgetConfig` decides what they hold.
 */
function globalDeclaration(config: PlaygroundConfig): string[] {
  const signature = "initOpenScript(options: Record<string, unknown>): void;";
  return [
    "// Defined by the embed script once it has run (it ships no types).",
    "declare global {",
    ...(majorOfConfig(config) === "v5"
      ? ["  interface Window {", `    ${signature}`, "  }"]
      : [`  function ${signature}`]),
    "}",
  ];
}

/** The pinned URL and the loader that adds the script to the page once. */
function scriptLoader(config: PlaygroundConfig): string[] {
  return [
    scriptUrlConst(config, MODULE_LOADER),
    "",
    ...globalDeclaration(config),
    "",
    ...commentLines(
      "Adds the pinned embed script to the page once and resolves when it has run. A failed load is forgotten, so a later start tries again.",
    ),
    `let ${MODULE_LOADER.promise}: Promise<void> | undefined;`,
    ...loaderFunction(MODULE_LOADER),
  ];
}

/** The widget options as the dialect's page passes them (with `isOpen` on a click-loaded page). */
const optionsOf = (config: PlaygroundConfig, dialect: EmbedDialect) =>
  loadingOptionsValue(config, dialect.opensOnStart === true ? "click" : "page-load");

/** `: type` where the dialect writes return types. */
const returns = (dialect: EmbedDialect, type: string) => (dialect.returnTypes ? `: ${type}` : "");

/** The framework module's comment line above a start function. */
const stepComment = (dialect: EmbedDialect, text: string) =>
  dialect.stepComments ? [`// ${text}`] : [];

/** The statement that awaits the loader, where the integration loads the script itself. */
const awaitLoad = (dialect: EmbedDialect) =>
  dialect.loader ? [`  await ${dialect.loader.name}();`] : [];

/** Lines above the options statement, inside a function when `pad` says so. */
const aboveOptions = (config: PlaygroundConfig, dialect: EmbedDialect, pad: string) =>
  dialect.above(toWidgetConfig(config, { contactToken: "" })).map((line) => pad + line);

/** The first line of a start: the HTML page's `DOMContentLoaded` listener, or `startOpenCxWidget()`. */
function startOpening(dialect: EmbedDialect, awaits: boolean): string {
  return dialect.loader
    ? `async function ${START_FUNCTION}()${returns(dialect, "Promise<void>")} {`
    : `window.addEventListener('DOMContentLoaded', ${awaits ? "async " : ""}() => {`;
}

/** The last line of a start, closing what `startOpening` opened. */
const startClosing = (dialect: EmbedDialect) => (dialect.loader ? "}" : "});");

/** Anonymous, collect, browser: the options are fixed; the start loads the script and passes them. */
function startFixed(config: PlaygroundConfig, dialect: EmbedDialect): string[] {
  return [
    ...aboveOptions(config, dialect, ""),
    `const options = ${printJs(optionsOf(config, dialect), { breakTopLevel: true })};`,
    "",
    ...stepComment(
      dialect,
      "Loads the embed script, then starts the widget with the options above.",
    ),
    startOpening(dialect, false),
    ...awaitLoad(dialect),
    `  ${initCall(config)}`,
    startClosing(dialect),
  ];
}

/** v4, verified: fetch the token once per page, then start; v4 starts once per page. */
function startOnce(config: PlaygroundConfig, dialect: EmbedDialect): string[] {
  // Stryker disable next-line BooleanLiteral: verified options always hold the user object, so they never fit on one line anyway.
  const options = printJs(optionsOf(config, dialect), { level: 1, breakTopLevel: true });
  const json = dialect.typed
    ? "(await response.json()) as { token: string }"
    : "await response.json()";
  return [
    ...stepComment(
      dialect,
      "Fetches the signed-in user's token, then starts the widget: widget v4 starts once per page.",
    ),
    startOpening(dialect, true),
    ...tokenComment(dialect).map((l) => "  " + l),
    ...TOKEN_REQUEST,
    "  if (response.status === 401) return; // Not signed in: no verified widget on this page.",
    "  if (!response.ok) throw new Error(`Contact token request failed (${response.status})`);",
    `  const { token: ${CONTACT_TOKEN_VARIABLE} } = ${json};`,
    ...(dialect.stepComments ? [...awaitLoad(dialect), ""] : ["", ...awaitLoad(dialect)]),
    ...aboveOptions(config, dialect, "  "),
    `  const options = ${options};`,
    `  ${initCall(config)}`,
    startClosing(dialect),
    "",
    ...v4NoRenewalNote(false),
  ];
}

/**
 * v5, verified (domain-v5.md §3.7, §19): one function passes a token to the widget; the first
 * call starts it, a later one re-renders the same widget (a renewal keeps the conversation,
 * another user resets it in place). With `mcp_access` the token is renewed before it expires,
 * into the same widget. A module loads the embed only once somebody is signed in.
 */
function startAndShow(config: PlaygroundConfig, dialect: EmbedDialect): string[] {
  // Stryker disable next-line BooleanLiteral: verified options always hold the user object, so they never fit on one line anyway.
  const options = printJs(optionsOf(config, dialect), { level: 1, breakTopLevel: true });
  const renews = rendersRenewal(config);
  const tokenType = dialect.typed ? ": string" : "";
  return [
    ...(dialect.stepComments ? [] : tokenComment(dialect)),
    ...fetchTokenFunction(dialect.typed),
    "",
    ...commentLines(
      "The first call starts the widget; a later call updates the same widget (v5): the same user's renewed token keeps the conversation, another user's resets it in place.",
    ),
    ...connectionSwitchesNote(config).map((line) => `// ${line}`),
    `function ${SHOW_FUNCTION}(${CONTACT_TOKEN_VARIABLE}${tokenType})${returns(dialect, "void")} {`,
    ...aboveOptions(config, dialect, "  "),
    `  const options = ${options};`,
    `  ${initCall(config)}`,
    "}",
    "",
    ...(renews
      ? [...renewalFunction(dialect.typed), "", `let ${STOP_RENEWAL} = () => {};`]
      : chatOnlyNote()),
    "",
    ...commentLines(
      `Starts are numbered: if another user signs in while a start waits on your backend${dialect.loader ? " or the script" : ""}, the later start wins, whichever answer comes first.`,
    ),
    `let ${LATEST_START} = 0;`,
    ...stepComment(
      dialect,
      "Fetches the signed-in user's token, loads the embed script, then passes the token to the widget.",
    ),
    `async function ${START_FUNCTION}()${returns(dialect, "Promise<void>")} {`,
    `  const thisStart = ++${LATEST_START};`,
    `  const ${CONTACT_TOKEN_VARIABLE} = await ${FETCH_TOKEN_FUNCTION}();`,
    `  if (thisStart !== ${LATEST_START}) return; // Superseded while the backend answered.`,
    `  if (${CONTACT_TOKEN_VARIABLE} === null) return; // Nobody is signed in: no verified widget.`,
    ...awaitLoad(dialect).flatMap((line) => [
      line,
      `  if (thisStart !== ${LATEST_START}) return; // Superseded while the script loaded.`,
    ]),
    `  ${SHOW_FUNCTION}(${CONTACT_TOKEN_VARIABLE});`,
    ...(renews
      ? [
          `  ${STOP_RENEWAL}(); // One renewal at a time: the newer token's.`,
          `  ${STOP_RENEWAL} = ${RENEW_FUNCTION}(${CONTACT_TOKEN_VARIABLE}, ${SHOW_FUNCTION});`,
        ]
      : []),
    "}",
    ...(dialect.loader ? [] : [`window.addEventListener('DOMContentLoaded', ${START_FUNCTION});`]),
  ];
}

/** Whether the page has `updateOpenCxWidgetUser()`: v5 verified passes another user's token in place. */
export function updatesInPlace(config: PlaygroundConfig): boolean {
  return majorOfConfig(config) === "v5" && isVerified(config);
}

/** Prefixes `export ` to the top-level function declarations among `lines`. */
function exported(lines: string[]): string[] {
  return lines.map((line) => (/^(async )?function /.test(line) ? `export ${line}` : line));
}

/** What the lifecycle functions are written with, besides the dialect. */
export interface LifecycleOptions {
  /** Export them, for a module the app imports them from; a Nuxt plugin provides them instead. */
  exported: boolean;
  /** A sentence at the end of the comment above the clear function (where to call them from). */
  note?: string;
}

/**
 * The sign-out functions of the HTML page: clear the keys, clear and reload, and (v5 verified)
 * clear and pass the next user's token to the same widget.
 */
function lifecycleFunctions(
  config: PlaygroundConfig,
  dialect: EmbedDialect,
  options: LifecycleOptions,
): string[] {
  const clear = clearStorageFunction(config, false, options.note).flatMap((line) =>
    line.startsWith("function ") ? [...dialect.above(widgetTokenOf(config)), line] : [line],
  );
  const lines = [
    ...clear,
    "",
    ...htmlRestartFunction(config),
    ...(updatesInPlace(config)
      ? ["", ...htmlUpdateUserFunction(dialect.startedFlag, dialect.beforeStart)]
      : []),
  ];
  return options.exported ? exported(lines) : lines;
}

/**
 * The start, per model and version, then the lifecycle functions: what every integration of the
 * embed script writes after its loader (the HTML page: all of its inline script).
 */
export function embedFlows(
  config: PlaygroundConfig,
  dialect: EmbedDialect,
  lifecycle: LifecycleOptions,
): string[] {
  const start = isVerified(config)
    ? majorOfConfig(config) === "v5"
      ? startAndShow(config, dialect)
      : startOnce(config, dialect)
    : startFixed(config, dialect);
  return [...start, "", ...lifecycleFunctions(config, dialect, lifecycle)];
}

/**
 * Everything at the module's top level, unindented: the loader, the start, the lifecycle.
 * `startOpenCxWidget()` never runs here: the framework's client-only hook calls it.
 */
export function embedModule(config: PlaygroundConfig, exportLifecycle: boolean): string[] {
  return [
    ...scriptLoader(config),
    "",
    ...embedFlows(config, MODULE_DIALECT, { exported: exportLifecycle }),
  ];
}

/** The statement a client-only hook runs: start, and log what stops the widget from starting. */
export function startCall(indentBy: number): string[] {
  const pad = " ".repeat(indentBy);
  return [
    `${pad}${START_FUNCTION}().catch((error: unknown) => {`,
    `${pad}  console.error(${jsString(START_FAILED)}, error);`,
    `${pad}});`,
  ];
}
