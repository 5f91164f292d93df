/**
 * Journey 8: axe finds nothing on the playground (light and dark) or inside the
 * preview (welcome and chat screens). The widget's own low-contrast text is
 * kept for fidelity and marked `[data-faithful-contrast]`: only that is excluded.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, TRACE } from "./support/fixtures";
import {
  type Pane,
  PREVIEW_FRAME,
  type PlaygroundPage,
  shareLink,
} from "./support/playground-page";

test.use(TRACE);

const PANES: readonly Pane[] = ["controls", "preview", "code"];

/**
 * Tall enough that every pane's content is on screen without scrolling: axe
 * leaves colour contrast "incomplete" for text scrolled out of view.
 */
test.use({ viewport: { width: 1280, height: 2400 } });

/**
 * Only violations are reported in full (far less to serialise), and legacy mode
 * runs axe across the same-origin frame in place instead of finishing in a new
 * blank page: together about 4× faster on these machines, same findings.
 */
function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).setLegacyMode(true);
}

/** One line per failing node: rule, selector, and axe's short summary. */
async function violations(builder: AxeBuilder): Promise<string[]> {
  const { violations } = await builder.analyze();
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact}) ${n.target.join(" > ")}: ${n.failureSummary?.split("\n")[1]?.trim() ?? v.help}`,
    ),
  );
}

/** The playground itself, pane by pane where one pane shows at a time; the preview has its own tests. */
async function scanPlayground(playground: PlaygroundPage, page: Page): Promise<string[]> {
  const found = new Set<string>();
  // Side by side, one scan sees every pane; one pane at a time, scan each in turn.
  const panes = (await playground.mobileTab("controls").isVisible()) ? PANES : [null];
  for (const pane of panes) {
    if (pane) await playground.reveal(pane);
    const builder = axe(page).exclude(PREVIEW_FRAME);
    for (const line of await violations(builder)) found.add(line);
  }
  return [...found];
}

/** Only the preview document. */
function previewScan(page: Page): AxeBuilder {
  return axe(page).include(PREVIEW_FRAME).exclude([PREVIEW_FRAME, "[data-faithful-contrast]"]);
}

// Busy pages: the collect form with extra fields, an advisory (prefill name too short) and the
// link notice; the verified model's server section, custom data rows and server tabs.
const BUSY_COLLECT = shareLink({
  m: "collect",
  x: ["Company", "Order #"],
  pn: "J",
  t: "wt_a11y",
  zz: 1,
});
const BUSY_SERVER = shareLink({
  m: "server",
  se: "jane@example.com",
  sd: [{ key: "plan", value: "pro" }],
});

test("the playground has no axe violations in the light theme (collect model, link notice)", async ({
  playground,
  page,
}) => {
  await playground.open(BUSY_COLLECT);
  await expect(playground.linkNotice).toBeVisible();
  await playground.setTheme("light");
  expect(await scanPlayground(playground, page)).toEqual([]);
});

test("the playground has no axe violations in the dark theme (verified model, server tab)", async ({
  playground,
  page,
}) => {
  await playground.open(BUSY_SERVER);
  await playground.setTheme("dark");
  await playground.showCode("node");
  expect(await scanPlayground(playground, page)).toEqual([]);
});

test("inside the preview, the welcome and chat screens have no axe violations", async ({
  playground,
  page,
}) => {
  await playground.open(shareLink({ m: "collect", x: ["Company"] }));
  await playground.reveal("preview");
  await playground.expectScreen("welcome");
  await expect(playground.welcomeInput("submit")).toBeVisible();
  expect(await violations(previewScan(page)), "welcome screen").toEqual([]);

  await playground.submitWelcome({ name: "Jane Doe", email: "jane@example.com", extras: ["Acme"] });
  await playground.expectScreen("chat");
  await playground.sendChatMessage("My parcel is late");
  await expect(playground.chatMessages("bot").last()).toContainText("preview");
  expect(await violations(previewScan(page)), "chat screen").toEqual([]);
});
