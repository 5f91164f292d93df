import { expect, test, TRACE } from "./support/fixtures";
import { PREVIEW_FRAME } from "./support/page/layout";

test.use(TRACE);

test("the playground page loads without console errors", async ({ page, pageErrors }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Identity Playground" })).toBeVisible();
  // Wait for the preview too: its errors count.
  const preview = page.frameLocator(PREVIEW_FRAME);
  await expect(preview.getByTestId("preview.document")).toHaveAttribute("data-ready", "");
  await expect(preview.getByTestId("preview.widget")).toBeAttached();
  expect(pageErrors).toEqual([]);
});

test("the preview document opens on its own without console errors", async ({
  page,
  pageErrors,
}) => {
  await page.goto("/preview");
  await expect(page.getByTestId("preview.document")).toHaveAttribute("data-ready", "");
  await expect(page.locator("#opencx-widget")).toHaveAttribute("data-screen", "chat");
  expect(pageErrors).toEqual([]);
});

test("an unknown page is a 404, not a crash", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
});
