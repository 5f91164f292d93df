/**
 * A value the config schema refuses is flagged at its field as it is typed (the
 * same schema the share-link decoder uses), and never reaches a snippet, the
 * preview or the link; the field keeps what was typed so nothing is lost.
 */
import { decodeShareLink } from "./support/share-link";
import { expect, test } from "./support/fixtures";

test("a colour the widget cannot parse is flagged at the field and kept out of snippets and the link", async ({
  page,
  playground,
}) => {
  await playground.open("/");
  await playground.controls.setOption("appearance", "primaryColor", "#e11d48");
  const field = playground.controls.option("appearance", "primaryColor");
  await field.fill("notacolour");
  await expect(field).toHaveValue("notacolour");
  const message = page.getByTestId("held.primaryColor");
  await expect(message).toBeVisible();
  await expect(message).toContainText("#2563eb");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  // The input names the message for screen readers.
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  expect(describedBy.split(" ")).toContain(await message.locator("..").getAttribute("id"));

  for (const text of Object.values(await playground.code.allSnippets()))
    expect(text).not.toContain("notacolour");
  await page.waitForTimeout(400);
  expect(JSON.stringify(decodeShareLink(page.url()))).not.toContain("notacolour");

  // Reopening the link loses nothing that was valid and reports nothing dropped.
  await playground.open(page.url());
  await expect(playground.linkNotice).toHaveCount(0);

  // Fixing the value clears the message and the snippet uses it.
  await playground.controls.option("appearance", "primaryColor").fill("#2563eb");
  await expect(page.getByTestId("held.primaryColor")).toHaveCount(0);
  expect(await playground.code.text("html", 0)).toContain("#2563eb");
});

test("an organisation name over the limit is flagged at the field, and the link and preview keep the valid one", async ({
  page,
  playground,
}) => {
  await playground.open("/");
  // The Collect model's welcome screen shows the organisation name, so the preview check can fail.
  await playground.controls.chooseModel("collect");
  await expect(playground.preview.widget()).toContainText("Acme");
  const long = `Org${"x".repeat(247)}`;
  await playground.controls.setOption("appearance", "orgName", long);
  await expect(page.getByTestId("held.orgName")).toContainText("under 200 characters");
  await page.waitForTimeout(400);
  expect(JSON.stringify(decodeShareLink(page.url()))).not.toContain(long);
  await expect(playground.preview.widget()).not.toContainText(long);
  await expect(playground.preview.widget()).toContainText("Acme");
  await playground.open(page.url());
  await expect(playground.linkNotice).toHaveCount(0);
});
