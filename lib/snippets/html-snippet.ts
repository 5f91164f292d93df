/**
 * The HTML embed: the pinned `@opencx/widget` script plus `initOpenScript(options)`
 * on DOMContentLoaded (domain.md §10.1). In the verified model the page first
 * asks the integrator's backend for the signed-in user's contact token.
 */
import type { PlaygroundConfig } from "../config/options";
import {
  CONTACT_TOKEN_ENDPOINT,
  CONTACT_TOKEN_VARIABLE,
  EMBED_SCRIPT_URL,
  indent,
  isVerified,
  VERSION_NOTE,
  widgetOptionsValue,
} from "./model";
import { printJs } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/** The JavaScript inside the inline `<script>` element, without its indentation. */
function inlineScript(config: PlaygroundConfig): string {
  if (!isVerified(config)) {
    const options = printJs(widgetOptionsValue(config), { breakTopLevel: true });
    return [
      `const options = ${options};`,
      "",
      "window.addEventListener('DOMContentLoaded', () => {",
      "  initOpenScript(options);",
      "});",
    ].join("\n");
  }
  const options = printJs(widgetOptionsValue(config), { level: 1, breakTopLevel: true });
  return [
    "window.addEventListener('DOMContentLoaded', async () => {",
    "  // The signed-in user's contact token comes from YOUR backend (see the server snippets).",
    "  // The org API key stays on the server: never put it in this page.",
    `  const response = await fetch('${CONTACT_TOKEN_ENDPOINT}', {`,
    "    method: 'POST',",
    "    credentials: 'same-origin',",
    "  });",
    "  if (!response.ok) return; // Not signed in (401): no verified widget on this page.",
    `  const { token: ${CONTACT_TOKEN_VARIABLE} } = await response.json();`,
    "",
    `  const options = ${options};`,
    "  initOpenScript(options);",
    "});",
  ].join("\n");
}

export function generateHtmlSnippet(config: PlaygroundConfig): Snippet {
  const code = [
    `<!-- ${VERSION_NOTE}. Keep the pin: the latest release is v5. -->`,
    `<script src="${EMBED_SCRIPT_URL}"></script>`,
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
