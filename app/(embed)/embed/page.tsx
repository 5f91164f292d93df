import { EmbedPlayground } from "@/components/embed/embed-playground";
import { parseEmbedParams } from "@/lib/embed/params";
import { highlightSnippets } from "@/lib/highlight/highlight-snippets";
import { applicableTargets, generateSnippets } from "@/lib/snippets";
import { madeAtOnce } from "@/lib/snippets/on-demand";
import { shownTarget } from "@/lib/url/tab";

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
  // What the client makes itself at once (the page-load HTML) is not sent; another tab's snippet,
  // or the HTML page that loads on consent or click, comes along until its generator loads.
  const shown = shownTarget(options.tab, applicableTargets(config));
  const initialSnippet =
    shown === undefined || madeAtOnce(shown, config)
      ? undefined
      : snippets.find((s) => s.target === shown);
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
