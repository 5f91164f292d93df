/**
 * The page's side of the highlight worker: one worker for the whole page, created on first use
 * (a request or the idle warm-up), and a small cache of answers so returning to an earlier code
 * string shows colours at once.
 *
 * Importing this module costs nothing: shiki lives behind the `new Worker(new URL(…))` boundary.
 */
import type { SnippetLanguage } from "@/lib/snippets/types";
import type { HighlightWorkerRequest, HighlightWorkerResponse } from "./highlight-protocol";

interface Pending {
  slot: string;
  code: string;
  language: SnippetLanguage;
  resolve: (html: string | null) => void;
}

const CACHE_LIMIT = 100;
const cache = new Map<string, string>();
const pending = new Map<number, Pending>();
/** The newest request id per slot: an answer to any older id is stale and dropped. */
const latestBySlot = new Map<string, number>();
let nextId = 1;
/** `undefined`: not created yet; `null`: unavailable (no Worker support, or it failed to load). */
let worker: Worker | null | undefined;

const cacheKey = (code: string, language: SnippetLanguage) => `${language}\u0000${code}`;

/** The coloured HTML for this code if the worker has already produced it. */
export function peekHighlighted(code: string, language: SnippetLanguage): string | undefined {
  return cache.get(cacheKey(code, language));
}

/**
 * Highlights in the worker. Resolves `null` when the answer is stale (a newer request for the
 * same slot was made), or when highlighting is unavailable: the caller keeps the plain text.
 */
export function requestHighlight(
  slot: string,
  code: string,
  language: SnippetLanguage,
): Promise<string | null> {
  const hit = peekHighlighted(code, language);
  if (hit !== undefined) return Promise.resolve(hit);
  const target = getWorker();
  if (!target) return Promise.resolve(null);
  const id = nextId++;
  latestBySlot.set(slot, id);
  return new Promise((resolve) => {
    pending.set(id, { slot, code, language, resolve });
    post(target, { type: "highlight", id, slot, code, language });
  });
}

/** Starts the worker and compiles the grammars these samples use; then loads `preload` grammars. */
export function warmHighlighter(
  samples: { code: string; language: SnippetLanguage }[],
  preload: SnippetLanguage[] = [],
): void {
  const target = getWorker();
  if (target) post(target, { type: "warm", samples, preload });
}

function post(target: Worker, message: HighlightWorkerRequest) {
  target.postMessage(message);
}

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof window === "undefined" || typeof Worker === "undefined") return null;
  try {
    // This exact shape (`new Worker(new URL("./…", import.meta.url))`) is what Turbopack and webpack
    // recognise to bundle the worker as its own entry.
    worker = new Worker(new URL("./highlight.worker.ts", import.meta.url), {
      type: "module",
      name: "highlight",
    });
  } catch {
    worker = null;
    return null;
  }
  worker.onmessage = (event: MessageEvent<HighlightWorkerResponse>) => settle(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    disable();
  };
  worker.onmessageerror = disable;
  return worker;
}

function settle(response: HighlightWorkerResponse) {
  const request = pending.get(response.id);
  if (!request) return;
  pending.delete(response.id);
  if (response.html !== null) remember(cacheKey(request.code, request.language), response.html);
  const current = latestBySlot.get(request.slot) === response.id;
  if (current) latestBySlot.delete(request.slot);
  request.resolve(current ? response.html : null);
}

function remember(key: string, html: string) {
  cache.delete(key);
  cache.set(key, html);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
}

/** The worker failed (e.g. its chunk did not load): plain text from now on, never an error. */
function disable() {
  worker?.terminate();
  worker = null;
  for (const request of pending.values()) request.resolve(null);
  pending.clear();
  latestBySlot.clear();
}
