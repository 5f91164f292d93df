/**
 * The HTML embed snippet: the page that loads the widget with the page (`html-page.ts`), or, with
 * the `loading` option, after consent or on click (loading.ts): no embed script tag; an inline
 * script whose loader adds the pinned script when `onOpenCxConsent()` is called or the look-alike
 * launcher is pressed, then starts the widget as the page-load page does (the same flows,
 * embed-module.ts), once.
 */
import type { LoadingMode, PlaygroundConfig } from "../config/options";
import {
  type EmbedDialect,
  embedFlows,
  MODULE_LOADER,
  loaderFunction,
  type ScriptLoader,
  scriptUrlConst,
  START_FAILED,
} from "./embed-module";
import { DIALECT, generatePageLoadHtml, headerComment } from "./html-page";
import { commentLines, START_FUNCTION, TOKEN_REQUEST, UPDATE_USER_FUNCTION } from "./lifecycle";
import {
  LAUNCHER_ID,
  LAUNCHER_LABEL,
  LAUNCHER_SVG,
  launcherStyle,
  loadingHeadline,
  loadingOf,
} from "./loading";
import { indent, isVerified } from "./model";
import { jsString } from "./print/js";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/** The on-demand page's loader: the framework module's, saying why a failed load is forgotten. */
const ON_DEMAND_LOADER: ScriptLoader = {
  ...MODULE_LOADER,
  forgetNote: " // A later start tries again.",
};

/** The page's flag: the visitor consented or clicked, so the widget is started (or starting). */
export const STARTED_FLAG = "openCxStarted";
/** The function the consent tool calls. */
export const CONSENT_FUNCTION = "onOpenCxConsent";
/** The launcher's click handler. */
export const LAUNCHER_CLICK_FUNCTION = "onOpenCxLauncherClick";
/** A verified page: shows the launcher while the backend has a token for a signed-in user. */
const SHOW_LAUNCHER_FUNCTION = "showOpenCxLauncherIfSignedIn";
/** The variable holding the launcher element. */
const LAUNCHER_VARIABLE = "openCxLauncher";

function onDemandDialect(mode: OnDemandMode, config: PlaygroundConfig): EmbedDialect {
  return {
    ...DIALECT,
    loader: ON_DEMAND_LOADER,
    opensOnStart: mode === "click",
    startedFlag: STARTED_FLAG,
    // A verified page on click: another user signed in before the click may now see the launcher.
    beforeStart:
      mode === "click" && isVerified(config) ? `await ${SHOW_LAUNCHER_FUNCTION}();` : undefined,
  };
}

type OnDemandMode = Exclude<LoadingMode, "page-load">;

/** Before a start: one per page, whatever calls it again. */
const CLAIM_START = [`  if (${STARTED_FLAG}) return;`, `  ${STARTED_FLAG} = true;`];

/** What a failed start logs and undoes, at `pad`, so the next trigger tries again. */
function onStartFailed(undo: string[], pad: string): string[] {
  return [
    `${pad}${STARTED_FLAG} = false; // A failed start can be tried again.`,
    ...undo.map((line) => pad + line),
    `${pad}console.error(${jsString(START_FAILED)}, error);`,
  ];
}

/** The consent trigger: one function, idempotent. */
function consentTrigger(): string[] {
  return [
    ...commentLines(
      `Your consent tool calls ${CONSENT_FUNCTION}() when the visitor agrees (on every page load where consent is stored, as most consent tools do). A second call does nothing: one start per page. Put this script before your consent tool's, so the function exists when it answers.`,
    ),
    `let ${STARTED_FLAG} = false;`,
    `function ${CONSENT_FUNCTION}() {`,
    ...CLAIM_START,
    `  ${START_FUNCTION}().catch((error) => {`,
    ...onStartFailed([], "    "),
    "  });",
    "}",
  ];
}

