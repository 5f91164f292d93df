/**
 * The verified model's controls and preview agree: after signing in from the
 * preview with no sample email in the controls, the page says that the preview
 * plays a user while the cURL sample has no email (the other server snippets take
 * it as an argument), and one click makes them the same (which clears the error). The flow's text wraps between words.
 */
import { expect, test } from "./support/fixtures";

test("signing in from the preview with no sample email: explained, one click to use it, no contradiction left", async ({
  page,
  playground,
}) => {
  await playground.open("/");
  await playground.controls.chooseModel("server");
  await expect(playground.controls.option("server", "serverEmail")).toHaveValue("");
  await expect(playground.controls.advisory("server-email-required")).toContainText(
    "cURL snippet's sample body has no email",
  );

  await playground.reveal("preview");
  await page.getByTestId("preview.signInEmail").fill("ada@example.com");
  await page.getByTestId("preview.signIn").click();
  const flow = page.getByTestId("preview.flow");
  await expect(flow).toContainText("201 { token:");
  await expect(flow.locator('li[data-status="done"]')).toHaveCount(4);

  const note = page.getByTestId("preview.flow.sample");
  await expect(note).toContainText("signed in as ada@example.com");
  await expect(note).toContainText("has no email yet");
  await page.getByTestId("preview.flow.useEmail").click();

  await playground.reveal("controls");
  await expect(playground.controls.option("server", "serverEmail")).toHaveValue("ada@example.com");
  await expect(playground.controls.advisory("server-email-required")).toHaveCount(0);
  await expect(page.getByTestId("preview.flow.sample")).toHaveCount(0);
  expect(await playground.code.text("curl", 0)).toContain("ada@example.com");
  expect(await playground.code.text("node", 0)).not.toContain("ada@example.com");
});

test("the verified flow never breaks a word in the middle", async ({ page, playground }) => {
  await playground.open("/");
  await playground.controls.chooseModel("server");
  await playground.controls.setOption("server", "serverEmail", "jane@example.com");
  await playground.reveal("preview");
  const flow = page.getByTestId("preview.flow");
  await expect(flow).toContainText("201 { token:");
  const breaks = await flow
    .locator("span")
    .evaluateAll((spans) => spans.map((s) => getComputedStyle(s).wordBreak));
  expect(breaks).not.toContain("break-all");
});
