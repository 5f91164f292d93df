/**
 * Highlights code off the main thread. The only module of the client bundle graph that imports
 * shiki, so the highlighter ships in this worker's chunks and never in the page's first-load JS.
 *
 * Requests are queued per slot (one slot = one code block): while a block's request waits, a newer
 * one replaces it and the older is answered "superseded". Real requests go before warm-up work.
 */
import { highlight, highlightIncremental, preloadLanguages } from "@/lib/highlight/highlighter";
import type { SnippetLanguage } from "@/lib/snippets/types";
import type { HighlightWorkerRequest, HighlightWorkerResponse } from "./highlight-protocol";

type HighlightJob = Extract<HighlightWorkerRequest, { type: "highlight" }>;

// The project's TypeScript lib is "dom", not "webworker": type just the two members we use.
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<HighlightWorkerRequest>) => void) | null;
  postMessage: (message: HighlightWorkerResponse) => void;
};

const waiting = new Map<string, HighlightJob>();
const warmSamples: { code: string; language: SnippetLanguage }[] = [];
const warmPreload: SnippetLanguage[] = [];
let scheduled = false;

scope.onmessage = ({ data }) => {
  if (data.type === "highlight") {
    const older = waiting.get(data.slot);
    if (older) scope.postMessage({ id: older.id, html: null, reason: "superseded" });
    waiting.set(data.slot, data);
  } else {
    warmSamples.push(...data.samples);
    warmPreload.push(...data.preload);
  }
  schedule();
};

/**
 * One job per macrotask, so messages that arrived meanwhile can supersede queued jobs. A
 * MessageChannel rather than `setTimeout(0)`: a chain of timers is clamped to 4 ms each.
 */
const tick = new MessageChannel();
tick.port1.onmessage = () => void runNext();
function schedule() {
  if (scheduled) return;
  scheduled = true;
  tick.port2.postMessage(null);
}

async function runNext() {
  const next = waiting.values().next();
  if (!next.done) {
    const job = next.value;
    waiting.delete(job.slot);
    try {
      // Per block: an edit re-tokenizes only the lines it changed (same HTML as a full pass).
      scope.postMessage({
        id: job.id,
        html: await highlightIncremental(job.slot, job.code, job.language),
      });
    } catch (error) {
      scope.postMessage({ id: job.id, html: null, reason: "error", message: String(error) });
    }
  } else {
    const sample = warmSamples.shift();
    if (sample) await highlight(sample.code, sample.language).catch(() => undefined);
    else if (warmPreload.length > 0)
      await preloadLanguages(warmPreload.splice(0)).catch(() => undefined);
  }
  scheduled = false;
  if (waiting.size > 0 || warmSamples.length > 0 || warmPreload.length > 0) schedule();
}
