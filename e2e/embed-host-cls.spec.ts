/**
 * The docs embed must not move the page around it (issue 12, item 5): the
 * host page's cumulative layout shift, measured on the host with a
 * PerformanceObserver("layout-shift"), stays below 0.01 while the page loads
 * and while the reader scrolls to, or jumps past, a lazy embed below the
 * fold. The host is a docs page on another origin (`support/docs-site.ts`)
 * with the code the Embed dialog generates for two embeds.
 */
import type { Page } from "@playwright/test";
import { defaultConfig } from "../lib/config/options";
import { DEFAULT_EMBED_OPTIONS } from "../lib/embed/options";
import { generateEmbedIframe, generateEmbedScript } from "../lib/embed/snippet";
import { expect, test } from "./support/docs-fixtures";

const CLS_BUDGET = 0.01;

const paragraphs = (from: number, count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `<p id="p${from + i}">Paragraph ${from + i}. Identify visitors before they open the chat: the widget reads the token your server signs, ` +
      `and the playground shows what each model sends. A docs page says this at some length, so that a reader scrolls a while.</p>`,
  ).join("\n");

/** A docs page: an embed near the top, a long read, a second embed far below the fold, more text. */
function docsPage(app: string): string {
  const config = defaultConfig();
  const first = generateEmbedIframe(
    app,
    { ...DEFAULT_EMBED_OPTIONS, panels: ["preview", "code"] },
    config,
  ).replace("<iframe", '<iframe id="first"');
  const second = generateEmbedIframe(
    app,
    { ...DEFAULT_EMBED_OPTIONS, panels: ["controls", "preview", "code"] },
    config,
  ).replace("<iframe", '<iframe id="second"');
  return `<p>Intro.</p>${first}${paragraphs(1, 60)}<h2 id="below">The second embed</h2>${second}<p id="after">Right after the second embed.</p>${paragraphs(61, 40)}${generateEmbedScript(app)}`;
}

interface Shift {
  value: number;
  hadRecentInput: boolean;
  phase: string;
}

type HostWindow = Window & {
  __shifts: Shift[];
  __phase: string;
  __frameMessages: { id: string; type: string; height?: number }[];
};

