/**
 * The playground talks to no one but its own server: every request of the
 * page, its frames and its workers, over the whole journey (every model, every
 * snippet tab, the preview's sizes and devices, the verified flow, the token
 * inspector, the share link, /embed), goes to this app's origin. The HTML
 * snippet's text names unpkg.com; the page must never request it.
 */
import type { Request } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { PLAYGROUND_JOURNEY } from "./support/journeys";
import { WorkerRequests } from "./support/worker-requests";

test("the whole playground requests nothing from another host", async ({
  page,
  context,
  playground,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const own = new URL(baseURL!).origin;
  const seen: { url: string; from: string }[] = [];
  const isOwn = (url: string) => {
    const parsed = new URL(url);
    if (parsed.protocol === "data:" || parsed.protocol === "about:") return true;
    // blob: URLs carry their creator's origin.
    return (parsed.protocol === "blob:" ? new URL(parsed.pathname).origin : parsed.origin) === own;
  };
  const from = (request: Request) => {
    try {
      return request.frame().url();
    } catch {
      return "worker";
    }
  };
  context.on("request", (request) => seen.push({ url: request.url(), from: from(request) }));
  // A second net: anything for another host is recorded and never leaves the machine.
  const blocked: string[] = [];
  await context.route(
    (url) => !isOwn(url.href),
    (route) => {
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );

  const workers = new WorkerRequests(page);

  await playground.open("/");
  for (const step of PLAYGROUND_JOURNEY)
    await test.step(step.name, async () => {
      await workers.collect();
      await step.run({ page, playground });
      await workers.collect();
    });
  for (const url of workers.urls) seen.push({ url, from: "worker (resource timing)" });

  const foreign = seen.filter((r) => !isOwn(r.url));
  expect(foreign, "requests to another host").toEqual([]);
  expect(blocked, "requests to another host").toEqual([]);

  // The journey really went everywhere: documents, the preview, the worker, the APIs.
  const paths = new Set(seen.map((r) => new URL(r.url).pathname));
  for (const path of [
    "/",
    "/preview",
    "/embed",
    "/api/demo-backend/contact-token",
    "/api/token-inspector/verify",
  ])
    expect([...paths], path).toContain(path);
  expect(
    seen.some((r) => r.from.startsWith(`${own}/preview`)),
    "requests from the preview frame",
  ).toBe(true);
  // The highlight worker ran, and its own loads were read.
  expect(workers.count, "workers").toBeGreaterThan(0);
  expect(
    seen.filter((r) => r.from === "worker (resource timing)").length,
    "URLs the workers loaded besides their scripts",
  ).toBeGreaterThan(workers.count);
  const fromWorkers = seen.filter((r) => r.from === "worker (resource timing)").length;
  console.log(
    `third parties: ${seen.length} requests (${fromWorkers} from workers), ${paths.size} paths, all ${own}`,
  );
});
