/**
 * Issue 15 item 5, "The preview per version": the preview says which widget it plays and shows
 * v5's known deltas; a rejected stored token recovers in v5 and keeps failing in v4
 * (domain-v5 §3.6); a renewed verified token keeps the v5 conversation (§3.7).
 */
import { expect, test, TRACE } from "./support/fixtures";
import { configLink } from "./support/version-link";

test.use(TRACE);

test("the version in the link changes the preview's label and the replica's deltas", async ({
  playground,
  page,
  pageErrors,
}) => {
  const send = playground.preview.frame().getByTestId("preview.chat.send");
  await playground.open(configLink({ widgetVersion: "v4" }));
  await expect(playground.preview.versionLabel()).toHaveText("Widget v4 · 4.0.63");
  await expect(page.getByTestId("preview.note")).toContainText("A replica of Widget v4 · 4.0.63");
  await expect(playground.preview.frame().getByTestId("preview.widget")).toHaveAttribute(
    "data-widget-version",
    "v4",
  );
  await expect(send).toHaveAttribute("title", "send message");

  await playground.open("/");
  await expect(playground.preview.versionLabel()).toHaveText("Widget v5 · 5.0.0");
  await expect(playground.preview.frame().getByTestId("preview.widget")).toHaveAttribute(
    "data-widget-version",
    "v5",
  );
  await expect(send).toHaveAttribute("title", "Send message");
  expect(pageErrors).toEqual([]);
});

test("the sessions list names the AI after the org's agent in v5, 'AI Support Agent' in v4", async ({
  playground,
}) => {
  const assignee = playground.preview.frame().getByTestId("preview.sessions.assignee");
  for (const [version, name] of [
    ["v5", "Ace"],
    ["v4", "AI Support Agent"],
  ] as const) {
    await playground.open(configLink({ widgetVersion: version, agentName: "Ace" }));
    await playground.preview.sendChatMessage("Hello");
    await playground.preview.reload();
    await playground.preview.expectScreen("sessions");
    await expect(assignee).toHaveText(name);
  }
  // v5 without an agent name: the organisation's.
  await playground.open(configLink({ orgName: "Globex" }));
  await playground.preview.sendChatMessage("Hello");
  await playground.preview.reload();
  await expect(assignee).toHaveText("Globex");
});

test("v5: a rejected anonymous token becomes a fresh contact; the old conversation leaves the screen and the list", async ({
  playground,
  page,
  pageErrors,
}) => {
  await playground.open("/");
  await playground.preview.sendChatMessage("Before the token dies");
  await expect(playground.preview.chatMessages("user")).toHaveCount(1);
  await playground.preview.rejectStoredToken();
  await expect(playground.preview.rejection()).toContainText("Widget v5 recovers");
  await expect(playground.preview.chatMessages("user")).toHaveCount(0);
  await expect(playground.preview.authNote()).toHaveCount(0);
  // The recovered contact works: a message gets its reply.
  await playground.preview.sendChatMessage("After recovery");
  await expect(
    playground.preview.chatMessages("bot").filter({ hasText: "This is a preview" }),
  ).toHaveCount(1);
  await playground.preview.reload();
  await playground.preview.expectScreen("sessions");
  await expect(page.getByTestId("preview.history")).toContainText("lists 1 conversation");
  expect(pageErrors).toEqual([]);
});

test("v5 collect: the collected name and email are lost and the welcome form does not return", async ({
  playground,
}) => {
  await playground.open(configLink({ model: "collect" }));
  await playground.preview.submitWelcome({ name: "Ada Lovelace", email: "ada@example.com" });
  await playground.preview.expectScreen("chat");
  await playground.preview.rejectStoredToken();
  await expect(playground.preview.rejection()).toContainText(
    "The name and email collected by the welcome form are lost, and the form does not come back.",
  );
  await playground.preview.expectScreen("chat");
  await playground.preview.reload();
  await expect(playground.preview.welcome()).toHaveCount(0);
  await playground.preview.expectScreen("chat");
});

test("v4: a rejected token is not recovered: requests fail, across reloads, until the site data is cleared", async ({
  playground,
}) => {
  await playground.open(configLink({ widgetVersion: "v4" }));
  await playground.preview.sendChatMessage("Before the token dies");
  await expect(playground.preview.chatMessages("user")).toHaveCount(1);
  await playground.preview.rejectStoredToken();
  await expect(playground.preview.rejection()).toContainText("Widget v4 has no recovery");
  await expect(playground.preview.authNote()).toContainText("401");
  // Nothing is delivered any more.
  await playground.preview.sendChatMessage("Anyone there?");
  await playground.preview.settled();
  await expect(playground.preview.chatMessages().filter({ hasText: "Anyone there?" })).toHaveCount(
    0,
  );
  await playground.preview.reload();
  await expect(playground.preview.authNote()).toContainText("401");
  await expect(playground.preview.rejection()).toContainText("Widget v4 has no recovery");
  await playground.preview.clearSiteData();
  await expect(playground.preview.authNote()).toHaveCount(0);
  await expect(playground.preview.rejection()).toHaveCount(0);
  await playground.preview.sendChatMessage("Fresh start");
  await expect(
    playground.preview.chatMessages("bot").filter({ hasText: "This is a preview" }),
  ).toHaveCount(1);
});

