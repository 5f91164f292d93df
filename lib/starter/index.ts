/**
 * A runnable starter project for a playground config: `starterFiles(config, stack, opts)` is the
 * project as files, `starterZip` (zip.ts) the download.
 *
 * Invariants:
 * - made from the same model as the snippets: the widget, the page and the server half are the
 *   snippet generators' files, byte for byte (the Next.js route prints through the same generator
 *   with the session imported from the demo sign-in); this module adds only project scaffolding;
 * - deterministic: a pure function of its arguments, files sorted by path;
 * - no secrets: the org API key and the contact token never reach a file (the config is the
 *   usable one, with the sensitive fields dropped), and the only key-like value is the sandbox's
 *   public demo key, labelled as such, in the sandbox settings file (`SANDBOX_ENV_FILES`:
 *   `.env.development` for Next.js, `.env.example` for Express; verified model only).
 */
import type { PlaygroundConfig } from "../config/options";
import { withoutSecrets } from "../config/options";
import { usableConfig } from "../config/usable";
import { playgroundLink } from "./common";
import { expressStarterFiles } from "./express";
import { nextjsStarterFiles } from "./nextjs";
import type { StarterFile, StarterOptions, StarterStack } from "./types";

export * from "./types";
export { STARTER_FOLDERS, STARTER_STACK_LABELS, starterStackFor, starterZipName } from "./stacks";
export { starterZip, STARTER_ZIP_MTIME } from "./zip";
export { SANDBOX_ENV_FILES } from "./common";

/** The project for `config` on `stack`, sorted by path. Throws for a playground link that is not absolute http(s). */
export function starterFiles(
  config: PlaygroundConfig,
  stack: StarterStack,
  opts: StarterOptions,
): StarterFile[] {
  const link = playgroundLink(opts.playgroundUrl);
  // Held-back values first (they are recognised with the config's own API key), then no sensitive field at all.
  const clean = withoutSecrets(usableConfig(config).config);
  const files =
    stack === "nextjs" ? nextjsStarterFiles(clean, link) : expressStarterFiles(clean, link);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
