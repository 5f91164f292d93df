/**
 * The layout at the four sizes newcomers use (issue 12, item 9): what is on screen
 * together, where the preview's launcher ends up, and how much room a phone keeps.
 * Geometry is read with boundingBox (page coordinates of the top window).
 */
import type { Page } from "@playwright/test";
import { expect, test, TRACE } from "./support/fixtures";
import { VIEWPORTS } from "./support/viewports";
import { PREVIEW_FRAME } from "./support/page/layout";
import type { PlaygroundPage } from "./support/playground-page";

test.use(TRACE);

/** The box of `el` in the top window, or a failure saying which one is missing. */
async function box(locator: ReturnType<Page["locator"]>) {
  const b = await locator.boundingBox();
  expect(b, `${locator} has a box`).not.toBeNull();
  return b!;
}

/** Where the window's free part starts: below the page header and the tab bar, when they are on screen. */
async function freeTop(playground: PlaygroundPage): Promise<number> {
  let top = 0;
  for (const bar of [
    playground.page.locator("header").first(),
    playground.page.getByRole("navigation", { name: "Panels" }),
  ]) {
    if (!(await bar.isVisible())) continue;
    const b = await box(bar);
    top = Math.max(top, b.y + b.height);
  }
  return top;
}

/** Closes the widget as a visitor would: its Close button on a small screen, else the launcher. */
async function closeWidget(playground: PlaygroundPage): Promise<void> {
  const close = playground.preview.frame().getByRole("button", { name: "Close" });
  const target =
    (await close.count()) > 0 ? close : playground.preview.frame().getByTestId("preview.launcher");
  // A DOM click: Playwright's own click would scroll the page first, which a person need not do.
  await target.evaluate((el: HTMLElement) => el.click());
}

test.describe("at 1280×800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the controls and the start of the code are on screen together", async ({ playground }) => {
    await playground.open();
    const page = playground.page;
    await expect(playground.pane("controls")).toBeInViewport();
    await expect(page.getByTestId("controls.identity.model.anonymous")).toBeInViewport();
    // The first snippet's first lines, without scrolling anything.
    const code = await box(playground.code.block("html", 0));
    expect(code.y, "the first snippet starts inside the window").toBeLessThan(800 - 60);
    await expect(playground.code.block("html", 0)).toBeInViewport();
    // And the preview is there too.
    await expect(page.locator(PREVIEW_FRAME)).toBeInViewport();
  });
});

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("the whole preview frame fits on screen, and closing the widget leaves the launcher in view", async ({
      playground,
    }) => {
      await playground.open();
      // Side by side the preview needs no scrolling; one pane at a time, its tab is pressed and it is scrolled to.
      if (await playground.mobileTab("preview").isVisible()) await playground.reveal("preview");
      await playground.preview.expectScreen("chat");
      const frame = playground.page.locator(PREVIEW_FRAME);
      const top = await freeTop(playground);
      const f = await box(frame);
      expect(f.y, "frame top below the header / tab bar").toBeGreaterThanOrEqual(top - 1);
      expect(f.y + f.height, "frame bottom inside the window").toBeLessThanOrEqual(
        viewport.height + 1,
      );
      // Room for the widget's geometry: the launcher (48px, 20px from the corner) and a usable window above it.
      expect(f.height).toBeGreaterThanOrEqual(viewport.width < 450 ? 560 : 480);

      // Closing the widget: the launcher shows where it was anchored, without scrolling the page.
      await closeWidget(playground);
      // The window stays mounted but hidden while closed, as the real widget's does.
      await expect(playground.preview.widget()).toBeHidden();
      const launcher = playground.preview.frame().getByTestId("preview.launcher");
      await expect(launcher).toBeVisible();
      const l = await box(launcher);
      expect(l.width).toBe(48);
      expect(l.y + l.height, "launcher bottom inside the window").toBeLessThanOrEqual(
        viewport.height,
      );
      expect(l.y, "launcher below the header / tab bar").toBeGreaterThanOrEqual(top);
      expect(l.x + l.width).toBeLessThanOrEqual(viewport.width);
      // The real trigger: a 48px button centred in a 52px box 20px from the corner, so 22px
      // from the frame's content edge, plus the frame's 1px border.
      expect(Math.round(f.x + f.width - (l.x + l.width))).toBe(23);
      expect(Math.round(f.y + f.height - (l.y + l.height))).toBe(23);
    });
  });
}

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the header scrolls away and the tab bar stays", async ({ playground }) => {
    await playground.open();
    const page = playground.page;
    const header = page.locator("header").first();
    const nav = page.getByRole("navigation", { name: "Panels" });
    const before = await box(header);
    expect(before.y).toBe(0);
    await page.mouse.move(195, 600);
    await page.mouse.wheel(0, 800);
    await expect(header).not.toBeInViewport();
    await expect(nav).toBeInViewport();
    const n = await box(nav);
    expect(n.y).toBe(0);
    // Switching pane shows the new pane from its top, right under the tab bar.
    await playground.showPane("code");
    await expect(nav).toBeInViewport();
    const bar = await box(nav);
    const code = await box(playground.pane("code"));
    expect(Math.round(code.y)).toBe(Math.round(bar.y + bar.height));
  });
});