test("v5 verified: a renewed token keeps the conversation on screen; a rejected one waits for the renewal", async ({
  playground,
  page,
  pageErrors,
}) => {
  await playground.open(configLink({ model: "server", serverEmail: "jane@example.com" }));
  const flow = page.getByTestId("preview.flow");
  await expect(flow).toContainText("201 { token:");
  await playground.preview.sendChatMessage("Where is my order?");
  await expect(
    playground.preview.chatMessages("bot").filter({ hasText: "This is a preview" }),
  ).toHaveCount(1);
  const before = await flow.textContent();

  // The host must renew a rejected verified token: the widget does not recover it.
  await playground.preview.rejectStoredToken();
  await expect(playground.preview.rejection()).toContainText("never recovered");
  await expect(playground.preview.authNote()).toContainText("401");

  // A new token (a later iat) for the same user: the same contact.
  await page.waitForTimeout(1100);
  await playground.preview.renewToken();
  await expect(flow).not.toHaveText(before ?? "");
  await expect(playground.preview.authNote()).toHaveCount(0);
  await expect(playground.preview.rejection()).toHaveCount(0);
  await playground.preview.expectScreen("chat");
  await expect(playground.preview.widget()).toBeVisible();
  await expect(
    playground.preview.chatMessages("user").filter({ hasText: "Where is my order?" }),
  ).toHaveCount(1);
  await playground.preview.sendChatMessage("Still here after the renewal");
  await expect(
    playground.preview.chatMessages("bot").filter({ hasText: "This is a preview" }),
  ).toHaveCount(2);
  expect(pageErrors).toEqual([]);
});

test("v4 verified: a renewed token remounts the widget; the conversation stays in the list", async ({
  playground,
  page,
}) => {
  await playground.open(
    configLink({ widgetVersion: "v4", model: "server", serverEmail: "jane@example.com" }),
  );
  await expect(page.getByTestId("preview.flow")).toContainText("201 { token:");
  await playground.preview.sendChatMessage("Where is my order?");
  await expect(playground.preview.chatMessages("user")).toHaveCount(1);
  const before = await page.getByTestId("preview.flow").textContent();
  await page.waitForTimeout(1100);
  await playground.preview.renewToken();
  await expect(page.getByTestId("preview.flow")).not.toHaveText(before ?? "");
  await playground.preview.expectScreen("sessions");
  await expect(playground.preview.chatMessages()).toHaveCount(0);
});

test("reset visitor: a new contact on this browser in both versions", async ({
  playground,
  page,
}) => {
  for (const version of ["v4", "v5"] as const) {
    await playground.open(configLink({ widgetVersion: version }));
    await playground.preview.sendChatMessage("Hello");
    await playground.preview.reload();
    await playground.preview.expectScreen("sessions");
    await playground.preview.resetVisitor();
    await playground.preview.expectScreen("chat");
    await expect(page.getByTestId("preview.history")).toContainText("starts over");
  }
});

test("v5 verified: signing out on the mounted widget recreates it closed with the transcript cleared; v4 reloads the page", async ({
  playground,
  page,
}) => {
  const launcher = playground.preview.frame().getByTestId("preview.launcher");
  await playground.open(configLink({ model: "server", serverEmail: "jane@example.com" }));
  await expect(page.getByTestId("preview.flow")).toContainText("201 { token:");
  await playground.preview.sendChatMessage("Where is my order?");
  await expect(playground.preview.chatMessages("user")).toHaveCount(1);
  await page.getByTestId("preview.signOut").click();
  await expect(launcher).toHaveAttribute("aria-expanded", "false");
  await expect(playground.preview.widget()).toBeHidden();
  await playground.preview.scrollTo(launcher);
  await launcher.click();
  await expect(playground.preview.chatMessages("user")).toHaveCount(0);

  await playground.open(
    configLink({ widgetVersion: "v4", model: "server", serverEmail: "jane@example.com" }),
  );
  await expect(page.getByTestId("preview.flow")).toContainText("201 { token:");
  await page.getByTestId("preview.signOut").click();
  // v4 cannot re-initialise: the page reloads, and the preview opens the widget as on any load.
  await expect(launcher).toHaveAttribute("aria-expanded", "true");
});
