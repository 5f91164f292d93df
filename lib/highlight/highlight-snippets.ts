/**
 * Server helper for the page: highlights every file of every snippet so the first paint has
 * coloured code and no highlighter ships in the first-load JS. Call it from a Server Component
 * and pass the result to `<CodePanel initialHighlighted={…}>`. Never import it from client code.
 */
import type { Snippet } from "@/lib/snippets/types";
import { highlight } from "./highlighter";
import { snippetFileKey } from "./keys";

export async function highlightSnippets(
  snippets: readonly Snippet[],
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    snippets.flatMap((snippet) =>
      snippet.files.map(
        async (file) =>
          [
            snippetFileKey(snippet.target, file.path),
            await highlight(file.code, file.language),
          ] as const,
      ),
    ),
  );
  return Object.fromEntries(entries);
}
