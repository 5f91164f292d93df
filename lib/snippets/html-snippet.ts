/**
 * The HTML embed: the pinned `@opencx/widget` script plus the initializer on
 * DOMContentLoaded. v5 (domain-v5.md §10.1, §19): `<script defer>` and
 * `window.initOpenScript(options)`, in that order; a later call re-renders the
 * same widget with new options, which is how a renewed token reaches it. v4
 * (domain.md §10.1): a plain script tag and `initOpenScript(options)`, called
 * once per page. In the verified model the page first asks the integrator's
 * backend for the signed-in user's contact token.
 *
 * After the start, the lifecycle (lifecycle.ts, domain-v5.md §18): every page
 * gets `clearOpenCxWidgetStorage()` and `restartOpenCxWidget()` (clear, then
 * reload); v5's verified page also `updateOpenCxWidgetUser()` (clear, then the
 * next user's token to the same widget) and, with `mcp_access`, the renewal.
 * The page's own top-level names say OpenCx, so they do not clash with the
 * host page's globals.
 */
import type { LoadingMode, PlaygroundConfig } from "../config/options";
import {
  type EmbedDialect,
  embedFlows,
  LOAD_SCRIPT_FUNCTION,
  loaderFunction,
  SCRIPT_URL_CONST,
  type ScriptLoader,
  scriptUrlConst,
  START_FAILED,
} from "./embed-module";
import { commentLines, START_FUNCTION } from "./lifecycle";
import {
  LAUNCHER_ID,
  LAUNCHER_LABEL,
  LAUNCHER_SVG,
  launcherStyle,
  loadingHeadline,
  loadingOf,
} from "./loading";
import {
  CONTACT_TOKEN_ENDPOINT,
  embedScriptUrl,
  indent,
  isVerified,
  majorOfConfig,
  snippetVersionNote,
} from "./model";
import { jsString } from "./print/js";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/**
 * How the page writes the embed's flows (embed-module.ts): JavaScript, the script tag loads the
 * embed, and the page starts the widget on DOMContentLoaded.
 */
const DIALECT: EmbedDialect = {
  typed: false,
  returnTypes: false,
  keyNeverIn: "this page",
  loader: null,
  stepComments: false,
  above: () => [],
};

/** The JavaScript inside the inline `<script>` element, without its indentation. */
function inlineScript(config: PlaygroundConfig): string {
  return embedFlows(config, DIALECT, { exported: false }).join("\n");
}

/** The one comment before the scripts: the version, the pin, and one integration per page. */
function headerComment(config: PlaygroundConfig): string {
  const major = majorOfConfig(config);
  const note = snippetVersionNote(major);
  return major === "v5"
    ? `<!-- ${note}. Keep the exact pin. Use this embed or the React widget on a page, never both. -->`
    : `<!-- ${note}. Keep the pin: the latest release is v5. -->`;
}

/** The on-demand page's loader: the embed script is added by code, on consent or on click. */
const ON_DEMAND_LOADER: ScriptLoader = {
  name: LOAD_SCRIPT_FUNCTION,
  urlConst: SCRIPT_URL_CONST,
  promise: "openCxScript",
  forgetNote: " // A later start tries again.",
  error: "'The OpenCX widget script did not load'",
};

/** The page's flag: the visitor consented or clicked, so the widget is started (or starting). */
export const STARTED_FLAG = "openCxStarted";
/** The function the consent tool calls. */
export const CONSENT_FUNCTION = "onOpenCxConsent";
/** The launcher's click handler. */
export const LAUNCHER_CLICK_FUNCTION = "onOpenCxLauncherClick";
/** The variable holding the launcher element. */
const LAUNCHER_VARIABLE = "openCxLauncher";

function onDemandDialect(mode: OnDemandMode): EmbedDialect {
  return {
    ...DIALECT,
    loader: ON_DEMAND_LOADER,
    opensOnStart: mode === "click",
    startedFlag: STARTED_FLAG,
  };
}

type OnDemandMode = Exclude<LoadingMode, "page-load">;

/** What a failed start logs and undoes, so the next trigger tries again. */
function failed(undo: string[]): string[] {
  return [
    "    (error) => {",
    `      ${STARTED_FLAG} = false; // A failed start can be tried again.`,
    ...undo.map((line) => `      ${line}`),
    `      console.error(${jsString(START_FAILED)}, error);`,
    "    },",
  ];
}

/** The consent trigger: one function, idempotent. */
function consentTrigger(): string[] {
  return [
    ...commentLines(
      `Your consent tool calls ${CONSENT_FUNCTION}() when the visitor agrees (on every page load where consent is stored, as most consent tools do). A second call does nothing: one start per page.`,
    ),
    `let ${STARTED_FLAG} = false;`,
    `function ${CONSENT_FUNCTION}() {`,
    `  if (${STARTED_FLAG}) return;`,
    `  ${STARTED_FLAG} = true;`,
    `  ${START_FUNCTION}().catch((error) => {`,
    `    ${STARTED_FLAG} = false; // A failed start can be tried again.`,
    `    console.error(${jsString(START_FAILED)}, error);`,
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
          "A verified widget needs a signed-in user: the launcher shows once your backend answers with a token for one (not signed in: 401, no launcher). The click fetches a fresh token.",
        ),
        "window.addEventListener('DOMContentLoaded', async () => {",
        `  const response = await fetch(${jsString(CONTACT_TOKEN_ENDPOINT)}, {`,
        "    method: 'POST',",
        "    credentials: 'same-origin',",
        "  });",
        `  if (response.ok) ${LAUNCHER_VARIABLE}.hidden = false;`,
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
    `  if (${STARTED_FLAG}) return;`,
    `  ${STARTED_FLAG} = true;`,
    `  ${LAUNCHER_VARIABLE}.disabled = true;`,
    `  ${LAUNCHER_VARIABLE}.setAttribute('aria-busy', 'true');`,
    `  ${START_FUNCTION}().then(`,
    `    () => ${LAUNCHER_VARIABLE}.remove(),`,
    ...failed([
      `${LAUNCHER_VARIABLE}.disabled = false;`,
      `${LAUNCHER_VARIABLE}.removeAttribute('aria-busy');`,
    ]),
    "  );",
    "}",
    `${LAUNCHER_VARIABLE}.addEventListener('click', ${LAUNCHER_CLICK_FUNCTION});`,
    ...show,
  ];
}

/** The look-alike launcher's markup (hidden until a verified page knows the user is signed in). */
function launcherMarkup(config: PlaygroundConfig): string {
  const hidden = isVerified(config) ? " hidden" : "";
  return `<button type="button" id="${LAUNCHER_ID}" aria-label="${LAUNCHER_LABEL}" title="${LAUNCHER_LABEL}"${hidden} style="${launcherStyle(config)}">${LAUNCHER_SVG}</button>`;
}

/** The page that loads the embed on consent or on click (loading.ts). */
function onDemandPage(config: PlaygroundConfig, mode: OnDemandMode): string[] {
  const dialect = onDemandDialect(mode);
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
  if (mode !== "page-load") {
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
  const major = majorOfConfig(config);
  const script =
    major === "v5"
      ? `<script defer src="${embedScriptUrl(major)}"></script>`
      : `<script src="${embedScriptUrl(major)}"></script>`;
  const code = [
    headerComment(config),
    script,
    "<script>",
    indent(inlineScript(config), 2),
    "</script>",
    "",
  ].join("\n");
  return {
    target: "html",
    label: SNIPPET_TARGET_LABELS.html,
    files: [{ path: "index.html", language: "html", code }],
  };
}
