/**
 * Journey 2: a developer adds extra fields to the welcome form, then plays the
 * visitor in the preview (domain.md §6.3 validation, §6.4 submit, §6.5 extra fields).
 */
import { expect, test, TRACE } from "./support/fixtures";
import { shareLink } from "./support/share-link";

test.use(TRACE);

test("extra fields from the editor; a one-character name does nothing; a valid form connects and the first message carries the fields", async ({
  playground,
}) => {
  await playground.open();
  await playground.controls.chooseModel("collect");
  await playground.controls.addExtraField("Company");
  await playground.controls.addExtraField("Order #");
  await playground.controls.expectExtraFields(["Company", "Order #"]);
  await expect(playground.page.getByTestId("trust.form")).toHaveText("Shown on every page load");
  expect(await playground.code.text("html", 0)).toContain(
    "extraDataCollectionFields: ['Company', 'Order #']",
  );

  await playground.reveal("preview");
  await playground.preview.expectScreen("welcome");
  await expect(playground.preview.welcomeInput("extra.0")).toHaveAttribute(
    "placeholder",
    "Company (Optional)",
  );
  await expect(playground.preview.welcomeInput("extra.1")).toHaveAttribute(
    "placeholder",
    "Order # (Optional)",
  );
  await expect(playground.preview.welcomeInput("extra.0")).not.toHaveAttribute("required");

  // The widget's silent zod check (name ≥ 2): no "Connecting...", no error text, still on welcome.
  const submit = playground.preview.welcomeInput("submit");
  await playground.preview.submitWelcome({
    name: "J",
    email: "jane@example.com",
    extras: ["Acme", "123"],
  });
  await playground.preview.settled();
  await expect(submit).toHaveText("Talk to support");
  await expect(submit).toBeEnabled();
  // Longer than the widget's own "Connecting..." delay (600 ms): a refused submit must not move on.
  await playground.page.waitForTimeout(800);
  await playground.preview.expectScreen("welcome");
  await expect(playground.preview.welcome()).not.toContainText("Connecting...");

  await playground.preview.welcomeInput("name").fill("Jane Doe");
  await submit.click();
  await expect(submit).toHaveText("Connecting...");
  await expect(submit).toBeDisabled();
  await playground.preview.expectScreen("chat");
  await expect(playground.preview.chatMessages("bot").first()).toHaveText(
    "Hello, how can I help you?",
  );

  await playground.preview.sendChatMessage("My parcel is late");
  const mine = playground.preview.chatMessages("user");
  await expect(mine).toHaveCount(1);
  // Exact text, the spaces before the line breaks included (toHaveText would normalise them).
  await expect
    .poll(() => mine.first().textContent())
    .toBe("Company: Acme \nOrder #: 123 \n\nMy parcel is late");
  await expect(playground.preview.chatMessages("bot").last()).toContainText("preview");

  // Only the first message of a chat carries them.
  await playground.preview.sendChatMessage("Any news?");
  await expect(mine).toHaveCount(2);
  await expect.poll(() => mine.nth(1).textContent()).toBe("Any news?");
});

test("an extra field left empty is not prepended, and the form returns on every page load", async ({
  playground,
}) => {
  await playground.open(shareLink({ m: "collect", x: ["Company", "Order #"] }));
  await playground.preview.submitWelcome({
    name: "Jane Doe",
    email: "jane@example.com",
    extras: ["Acme", ""],
  });
  await playground.preview.expectScreen("chat");
  await playground.preview.sendChatMessage("Hello");
  await expect
    .poll(() => playground.preview.chatMessages("user").first().textContent())
    .toBe("Company: Acme \n\nHello");

  // Row C of the decision table: the saved token is not read, so a reload shows the form again.
  await playground.preview.reload();
  await playground.preview.expectScreen("welcome");
});

test("without extra fields a returning visitor skips the form", async ({ playground }) => {
  await playground.open(shareLink({ m: "collect" }));
  await expect(playground.page.getByTestId("trust.form")).toHaveText(
    "First visit on each browser only",
  );
  await playground.preview.expectScreen("welcome");
  await playground.preview.submitWelcome({ name: "Jane Doe", email: "jane@example.com" });
  await playground.preview.expectScreen("chat");
  // Row B: the token saved by the submit is reused on the next load.
  await playground.preview.reload();
  await expect(playground.preview.widget()).not.toHaveAttribute("data-screen", "welcome");
  // Until the site data is cleared.
  await playground.preview.clearSiteData();
  await playground.preview.expectScreen("welcome");
});
