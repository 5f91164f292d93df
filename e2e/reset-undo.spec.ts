/**
 * Reset, "Reset to opened link" and presets replace the whole config: each
 * offers Undo (until the next change), is announced, and leaves a history entry
 * so the browser's Back returns to the previous state instead of leaving the
 * app. The preset menu shows the preset in force, or "Custom".
 */
import { expect, test, TRACE } from "./support/fixtures";
import { decodeShareLink, shareLink } from "./support/share-link";

test.use(TRACE);

const LINK = { m: "server", t: "wt_link", se: "jane@example.com", pc: "#0055ff", x: ["Company"] };

test("Reset offers Undo, which restores the exact previous state (secrets included)", async ({
  playground,
  page,
}) => {
  await playground.open(shareLink(LINK));
  await playground.controls.setOption("server", "apiKey", "sk_test_undo_secret");
  await playground.controls.setOption("server", "serverName", "Jane Doe");

  await playground.header.reset();
  await playground.controls.expectModel("anonymous");
  const notice = page.getByTestId("header.undoNotice");
  await expect(notice).toContainText("Reset to the defaults.");
  await expect(playground.liveRegion).toContainText("Reset to the defaults.");
  await expect(playground.liveRegion).toContainText("Undo");

  await page.getByTestId("header.undo").click();
  await playground.controls.expectModel("server");
  await expect(playground.controls.option("identity", "widgetToken")).toHaveValue("wt_link");
  await expect(playground.controls.option("server", "serverEmail")).toHaveValue("jane@example.com");
  await expect(playground.controls.option("server", "serverName")).toHaveValue("Jane Doe");
  await expect(playground.controls.option("server", "apiKey")).toHaveValue("sk_test_undo_secret");
  await expect(playground.controls.option("appearance", "primaryColor")).toHaveValue("#0055ff");
  await expect(notice).toHaveCount(0);
  await expect(playground.liveRegion).toHaveText("Undone: the previous settings are back.");
  // The Undo button is gone: focus goes back to Reset, never to <body>.
  await expect(page.getByTestId("header.reset")).toBeFocused();
  await expect.poll(() => decodeShareLink(page.url())).toEqual({ ...LINK, sn: "Jane Doe" });
});

test("a preset offers Undo; the offer ends with the next change", async ({ playground, page }) => {
  await playground.open(shareLink({ m: "browser", un: "Sam", ue: "sam@example.com" }));
  await playground.header.applyPreset("Verified by your server");
  await playground.controls.expectModel("server");
  const notice = page.getByTestId("header.undoNotice");
  await expect(notice).toContainText("Preset applied: Verified by your server.");
  await page.getByTestId("header.undo").click();
  await playground.controls.expectModel("browser");
  await expect(playground.controls.option("browser", "userName")).toHaveValue("Sam");

  await playground.header.applyPreset("Anonymous");
  await expect(notice).toBeVisible();
  await playground.controls.setWidgetToken("wt_new");
  await expect(notice).toHaveCount(0);
});

test("Back after Reset returns to the previous state and stays in the app; Forward redoes it", async ({
  playground,
  page,
}) => {
  await playground.open(shareLink(LINK));
  await playground.controls.setOption("server", "apiKey", "sk_test_back_secret");
  const appUrl = page.url();

  await playground.header.reset();
  await playground.controls.expectModel("anonymous");
  await expect.poll(() => new URL(page.url()).search).toBe("");

  await page.goBack();
  expect(new URL(page.url()).origin).toBe(new URL(appUrl).origin);
  await playground.controls.expectModel("server");
  await expect(playground.controls.option("identity", "widgetToken")).toHaveValue("wt_link");
  await expect(playground.controls.option("server", "apiKey")).toHaveValue("sk_test_back_secret");
  expect(decodeShareLink(page.url())).toEqual(LINK);
  // The secret lives only in memory: never in the history entry's state.
  expect(await page.evaluate(() => JSON.stringify(history.state ?? null))).not.toContain(
    "sk_test_back_secret",
  );

  await page.goForward();
  await playground.controls.expectModel("anonymous");
  await expect(playground.controls.option("identity", "widgetToken")).toHaveValue("");

  // Still the same page: "Reset to opened link" knows the link it was opened with.
  await playground.header.resetToOpenedLink();
  await playground.controls.expectModel("server");
  await expect.poll(() => decodeShareLink(page.url())).toEqual(LINK);
});

test("Back after a preset and an edit returns to the state before the preset", async ({
  playground,
  page,
}) => {
  await playground.open(shareLink({ m: "collect", x: ["Company"] }));
  await playground.header.applyPreset("Pass from the browser");
  await playground.controls.expectModel("browser");
  await playground.controls.setOption("browser", "userName", "Edited");
  await expect
    .poll(() => decodeShareLink(page.url()))
    .toMatchObject({ m: "browser", un: "Edited" });

  await page.goBack();
  await playground.controls.expectModel("collect");
  await playground.controls.expectExtraFields(["Company"]);
  await page.goForward();
  await playground.controls.expectModel("browser");
  await expect(playground.controls.option("browser", "userName")).toHaveValue("Edited");
});

test("the preset menu shows the preset in force, and Custom after an edit", async ({
  playground,
  page,
}) => {
  await playground.open();
  const menu = page.getByTestId("header.preset");
  const shown = () =>
    menu.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? "");
  // The defaults are the Anonymous preset.
  await expect.poll(shown).toBe("Anonymous");

  await playground.header.applyPreset("Collect with extra fields");
  await expect(menu).toHaveValue("collect-extra-fields");
  await expect.poll(shown).toBe("Collect with extra fields");

  await playground.controls.extraField(1).fill("Order number");
  await expect(menu).toHaveValue("custom");
  await expect.poll(shown).toBe("Custom");

  // Choosing the preset again from "Custom" applies it.
  await playground.header.applyPreset("Collect with extra fields");
  await playground.controls.expectExtraFields(["Company", "Order #"]);
  await expect(menu).toHaveValue("collect-extra-fields");
});

test("Reset to opened link is offered only on a page opened with a share link", async ({
  playground,
  page,
}) => {
  await playground.open();
  await expect(page.getByTestId("header.reset")).toBeVisible();
  await expect(page.getByTestId("header.resetToLink")).toHaveCount(0);

  await playground.open(shareLink({ m: "collect" }));
  await expect(page.getByTestId("header.resetToLink")).toBeVisible();
  await playground.header.reset();
  await playground.header.resetToOpenedLink();
  await playground.controls.expectModel("collect");
  await expect(page.getByTestId("header.undoNotice")).toContainText(
    "Back to the state this page was opened with.",
  );
});
