/**
 * First-load JS of the playground, counted exactly as `npm run bench` counts it
 * (bench/lib/first-load.mjs; Playwright's test loader cannot import that ES module, so the
 * method is repeated here, and a change to one must be made to both): gzip bytes
 * (`responseBodySize`, as `next start` serves them) of every JS request Chromium started
 * before `/` was ready (identity radios hydrated, the preview iframe showing its widget), in a
 * fresh context with nothing cached. A Web Worker's own fetches are left out (the code panel's
 * idle highlighter warm-up can start before "ready" on a slow machine; nothing on screen waits for it).
 */
import type { Browser, BrowserContextOptions, Request } from "@playwright/test";

const PLAYGROUND_READY = () => {
  const radio = document.querySelector('[data-testid="controls.identity.model.collect"]');
  const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Widget preview"]');
  return Boolean(
    radio &&
    Object.keys(radio).some((k) => k.startsWith("__reactProps$")) &&
    frame?.contentDocument?.querySelector("main[data-ready]") &&
    frame.contentDocument.getElementById("opencx-widget"),
  );
};

const isJs = (req: Request) =>
  req.resourceType() === "script" || /\.m?js(\?|#|$)/.test(new URL(req.url()).pathname);

/** A worker's own script imports: Chromium types them "other" (the page's chunks are "script"); some have no frame. */
const fromWorker = (req: Request) => {
  if (req.resourceType() === "other") return true;
  try {
    req.frame();
    return false;
  } catch {
    return true;
  }
};

export interface FirstLoad {
  bytes: number;
  files: { url: string; bytes: number }[];
}

export async function measurePlaygroundFirstLoad(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<FirstLoad> {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    const finished: Request[] = [];
    context.on("requestfinished", (req) => finished.push(req));
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(PLAYGROUND_READY, null, { timeout: 30_000 });
    const readyAt = await page.evaluate(() => performance.timeOrigin + performance.now());
    const files: FirstLoad["files"] = [];
    for (const req of finished) {
      if (!isJs(req) || req.timing().startTime > readyAt || fromWorker(req)) continue;
      const sizes = await req.sizes().catch(() => null);
      files.push({
        url: new URL(req.url()).pathname,
        bytes: Math.max(0, sizes?.responseBodySize ?? 0),
      });
    }
    return { bytes: files.reduce((n, f) => n + f.bytes, 0), files };
  } finally {
    await context.close();
  }
}
