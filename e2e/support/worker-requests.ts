/**
 * What dedicated workers fetch. Playwright's request events do not show a
 * worker's own requests (its importScripts and fetches) in this Chromium, so
 * this reads each live worker's Resource Timing entries instead: every URL it
 * loaded, from its script on. Call `collect()` before a navigation ends the
 * workers (e.g. after each journey step).
 */
import type { Page, Worker } from "@playwright/test";

export class WorkerRequests {
  private readonly workers = new Set<Worker>();
  readonly urls = new Set<string>();
  /** Workers seen so far. */
  count = 0;

  constructor(page: Page) {
    page.on("worker", (worker) => {
      this.count++;
      this.workers.add(worker);
      this.urls.add(worker.url());
      worker.on("close", () => this.workers.delete(worker));
    });
  }

  async collect(): Promise<void> {
    for (const worker of this.workers) {
      const names = await worker
        .evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name))
        .catch(() => [] as string[]); // closed meanwhile
      for (const name of names) this.urls.add(name);
    }
  }
}
