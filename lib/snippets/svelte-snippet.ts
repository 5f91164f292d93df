/**
 * Svelte 5 and SvelteKit: there is no Svelte package of the widget, so a component loads the
 * pinned embed script (`@opencx/widget` dist-embed, as the HTML snippet does, domain.md §10.1,
 * domain-v5.md §10.1) and calls its initializer with the same options, per version:
 * `window.initOpenScript(options)` on v5, `initOpenScript(options)` on v4.
 *
 * `OpenCxWidget.svelte` renders no markup. Its module script (`<script lang="ts" module>`)
 * holds the options and the functions, and runs nothing at load time; its instance script
 * starts the widget from `onMount`, which never runs during server-side rendering. The
 * embed belongs to the page, not to the component: it adds one root and has no unmount, so the
 * first mounted `<OpenCxWidget>` starts it and later mounts start nothing (v4 must not be
 * started twice on a page, domain-v5.md §3.7).
 *
 * Everything after the start is the HTML page's lifecycle (lifecycle.ts), exported from the
 * module script for the app's sign-in and sign-out code: `clearOpenCxWidgetStorage()`,
 * `restartOpenCxWidget()` (clear, then reload) and, on v5 with a verified token,
 * `updateOpenCxWidgetUser()` (clear, then the next user's token to the same widget) and the
 * renewal of a token minted with `mcp_access`. In the verified model the component asks the
 * integrator's backend for the contact token first and loads the embed only when there is one.
 *
 * SvelteKit adds the root layout that mounts the component and, for the verified model, the
 * `+server.ts` endpoint that mints the token (the key from `$env/dynamic/private`).
 */
import type { PlaygroundConfig } from "../config/options";
import {
  type EmbedDialect,
  embedFlows,
  loaderFunction,
  type ScriptLoader,
  scriptUrlConst,
  START_FAILED,
  updatesInPlace,
} from "./embed-module";
import { commentLines, RESTART_FUNCTION, START_FUNCTION, UPDATE_USER_FUNCTION } from "./lifecycle";
import {
  API_KEY_ENV,
  CONTACT_TOKEN_ENDPOINT,
  indent,
  isVerified,
  majorOfConfig,
  snippetVersionNote,
} from "./model";
import { jsString } from "./print";
import { apiUrlConst, authenticateUserCall } from "./server-snippets";
import { SNIPPET_TARGET_LABELS, type Snippet, type SnippetFile } from "./types";

/** Where the component goes, in a Vite + Svelte app and in SvelteKit alike (`$lib`). */
export const SVELTE_COMPONENT_PATH = "src/lib/OpenCxWidget.svelte";
/** SvelteKit's root layout, which mounts the component once for every page. */
export const SVELTEKIT_LAYOUT_PATH = "src/routes/+layout.svelte";
/** SvelteKit: the endpoint of `CONTACT_TOKEN_ENDPOINT`, as a route file. */
export const SVELTEKIT_ROUTE_PATH = `src/routes${CONTACT_TOKEN_ENDPOINT}/+server.ts`;

/** The component's name, as its file names it. */
const COMPONENT = "OpenCxWidget";
/** The module-script function that adds the embed script once. */
export const LOAD_EMBED_FUNCTION = "loadOpenCxEmbed";

type Flavour = "svelte" | "sveltekit";

/** Where the app imports the component from. */
const importPath = (flavour: Flavour) =>
  flavour === "sveltekit" ? `$lib/${COMPONENT}.svelte` : `./lib/${COMPONENT}.svelte`;

/**
 * The bidirectional control characters Svelte's compiler warns about in any string literal's
 * value (its `bidirectional_control_characters` warning), even written as `\u` escapes, which is
 * how `printJs` writes them: visible, so nothing in the code is reordered.
 */
export const SVELTE_BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Above a statement that prints `value`: Svelte's ignore comment for that warning, when a string
 * in `value` (a key or a value, at any depth) holds such a character, so the customer's build
 * stays clean. JSON keeps these characters as they are.
 */
function bidiIgnore(value: unknown): string[] {
  if (!SVELTE_BIDI_CONTROLS.test(JSON.stringify(value))) return [];
  return [
    "// These values hold bidirectional control characters, written as visible \\u escapes:",
    "// svelte-ignore bidirectional_control_characters",
  ];
}

