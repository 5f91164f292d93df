/**
 * Test support: the part of Nuxt's and Nitro's public types the Nuxt snippets rely on, as one
 * ambient declaration file, so the golden plugin and route type-check without installing Nuxt.
 * In a Nuxt app these are auto-imports: `defineNuxtPlugin` and the runtime hooks (`nuxt/app`,
 * docs "Lifecycle Hooks": `app:mounted` is "called when Vue app is initialized and mounted in
 * browser", client only), and in `server/` h3's `defineEventHandler`, `createError` and
 * `setResponseHeader` (h3 v1, which Nuxt 3 and 4 use). Strict where the real ones are: a hook
 * name outside the list, or a provide that is not an object, fails.
 */
export const NUXT_STUB_SOURCE = `
declare module "h3" {
  export interface H3Event {
    readonly path: string;
    readonly method: string;
  }
  export function defineEventHandler<T>(handler: (event: H3Event) => T | Promise<T>): unknown;
  export function createError(input: { statusCode: number; statusMessage?: string }): Error;
  export function setResponseHeader(event: H3Event, name: string, value: string): void;
}

/** Nuxt's runtime hooks (a subset, with their arguments and where they run). */
interface RuntimeNuxtHooks {
  /** Server and client. */
  "app:created": (vueApp: import("vue").App) => void | Promise<void>;
  /** Client only. */
  "app:beforeMount": (vueApp: import("vue").App) => void | Promise<void>;
  /** Client only: the app is mounted in the browser. */
  "app:mounted": (vueApp: import("vue").App) => void | Promise<void>;
  /** Server only. */
  "app:rendered": (renderContext: unknown) => void | Promise<void>;
}

interface NuxtApp {
  vueApp: import("vue").App;
  hook<Name extends keyof RuntimeNuxtHooks>(name: Name, hook: RuntimeNuxtHooks[Name]): () => void;
}

type NuxtPluginResult = void | { provide?: Record<string, unknown> };

declare function defineNuxtPlugin(
  plugin: (nuxtApp: NuxtApp) => NuxtPluginResult | Promise<NuxtPluginResult>,
): unknown;

declare const defineEventHandler: typeof import("h3").defineEventHandler;
declare const createError: typeof import("h3").createError;
declare const setResponseHeader: typeof import("h3").setResponseHeader;
`;
