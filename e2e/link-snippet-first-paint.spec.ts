/**
 * A share or embed link whose HTML page loads on consent or on click: the client cannot make that
 * page before its generators load (only the page-load HTML is made at once), so the server sends
 * it with the page. With JavaScript off, what the server rendered is all there is: the snippet's
 * code, not the "Loading…" placeholder.
 */
import { expect, test } from "./support/fixtures";
import { configLink } from "./support/version-link";

test.use({ javaScriptEnabled: false });

for (const [loading, marker] of [
  ["consent", "onOpenCxConsent"],
  ["click", "opencx-launcher"],
] as const) {
  test(`HTML on ${loading}: the first paint of a share link and of the embed has the snippet`, async ({
    page,
  }) => {
    const link = configLink({ loading });
    await page.goto(link);
    await expect(page.getByText(marker).first()).toBeAttached();
    const query = new URL(link, "http://x").search;
    await page.goto(`/embed${query}&panels=code`);
    await expect(page.getByText(marker).first()).toBeAttached();
  });
}
