import type { SnippetLanguage } from "@/lib/snippets/types";

/** Messages between the page and `highlight.worker.ts`. */
export type HighlightWorkerRequest =
  /** Highlight `code`. A newer request for the same `slot` (one code block) replaces a waiting one. */
  | { type: "highlight"; id: number; slot: string; code: string; language: SnippetLanguage }
  /** Idle-time warm-up: highlight these samples (compiles their grammars), then load these grammars. */
  | {
      type: "warm";
      samples: { code: string; language: SnippetLanguage }[];
      preload: SnippetLanguage[];
    };

export type HighlightWorkerResponse =
  | { id: number; html: string }
  | { id: number; html: null; reason: "superseded" | "error"; message?: string };