/** The click trigger: the look-alike launcher starts the widget once, then gives way to it. */
function clickTrigger(config: PlaygroundConfig): string[] {
  const show = isVerified(config)
    ? [
        "",
        ...commentLines(
          `A verified widget needs a signed-in user: the launcher shows while your backend answers with a token for one (signed out: 401, no launcher); ${UPDATE_USER_FUNCTION}() asks again. The click fetches a fresh token.`,
        ),
        `async function ${SHOW_LAUNCHER_FUNCTION}() {`,
        ...TOKEN_REQUEST,
        `  ${LAUNCHER_VARIABLE}.style.display = response.ok ? '' : 'none';`,
        "}",
        `${SHOW_LAUNCHER_FUNCTION}().catch((error) => {`,
        "  console.error('The OpenCX contact token could not be fetched:', error);",
        "});",
      ]
    : [];
  return [
    `const ${LAUNCHER_VARIABLE} = document.getElementById(${jsString(LAUNCHER_ID)});`,
    `let ${STARTED_FLAG} = false;`,
    ...commentLines(
      "Pressing the look-alike launcher loads the real widget, which opens (isOpen: true) and takes the launcher's place.",
    ),
    `function ${LAUNCHER_CLICK_FUNCTION}() {`,
    ...CLAIM_START,
    `  ${LAUNCHER_VARIABLE}.disabled = true;`,
    `  ${LAUNCHER_VARIABLE}.setAttribute('aria-busy', 'true');`,
    `  ${START_FUNCTION}().then(`,
    `    () => ${LAUNCHER_VARIABLE}.remove(),`,
    "    (error) => {",
    ...onStartFailed(
      [
        `${LAUNCHER_VARIABLE}.disabled = false;`,
        `${LAUNCHER_VARIABLE}.removeAttribute('aria-busy');`,
      ],
      "      ",
    ),
    "    },",
    "  );",
    "}",
    `${LAUNCHER_VARIABLE}.addEventListener('click', ${LAUNCHER_CLICK_FUNCTION});`,
    ...show,
  ];
}

/** The look-alike launcher's markup (hidden until a verified page knows the user is signed in). */
function launcherMarkup(config: PlaygroundConfig): string {
  // An inline display, not the hidden attribute, which a site's `button { display: … }` overrides.
  const hidden = isVerified(config) ? "display: none; " : "";
  return `<button type="button" id="${LAUNCHER_ID}" aria-label="${LAUNCHER_LABEL}" title="${LAUNCHER_LABEL}" style="${hidden}${launcherStyle(config)}">${LAUNCHER_SVG}</button>`;
}

/** The page that loads the embed on consent or on click (loading.ts). */
function onDemandPage(config: PlaygroundConfig, mode: OnDemandMode): string[] {
  const dialect = onDemandDialect(mode, config);
  const script = [
    scriptUrlConst(config, ON_DEMAND_LOADER),
    ...commentLines(
      "Adds the pinned embed script to the page once, on consent or a click, and resolves when it has run.",
    ),
    `let ${ON_DEMAND_LOADER.promise};`,
    ...loaderFunction(ON_DEMAND_LOADER, false),
    "",
    ...embedFlows(config, dialect, { exported: false }),
    "",
    ...(mode === "consent" ? consentTrigger() : clickTrigger(config)),
  ].join("\n");
  return [
    headerComment(config),
    `<!-- ${loadingHeadline(mode, config, true)} -->`,
    ...(mode === "click" ? [launcherMarkup(config)] : []),
    "<script>",
    indent(script, 2),
    "</script>",
  ];
}

export function generateHtmlSnippet(config: PlaygroundConfig): Snippet {
  const mode = loadingOf(config, "html");
  if (mode === "page-load") return generatePageLoadHtml(config);
  return {
    target: "html",
    label: SNIPPET_TARGET_LABELS.html,
    files: [
      {
        path: "index.html",
        language: "html",
        code: [...onDemandPage(config, mode), ""].join("\n"),
      },
    ],
  };
}
