/**
 * Issue 17: the shared-computer story in the preview. A signs in, chats and signs out; B uses the
 * same browser; A comes back. The replica in the iframe shows, step by step, whose history the
 * real widget lists; a leak is shown and said.
 */
import { axe, violations } from "./support/axe";
import { expect, test, TRACE } from "./support/fixtures";
import { LifecycleStory } from "./support/page/lifecycle-story";
import { shareLink } from "./support/share-link";
import { defaultConfig } from "../lib/config/options";
import { runStory } from "../lib/preview/story";

test.use(TRACE);

/** What A types in the story (the simulator's message), read from the same run the page plays. */
function messageOf(model: "server" | "browser", person: "A" | "B"): string {
  const run = runStory({ ...defaultConfig(), model });
  const typed = run.conversations.find((c) => c.typedBy === person);
  if (!typed) throw new Error(`${person} types nothing in the ${model} story`);
  return typed.text;
}

test("v5 verified, keys cleared on sign-out: B never sees A's messages, and A's history returns for A", async ({
  playground,
  page,
  pageErrors,
}) => {
  const fromA = messageOf("server", "A");
  const fromB = messageOf("server", "B");
  await playground.open(shareLink({ m: "server", se: "jane@example.com" }));
  await expect(playground.preview.versionLabel()).toContainText("v5");
  const story = new LifecycleStory(playground);
  await story.open();
  await expect(story.switch("signOutClearsKeys")).toBeChecked();
  await expect(story.switch("keepMounted")).toBeChecked();
  await expect(story.switch("remountOnIdentityChange")).toHaveCount(0);

  await story.goTo(story.stepNamed("A chats"));
  await story.expectReplicaOn("sessions");
  await story.expectListed([fromA]);

  for (const label of ["B signs in", "B chats"]) {
    await story.goTo(story.stepNamed(label));
    await expect(playground.preview.widget()).toBeAttached();
    await expect(playground.preview.frame().getByText(fromA)).toHaveCount(0);
    await expect(story.leak()).toHaveCount(0);
  }
  await story.expectReplicaOn("sessions");
  await story.expectListed([fromB]);

  await story.goTo(story.stepNamed("A signs in", 1));
  await story.expectReplicaOn("sessions");
  await story.expectListed([fromA]);
  await expect(story.sentence()).toContainText("Ada Lovelace");
  await expect(story.leak()).toHaveCount(0);

  // The story follows the version: v4 shows its own switch and re-runs at the same step.
  await playground.header.chooseVersion("v4");
  await expect(story.switch("remountOnIdentityChange")).toBeChecked();
  await expect(story.switch("keepMounted")).toHaveCount(0);
  await expect(story.stepNamed("A signs in", 1)).toHaveAttribute("aria-current", "step");
  await expect(story.sentence()).toContainText("remounts widget v4");
  await story.expectListed([fromA]);

  // Leaving the story gives the frame back to "This browser", untouched by the story.
  await page.getByTestId("preview.story.close").click();
  await expect(story.toggle()).toHaveAttribute("aria-expanded", "false");
  await expect(story.toggle()).toBeFocused();
  await expect(playground.preview.frame().getByText(fromA)).toHaveCount(0);
  await expect(page.getByTestId("preview.history")).toContainText("This browser");
  expect(pageErrors).toEqual([]);
});

