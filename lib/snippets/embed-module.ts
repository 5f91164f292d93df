/**
 * The embed script driven from a framework's module (Vue, Nuxt): there is no Vue package, so the
 * page loads the pinned `@opencx/widget` embed script once and calls its initializer, exactly as
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
 */
import type { PlaygroundConfig } from "../config/options";
import { initCall } from "./html-snippet";
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
} from "./lifecycle";
import {
  CONTACT_TOKEN_ENDPOINT,
  CONTACT_TOKEN_VARIABLE,
  connectionSwitchesNote,
  embedScriptUrl,
  isVerified,
  majorOfConfig,
  rendersRenewal,
  widgetOptionsValue,
} from "./model";
import { jsString, printJs } from "./print";

/** The constant holding the pinned embed script's URL. */
export const SCRIPT_URL_CONST = "OPENCX_SCRIPT_URL";
/** Adds the embed script to the page once; resolves when it has run. */
export const LOAD_SCRIPT_FUNCTION = "loadOpenCxScript";
/** v5 verified: passes a token to the widget (the first call starts it). */
export const SHOW_FUNCTION = "showOpenCxWidget";
/** v5 verified with `mcp_access`: the stop function of the current renewal. */
const STOP_RENEWAL = "stopOpenCxTokenRenewal";
/** What the page logs when the widget cannot start (a failed script load, a backend error). */
export const START_FAILED = "The OpenCX widget could not start:";

/** The comments above the token request: the token comes from the integrator's backend. */
const TOKEN_COMMENT = [
  "// The signed-in user's contact token comes from YOUR backend (see the server snippets).",
  "// The org API key stays on the server: never put it in the browser.",
];

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
    `const ${SCRIPT_URL_CONST} = ${jsString(embedScriptUrl(majorOfConfig(config)))};`,
    "",
    ...globalDeclaration(config),
    "",
    ...commentLines(
      "Adds the pinned embed script to the page once and resolves when it has run. A failed load is forgotten, so a later start tries again.",
    ),
    "let openCxScript: Promise<void> | undefined;",
    `function ${LOAD_SCRIPT_FUNCTION}(): Promise<void> {`,
    "  openCxScript ??= new Promise<void>((resolve, reject) => {",
    "    const script = document.createElement('script');",
    `    script.src = ${SCRIPT_URL_CONST};`,
    "    script.onload = () => resolve();",
    "    script.onerror = () => {",
    "      openCxScript = undefined;",
    "      reject(new Error('The OpenCX widget script did not load'));",
    "    };",
    "    document.head.append(script);",
    "  });",
    "  return openCxScript;",
    "}",
  ];
}

/** Anonymous, collect, browser: the options are fixed; starting loads the script and passes them. */
function startFixed(config: PlaygroundConfig): string[] {
  return [
    `const options = ${printJs(widgetOptionsValue(config), { breakTopLevel: true })};`,
    "",
    "// Loads the embed script, then starts the widget with the options above.",
    `async function ${START_FUNCTION}() {`,
    `  await ${LOAD_SCRIPT_FUNCTION}();`,
    `  ${initCall(config)}`,
    "}",
  ];
}

/** v4, verified: fetch the token, then start; v4 starts once per page. */
function startOnce(config: PlaygroundConfig): string[] {
  // Stryker disable next-line BooleanLiteral: verified options always hold the user object, so they never fit on one line anyway.
  const options = printJs(widgetOptionsValue(config), { level: 1, breakTopLevel: true });
  return [
    "// Fetches the signed-in user's token, then starts the widget: widget v4 starts once per page.",
    `async function ${START_FUNCTION}() {`,
    ...TOKEN_COMMENT.map((l) => "  " + l),
    `  const response = await fetch(${jsString(CONTACT_TOKEN_ENDPOINT)}, {`,
    "    method: 'POST',",
    "    credentials: 'same-origin',",
    "  });",
    "  if (!response.ok) return; // Not signed in (401): no verified widget on this page.",
    `  const { token: ${CONTACT_TOKEN_VARIABLE} } = (await response.json()) as { token: string };`,
    `  await ${LOAD_SCRIPT_FUNCTION}();`,
    "",
    `  const options = ${options};`,
    `  ${initCall(config)}`,
    "}",
    "",
    ...v4NoRenewalNote(false),
  ];
}

/**
 * v5, verified (domain-v5.md §3.7, §19): one function passes a token to the widget; the first
 * call starts it, a later one re-renders the same widget. With `mcp_access` the token is renewed
 * before it expires, into the same widget.
 */
function startAndShow(config: PlaygroundConfig): string[] {
  // Stryker disable next-line BooleanLiteral: verified options always hold the user object, so they never fit on one line anyway.
  const options = printJs(widgetOptionsValue(config), { level: 1, breakTopLevel: true });
  const renews = rendersRenewal(config);
  return [
    ...fetchTokenFunction(true),
    "",
    ...commentLines(
      "The first call starts the widget; a later call updates the same widget (v5): the same user's renewed token keeps the conversation, another user's resets it in place.",
    ),
    ...connectionSwitchesNote(config).map((line) => `// ${line}`),
    `function ${SHOW_FUNCTION}(${CONTACT_TOKEN_VARIABLE}: string) {`,
    `  const options = ${options};`,
    `  ${initCall(config)}`,
    "}",
    "",
    ...(renews
      ? [...renewalFunction(true), "", `let ${STOP_RENEWAL} = () => {};`]
      : chatOnlyNote()),
    "// Fetches the signed-in user's token, loads the embed script, then passes the token to the widget.",
    `async function ${START_FUNCTION}() {`,
    `  const ${CONTACT_TOKEN_VARIABLE} = await ${FETCH_TOKEN_FUNCTION}();`,
    `  if (${CONTACT_TOKEN_VARIABLE} === null) return; // Nobody is signed in: no verified widget.`,
    `  await ${LOAD_SCRIPT_FUNCTION}();`,
    `  ${SHOW_FUNCTION}(${CONTACT_TOKEN_VARIABLE});`,
    ...(renews
      ? [
          `  ${STOP_RENEWAL}(); // One renewal at a time: the newer token's.`,
          `  ${STOP_RENEWAL} = ${RENEW_FUNCTION}(${CONTACT_TOKEN_VARIABLE}, ${SHOW_FUNCTION});`,
        ]
      : []),
    "}",
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

/**
 * The sign-out functions the HTML page has: clear the keys, clear and reload, and (v5 verified)
 * clear and pass the next user's token to the same widget. `exportThem` exports them, for a
 * module the app imports them from (the Vue component); a Nuxt plugin provides them instead.
 */
export function lifecycleFunctions(config: PlaygroundConfig, exportThem: boolean): string[] {
  const lines = [
    ...clearStorageFunction(config, false),
    "",
    ...htmlRestartFunction(config),
    ...(updatesInPlace(config) ? ["", ...htmlUpdateUserFunction()] : []),
  ];
  return exportThem ? exported(lines) : lines;
}

/**
 * Everything at the module's top level, unindented: the loader, the start, the lifecycle.
 * `startOpenCxWidget()` never runs here: the framework's client-only hook calls it.
 */
export function embedModule(config: PlaygroundConfig, exportLifecycle: boolean): string[] {
  const start = isVerified(config)
    ? majorOfConfig(config) === "v5"
      ? startAndShow(config)
      : startOnce(config)
    : startFixed(config);
  return [
    ...scriptLoader(config),
    "",
    ...start,
    "",
    ...lifecycleFunctions(config, exportLifecycle),
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
