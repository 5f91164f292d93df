/**
 * Focus follows the user's intent in the list editors (extra welcome-form
 * fields, custom data rows): typing never remounts a row, Add moves to the new
 * row, Remove moves to the next row (or the previous, or Add), and focus never
 * falls to <body>. Limits are stated before they are hit.
 */
import type { Page } from "@playwright/test";
import { expect, test, TRACE } from "./support/fixtures";
import { shareLink } from "./support/share-link";

test.use(TRACE);

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? "none");

test("renaming an extra field keeps focus and every keystroke", async ({ playground, page }) => {
  await playground.open(shareLink({ m: "collect", x: ["Company", "Order #"] }));
  await playground.reveal("controls");
  const input = playground.controls.extraField(0);
  await input.click();
  await page.keyboard.press("End");
  // " " alone is refused (a trailing space) and kept as a draft; "n" makes it valid again.
  await page.keyboard.type(" name");
  await expect(input).toHaveValue("Company name");
  await expect(input).toBeFocused();
  await playground.controls.expectExtraFields(["Company name", "Order #"]);
  await expect(playground.preview.welcomeInput("extra.0")).toHaveAttribute(
    "placeholder",
    "Company name (Optional)",
  );
  // A duplicate is refused at the field, and typing on fixes it, focus still in place.
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Order #");
  await expect(input).toHaveValue("Order #");
  await expect(input).toBeFocused();
  await page.keyboard.type(" 2");
  await expect(input).toBeFocused();
  await playground.controls.expectExtraFields(["Order # 2", "Order #"]);
});

test("the extra-fields limit is stated before it is hit; the 12th field keeps focus", async ({
  playground,
  page,
}) => {
  const eleven = Array.from({ length: 11 }, (_, i) => `Field ${i + 1}`);
  await playground.open(shareLink({ m: "collect", x: eleven.slice(0, 2) }));
  await playground.reveal("controls");
  const count = page.getByTestId("controls.collect.extraFieldsCount");
  await expect(count).toHaveText("2 of 12 fields");

  // Added from the keyboard: Enter keeps the "new field" box ready for the next name.
  await playground.controls.newExtraField.click();
  for (const name of eleven.slice(2)) {
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
    await expect(playground.controls.newExtraField).toBeFocused();
  }
  await expect(count).toHaveText("11 of 12 fields");

  await page.keyboard.type("Field 12");
  await page.keyboard.press("Enter");
  await playground.controls.expectExtraFields([...eleven, "Field 12"]);
  await expect(count).toHaveText("12 of 12 fields (the maximum)");
  await expect(page.getByTestId("controls.collect.extraFields.add")).toBeDisabled();
  // The "new field" box is disabled now: focus moves to the field just added, not to <body>.
  await expect(playground.controls.extraField(11)).toBeFocused();
  expect(await focusedTag(page)).toBe("INPUT");

  // With the button too.
  await page.getByRole("button", { name: "Remove Field 12" }).press("Enter");
  await expect(count).toHaveText("11 of 12 fields");
  await playground.controls.newExtraField.fill("Field 12");
  await page.getByTestId("controls.collect.extraFields.add").click();
  await expect(playground.controls.extraField(11)).toBeFocused();
});

test("removing an extra field moves focus to the next row, then the previous, then the new-field box", async ({
  playground,
  page,
}) => {
  await playground.open(shareLink({ m: "collect", x: ["A", "B", "C"] }));
  await playground.reveal("controls");
  await page.getByRole("button", { name: "Remove B" }).focus();
  await page.keyboard.press("Enter");
  await playground.controls.expectExtraFields(["A", "C"]);
  await expect(page.getByRole("button", { name: "Remove C" })).toBeFocused();
  await page.keyboard.press("Enter");
  await playground.controls.expectExtraFields(["A"]);
  await expect(page.getByRole("button", { name: "Remove A" })).toBeFocused();
  await page.keyboard.press("Enter");
  await playground.controls.expectExtraFields([]);
  await expect(playground.controls.newExtraField).toBeFocused();
});

test("Add custom data row moves focus to the new row's key; Tab goes on to its value", async ({
  playground,
  page,
}) => {
  await playground.open(shareLink({ m: "browser" }));
  await playground.reveal("controls");
  const add = playground.controls.option("browser", "userCustomData.add");
  await expect(page.getByTestId("controls.browser.userCustomData.count")).toHaveText(
    "0 of 24 rows",
  );
  await add.focus();
  await page.keyboard.press("Enter");
  await expect(playground.controls.option("browser", "userCustomData.0.key")).toBeFocused();
  await page.keyboard.type("plan");
  await page.keyboard.press("Tab");
  await page.keyboard.type("pro");
  await expect(playground.controls.option("browser", "userCustomData.0.key")).toHaveValue("plan");
  await expect(playground.controls.option("browser", "userCustomData.0.value")).toHaveValue("pro");
  await expect(page.getByTestId("controls.browser.userCustomData.count")).toHaveText(
    "1 of 24 rows",
  );

  // A second row: focus in its key, the first row untouched.
  await add.click();
  await expect(playground.controls.option("browser", "userCustomData.1.key")).toBeFocused();
  await page.keyboard.type("team");
  await expect(playground.controls.option("browser", "userCustomData.1.key")).toHaveValue("team");
  await expect(playground.controls.option("browser", "userCustomData.0.key")).toHaveValue("plan");
});

test("removing a custom data row moves focus to the next row, then the previous, then Add", async ({
  playground,
  page,
}) => {
  await playground.open(
    shareLink({
      m: "server",
      se: "jane@example.com",
      sd: [
        { key: "a", value: "1" },
        { key: "b", value: 2 },
        { key: "c", value: true },
      ],
    }),
  );
  await playground.reveal("controls");
  const remove = (key: string) =>
    page.getByRole("button", { name: new RegExp(`^Remove .* row \\d+ \\(${key}\\)$`) });
  await remove("a").focus();
  await page.keyboard.press("Enter");
  await expect(playground.controls.option("server", "serverCustomData.0.key")).toHaveValue("b");
  await expect(remove("b")).toBeFocused();
  // The last row: focus goes to the one before it.
  await remove("c").focus();
  await page.keyboard.press("Enter");
  await expect(remove("b")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(playground.controls.option("server", "serverCustomData.0.key")).toHaveCount(0);
  await expect(playground.controls.option("server", "serverCustomData.add")).toBeFocused();
});

test("custom data rows: the limit is stated, and the last row added keeps focus", async ({
  playground,
  page,
}) => {
  const rows = Array.from({ length: 23 }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));
  await playground.open(shareLink({ m: "browser", ud: rows }));
  await playground.reveal("controls");
  const count = page.getByTestId("controls.browser.userCustomData.count");
  await expect(count).toHaveText("23 of 24 rows");
  const add = playground.controls.option("browser", "userCustomData.add");
  await add.focus();
  await page.keyboard.press("Enter");
  await expect(count).toHaveText("24 of 24 rows (the maximum)");
  await expect(add).toBeDisabled();
  await expect(playground.controls.option("browser", "userCustomData.23.key")).toBeFocused();
  expect(await focusedTag(page)).toBe("INPUT");
});
