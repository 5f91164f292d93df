/**
 * The sensitive values (config.apiKey and every other `SENSITIVE_KEYS` field
 * with a control; a secret pasted into the token inspector) stay in the tab:
 * not in the URL, web storage, cookies, the clipboard, any snippet, the
 * preview's documents, nor any request the page, its frames or its workers
 * make, across models, snippets, the verified flow, a share link and a reload.
 */
import type { Request } from "@playwright/test";
import { OPTIONS, SENSITIVE_KEYS } from "../lib/config/options";
import { expect, test } from "./support/fixtures";
import {
  copyAndOpenShareLink,
  readSnippetsOfEveryModel,
  reloadPlayground,
  runVerifiedFlow,
  useEveryModel,
  usePreviewDevices,
  type JourneyContext,
} from "./support/journeys";
import { WorkerRequests } from "./support/worker-requests";

/** Distinct, unmistakable, and shaped like no real key (the shape is not what is tested). */
const SENTINELS: Record<string, string> = Object.fromEntries(
  SENSITIVE_KEYS.map((key, i) => [key, `SENTINEL-${key}-${(0x5eed0 + i).toString(16)}-c0ffee`]),
);
const PASTED = "SENTINEL-pasted-into-inspector-7e1d4a";
const ALL = [...Object.values(SENTINELS), PASTED];

interface Sent {
  url: string;
  from: string;
  headers: Record<string, string>;
  body: string;
}

test("secrets never reach the URL, storage, snippets, the clipboard or the network", async ({
  page,
  context,
  playground,
}) => {
  test.setTimeout(180_000);
  const pending: Promise<Sent>[] = [];
  const from = (request: Request) => {
    try {
      return request.frame().url();
    } catch {
      return "worker";
    }
  };
  context.on("request", (request) =>
    pending.push(
      request
        .allHeaders()
        .catch(() => request.headers())
        .then((headers) => ({
          url: request.url(),
          from: from(request),
          headers,
          body: request.postDataBuffer()?.toString("utf8") ?? "",
        })),
    ),
  );
  const ctx: JourneyContext = { page, playground };
  const workers = new WorkerRequests(page);

  /** Every place a secret could land, read now. */
  const expectNoSecretAnywhere = async (when: string) => {
    const places: [string, string][] = [["url", page.url()]];
    for (const frame of page.frames()) {
      if (frame.url() === "about:blank") continue;
      places.push([`frame url ${frame.url()}`, frame.url()]);
      const storage = await frame.evaluate(() =>
        JSON.stringify({
          local: { ...localStorage },
          session: { ...sessionStorage },
          cookie: document.cookie,
        }),
      );
      places.push([`storage of ${frame.url()}`, storage]);
      if (frame !== page.mainFrame())
        places.push([`document ${frame.url()}`, await frame.content()]);
    }
    places.push(["cookies", JSON.stringify(await context.cookies())]);
    places.push(["page text", await page.locator("body").innerText()]);
    for (const [where, text] of places)
      for (const secret of ALL)
        expect(text.includes(secret), `${when}: ${secret} in ${where}`).toBe(false);
  };

  await playground.open("/");
  await playground.controls.chooseModel("server");

  // Every sensitive option that has a control gets its sentinel.
  const typed: string[] = [];
  for (const key of SENSITIVE_KEYS) {
    const control = playground.controls.option(OPTIONS[key].section, key);
    if ((await control.count()) === 0) continue;
    await playground.controls.setOption(OPTIONS[key].section, key, SENTINELS[key]!);
    typed.push(key);
  }
  // The org API key has a control; the contact token has none (the preview gets its token from the sandbox).
  expect(typed).toContain("apiKey");
  await expect(playground.controls.option("server", "apiKey")).toHaveAttribute("type", "password");

  // A secret pasted into the token inspector is inspected in the page, never sent (it is not a JWT).
  const section = page.getByTestId("tokens.section");
  await section.locator("summary").click();
  await page.getByTestId("tokens.input").fill(PASTED);
  await expect(page.getByTestId("tokens.verify")).toHaveCount(0);

  await expectNoSecretAnywhere("after typing");
  await useEveryModel(ctx);
  await runVerifiedFlow(ctx);
  await usePreviewDevices(ctx);
  // The key is still there (it stays in the tab), and still nowhere else.
  await playground.reveal("controls");
  await expect(playground.controls.option("server", "apiKey")).toHaveValue(SENTINELS.apiKey!);
  await expectNoSecretAnywhere("after the verified flow");

  const snippets = await readSnippetsOfEveryModel(ctx);
  expect(Object.keys(snippets).length).toBeGreaterThanOrEqual(4 * 3);
  for (const [id, text] of Object.entries(snippets))
    for (const secret of ALL)
      expect(text.includes(secret), `${secret} in snippet ${id}`).toBe(false);

  await workers.collect();
  const link = await copyAndOpenShareLink(ctx);
  for (const secret of ALL)
    expect(link.includes(secret), `${secret} in the share link`).toBe(false);
  await expectNoSecretAnywhere("after opening the share link");
  // Never stored: the opened link and a reload start without them.
  await reloadPlayground(ctx);
  await playground.controls.chooseModel("server");
  await expect(playground.controls.option("server", "apiKey")).toHaveValue("");
  await expectNoSecretAnywhere("after a reload");

  await workers.collect();
  // Workers' own loads: URLs only (Resource Timing has no headers or bodies).
  expect(workers.count).toBeGreaterThan(0);
  for (const url of workers.urls)
    for (const secret of ALL)
      expect(url.includes(secret), `${secret} in a worker's request ${url}`).toBe(false);
  const sent = await Promise.all(pending);
  expect(sent.length).toBeGreaterThan(10);
  expect(
    sent.some(
      (r) =>
        r.url.endsWith("/api/demo-backend/contact-token") && r.body.includes("jane@example.com"),
    ),
  ).toBe(true);
  for (const request of sent) {
    const text = `${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`;
    for (const secret of ALL)
      expect(
        text.includes(secret),
        `${secret} in a request from ${request.from}: ${request.url}`,
      ).toBe(false);
  }
});
