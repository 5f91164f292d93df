/**
 * Journey 9: presets as starting points, "Reset" back to the defaults, and
 * "Reset to opened link" back to what the page was opened with (Undo and the
 * browser's Back after each: reset-undo.spec.ts).
 */
import { expect, test, TRACE } from "./support/fixtures";
import { decodeShareLink, shareLink } from "./support/share-link";

test.use(TRACE);

test("a preset fills the form; Reset returns to the defaults", async ({ playground, page }) => {
  await playground.open();
  const defaultHtml = await playground.code.text("html", 0);
  await playground.controls.setWidgetToken("wt_mine");

  await playground.header.applyPreset("Collect with extra fields");
  await expect(playground.liveRegion).toContainText("Preset applied: Collect with extra fields.");
  await playground.controls.expectModel("collect");
  await playground.controls.expectExtraFields(["Company", "Order #"]);
  // The widget token is the user's own: a preset keeps it.
  await expect(playground.controls.option("identity", "widgetToken")).toHaveValue("wt_mine");
  await playground.preview.expectScreen("welcome");
  await expect(playground.preview.welcomeInput("extra.1")).toHaveAttribute(
    "placeholder",
    "Order # (Optional)",
  );
  expect(await playground.code.text("html", 0)).toContain(
    "extraDataCollectionFields: ['Company', 'Order #']",
  );
  await expect
    .poll(() => decodeShareLink(page.url()))
    .toMatchObject({ m: "collect", x: ["Company", "Order #"] });
  // The preset menu shows the preset in force.
  await expect(page.getByTestId("header.preset")).toHaveValue("collect-extra-fields");

  await playground.header.reset();
  await expect(playground.liveRegion).toContainText("Reset to the defaults.");
  await playground.controls.expectModel("anonymous");
  await expect(playground.controls.option("identity", "widgetToken")).toHaveValue("");
  await playground.preview.expectScreen("chat");
  expect(await playground.code.text("html", 0)).toBe(defaultHtml);
  await expect.poll(() => new URL(page.url()).search).toBe("");
  // Nothing of the preset is left behind under another model either.
  await playground.controls.chooseModel("collect");
  await playground.controls.expectExtraFields([]);
});

test("Reset to opened link returns to the link's state, even after Reset", async ({
  playground,
  page,
}) => {
  const link = shareLink({ m: "server", t: "wt_link", se: "jane@example.com", pc: "#0055ff" });
  await playground.open(link);
  const opened = await playground.code.allSnippets();
  const openedSettings = decodeShareLink(link);

  await playground.header.applyPreset("Collect with extra fields");
  await playground.controls.expectModel("collect");
  await playground.header.reset();
  await playground.controls.expectModel("anonymous");

  await playground.header.resetToOpenedLink();
  await expect(playground.liveRegion).toContainText("Back to the state this page was opened with.");
  await playground.controls.expectModel("server");
  await expect(playground.controls.option("identity", "widgetToken")).toHaveValue("wt_link");
  await expect(playground.controls.option("server", "serverEmail")).toHaveValue("jane@example.com");
  await expect(playground.controls.option("appearance", "primaryColor")).toHaveValue("#0055ff");
  await playground.preview.expectScreen("chat");
  expect(await playground.code.allSnippets()).toEqual(opened);
  await expect.poll(() => decodeShareLink(page.url())).toEqual(openedSettings);
});

test("on a page opened without a link, Reset to opened link is not offered (it would be Reset)", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.header.applyPreset("Verified by your server");
  await playground.controls.expectModel("server");
  await expect(page.getByTestId("header.resetToLink")).toHaveCount(0);
  await playground.header.reset();
  await playground.controls.expectModel("anonymous");
});
