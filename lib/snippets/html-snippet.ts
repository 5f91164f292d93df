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
import type { PlaygroundConfig } from "../config/options";
import {
  clearStorageFunction,
  commentLines,
  FETCH_TOKEN_FUNCTION,
  fetchTokenFunction,
  htmlRestartFunction,
  htmlUpdateUserFunction,
  chatOnlyNote,
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
  indent,
  isVerified,
  majorOfConfig,
  rendersRenewal,
  snippetVersionNote,
  widgetOptionsValue,
} from "./model";
import { printJs } from "./print/js";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/** The v5 verified page's function that passes a token to the widget. */
const SHOW_FUNCTION = "showOpenCxWidget";
/** The v5 verified page's stop function of the current renewal. */
const STOP_RENEWAL = "stopOpenCxTokenRenewal";

/** The call that starts the widget: v5 names the global, as its docs do. */
export function initCall(config: PlaygroundConfig): string {
  return majorOfConfig(config) === "v5"
    ? "window.initOpenScript(options);"
    : "initOpenScript(options);";
}

/** The comments above the token request: the token comes from the integrator's backend. */
const TOKEN_COMMENT = [
  "// The signed-in user's contact token comes from YOUR backend (see the server snippets).",
  "// The org API key stays on the server: never put it in this page.",
];

/** v4, verified: fetch the token once per page; v4 starts once per page. */
function fetchOnce(config: PlaygroundConfig): string[] {
  // Stryker disable next-line BooleanLiteral: verified options always hold the user object, so they never fit on one line anyway.
  const options = printJs(widgetOptionsValue(config), { level: 1, breakTopLevel: true });
  return [
    "window.addEventListener('DOMContentLoaded', async () => {",
    ...TOKEN_COMMENT.map((l) => "  " + l),
    `  const response = await fetch('${CONTACT_TOKEN_ENDPOINT}', {`,
    "    method: 'POST',",
    "    credentials: 'same-origin',",
    "  });",
    "  if (!response.ok) return; // Not signed in (401): no verified widget on this page.",
    `  const { token: ${CONTACT_TOKEN_VARIABLE} } = await response.json();`,
    "",
    `  const options = ${options};`,
    `  ${initCall(config)}`,
    "});",
    "",
    ...v4NoRenewalNote(false),
  ];
}

/**
 * v5, verified (domain-v5.md §3.7, §19): one function passes a token to the widget; the first
 * call starts it, a later one re-renders the same widget (a renewal keeps the conversation,
 * another user resets it in place). With `mcp_access` the token is renewed before it expires.
 */
function fetchAndShow(config: PlaygroundConfig): string[] {
  // Stryker disable next-line BooleanLiteral: verified options always hold the user object, so they never fit on one line anyway.
  const options = printJs(widgetOptionsValue(config), { level: 1, breakTopLevel: true });
  const renews = rendersRenewal(config);
  return [
    ...TOKEN_COMMENT,
    ...fetchTokenFunction(false),
    "",
    ...commentLines(
      "The first call starts the widget; a later call updates the same widget (v5): the same user's renewed token keeps the conversation, another user's resets it in place.",
    ),
    ...connectionSwitchesNote(config).map((line) => `// ${line}`),
    `function ${SHOW_FUNCTION}(${CONTACT_TOKEN_VARIABLE}) {`,
    `  const options = ${options};`,
    `  ${initCall(config)}`,
    "}",
    "",
    ...(renews
      ? [...renewalFunction(false), "", `let ${STOP_RENEWAL} = () => {};`]
      : chatOnlyNote()),
    `async function ${START_FUNCTION}() {`,
    `  const ${CONTACT_TOKEN_VARIABLE} = await ${FETCH_TOKEN_FUNCTION}();`,
    `  if (${CONTACT_TOKEN_VARIABLE} === null) return; // Nobody is signed in: no verified widget.`,
    `  ${SHOW_FUNCTION}(${CONTACT_TOKEN_VARIABLE});`,
    ...(renews
      ? [
          `  ${STOP_RENEWAL}(); // One renewal at a time: the newer token's.`,
          `  ${STOP_RENEWAL} = ${RENEW_FUNCTION}(${CONTACT_TOKEN_VARIABLE}, ${SHOW_FUNCTION});`,
        ]
      : []),
    "}",
    `window.addEventListener('DOMContentLoaded', ${START_FUNCTION});`,
  ];
}

/** The sign-out and switch-user functions after the widget's start, per version and model. */
function lifecycleFunctions(config: PlaygroundConfig): string[] {
  const inPlace = majorOfConfig(config) === "v5" && isVerified(config);
  return [
    ...clearStorageFunction(config, false),
    "",
    ...htmlRestartFunction(config),
    ...(inPlace ? ["", ...htmlUpdateUserFunction()] : []),
  ];
}

/** The JavaScript inside the inline `<script>` element, without its indentation. */
function inlineScript(config: PlaygroundConfig): string {
  const start = isVerified(config)
    ? majorOfConfig(config) === "v5"
      ? fetchAndShow(config)
      : fetchOnce(config)
    : [
        `const options = ${printJs(widgetOptionsValue(config), { breakTopLevel: true })};`,
        "",
        "window.addEventListener('DOMContentLoaded', () => {",
        `  ${initCall(config)}`,
        "});",
      ];
  return [...start, "", ...lifecycleFunctions(config)].join("\n");
}

/** The one comment before the scripts: the version, the pin, and one integration per page. */
function headerComment(config: PlaygroundConfig): string {
  const major = majorOfConfig(config);
  const note = snippetVersionNote(major);
  return major === "v5"
    ? `<!-- ${note}. Keep the exact pin. Use this embed or the React widget on a page, never both. -->`
    : `<!-- ${note}. Keep the pin: the latest release is v5. -->`;
}

export function generateHtmlSnippet(config: PlaygroundConfig): Snippet {
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
