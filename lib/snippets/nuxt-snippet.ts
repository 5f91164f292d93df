/**
 * Nuxt 3 / 4: a client-only plugin, `app/plugins/opencx-widget.client.ts` (Nuxt 3's layout:
 * `plugins/`), that starts the widget through the pinned embed script (`embed-module.ts`) from
 * the `app:mounted` hook; the verified model adds the server route the plugin calls,
 * `server/api/opencx/contact-token.post.ts`.
 *
 * Why a plugin rather than a component in `<ClientOnly>`: the embed keeps one widget per page
 * until a reload, which is what a plugin is (it runs once per page load, outside every layout and
 * page, so route changes never start it again); the `.client` suffix keeps it out of server
 * rendering by Nuxt's own rule, and `app:mounted` runs in the browser only, after hydration; the
 * sign-out functions reach the app through `provide` (`useNuxtApp().$restartOpenCxWidget()`).
 * A `<ClientOnly>` component would still need a once-per-page guard, a place in a layout, and an
 * import path for its sign-out functions.
 */
import type { PlaygroundConfig } from "../config/options";
import { embedModule, startCall, updatesInPlace } from "./embed-module";
import {
  CLEAR_STORAGE_FUNCTION,
  commentLines,
  RESTART_FUNCTION,
  UPDATE_USER_FUNCTION,
} from "./lifecycle";
import {
  API_KEY_ENV,
  CONTACT_TOKEN_ENDPOINT,
  indent,
  isVerified,
  majorOfConfig,
  snippetVersionNote,
} from "./model";
import { API_URL_CONST, authenticateUserCall } from "./server-snippets";
import { SNIPPET_TARGET_LABELS, type Snippet, type SnippetFile } from "./types";
import { embedHeader } from "./vue-snippet";

/** Nuxt 4's plugins directory (Nuxt 3: `plugins/`); the `.client` suffix makes it client-only. */
export const NUXT_PLUGIN_PATH = "app/plugins/opencx-widget.client.ts";
/** The Nitro route of `CONTACT_TOKEN_ENDPOINT`: `server/api/…`, POST only by its suffix. */
export const NUXT_ROUTE_PATH = `server${CONTACT_TOKEN_ENDPOINT}.post.ts`;
/** The Nuxt runtime hook that runs in the browser only, once the app has mounted. */
export const NUXT_CLIENT_HOOK = "app:mounted";

/** The functions the plugin provides, per version and model. */
function provided(config: PlaygroundConfig): string[] {
  return [
    CLEAR_STORAGE_FUNCTION,
    RESTART_FUNCTION,
    ...(updatesInPlace(config) ? [UPDATE_USER_FUNCTION] : []),
  ];
}

function pluginFile(config: PlaygroundConfig): SnippetFile {
  const inPlace = updatesInPlace(config);
  const also = inPlace ? ` and $${UPDATE_USER_FUNCTION}()` : "";
  const use = inPlace
    ? `Call useNuxtApp().$${RESTART_FUNCTION}() in your sign-out handler, and $${UPDATE_USER_FUNCTION}() when a user signs in without a page load.`
    : `Call useNuxtApp().$${RESTART_FUNCTION}() in your sign-out handler.`;
  const code = [
    ...embedHeader(
      config,
      "A client-only plugin (app/plugins/ in Nuxt 4, plugins/ in Nuxt 3): the .client suffix keeps it out of server rendering, and it starts the page's one widget once the app has mounted. Route changes keep the widget.",
      `For sign-out the plugin provides useNuxtApp().$${RESTART_FUNCTION}()${also}: see the end of this file.`,
    ),
    "",
    ...embedModule(config, false),
    "",
    "export default defineNuxtPlugin((nuxtApp) => {",
    ...commentLines(
      `In the browser only, once per page load, after hydration: ${NUXT_CLIENT_HOOK} never runs on the server.`,
    ).map((line) => `  ${line}`),
    `  nuxtApp.hook('${NUXT_CLIENT_HOOK}', () => {`,
    ...startCall(4),
    "  });",
    ...commentLines(use).map((line) => `  ${line}`),
    "  return {",
    `    provide: { ${provided(config).join(", ")} },`,
    "  };",
    "});",
    "",
  ].join("\n");
  return { path: NUXT_PLUGIN_PATH, language: "ts", code };
}

function routeFile(config: PlaygroundConfig): SnippetFile {
  const code = [
    `// ${snippetVersionNote(majorOfConfig(config))}: the endpoint the widget plugin calls for the contact token.`,
    `// POST ${CONTACT_TOKEN_ENDPOINT} → { token } for the signed-in user, 401 otherwise.`,
    `// Server only: set ${API_KEY_ENV} in the server environment (never in runtimeConfig.public).`,
    "import type { H3Event } from 'h3';",
    "",
    API_URL_CONST,
    "",
    "interface SignedInUser {",
    "  email: string;",
    "}",
    "",
    "// TODO: implement with YOUR auth, e.g. `(await getUserSession(event)).user` with",
    "// nuxt-auth-utils (name the parameter event then). Return null when nobody is signed in.",
    "async function getSignedInUser(_event: H3Event): Promise<SignedInUser | null> {",
    "  throw new Error('Implement getSignedInUser() with your auth library');",
    "}",
    "",
    "export default defineEventHandler(async (event) => {",
    "  const user = await getSignedInUser(event);",
    "  if (!user) {",
    "    throw createError({ statusCode: 401, statusMessage: 'Not signed in' });",
    "  }",
    "",
    // authenticateUserCall's body reads the signed-in user's email from `email` (issue 18 merge).
    "  const email = user.email;",
    indent(authenticateUserCall(config, { typed: true }), 2),
    "  setResponseHeader(event, 'Cache-Control', 'no-store');",
    "  return { token };",
    "});",
    "",
  ].join("\n");
  return { path: NUXT_ROUTE_PATH, language: "ts", code };
}

export function generateNuxtSnippet(config: PlaygroundConfig): Snippet {
  const files = [pluginFile(config)];
  if (isVerified(config)) files.push(routeFile(config));
  return { target: "nuxt", label: SNIPPET_TARGET_LABELS.nuxt, files };
}