test("browser model, keys not cleared: after A signs out the next visitor is shown A's message", async ({
  playground,
  page,
  pageErrors,
}) => {
  const fromA = messageOf("browser", "A");
  await playground.open(shareLink({ m: "browser", un: "Jane Doe", ue: "jane@example.com" }));
  const story = new LifecycleStory(playground);
  await story.open();
  const signOut = story.stepNamed("A signs out");
  await story.goTo(signOut);
  await expect(story.leak()).toHaveCount(0);
  await story.expectReplicaOn("chat");

  // The switch is the config's own field: the controls' lifecycle card follows it.
  await story.setSwitch("signOutClearsKeys", false);
  await expect(page.getByTestId("controls.lifecycle.signOutClearsKeys")).not.toBeChecked();
  // The story re-ran at the same step.
  await expect(signOut).toHaveAttribute("aria-current", "step");
  await expect(story.leak()).toBeVisible();
  await expect(story.leak()).toContainText(`B sees A's conversation: “${fromA}”`);
  await expect(story.sentence()).toContainText("the next person on this browser sees");
  await expect(signOut).toHaveAttribute("data-leak", "");
  await story.expectReplicaOn("sessions");
  await story.expectListed([fromA]);
  await expect(playground.liveRegion).toContainText("B sees A's conversation");

  // Turning it back on closes the leak at the same step.
  await story.setSwitch("signOutClearsKeys", true);
  await expect(story.leak()).toHaveCount(0);
  await expect(playground.preview.frame().getByText(fromA)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test("the story is keyboard-complete and its panel passes axe, leak banner included", async ({
  playground,
  page,
  pageErrors,
}) => {
  await playground.open(
    shareLink({ m: "browser", un: "Jane Doe", ue: "jane@example.com", sk: false }),
  );
  const story = new LifecycleStory(playground);
  await playground.reveal("preview");

  // Open with the keyboard.
  await story.toggle().focus();
  await page.keyboard.press("Enter");
  await expect(story.panel()).toBeVisible();
  await expect(story.current()).toHaveText(/^1\. The page loads/);

  // Tab past "Leave the story" to the first step, then walk the steps with the arrow keys;
  // focus follows.
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("preview.story.close")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(story.step(0)).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(story.step(1)).toBeFocused();
  await expect(story.step(1)).toHaveAttribute("aria-current", "step");
  await page.keyboard.press("End");
  const last = (await story.steps().count()) - 1;
  await expect(story.step(last)).toHaveAttribute("aria-current", "step");
  await page.keyboard.press("Home");
  await expect(story.step(0)).toHaveAttribute("aria-current", "step");

  // Next and Back are buttons: Enter and Space press them; Back at the start does nothing.
  const next = page.getByTestId("preview.story.next");
  const back = page.getByTestId("preview.story.back");
  await back.focus();
  await expect(back).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Enter");
  await expect(story.step(0)).toHaveAttribute("aria-current", "step");
  await next.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Enter");
  await expect(story.current()).toHaveText(/^4\. A signs out/);
  await expect(next).toBeFocused();
  await expect(story.leak()).toBeVisible();
  await page.keyboard.press(" ");
  await expect(story.current()).toHaveText(/^5\. B signs in/);

  // Reset with the keyboard.
  await page.getByTestId("preview.story.reset").focus();
  await page.keyboard.press("Enter");
  await expect(story.step(0)).toHaveAttribute("aria-current", "step");

  // The switch with the keyboard: Space flips it.
  await story.switch("signOutClearsKeys").focus();
  await page.keyboard.press(" ");
  await expect(story.switch("signOutClearsKeys")).toBeChecked();
  await page.keyboard.press(" ");
  await expect(story.switch("signOutClearsKeys")).not.toBeChecked();

  // axe on the panel at a leaking step, light and dark.
  await story.goTo(story.stepNamed("A signs out"));
  await expect(story.leak()).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await playground.header.setTheme(theme);
    const found = await violations(
      axe(page)
        .include('[data-testid="preview.story"]')
        .include('[data-testid="preview.story.toggle"]'),
    );
    expect(found, theme).toEqual([]);
  }
  expect(pageErrors).toEqual([]);
});

test("the story's code loads only when the story is asked for", async ({ playground, page }) => {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script")
      bodies.push(response.text().catch(() => ""));
  });
  await playground.open("/");
  const loaded = async () => (await Promise.all(bodies)).some((b) => b.includes("Leave the story"));
  expect(await loaded()).toBe(false);
  const story = new LifecycleStory(playground);
  await story.open();
  await expect(page.getByTestId("preview.story.close")).toBeVisible();
  expect(await loaded()).toBe(true);
});

test.describe("with reduced motion", () => {
  test.use({ reducedMotion: "reduce" });

  test("Play is not offered: the story is stepped by hand", async ({ playground, page }) => {
    await playground.open("/");
    const story = new LifecycleStory(playground);
    await story.open();
    await expect(page.getByTestId("preview.story.play")).toHaveCount(0);
    await expect(page.getByTestId("preview.story.position")).toContainText("reduced motion");
    await story.next();
    await expect(story.step(1)).toHaveAttribute("aria-current", "step");
  });
});

test("Play steps through the story on its own; Pause stops it", async ({ playground, page }) => {
  await playground.open("/");
  const story = new LifecycleStory(playground);
  await story.open();
  const play = page.getByTestId("preview.story.play");
  await play.click();
  await expect(play).toHaveText("Pause");
  await expect(story.step(1)).toHaveAttribute("aria-current", "step", { timeout: 4_000 });
  await expect(story.step(2)).toHaveAttribute("aria-current", "step", { timeout: 4_000 });
  await play.click();
  await expect(play).toHaveText("Play");
  const paused = await story.current().textContent();
  await page.waitForTimeout(2_000);
  await expect(story.current()).toHaveText(paused ?? "");
});
