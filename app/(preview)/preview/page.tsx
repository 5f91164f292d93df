import { PreviewDocument } from "@/components/preview/preview-document";
import { configFromQuery } from "@/lib/preview/messages";

interface PreviewPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The document the playground shows in its iframe. The host sends the config by
 * postMessage; `?config=<url-encoded JSON>` renders one directly (dev and tests).
 */
export default async function PreviewPage({ searchParams }: PreviewPageProps) {
  const { config } = await searchParams;
  return (
    <PreviewDocument initialConfig={typeof config === "string" ? configFromQuery(config) : null} />
  );
}
