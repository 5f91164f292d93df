/**
 * Snippet generators: one per target, all printed from the same model
 * (`toWidgetConfig` / `toAuthenticateRequest`), deterministic, secret-free.
 */
import type { PlaygroundConfig } from "../config/options";
import { generateCurlSnippet } from "./curl-snippet";
import { generateHtmlSnippet } from "./html-snippet";
import { generateNextjsRouteSnippet, generateNextjsSnippet } from "./nextjs-snippet";
import { generatePhpSnippet } from "./php-snippet";
import { generateFlaskSnippet, generatePythonSnippet } from "./python-snippet";
import { generateNuxtSnippet } from "./nuxt-snippet";
import { generateReactSnippet } from "./react-snippet";
import { generateRubySnippet } from "./ruby-snippet";
import { generateExpressSnippet, generateNodeSnippet } from "./server-snippets";
import { generateGoSnippet } from "./go-snippet";
import { generateJavaSnippet } from "./java-snippet";
import { generateVueSnippet } from "./vue-snippet";
import { generateSvelteKitSnippet, generateSvelteSnippet } from "./svelte-snippet";
import { generateAngularSnippet } from "./angular-snippet";
import { applicableTargets } from "./targets";
import type { Snippet, SnippetTarget } from "./types";

export * from "./types";
export { applicableTargets };
export {
  generateAngularSnippet,
  generateCurlSnippet,
  generateExpressSnippet,
  generateFlaskSnippet,
  generateHtmlSnippet,
  generateNextjsRouteSnippet,
  generateGoSnippet,
  generateJavaSnippet,
  generateNextjsSnippet,
  generateNodeSnippet,
  generatePhpSnippet,
  generatePythonSnippet,
  generateReactSnippet,
  generateRubySnippet,
  generateNuxtSnippet,
  generateVueSnippet,
  generateSvelteKitSnippet,
  generateSvelteSnippet,
};
export { CONTACT_TOKEN_ENDPOINT, CONTACT_TOKEN_VARIABLE } from "./model";
export {
  CLEAR_STORAGE_FUNCTION,
  keysToClear,
  RENEW_AT_FRACTION,
  RENEW_FUNCTION,
  RESTART_FUNCTION,
  UPDATE_USER_FUNCTION,
  type KeysToClear,
} from "./lifecycle";

const GENERATORS: Readonly<Record<SnippetTarget, (config: PlaygroundConfig) => Snippet>> = {
  html: generateHtmlSnippet,
  react: generateReactSnippet,
  nextjs: generateNextjsSnippet,
  vue: generateVueSnippet,
  nuxt: generateNuxtSnippet,
  svelte: generateSvelteSnippet,
  sveltekit: generateSvelteKitSnippet,
  angular: generateAngularSnippet,
  node: generateNodeSnippet,
  express: generateExpressSnippet,
  "nextjs-route": generateNextjsRouteSnippet,
  python: generatePythonSnippet,
  flask: generateFlaskSnippet,
  php: generatePhpSnippet,
  ruby: generateRubySnippet,
  go: generateGoSnippet,
  java: generateJavaSnippet,
  curl: generateCurlSnippet,
};

/**
 * The snippet for one target. Server targets describe the verified model's
 * server half; `generateSnippets` offers them only for that model.
 */
export function generateSnippet(target: SnippetTarget, config: PlaygroundConfig): Snippet {
  return GENERATORS[target](config);
}

/** Every applicable snippet, in `SNIPPET_TARGETS` order. */
export function generateSnippets(config: PlaygroundConfig): Snippet[] {
  return applicableTargets(config).map((target) => generateSnippet(target, config));
}
