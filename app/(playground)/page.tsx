import { Playground } from "@/components/playground/playground";
import { highlightSnippets } from "@/lib/highlight/highlight-snippets";
import { applicableTargets, generateSnippets } from "@/lib/snippets";
import { madeAtOnce } from "@/lib/snippets/on-demand";
import { configFromSearchParams } from "@/lib/url/codec";
import { shownTarget, tabFromSearchParams } from "@/lib/url/tab";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The playground. The server decodes the share link into the initial config and
 * highlights its snippets, so the first paint shows the shared state in colour, on the link's
 * code tab (`tab`; a bad one is named in the link notice and the first tab shows). A link made
 * before the widget-version axis opens as v4 and says so (`madeForV4`).
 */
export default async function PlaygroundPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { config, issues, madeForV4 } = configFromSearchParams(params);
  const { tab, issues: tabIssues } = tabFromSearchParams(params, config);
  const snippets = generateSnippets(config);
  const initialHighlighted = await highlightSnippets(snippets);
  const shown = shownTarget(tab, applicableTargets(config));
  // What the client makes itself at once (the page-load HTML) is not sent; another tab's snippet,
  // or the HTML page that loads on consent or click, comes along until its generator loads.
  const initialSnippet =
    shown === undefined || madeAtOnce(shown, config)
      ? undefined
      : snippets.find((s) => s.target === shown);
  return (
    <Playground
      initial={config}
      initialCodeTab={tab}
      linkIssues={[...issues, ...tabIssues]}
      madeForV4={madeForV4}
      initialHighlighted={initialHighlighted}
      initialSnippet={initialSnippet}
    />
  );
}
