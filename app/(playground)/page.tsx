import { Playground } from "@/components/playground/playground";
import { highlightSnippets } from "@/lib/highlight/highlight-snippets";
import { generateSnippets } from "@/lib/snippets";
import { configFromSearchParams } from "@/lib/url/codec";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The playground. The server decodes the share link into the initial config and
 * highlights its snippets, so the first paint shows the shared state in colour.
 */
export default async function PlaygroundPage({ searchParams }: { searchParams: SearchParams }) {
  const { config, issues } = configFromSearchParams(await searchParams);
  const initialHighlighted = await highlightSnippets(generateSnippets(config));
  return (
    <Playground initial={config} linkIssues={issues} initialHighlighted={initialHighlighted} />
  );
}
