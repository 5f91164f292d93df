/** What a starter project is made of. */

/** The stacks a starter is generated for. */
export const STARTER_STACKS = ["nextjs", "express"] as const;
export type StarterStack = (typeof STARTER_STACKS)[number];

/** One file of a starter: its path inside the project (`/`-separated, relative) and its text. */
export interface StarterFile {
  path: string;
  contents: string;
}

export interface StarterOptions {
  /** The share link of the playground state the starter is made from (absolute http(s)). */
  playgroundUrl: string;
}
