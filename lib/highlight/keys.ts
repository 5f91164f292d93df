import type { SnippetTarget } from "@/lib/snippets/types";

/** Key of one snippet file in the map of server-highlighted HTML: `${target}:${path}`. */
export function snippetFileKey(target: SnippetTarget, path: string): string {
  return `${target}:${path}`;
}
