import { EmbedPlayground } from "@/components/embed/embed-playground";
import { parseEmbedParams } from "@/lib/embed/params";
import { highlightSnippets } from "@/lib/highlight/highlight-snippets";
import { generateSnippets } from "@/lib/snippets";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * `/embed`: the playground for an iframe in someone's docs (docs/embed.md).
 * The server reads the query (state, preset, panels, tab, mode, theme) and,
 * when the code panel shows at first, highlights its snippets.
 */
export default async function EmbedPage({ searchParams }: { searchParams: SearchParams }) {
  const { config, options, issues } = parseEmbedParams(await searchParams);
  const initialHighlighted = options.panels.includes("code")
    ? await highlightSnippets(generateSnippets(config))
    : {};
  return (
    <EmbedPlayground
      initial={config}
      options={options}
      issues={issues}
      initialHighlighted={initialHighlighted}
    />
  );
}
