/**
 * The token inspector's result has room to be read (issue 12, item 8): the signature
 * check's sentence sits on its own line, full width, and nothing is clipped.
 */
import { expect, test, TRACE } from "./support/fixtures";
import { VIEWPORTS } from "./support/viewports";

test.use(TRACE);

// A contact-token-shaped JWT no sandbox signed: "Not signed by this playground's sandbox: …".
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiZXhwIjo0MTAyNDQ0ODAwfQ.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("the signature check's result is full width and not clipped", async ({
      playground,
      page,
    }) => {
      await playground.open();
      await playground.reveal("controls");
      await page.getByTestId("tokens.section").locator("summary").click();
      await page.getByTestId("tokens.input").fill(JWT);
      await page.getByTestId("tokens.verify").click();
      const result = page.getByTestId("tokens.verify.result");
      await expect(result).toHaveAttribute("data-status", "not-verified");
      await result.scrollIntoViewIfNeeded();

      const card = (await page.getByTestId("tokens.result").boundingBox())!;
      const r = (await result.boundingBox())!;
      // At least 80% of the card's width (it was 2px wide next to the button).
      expect(r.width).toBeGreaterThanOrEqual(card.width * 0.8);
      expect(r.x).toBeGreaterThanOrEqual(card.x);
      expect(r.x + r.width).toBeLessThanOrEqual(card.x + card.width + 0.5);
      expect(r.y + r.height).toBeLessThanOrEqual(card.y + card.height + 0.5);
      // No text cut off inside the paragraph or by any ancestor up to the controls pane.
      const clipped = await result.evaluate((el) => {
        const problems: string[] = [];
        if (el.scrollWidth > el.clientWidth + 1)
          problems.push(`overflows by ${el.scrollWidth - el.clientWidth}px`);
        const own = el.getBoundingClientRect();
        for (
          let a = el.parentElement;
          a && a.dataset.testid !== "pane.controls";
          a = a.parentElement
        ) {
          const b = a.getBoundingClientRect();
          if (
            getComputedStyle(a).overflowX !== "visible" &&
            (own.left < b.left - 1 || own.right > b.right + 1)
          )
            problems.push(`clipped by ${a.tagName}.${a.className}`);
        }
        return problems;
      });
      expect(clipped).toEqual([]);
      // The inspector is not squeezed inside a second card: its result gets most of the pane.
      const pane = (await playground.pane("controls").boundingBox())!;
      expect(card.width).toBeGreaterThanOrEqual(Math.min(pane.width, 360) - 80);
    });
  });
}
