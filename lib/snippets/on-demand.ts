/**
 * The page's way to the generators: HTML (the first tab, what a plain link opens) loading with
 * the page is generated at once; every other target's generator is in one chunk that loads when a tab needing it is
 * first shown (or the reader reaches for the tab list), so seventeen targets and their printers
 * stay out of the first load of `/`. Server code imports `./index` directly.
 *
 * `loadGenerators()` starts the load once (a failed load is forgotten, so the next call
 * retries); `loadedGenerators()` is the generator once it is there, for a synchronous render.
 */
import type { PlaygroundConfig } from "../config/options";
import { generatePageLoadHtml } from "./html-page";
import type { Snippet, SnippetTarget } from "./types";

export type GenerateSnippet = (target: SnippetTarget, config: PlaygroundConfig) => Snippet;

/** The target generated without waiting: the first tab. */
export const EAGER_TARGET = "html" satisfies SnippetTarget;

/**
 * Whether `target`'s snippet for `config` is made without the generators: the first tab's page
 * that loads the widget with the page. The page that loads on consent or on click comes with the
 * other generators (it is a few KB the first load of `/` need not carry).
 */
export function madeAtOnce(target: SnippetTarget, config: PlaygroundConfig): boolean {
  return target === EAGER_TARGET && config.loading === "page-load";
}

let loaded: GenerateSnippet | undefined;
let pending: Promise<GenerateSnippet> | undefined;
const listeners = new Set<() => void>();

/** Starts loading every generator (once); resolves with `generateSnippet`. */
export function loadGenerators(): Promise<GenerateSnippet> {
  pending ??= import("./index").then(
    (m) => {
      loaded = m.generateSnippet;
      for (const listener of listeners) listener();
      return m.generateSnippet;
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/** `generateSnippet` once loaded, else `undefined`. */
export function loadedGenerators(): GenerateSnippet | undefined {
  return loaded;
}

/** Calls `listener` when the generators have loaded; returns the unsubscribe. */
export function onGeneratorsLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The snippet for `target` if it can be made now: every target once the generators are
 * loaded, the eager target's page-load page always (`madeAtOnce`); otherwise `undefined` (the
 * caller shows a placeholder).
 */
export function snippetNow(
  target: SnippetTarget,
  config: PlaygroundConfig,
  generate: GenerateSnippet | undefined = loaded,
): Snippet | undefined {
  if (generate) return generate(target, config);
  return madeAtOnce(target, config) ? generatePageLoadHtml(config) : undefined;
}
