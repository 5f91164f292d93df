/**
 * Long snippet lines (issue 12, item 9): wrapped by default so nothing hides past the
 * right edge; a labelled "Wrap lines" toggle turns wrapping off (then the block scrolls,
 * with a shadow at the edge that hides text). The choice is a UI preference kept in
 * localStorage, never a config value.
 */
import type { Locator } from "@playwright/test";
import { expect, test, TRACE } from "./support/fixtures";

test.use(TRACE);

/** Pixels of the block's text hidden past its right edge. */
const hiddenWidth = (block: Locator) => block.evaluate((el) => el.scrollWidth - el.clientWidth);

for (const viewport of [
  { width: 1600, height: 1000 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("code wraps by default; the toggle is keyboard-operable, announced and remembered", async ({
      playground,
      page,
    }) => {
      await playground.open();
      await playground.code.show("html");
      const block = playground.code.block("html", 0);
      await expect(block).toBeVisible();
      await expect.poll(() => hiddenWidth(block)).toBeLessThanOrEqual(0);

      const toggle = page.getByRole("button", { name: "Wrap lines" });
      await expect(toggle).toHaveAttribute("aria-pressed", "true");
      await playground.tabTo(toggle);
      await page.keyboard.press("Space");
      await expect(toggle).toHaveAttribute("aria-pressed", "false");
      await expect(toggle).toBeFocused();
      await expect(playground.liveRegion).toHaveText("Long lines scroll sideways.");
      await expect.poll(() => hiddenWidth(block)).toBeGreaterThan(0);
      // A UI preference, stored alone: no config value travels with it.
      expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({
        "playground.codeWrap": "off",
      });

      await page.reload();
      await playground.preview.waitUntilLive();
      await playground.code.show("html");
      await expect(toggle).toHaveAttribute("aria-pressed", "false");
      await expect.poll(() => hiddenWidth(block)).toBeGreaterThan(0);

      await toggle.focus();
      await page.keyboard.press("Enter");
      await expect(toggle).toHaveAttribute("aria-pressed", "true");
      await expect(playground.liveRegion).toHaveText("Long lines wrap.");
      await expect.poll(() => hiddenWidth(block)).toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({
        "playground.codeWrap": "on",
      });
    });
  });
}
