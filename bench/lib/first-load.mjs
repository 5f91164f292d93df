/**
 * First-load JS, as the bench and the e2e size budget (e2e/editor.spec.ts) both count it:
 * gzip bytes (`responseBodySize`, as `next start` serves them) of every JS request Chromium
 * started before the page was ready, in a fresh browser context (nothing cached).
 */

/** `/` is ready: the identity radios are hydrated and the preview iframe shows its widget. */
export const PLAYGROUND_READY = () => {
  const radio = document.querySelector('[data-testid="controls.identity.model.collect"]');
  const frame = document.querySelector('iframe[title="Widget preview"]');
  return Boolean(
    radio &&
    Object.keys(radio).some((k) => k.startsWith("__reactProps$")) &&
    frame?.contentDocument?.querySelector("main[data-ready]") &&
    frame.contentDocument.getElementById("opencx-widget"),
  );
};

export const absNow = () => performance.timeOrigin + performance.now();

export const isJs = (req) =>
  req.resourceType() === "script" || /\.m?js(\?|#|$)/.test(new URL(req.url()).pathname);

/** Every request of a context, with its start time (epoch ms), size and frame. */
export function recordRequests(context, page) {
  const all = [];
  context.on("requestfinished", (req) => all.push(req));
  return async () => {
    const rows = [];
    for (const req of all) {
      const sizes = await req.sizes().catch(() => null);
      let frame = "worker";
      try {
        const f = req.frame();
        frame = f === page.mainFrame() ? "main" : "iframe";
      } catch {
        /* requests from a Web Worker have no frame */
      }
      rows.push({
        req,
        url: new URL(req.url()).pathname,
        type: req.resourceType(),
        js: isJs(req),
        frame,
        start: req.timing().startTime,
        // Negative or zero when served from the memory cache (a second iframe reusing a chunk).
        bytes: Math.max(0, sizes?.responseBodySize ?? 0),
        status: (await req.response().catch(() => null))?.status() ?? null,
      });
    }
    return rows;
  };
}

/**
 * First-load JS: what the page and its frames fetched. A Web Worker's own fetches are left out:
 * the code panel warms its highlighter in a worker when the page is idle (`requestIdleCallback`
 * with a 4 s timeout), which on a slow machine can fall before "ready" and would otherwise count
 * ~100 KB of shiki grammars that nothing on screen waits for. e2e/support/first-load.ts does the same.
 */
export const sumPageJs = (rows, from, to) =>
  sumJs(
    rows.filter((r) => !fromWorker(r)),
    from,
    to,
  );

/** Chromium types a worker's own script imports "other" (the page's chunks are "script"), and some have no frame. */
const fromWorker = (row) => row.frame === "worker" || row.type === "other";

export const sumJs = (rows, from, to) =>
  rows.filter((r) => r.js && r.start > from && r.start <= to).reduce((n, r) => n + r.bytes, 0);

/** Opens `url` in a fresh context and waits for `ready`; the caller closes `context`. */
export async function firstLoad(browser, url, ready, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const collect = recordRequests(context, page);
  const response = await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(ready, null, { timeout: 30_000 });
  const readyAt = await page.evaluate(absNow);
  return { context, page, collect, readyAt, status: response?.status() ?? null };
}

/** First-load JS of the playground at `url`: total gzip bytes and the files. */
export async function measurePlaygroundFirstLoad(browser, url, contextOptions = {}) {
  const { context, collect, readyAt, status } = await firstLoad(
    browser,
    url,
    PLAYGROUND_READY,
    contextOptions,
  );
  try {
    const rows = await collect();
    return {
      status,
      bytes: sumPageJs(rows, 0, readyAt),
      files: rows
        .filter((r) => r.js && r.start <= readyAt)
        .map((r) => ({ url: r.url, bytes: r.bytes, frame: r.frame })),
    };
  } finally {
    await context.close();
  }
}
