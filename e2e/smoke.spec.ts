import { expect, test } from "@playwright/test";

test("the playground page loads without console errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Identity Playground" })).toBeVisible();
  expect(errors).toEqual([]);
});
