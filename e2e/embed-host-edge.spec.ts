/**
 * The docs embed on a host page of another origin (`support/docs-site.ts`),
 * at its edges (issue 12, items 6 and 7):
 * - on a dark docs page, an embed's first paint is already dark;
 * - an embed that cannot load is replaced by a message and a link to the full playground.
 */
import type { Page } from "@playwright/test";
import { createServer } from "node:net";
import { defaultConfig, type PlaygroundConfig } from "../lib/config/options";
import { DEFAULT_EMBED_OPTIONS } from "../lib/embed/options";
import { fullPlaygroundUrl, generateEmbedIframe, generateEmbedScript } from "../lib/embed/snippet";
import { expect, test } from "./support/docs-fixtures";

const filler = (count: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `<p id="p${i + 1}">Paragraph ${i + 1} of a long docs page, before the embed further down.</p>`,
  ).join("\n");

const withId = (html: string, id: string) => html.replace("<iframe", `<iframe id="${id}"`);

type EmbedWindow = Window & { __themes?: string[] };

/** In every /embed document: each value its <html data-theme> takes, from the very start. */
function recordThemes() {
  if (location.pathname !== "/embed") return;
  const w = window as unknown as EmbedWindow;
  w.__themes = [];
  new MutationObserver(() => {
    const theme = document.documentElement?.dataset.theme;
    if (theme && w.__themes![w.__themes!.length - 1] !== theme) w.__themes!.push(theme);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-theme"] });
}

test.describe("a dark docs page", () => {
  test("a lazy embed paints dark from its first frame, with the host's theme in its URL", async ({
    page,
    docs,
    app,
  }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.context().addInitScript(recordThemes);
    const iframe = withId(
      generateEmbedIframe(app, { ...DEFAULT_EMBED_OPTIONS, panels: ["code"] }, defaultConfig()),
      "late",
    );
    await page.goto(
      docs.page(
        `<style>html { background: #111; color: #eee; }</style>${filler(150)}${iframe}` +
          // The docs site tells the script its theme as soon as the script is there.
          `<script src="${app}/embed.js" async onload="OpencxPlayground.setTheme('dark')"></script>`,
      ),
    );
    await page.waitForFunction(() =>
      Boolean((window as unknown as { OpencxPlayground?: unknown }).OpencxPlayground),
    );
    const frame = page.locator("iframe#late");
    await frame.scrollIntoViewIfNeeded();
    const embed = frame.contentFrame();
    await expect(embed.getByTestId("embed.root")).toHaveAttribute("data-ready", "");
    await expect(embed.locator("html")).toHaveAttribute("data-theme", "dark");
    // Never light, not even for the first paint: the theme was in the URL before the frame loaded.
    expect(
      await embed.locator("html").evaluate(() => (window as unknown as EmbedWindow).__themes),
    ).toEqual(["dark"]);
    expect(await frame.getAttribute("src")).toMatch(/#host-theme=dark$/);

    // Still an auto embed: the host can switch it.
    await page.evaluate(() =>
      (
        window as unknown as { OpencxPlayground: { setTheme: (t: string) => void } }
      ).OpencxPlayground.setTheme("light"),
    );
    await expect(embed.locator("html")).toHaveAttribute("data-theme", "light");
  });

  test("a page can name its theme before the script loads", async ({ page, docs, app }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.context().addInitScript(recordThemes);
    const iframe = withId(
      generateEmbedIframe(app, { ...DEFAULT_EMBED_OPTIONS, panels: ["code"] }, defaultConfig()),
      "late",
    );
    await page.goto(
      docs.page(
        `<script>window.OpencxPlayground = { theme: "dark" };</script>${filler(150)}${iframe}${generateEmbedScript(app)}`,
      ),
    );
    await page.waitForFunction(
      () =>
        (window as unknown as { OpencxPlayground?: { version?: number } }).OpencxPlayground
          ?.version === 2,
      null,
      { timeout: 10_000 },
    );
    const frame = page.locator("iframe#late");
    await frame.scrollIntoViewIfNeeded();
    const embed = frame.contentFrame();
    await expect(embed.getByTestId("embed.root")).toHaveAttribute("data-ready", "");
    expect(
      await embed.locator("html").evaluate(() => (window as unknown as EmbedWindow).__themes),
    ).toEqual(["dark"]);
  });
});

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function fallbackOf(page: Page, id: string) {
  const box = page.locator(`#${id}[data-opencx-playground-fallback]`);
  await expect(box).toBeVisible({ timeout: 15_000 });
  await expect(page.locator(`iframe#${id}`)).toHaveCount(0);
  return box;
}

test.describe("an embed that cannot load", () => {
  test("is replaced by a short message and the link to the full playground", async ({
    page,
    docs,
    app,
    csp,
    pageErrors,
  }) => {
    // The second frame asks for a page the playground refuses to let other sites frame.
    csp.expect((v) => /frame-ancestors/.test(v.directive));
    const down = `http://127.0.0.1:${await closedPort()}`;
    const config: PlaygroundConfig = { ...defaultConfig(), model: "collect" };
    const dead = withId(generateEmbedIframe(down, DEFAULT_EMBED_OPTIONS, config), "dead");
    const refused = withId(
      generateEmbedIframe(app, DEFAULT_EMBED_OPTIONS, config).replace(`${app}/embed`, `${app}/`),
      "refused",
    );
    const healthy = withId(
      generateEmbedIframe(app, { ...DEFAULT_EMBED_OPTIONS, panels: ["code"] }, config),
      "healthy",
    );
    await page.goto(docs.page(dead + refused + healthy + generateEmbedScript(app)));

    const deadBox = await fallbackOf(page, "dead");
    await expect(deadBox).toContainText("The Identity Playground could not be loaded here.");
    const link = deadBox.getByRole("link", { name: "Open the playground in a new tab" });
    await expect(link).toHaveAttribute("href", fullPlaygroundUrl(down, config));
    await expect(link).toHaveAttribute("target", "_blank");
    expect(fullPlaygroundUrl(down, config)).toContain("?s=2.");

    const refusedBox = await fallbackOf(page, "refused");
    await expect(refusedBox.getByRole("link")).toHaveAttribute(
      "href",
      fullPlaygroundUrl(app, config),
    );

    // A working embed next to them is left alone.
    await expect(
      page.locator("iframe#healthy").contentFrame().getByTestId("embed.root"),
    ).toHaveAttribute("data-ready", "");
    await expect(page.locator("iframe#healthy")).toHaveCount(1);
    expect(
      pageErrors.filter(
        (e) => !/ERR_CONNECTION_REFUSED|frame-ancestors|Failed to load resource/.test(e),
      ),
    ).toEqual([]);
  });
});

test.describe("embed.js sizing", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("ignores a transient height, and shrinks a frame in view only once it is scrolled away", async ({
    page,
    docs,
    app,
  }) => {
    const iframe = withId(
      generateEmbedIframe(app, { ...DEFAULT_EMBED_OPTIONS, panels: ["code"] }, defaultConfig()),
      "embed",
    );
    await page.goto(
      docs.page(
        `${iframe}<p id="below">The text under the embed.</p>${filler(80)}${generateEmbedScript(app)}`,
      ),
    );
    const frame = page.locator("iframe#embed");
    const embed = frame.contentFrame();
    await expect(embed.getByTestId("embed.root")).toHaveAttribute("data-ready", "");
    const rounded = (el: Element) => Math.round(el.getBoundingClientRect().height);
    const content = await embed.getByTestId("embed.root").evaluate(rounded);
    await expect
      .poll(async () => Math.abs((await frame.evaluate(rounded)) - Math.max(400, content)))
      .toBeLessThanOrEqual(1);
    // Every height the host page gives the frame, from now on.
    await page.evaluate(() => {
      const w = window as unknown as { __heights: string[] };
      w.__heights = [];
      const el = document.getElementById("embed")!;
      new MutationObserver(() => w.__heights.push(el.style.height)).observe(el, {
        attributes: true,
        attributeFilter: ["style"],
      });
    });
    const heights = () =>
      page.evaluate(() => (window as unknown as { __heights: string[] }).__heights);
    const post = (...sequence: number[]) =>
      embed.locator("html").evaluate((_, hs) => {
        for (const height of hs)
          window.parent.postMessage({ type: "opencx-playground:height", height }, "*");
      }, sequence);

    // The reader clicks in the embed: its changes go through, but a dip and straight back
    // (a layout that is not settled yet) does not reach the page.
    await embed.getByRole("heading", { name: /Identity Playground/ }).click();
    await post(640, 147, 640);
    await expect.poll(heights).toEqual(["640px"]);

    // A smaller height while the frame is in view, and the reader is not using it, would pull the text below up: it waits.
    const below = page.locator("#below");
    await expect(below).toBeInViewport();
    await page.getByRole("heading", { name: "Docs page" }).click();
    await post(500);
    await page.waitForTimeout(600);
    expect(await heights()).toEqual(["640px"]);
    // Scrolled away, the frame takes it, and the page scrolls with it: the text in view stays put.
    await page.evaluate(() => window.scrollTo(0, document.getElementById("p40")!.offsetTop));
    const text = page.locator("#p45");
    const before = await text.evaluate((el) => el.getBoundingClientRect().top);
    await expect.poll(heights).toEqual(["640px", "500px"]);
    expect(await text.evaluate((el) => el.getBoundingClientRect().top)).toBeCloseTo(before, 0);
  });
});