/** Runs in the docs page only (not in its frames): records every layout shift and every embed message. */
function observeHost() {
  if (window.top !== window) return;
  const w = window as unknown as HostWindow;
  w.__shifts = [];
  w.__phase = "load";
  w.__frameMessages = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[]) {
      w.__shifts.push({
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
        phase: w.__phase,
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
  window.addEventListener("message", (event) => {
    const frame = [...document.querySelectorAll("iframe")].find(
      (f) => f.contentWindow === event.source,
    );
    const type = (event.data as { type?: unknown } | null)?.type;
    const height = (event.data as { height?: unknown }).height;
    if (frame && typeof type === "string")
      w.__frameMessages.push({
        id: frame.id,
        type,
        ...(typeof height === "number" ? { height } : {}),
      });
  });
}

const cls = (page: Page, phase: string) =>
  page.evaluate(
    (p) =>
      (window as unknown as HostWindow).__shifts
        .filter((s) => s.phase === p && !s.hadRecentInput)
        .reduce((sum, s) => sum + s.value, 0),
    phase,
  );
const setPhase = (page: Page, phase: string) =>
  page.evaluate((p) => ((window as unknown as HostWindow).__phase = p), phase);
const heard = (page: Page, id: string) =>
  page.evaluate(
    (i) => (window as unknown as HostWindow).__frameMessages.some((m) => m.id === i),
    id,
  );

/** Waits until both frames' heights and the scroll position have stopped changing. */
async function settle(page: Page): Promise<void> {
  const sample = () =>
    page.evaluate(() =>
      JSON.stringify(
        [...document.querySelectorAll("iframe")]
          .map((f) => f.getBoundingClientRect().height)
          .concat(window.scrollY),
      ),
    );
  let last = await sample();
  let stable = 0;
  for (let i = 0; i < 60 && stable < 4; i++) {
    await page.waitForTimeout(250);
    const now = await sample();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

async function loadDocs(page: Page, url: string): Promise<void> {
  await page.addInitScript(observeHost);
  await page.goto(url);
  await expect(
    page.locator("iframe#first").contentFrame().getByTestId("embed.root"),
  ).toHaveAttribute("data-ready", "");
  await expect.poll(() => heard(page, "first")).toBe(true);
  await page.waitForLoadState("load");
  await settle(page);
  // The second embed is lazy and far below the fold: it has not loaded yet.
  expect(await heard(page, "second")).toBe(false);
}

const report = (what: string, value: number) => {
  test.info().annotations.push({ type: "cls", description: `${what}: ${value.toFixed(4)}` });
  console.log(`[cls] ${test.info().title} ${what}: ${value.toFixed(4)}`);
};

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
  { width: 1000, height: 700 },
  { width: 1440, height: 1200 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test(`host CLS stays under ${CLS_BUDGET} while loading and while scrolling down to the lazy embed`, async ({
      page,
      docs,
      app,
      pageErrors,
    }) => {
      await loadDocs(page, docs.page(docsPage(app)));
      const loading = await cls(page, "load");
      report("loading", loading);
      // The first embed reported no transient height on its way (issue 12: 2047 → 147 → 2047 px).
      const reported = await page.evaluate(() =>
        (window as unknown as HostWindow).__frameMessages
          .filter((m) => m.id === "first" && m.height !== undefined)
          .map((m) => m.height!),
      );
      report("first embed's reports", reported.length);
      expect(reported.length).toBeGreaterThan(0);
      expect(Math.min(...reported)).toBeGreaterThan(Math.max(...reported) * 0.9);

      await setPhase(page, "scroll");
      await page.mouse.move(viewport.width / 2, viewport.height / 2);
      // Read down the page a screen at a time, to a paragraph well past the second embed.
      for (let i = 0; i < 80; i++) {
        const done = await page.evaluate(
          () =>
            document.getElementById("p80")!.getBoundingClientRect().top < window.innerHeight / 2,
        );
        if (done) break;
        await page.mouse.wheel(0, Math.round(viewport.height * 0.6));
        await page.waitForTimeout(120);
      }
      await expect(
        page.locator("iframe#second").contentFrame().getByTestId("embed.root"),
      ).toHaveAttribute("data-ready", "");
      await settle(page);
      const scrolling = await cls(page, "scroll");
      report("scrolling", scrolling);

      expect(loading).toBeLessThan(CLS_BUDGET);
      expect(scrolling).toBeLessThan(CLS_BUDGET);
      expect(pageErrors).toEqual([]);

      // The second embed, now above the reader, fits its content; the embed code had reserved
      // that height, or a little more, for this width (lib/embed/snippet.ts reservedHeights).
      const second = page.locator("iframe#second");
      const content = await second
        .contentFrame()
        .getByTestId("embed.root")
        .evaluate((el) => el.getBoundingClientRect().height);
      const { fitted, reserve } = await second.evaluate((el) => {
        const width = el.getBoundingClientRect().width;
        const steps = el
          .getAttribute("data-reserve")!
          .split(" ")
          .map((s) => s.split(":").map(Number) as [number, number]);
        return {
          fitted: el.getBoundingClientRect().height,
          reserve: steps.filter(([w]) => w <= width).pop()![1],
        };
      });
      report("second embed: reserved − fitted (px)", reserve - fitted);
      expect(Math.abs(fitted - Math.min(2400, Math.max(400, content)))).toBeLessThanOrEqual(1);
      expect(reserve).toBeGreaterThanOrEqual(fitted - 2);
      expect(reserve - fitted).toBeLessThanOrEqual(fitted * 0.1);
    });

    test(`host CLS stays under ${CLS_BUDGET} when the reader jumps to just below the lazy embed`, async ({
      page,
      docs,
      app,
    }) => {
      await loadDocs(page, docs.page(docsPage(app)));
      await setPhase(page, "jump");
      // The reader follows a link to the text right after the second embed: its last lines show at the top.
      await page.evaluate(() => {
        const frame = document.getElementById("second")!;
        window.scrollTo(0, frame.getBoundingClientRect().bottom + window.scrollY - 120);
      });
      const before = await page.evaluate(
        () => document.getElementById("after")!.getBoundingClientRect().top,
      );
      await expect(
        page.locator("iframe#second").contentFrame().getByTestId("embed.root"),
      ).toHaveAttribute("data-ready", "");
      await expect.poll(() => heard(page, "second")).toBe(true);
      await settle(page);
      const jumping = await cls(page, "jump");
      report("jump below the lazy embed", jumping);
      const after = await page.evaluate(
        () => document.getElementById("after")!.getBoundingClientRect().top,
      );
      report("reader's paragraph moved (px)", after - before);

      expect(jumping).toBeLessThan(CLS_BUDGET);
      expect(Math.abs(after - before)).toBeLessThanOrEqual(1);
    });
  });
}
