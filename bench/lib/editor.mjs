/**
 * Opening the options editor (Monaco) on `/`: "Edit options as code" clicked → editor ready
 * (the text is shown and editable) → language ready (the TypeScript worker answered: completion,
 * hover and markers work). Each sample is a fresh browser context, so Monaco's ~2 MB (before
 * gzip) comes over the wire as on a first visit; the click is a plain `click()` with no hover
 * before it, so the button's prefetch-on-hover does not help.
 */
import { PLAYGROUND_READY, absNow, recordRequests, sumJs } from "./first-load.mjs";
import { median } from "./stats.mjs";

async function openOnce(browser, baseUrl, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const collect = recordRequests(context, page);
  try {
    await page.goto(`${baseUrl}/`, { waitUntil: "load" });
    await page.waitForFunction(PLAYGROUND_READY, null, { timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    // Idle first, as a person reads before clicking (the highlighter's warm-up is done).
    await page.waitForTimeout(1500);
    const clickAt = await page.evaluate(absNow);
    const t = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const start = performance.now();
          let ready = null;
          const check = () => {
            const root = document.querySelector('[data-testid="editor.root"]');
            if (ready === null && root?.hasAttribute("data-ready"))
              ready = performance.now() - start;
            if (root?.hasAttribute("data-language-ready")) {
              observer.disconnect();
              resolve({ ready, language: performance.now() - start });
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            attributeFilter: ["data-ready", "data-language-ready"],
          });
          setTimeout(() => reject(new Error("the editor was not ready within 60 s")), 60_000);
          document.querySelector('[data-testid="code.editOptions"]').click();
        }),
    );
    const doneAt = clickAt + t.language + 50;
    await page.waitForTimeout(200);
    const rows = await collect();
    return {
      readyMs: t.ready,
      languageMs: t.language,
      bytes: sumJs(rows, clickAt, doneAt),
      files: rows.filter((r) => r.js && r.start > clickAt && r.start <= doneAt).length,
      errors,
    };
  } finally {
    await context.close();
  }
}

export async function measureEditorOpen(browser, baseUrl, { samples, viewport }) {
  const runs = [];
  for (let i = 0; i < samples; i++) runs.push(await openOnce(browser, baseUrl, viewport));
  return {
    samples: runs.length,
    median: {
      readyMs: median(runs.map((r) => r.readyMs)),
      languageMs: median(runs.map((r) => r.languageMs)),
      bytes: median(runs.map((r) => r.bytes)),
    },
    runs,
  };
}