/** The embed's global, declared for TypeScript: v5 on `window`, v4 as the bare name it calls. */
function initDeclaration(config: PlaygroundConfig): string[] {
  const doc = "/** Defined by the embed script once it has run. */";
  return majorOfConfig(config) === "v5"
    ? [
        "declare global {",
        "  interface Window {",
        `    ${doc}`,
        "    initOpenScript(options: object): void;",
        "  }",
        "}",
      ]
    : [doc, "declare function initOpenScript(options: object): void;"];
}

/** The component's loader: it runs when the widget starts, in the browser. */
const LOADER: ScriptLoader = {
  name: LOAD_EMBED_FUNCTION,
  urlConst: "EMBED_SCRIPT_URL",
  promise: "embedScript",
  forgetNote: " // The next start loads it again.",
  error: "`Could not load ${EMBED_SCRIPT_URL}`",
};

/**
 * How the component writes the embed's flows: TypeScript with return types, and Svelte's ignore
 * comment above a statement printing a bidirectional control character.
 */
const DIALECT: EmbedDialect = {
  typed: true,
  returnTypes: true,
  keyNeverIn: "this component",
  loader: LOADER,
  stepComments: false,
  above: bidiIgnore,
};

/** Adds the pinned embed script once and resolves when it has run; a failed load may be retried. */
function loadEmbedFunction(config: PlaygroundConfig): string[] {
  return [
    scriptUrlConst(config, LOADER),
    "",
    ...initDeclaration(config),
    "",
    `let ${LOADER.promise}: Promise<void> | undefined;`,
    "let started = false;",
    "",
    ...commentLines(
      "Adds the pinned embed script to the page once, and resolves when it has run. It runs when the widget starts, in the browser, never during server-side rendering.",
    ),
    ...loaderFunction(LOADER),
  ];
}

/** Where the app calls the exported lifecycle functions from. */
function callFrom(config: PlaygroundConfig, flavour: Flavour): string {
  const names = updatesInPlace(config)
    ? `{ ${RESTART_FUNCTION}, ${UPDATE_USER_FUNCTION} }`
    : `{ ${RESTART_FUNCTION} }`;
  const where =
    flavour === "sveltekit"
      ? "Call them from browser code (a click handler, your sign-in form's use:enhance callback), never from a load function or server code."
      : "Call them from your sign-out and sign-in handlers.";
  return `These functions are exported: import ${names} from '${importPath(flavour)}'. ${where}`;
}

/** The version line and where to mount the component. */
function headerComment(config: PlaygroundConfig, flavour: Flavour): string[] {
  const note = snippetVersionNote(majorOfConfig(config));
  const where =
    flavour === "sveltekit"
      ? `in ${SVELTEKIT_LAYOUT_PATH} (below)`
      : "in your root component (src/App.svelte)";
  return [
    ...commentLines(
      `${note}: the embed script, loaded by this component in the browser. Keep the exact pin.`,
    ),
    ...commentLines(
      `Render <${COMPONENT} /> once, ${where}; it renders no markup of its own. One integration per page: not beside the HTML embed or the React widget.`,
    ),
  ];
}

/** The module script's body: declarations and functions only, nothing runs when it loads. */
function moduleScript(config: PlaygroundConfig, flavour: Flavour): string {
  return [
    ...headerComment(config, flavour),
    ...loadEmbedFunction(config),
    "",
    ...embedFlows(config, DIALECT, { exported: true, note: callFrom(config, flavour) }),
  ].join("\n");
}

/** The instance script: the start, from onMount only. */
function instanceScript(flavour: Flavour): string {
  const ssr =
    flavour === "sveltekit"
      ? "onMount runs in the browser only: SvelteKit's server-side rendering never starts the widget."
      : "onMount runs in the browser only, never during server-side rendering.";
  return [
    "import { onMount } from 'svelte';",
    "",
    ...commentLines(
      `${ssr} The widget belongs to the page, not to this component (the embed has no unmount): the first <${COMPONENT}> starts it, and it stays until the page reloads.`,
    ),
    "onMount(() => {",
    "  if (started) return;",
    "  started = true;",
    `  ${START_FUNCTION}().catch((error: unknown) => {`,
    "    started = false; // Offline, or the script was blocked: the next mount tries again.",
    `    console.error(${jsString(START_FAILED)}, error);`,
    "  });",
    "});",
  ].join("\n");
}

