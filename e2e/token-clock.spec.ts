/**
 * Issue 17, part 3, "Token lifetime, visible": the device panel's demo clock in the verified
 * model. With personal connections on (v5, tokens minted with mcp_access), a sandbox-only demo
 * lifetime makes the token expire in seconds; the page renews it through "your backend" at 80 %
 * and v5 keeps the conversation (domain-v5 §3.7); a missed renewal expires and the next request
 * fails, with no recovery for a verified token (§3.6); another owner resets the widget.
 * Chat-only tokens show that they never expire.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, TRACE } from "./support/fixtures";
import type { PlaygroundPage } from "./support/playground-page";
import { configLink } from "./support/version-link";

test.use(TRACE);

const PERSONAL = {
  model: "server",
  serverEmail: "jane@example.com",
  personalConnections: true,
} as const;

/** Opens the verified preview with personal connections and starts a 10 s demo clock. */
async function startDemo(page: Page, playground: PlaygroundPage) {
  await playground.open(configLink(PERSONAL));
  await expect(page.getByTestId("preview.flow")).toContainText("201 { token:");
  const clock = page.getByTestId("preview.clock");
  // The token your backend fetched first lasts the real hour, read from its own exp.
  await expect(clock.getByTestId("preview.clock.countdown")).toHaveText(
    /^jane@example\.com: expires in (59 min \d+ s|1 h)$/,
  );
  await clock.getByLabel("Demo lifetime").selectOption("10");
  const demo = clock.getByTestId("preview.clock.demo");
  await expect(demo).toHaveText("Demo: tokens last 10 s instead of 1 h (sandbox only)");
  await demo.click();
  await expect(demo).toHaveAttribute("aria-pressed", "true");
  await expect(clock.getByTestId("preview.clock.note")).toHaveText(
    "Demo started: the new token lasts 10 s: same owner, conversation kept.",
  );
  await expect(clock.getByTestId("preview.clock.countdown")).toHaveText(
    /^jane@example\.com: expires in ([1-9]|10) s \(demo\)$/,
  );
  return clock;
}

