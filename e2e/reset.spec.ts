/**
 * Journey 9: presets as starting points, "Reset" back to the defaults, and
 * "Reset to opened link" back to what the page was opened with (Undo and the
 * browser's Back after each: reset-undo.spec.ts).
 */
import { expect, test, TRACE } from "./support/fixtures";
import { decodeShareLink, shareLink } from "./support/playground-page";

test.use(TRACE);

test("a preset fills the form; Reset returns to the defaults", async ({ playground, page }) => {
  await playground.open();
  const defaultHtml = await playground.codeText("html", 0);
  await playground.setWidgetToken("wt_mine");

  await playground.applyPreset("Collect with extra fields");
  await expect(playground.liveRegion).toContainText("Preset applied: Collect with extra fields.");
  await playground.expectModel("collect");
  await playground.expectExtraFields(["Company", "Order #"]);
  // The widget token is the user's own: a preset keeps it.
  await expect(playground.option("identity", "widgetToken")).toHaveValue("wt_mine");
  await playground.expectScreen("welcome");
  await expect(playground.welcomeInput("extra.1")).toHaveAttribute(
    "placeholder",
    "Order # (Optional)",
  );
  expect(await playground.codeText("html", 0)).toContain(
    "extraDataCollectionFields: ['Company', 'Order #']",
  );
  await expect
    .poll(() => decodeShareLink(page.url()))
    .toMatchObject({ m: "collect", x: ["Company", "Order #"] });
  // The preset menu shows the preset in force.
  await expect(page.getByTestId("header.preset")).toHaveValue("collect-extra-fields");

  await playground.reset();
  await expect(playground.liveRegion).toContainText("Reset to the defaults.");
  await playground.expectModel("anonymous");
  await expect(playground.option("identity", "widgetToken")).toHaveValue("");
  await playground.expectScreen("chat");
  expect(await playground.codeText("html", 0)).toBe(defaultHtml);
  await expect.poll(() => new URL(page.url()).search).toBe("");
  // Nothing of the preset is left behind under another model either.
  await playground.chooseModel("collect");
  await playground.expectExtraFields([]);
});

test("Reset to opened link returns to the link's state, even after Reset", async ({
  playground,
  page,
}) => {
  const link = shareLink({ m: "server", t: "wt_link", se: "jane@example.com", pc: "#0055ff" });
  await playground.open(link);
  const opened = await playground.allSnippets();
  const openedSettings = decodeShareLink(link);

  await playground.applyPreset("Collect with extra fields");
  await playground.expectModel("collect");
  await playground.reset();
  await playground.expectModel("anonymous");

  await playground.resetToOpenedLink();
  await expect(playground.liveRegion).toContainText("Back to the state this page was opened with.");
  await playground.expectModel("server");
  await expect(playground.option("identity", "widgetToken")).toHaveValue("wt_link");
  await expect(playground.option("server", "serverEmail")).toHaveValue("jane@example.com");
  await expect(playground.option("appearance", "primaryColor")).toHaveValue("#0055ff");
  await playground.expectScreen("chat");
  expect(await playground.allSnippets()).toEqual(opened);
  await expect.poll(() => decodeShareLink(page.url())).toEqual(openedSettings);
});

test("on a page opened without a link, Reset to opened link is not offered (it would be Reset)", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.applyPreset("Verified by your server");
  await playground.expectModel("server");
  await expect(page.getByTestId("header.resetToLink")).toHaveCount(0);
  await playground.reset();
  await playground.expectModel("anonymous");
});