/**
 * `OpenCxWidget.svelte`: a module script and an instance script, and no markup. Written for
 * runes mode and marked so, whatever the project's compiler options say.
 */
function componentFile(config: PlaygroundConfig, flavour: Flavour): SnippetFile {
  const code = [
    "<svelte:options runes />",
    "",
    '<script lang="ts" module>',
    indent(moduleScript(config, flavour), 2),
    "</script>",
    "",
    '<script lang="ts">',
    indent(instanceScript(flavour), 2),
    "</script>",
    "",
  ].join("\n");
  return { path: SVELTE_COMPONENT_PATH, language: "svelte", code };
}

/** SvelteKit's root layout, mounting the component once for every page. */
function layoutFile(config: PlaygroundConfig): SnippetFile {
  const code = [
    '<script lang="ts">',
    `  // ${snippetVersionNote(majorOfConfig(config))}: the root layout mounts <${COMPONENT} /> once, for every page.`,
    "  // Add the import and the element to your own root layout. The component renders nothing on",
    "  // the server; its onMount starts the widget in the browser.",
    "  import type { Snippet } from 'svelte';",
    `  import ${COMPONENT} from '${importPath("sveltekit")}';`,
    "",
    "  let { children }: { children: Snippet } = $props();",
    "</script>",
    "",
    "{@render children()}",
    `<${COMPONENT} />`,
    "",
  ].join("\n");
  return { path: SVELTEKIT_LAYOUT_PATH, language: "svelte", code };
}

/** The SvelteKit environment module the endpoint reads its secrets from, at run time. */
export const SVELTEKIT_ENV_MODULE = "$env/dynamic/private";

/** SvelteKit, verified: the endpoint the component calls, minting the signed-in user's token. */
function routeFile(config: PlaygroundConfig): SnippetFile {
  const code = [
    `// ${snippetVersionNote(majorOfConfig(config))}: the endpoint <${COMPONENT} /> calls for the contact token.`,
    `// POST ${CONTACT_TOKEN_ENDPOINT} → { token } for the signed-in user, 401 otherwise.`,
    `// Server only: set ${API_KEY_ENV} in the server environment (never with a PUBLIC_ prefix).`,
    "import { json } from '@sveltejs/kit';",
    `import { env } from '${SVELTEKIT_ENV_MODULE}';`,
    "import type { RequestHandler } from './$types';",
    "",
    apiUrlConst("env"),
    "",
    "export const POST: RequestHandler = async ({ locals }) => {",
    "  // TODO: the signed-in user from YOUR auth. This reads the locals.user your",
    "  // src/hooks.server.ts sets from the session (declare it in App.Locals, src/app.d.ts);",
    "  // with Auth.js use `(await locals.auth())?.user`.",
    "  const user = locals.user;",
    "  if (!user) {",
    "    return json({ error: 'Not signed in' }, { status: 401 });",
    "  }",
    "",
    // authenticateUserCall's body reads the signed-in user's email from `email` (issue 18 merge).
    "  const email = user.email;",
    indent(authenticateUserCall(config, { typed: true, env: "env" }), 2),
    "  return json({ token }, { headers: { 'Cache-Control': 'no-store' } });",
    "};",
    "",
  ].join("\n");
  return { path: SVELTEKIT_ROUTE_PATH, language: "ts", code };
}

export function generateSvelteSnippet(config: PlaygroundConfig): Snippet {
  return {
    target: "svelte",
    label: SNIPPET_TARGET_LABELS.svelte,
    files: [componentFile(config, "svelte")],
  };
}

export function generateSvelteKitSnippet(config: PlaygroundConfig): Snippet {
  const files = [componentFile(config, "sveltekit"), layoutFile(config)];
  if (isVerified(config)) files.push(routeFile(config));
  return { target: "sveltekit", label: SNIPPET_TARGET_LABELS.sveltekit, files };
}
