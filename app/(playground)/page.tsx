import { Playground } from "@/components/playground/playground";
import { highlightSnippets } from "@/lib/highlight/highlight-snippets";
import { generateSnippets } from "@/lib/snippets";
import { configFromSearchParams } from "@/lib/url/codec";
import { tabFromSearchParams } from "@/lib/url/tab";

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
  const initialHighlighted = await highlightSnippets(generateSnippets(config));
  return (
    <Playground
      initial={config}
      initialCodeTab={tab}
      linkIssues={[...issues, ...tabIssues]}
      madeForV4={madeForV4}
      initialHighlighted={initialHighlighted}
    />
  );
}
