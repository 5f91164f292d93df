/**
 * The HTML embed: the pinned `@opencx/widget` script plus the initializer on
 * DOMContentLoaded. v5 (domain-v5.md §10.1, §19): `<script defer>` and
 * `window.initOpenScript(options)`, in that order; a later call re-renders the
 * same widget with new options, which is how a renewed token reaches it. v4
 * (domain.md §10.1): a plain script tag and `initOpenScript(options)`, called
 * once per page. In the verified model the page first asks the integrator's
 * backend for the signed-in user's contact token.
 */
import type { PlaygroundConfig } from "../config/options";
import {
  CONTACT_TOKEN_ENDPOINT,
  CONTACT_TOKEN_VARIABLE,
  connectionSwitchesNote,
  embedScriptUrl,
  indent,
  isVerified,
  majorOfConfig,
  RENEW_AFTER_MINUTES,
  rendersRenewal,
  snippetVersionNote,
  widgetOptionsValue,
} from "./model";
import { printJs } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/** The call that starts the widget: v5 names the global, as its docs do. */
function initCall(config: PlaygroundConfig): string {
  return majorOfConfig(config) === "v5"
    ? "window.initOpenScript(options);"
    : "initOpenScript(options);";
}

/** The comments above the token request: the token comes from the integrator's backend. */
const TOKEN_COMMENT = [
  "// The signed-in user's contact token comes from YOUR backend (see the server snippets).",
  "// The org API key stays on the server: never put it in this page.",
];

function fetchOnce(config: PlaygroundConfig): string {
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
  ].join("\n");
}

/**
 * v5 with a token minted with `mcp_access` (domain-v5.md §15.9): the token lasts one hour, so
 * the page fetches a new one before then and when the tab is shown again, and calls
 * `window.initOpenScript` again, which updates the one widget on the page (§3.7).
 */
function fetchAndRenew(config: PlaygroundConfig): string {
  const options = printJs(widgetOptionsValue(config), { level: 2, breakTopLevel: true });
  return [
    "window.addEventListener('DOMContentLoaded', async () => {",
    ...TOKEN_COMMENT.map((l) => "  " + l),
    "  const fetchContactToken = async () => {",
    `    const response = await fetch('${CONTACT_TOKEN_ENDPOINT}', {`,
    "      method: 'POST',",
    "      credentials: 'same-origin',",
    "    });",
    "    if (!response.ok) return null; // Not signed in (401).",
    "    const { token } = await response.json();",
    "    return token;",
    "  };",
    "  // The first call starts the widget; a later call updates the same widget (v5).",
    ...connectionSwitchesNote(config).map((line) => `  // ${line}`),
    `  const showWidget = (${CONTACT_TOKEN_VARIABLE}) => {`,
    `    const options = ${options};`,
    "    window.initOpenScript(options);",
    "  };",
    "",
    "  const firstToken = await fetchContactToken();",
    "  if (firstToken === null) return; // No verified widget without a signed-in user.",
    "  showWidget(firstToken);",
    "",
    "  // The token was minted with mcp_access, so it expires after one hour. Fetch a new one after",
    `  // ${RENEW_AFTER_MINUTES} minutes and when the tab is shown again (background tabs pause timers),`,
    "  // and pass it to the same widget: the same user keeps their conversation.",
    `  const RENEW_AFTER_MS = ${RENEW_AFTER_MINUTES} * 60 * 1000;`,
    "  let renewedAt = Date.now();",
    "  const renewIfDue = async () => {",
    "    if (Date.now() - renewedAt < RENEW_AFTER_MS) return;",
    "    renewedAt = Date.now();",
    "    try {",
    "      const renewed = await fetchContactToken();",
    "      if (renewed !== null) showWidget(renewed);",
    "    } catch {",
    "      renewedAt = 0; // Network error: try again at the next check.",
    "    }",
    "  };",
    "  setInterval(renewIfDue, 60 * 1000);",
    "  document.addEventListener('visibilitychange', () => {",
    "    if (document.visibilityState === 'visible') renewIfDue();",
    "  });",
    "});",
  ].join("\n");
}

/** The JavaScript inside the inline `<script>` element, without its indentation. */
function inlineScript(config: PlaygroundConfig): string {
  if (isVerified(config)) return rendersRenewal(config) ? fetchAndRenew(config) : fetchOnce(config);
  const options = printJs(widgetOptionsValue(config), { breakTopLevel: true });
  return [
    `const options = ${options};`,
    "",
    "window.addEventListener('DOMContentLoaded', () => {",
    `  ${initCall(config)}`,
    "});",
  ].join("\n");
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
