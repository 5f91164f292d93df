/**
 * The HTML page that loads the widget with the page (the `loading` option's default): the pinned
 * `@opencx/widget` script plus the initializer on DOMContentLoaded. The code panel makes this one
 * at once, before the other generators load (`on-demand.ts`); the page that loads on consent or
 * on click is `html-snippet.ts`, with them. v5 (domain-v5.md §10.1, §19): `<script defer>` and
 * `window.initOpenScript(options)`, in that order; a later call re-renders the same widget with
 * new options, which is how a renewed token reaches it. v4 (domain.md §10.1): a plain script tag
 * and `initOpenScript(options)`, called once per page. In the verified model the page first asks
 * the integrator's backend for the signed-in user's contact token.
 *
 * After the start, the lifecycle (lifecycle.ts, domain-v5.md §18): every page gets
 * `clearOpenCxWidgetStorage()` and `restartOpenCxWidget()` (clear, then reload); v5's verified
 * page also `updateOpenCxWidgetUser()` (clear, then the next user's token to the same widget)
 * and, with `mcp_access`, the renewal. The page's own top-level names say OpenCx, so they do not
 * clash with the host page's globals.
 */
import type { PlaygroundConfig } from "../config/options";
import { type EmbedDialect, embedFlows } from "./embed-module";
import { embedScriptUrl, indent, majorOfConfig, snippetVersionNote } from "./model";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/**
 * How the page writes the embed's flows (embed-module.ts): JavaScript, the script tag loads the
 * embed, and the page starts the widget on DOMContentLoaded.
 */
export const DIALECT: EmbedDialect = {
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
export function headerComment(config: PlaygroundConfig): string {
  const major = majorOfConfig(config);
  const note = snippetVersionNote(major);
  return major === "v5"
    ? `<!-- ${note}. Keep the exact pin. Use this embed or the React widget on a page, never both. -->`
    : `<!-- ${note}. Keep the pin: the latest release is v5. -->`;
}

/** The page that loads the widget with the page, whatever `config.loading` says. */
export function generatePageLoadHtml(config: PlaygroundConfig): Snippet {
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
