/**
 * Issue 4's central lesson, as a user watches it: a conversation follows a
 * verified customer to another device, and does not follow a non-verified one.
 */
import { expect, test } from "./support/fixtures";
import { shareLink } from "./support/share-link";

const ANOTHER_DEVICE = 'iframe[title="Widget preview (another device)"]';

test("anonymous: another device sees no history, this browser keeps it on reload", async ({
  playground,
  page,
  pageErrors,
}) => {
  await playground.open("/");
  await playground.preview.expectScreen("chat");
  await playground.preview.sendChatMessage("Hello from this browser");
  await expect(
    playground.preview.chatMessages("bot").filter({ hasText: "This is a preview" }),
  ).toHaveCount(1);

  await page.getByTestId("preview.device.another-device").click();
  const other = page.frameLocator(ANOTHER_DEVICE);
  await expect(other.getByTestId("preview.document")).toHaveAttribute("data-ready", "");
  await expect(other.locator("#opencx-widget")).toHaveAttribute("data-screen", "chat");
  await expect(page.getByTestId("preview.history")).toContainText("Another device sees no history");
  await expect(other.getByText("Hello from this browser")).toHaveCount(0);

  await page.getByTestId("preview.device.this-browser").click();
  await playground.preview.expectScreen("sessions");
  await expect(page.getByTestId("preview.history")).toContainText("lists 1 conversation");

  await playground.preview.clearSiteData();
  await playground.preview.expectScreen("chat");
  await expect(page.getByTestId("preview.history")).toContainText("starts over");
  expect(pageErrors).toEqual([]);
});

test("verified: the sandbox issues the token and history follows the user to another device", async ({
  playground,
  page,
  pageErrors,
}) => {
  await playground.open(shareLink({ m: "server", se: "jane@example.com", sn: "Jane" }));
  const flow = page.getByTestId("preview.flow");
  await expect(flow).toContainText("201 { token:");
  await expect(flow).toContainText("contact: { id: ct_");
  await playground.preview.sendChatMessage("Where is my order?");
  await expect(
    playground.preview.chatMessages("bot").filter({ hasText: "This is a preview" }),
  ).toHaveCount(1);

  await page.getByTestId("preview.device.another-device").click();
  const other = page.frameLocator(ANOTHER_DEVICE);
  await expect(other.locator("#opencx-widget")).toHaveAttribute("data-screen", "sessions");
  await expect(page.getByTestId("preview.history")).toContainText(
    "verified contact sees its history on every device",
  );

  await page.getByTestId("preview.signOut").click();
  await expect(page.getByTestId("preview.history")).toContainText("Signed out");
  await expect(other.locator("#opencx-widget")).toHaveAttribute("data-screen", "chat");
  expect(pageErrors).toEqual([]);
});
