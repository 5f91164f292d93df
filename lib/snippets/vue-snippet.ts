/**
 * Vue 3: a single-file component, `SupportWidget.vue`, that starts the widget from `onMounted`
 * (never during server rendering) through the pinned embed script: there is no Vue package, so
 * the component drives the same `initOpenScript` the HTML snippet calls (`embed-module.ts`).
 *
 * The module's top level (a plain `<script lang="ts">` block) holds what belongs to the page:
 * the loader, the options, the start, and the sign-out functions, exported so the app's sign-out
 * handler imports them from the component (Vue's documented use of a normal `<script>` beside
 * `<script setup>`: named exports, and state shared by every instance). `<script setup>` only
 * starts the widget once per page load, however often the component mounts.
 */
import type { PlaygroundConfig } from "../config/options";
import { embedModule, startCall, updatesInPlace } from "./embed-module";
import { commentLines, RESTART_FUNCTION, START_FUNCTION, UPDATE_USER_FUNCTION } from "./lifecycle";
import { majorOfConfig, snippetVersionNote } from "./model";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/** Where the component goes in a Vite + Vue project. */
export const VUE_COMPONENT_PATH = "src/components/SupportWidget.vue";
/** The module-level flag that keeps a second mount from starting the widget again. */
export const STARTED_FLAG = "openCxWidgetStarted";

/** The comment lines at the top: the version and pin, where to mount, what to import for sign-out. */
export function embedHeader(config: PlaygroundConfig, where: string, signOut: string): string[] {
  const v5 = majorOfConfig(config) === "v5";
  const pin = v5 ? "Keep the exact pin." : "Keep the pin: the latest release is v5.";
  const single = v5 ? " One integration per page: not beside the HTML embed." : "";
  return [
    `// ${snippetVersionNote(majorOfConfig(config))}, from its embed script: there is no Vue package.`,
    ...commentLines(`${pin} ${where}${single} ${signOut}`),
  ];
}

/** What the app imports from the component for its sign-out, per version and model. */
function signOutImports(config: PlaygroundConfig): string {
  const names = updatesInPlace(config)
    ? `${RESTART_FUNCTION} (sign-out) and ${UPDATE_USER_FUNCTION} (a user signs in without a page load)`
    : `${RESTART_FUNCTION} (sign-out)`;
  return `Your app imports ${names} from this file: see below.`;
}

export function generateVueSnippet(config: PlaygroundConfig): Snippet {
  const code = [
    '<script lang="ts">',
    ...embedHeader(
      config,
      "Render <SupportWidget /> once, in App.vue outside <RouterView>: it starts the page's one widget, which stays on the page when the component unmounts.",
      signOutImports(config),
    ),
    "",
    ...embedModule(config, true),
    "",
    `let ${STARTED_FLAG} = false;`,
    "</script>",
    "",
    '<script setup lang="ts">',
    "import { onMounted } from 'vue';",
    "",
    ...commentLines(
      `The widget reads window and localStorage, so it starts in the browser only: onMounted never runs during server rendering. Once per page load, however often this component mounts (${START_FUNCTION} is the page's, not the component's).`,
    ),
    "onMounted(() => {",
    `  if (${STARTED_FLAG}) return;`,
    `  ${STARTED_FLAG} = true;`,
    ...startCall(2),
    "});",
    "</script>",
    "",
    "<template>",
    "  <!-- Nothing to render here: the embed script adds the widget to the page itself. -->",
    "</template>",
    "",
  ].join("\n");
  return {
    target: "vue",
    label: SNIPPET_TARGET_LABELS.vue,
    files: [{ path: VUE_COMPONENT_PATH, language: "vue", code }],
  };
}
