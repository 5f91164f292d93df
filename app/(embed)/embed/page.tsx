import { EmbedPlayground } from "@/components/embed/embed-playground";
import { parseEmbedParams } from "@/lib/embed/params";
import { highlightSnippets } from "@/lib/highlight/highlight-snippets";
import { generateSnippets } from "@/lib/snippets";
import { EAGER_TARGET } from "@/lib/snippets/on-demand";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * `/embed`: the playground for an iframe in someone's docs (docs/embed.md).
 * The server reads the query (state, preset, panels, tab, mode, theme) and,
 * when the code panel shows at first, highlights its snippets.
 */
export default async function EmbedPage({ searchParams }: { searchParams: SearchParams }) {
  const { config, options, issues } = parseEmbedParams(await searchParams);
  const snippets = generateSnippets(config);
  const initialHighlighted = options.panels.includes("code")
    ? await highlightSnippets(snippets)
    : {};
  // `options.tab` is always a tab the config offers; HTML the client makes itself at once.
  const initialSnippet =
    options.tab === null || options.tab === EAGER_TARGET
      ? undefined
      : snippets.find((s) => s.target === options.tab);
  return (
    <EmbedPlayground
      initial={config}
      options={options}
      issues={issues}
      initialHighlighted={initialHighlighted}
      initialSnippet={initialSnippet}
    />
  );
}
