/**
 * When collectUserData is on but this browser already stores a contact token, the real
 * widget reuses it and skips the welcome form (domain.md §3.2 row B, §3.3). The preview
 * says so, and offers the one click that shows a first-time visitor (issue 12, item 10).
 */
import { expect, test, TRACE } from "./support/fixtures";

test.use(TRACE);

test("browser model: ticking collectUserData explains the skipped form and shows a fresh visitor on request", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.controls.chooseModel("browser");
  await playground.reveal("preview");
  await playground.preview.expectScreen("chat");
  const notice = page.getByTestId("preview.storedContact");
  await expect(notice).toHaveCount(0);

  await playground.controls.alsoCollect("browser");
  await playground.reveal("preview");
  await playground.preview.expectScreen("chat");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("already stores a contact token");
  await expect(notice).toContainText("skips the welcome form");

  await notice.getByRole("button", { name: "Show a first-time visitor" }).click();
  await playground.preview.expectScreen("welcome");
  await expect(notice).toHaveCount(0);
  await expect(playground.liveRegion).toContainText("first-time visitor");
});

test("with an email in user.data the form never shows, and the notice does not promise it", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.controls.chooseModel("browser");
  await playground.controls.setOption("browser", "userEmail", "jane@example.com");
  await playground.controls.alsoCollect("browser");
  await playground.reveal("preview");
  await playground.preview.expectScreen("chat");
  await expect(page.getByTestId("preview.storedContact")).toHaveCount(0);
});