test("v5: the page renews at 80 % through your backend, and the conversation is kept", async ({
  playground,
  page,
  pageErrors,
}) => {
  const clock = await startDemo(page, playground);
  await expect(clock).toHaveAttribute("data-phase", "counting");
  await expect(clock.getByTestId("preview.clock.sentence")).toContainText(
    "Your page renews through your backend at 80 % of the lifetime",
  );
  await playground.preview.sendChatMessage("Sent before the renewal");
  await expect(
    playground.preview.chatMessages("bot").filter({ hasText: "This is a preview" }),
  ).toHaveCount(1);

  // 80 % of 10 s: the automatic renewal, no click.
  await expect(clock.getByTestId("preview.clock.note")).toHaveText(
    "Renewed at 80 %: same owner, conversation kept.",
    { timeout: 15_000 },
  );
  await expect(page.getByTestId("live.region")).toHaveText(
    "Renewed at 80 %: same owner, conversation kept.",
  );
  // Swapped in place: the same chat, the message still listed, requests still work.
  await playground.preview.expectScreen("chat");
  await expect(
    playground.preview.chatMessages("user").filter({ hasText: "Sent before the renewal" }),
  ).toHaveCount(1);
  await expect(playground.preview.authNote()).toHaveCount(0);
  await playground.preview.sendChatMessage("Sent after the renewal");
  await expect(
    playground.preview.chatMessages("bot").filter({ hasText: "This is a preview" }),
  ).toHaveCount(2);
  await expect(clock.getByTestId("preview.clock.countdown")).toHaveText(
    /expires in \d+ s \(demo\)/,
  );

  const { violations } = await new AxeBuilder({ page })
    .include('[data-testid="preview.clock"]')
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test("a paused renewal lets the token expire: the next request fails until the page renews", async ({
  playground,
  page,
}) => {
  const clock = await startDemo(page, playground);
  await clock.getByTestId("preview.clock.pause").click();
  await expect(clock).toHaveAttribute("data-phase", "not-renewing");
  await expect(clock.getByTestId("preview.clock.sentence")).toHaveText(
    "Renewal paused: nothing renews this token. When it expires, the next request fails.",
  );
  await playground.preview.sendChatMessage("Before the token expires");
  await expect(playground.preview.chatMessages("user")).toHaveCount(1);

  await expect(clock.getByTestId("preview.clock.expired")).toHaveText(
    "Expired: the next request gets a 401; verified tokens are never auto-recovered (domain-v5 §3.6). Your page must renew.",
    { timeout: 15_000 },
  );
  await expect(clock.getByTestId("preview.clock.countdown")).toHaveText(
    "jane@example.com: expired (demo)",
  );
  // The widget does not recover a verified token (the device's token is refused).
  await expect(playground.preview.rejection()).toContainText("never recovered");
  await expect(playground.preview.authNote()).toContainText("401");
  await playground.preview.sendChatMessage("Anyone there?");
  await playground.preview.settled();
  await expect(playground.preview.chatMessages().filter({ hasText: "Anyone there?" })).toHaveCount(
    0,
  );

  // Resuming the renewal renews at once; same owner, so v5 swaps the token in.
  await clock.getByTestId("preview.clock.pause").click();
  await expect(clock.getByTestId("preview.clock.note")).toHaveText(
    "Renewed after expiry: same owner, so widget v5 swaps the token in place; requests work again and the conversation is kept.",
  );
  await expect(playground.preview.authNote()).toHaveCount(0);
  await expect(playground.preview.rejection()).toHaveCount(0);
  await expect(
    playground.preview.chatMessages("user").filter({ hasText: "Before the token expires" }),
  ).toHaveCount(1);
});

test("a hidden tab renews when it comes back, not while hidden", async ({ playground, page }) => {
  const clock = await startDemo(page, playground);
  const setVisibility = (state: "hidden" | "visible") =>
    page.evaluate((s) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  await setVisibility("hidden");
  await expect(clock).toHaveAttribute("data-phase", "hidden");
  // Past 80 % of the 10 s lifetime while hidden: nothing renews.
  await page.waitForTimeout(9_000);
  await expect(clock.getByTestId("preview.clock.note")).toHaveText(/^Demo started/);
  await setVisibility("visible");
  await expect(clock.getByTestId("preview.clock.note")).toHaveText(
    "Renewed on returning to the tab: same owner, conversation kept.",
  );
  await expect(playground.preview.authNote()).toHaveCount(0);
});

test("renewing as another user changes the owner: v5 resets the widget", async ({
  playground,
  page,
}) => {
  const clock = await startDemo(page, playground);
  await playground.preview.sendChatMessage("Jane's question");
  await expect(playground.preview.chatMessages("user")).toHaveCount(1);
  await clock.getByTestId("preview.clock.anotherUser").click();
  await expect(clock.getByTestId("preview.clock.note")).toHaveText(
    "Renewed as another user: the owner changed (the contact (contact.id) differs), so widget v5 resets and re-resolves: the launcher starts closed and the transcript is cleared.",
  );
  await expect(clock.getByTestId("preview.clock.countdown")).toHaveText(
    /^sam@example\.com: expires in \d+ s \(demo\)$/,
  );
  const launcher = playground.preview.frame().getByTestId("preview.launcher");
  await expect(launcher).toHaveAttribute("aria-expanded", "false");
  await playground.preview.scrollTo(launcher);
  await launcher.click();
  await expect(playground.preview.chatMessages("user")).toHaveCount(0);
});

test("chat-only tokens: non-expiring, no renewal needed, nothing runs (v5 without mcp_access, and v4)", async ({
  playground,
  page,
}) => {
  for (const widgetVersion of ["v5", "v4"] as const) {
    await playground.open(
      configLink({ model: "server", serverEmail: "jane@example.com", widgetVersion }),
    );
    await expect(page.getByTestId("preview.flow")).toContainText("201 { token:");
    const clock = page.getByTestId("preview.clock");
    await expect(clock).toHaveAttribute("data-phase", "chat-only");
    await expect(clock.getByTestId("preview.clock.sentence")).toContainText(
      "Chat-only token: non-expiring, no renewal needed",
    );
    await expect(clock.getByTestId("preview.clock.countdown")).toHaveCount(0);
    await expect(clock.getByTestId("preview.clock.demo")).toHaveCount(0);
  }
  await expect(page.getByTestId("preview.clock.sentence")).toContainText(
    "personal connections (mcp_access) are v5 only",
  );
  // Not the verified model: no clock at all.
  await playground.open("/");
  await expect(page.getByTestId("preview.flow")).toHaveCount(0);
  await expect(page.getByTestId("preview.clock")).toHaveCount(0);
});
