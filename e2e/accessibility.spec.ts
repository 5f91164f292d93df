/**
 * Journey 8: axe (WCAG 2.0/2.1 A and AA, best practices) finds nothing the playground
 * draws, for every model in the light and dark themes and at four window sizes, nor
 * inside the preview (welcome and chat screens). The widget's own low-contrast text is
 * kept for fidelity and marked `[data-faithful-contrast]`: it is left out of those runs
 * and listed, with its ratios, by the last test ("the widget's own colours").
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { axe, violations } from "./support/axe";
import { expect, test, TRACE } from "./support/fixtures";
import { VIEWPORTS } from "./support/viewports";
import { type Pane, PREVIEW_FRAME } from "./support/page/layout";
import type { PlaygroundPage } from "./support/playground-page";
import { shareLink } from "./support/share-link";

test.use(TRACE);

const PANES: readonly Pane[] = ["controls", "preview", "code"];

/**
 * Tall enough that every pane's content is on screen without scrolling: axe
 * leaves colour contrast "incomplete" for text scrolled out of view.
 */
test.use({ viewport: { width: 1280, height: 2400 } });

/** The widget replica inside the preview document: its colours are the real widget's (see the last test). */
const REPLICA = [PREVIEW_FRAME, '[data-testid="preview.widget"]'];

/**
 * The playground itself, pane by pane where one pane shows at a time. `withPreviewPage` also
 * scans the preview document around the replica (its landmarks and heading count on the page).
 */
async function scanPlayground(
  playground: PlaygroundPage,
  page: Page,
  { withPreviewPage = false } = {},
): Promise<string[]> {
  const found = new Set<string>();
  // Side by side, one scan sees every pane; one pane at a time, scan each in turn.
  const panes = (await playground.mobileTab("controls").isVisible()) ? PANES : [null];
  for (const pane of panes) {
    if (pane) await playground.reveal(pane);
    const builder = axe(page).exclude(withPreviewPage ? REPLICA : PREVIEW_FRAME);
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

const BUSY_BROWSER = shareLink({ m: "browser", un: "Jane Doe", ue: "jane@example.com", c: true });
const BY_MODEL = {
  anonymous: "/",
  collect: BUSY_COLLECT,
  browser: BUSY_BROWSER,
  server: BUSY_SERVER,
} as const;

for (const [model, link] of Object.entries(BY_MODEL)) {
  for (const theme of ["light", "dark"] as const) {
    test(`the playground has no axe violations: ${model} model, ${theme} theme`, async ({
      playground,
      page,
    }) => {
      await playground.open(link);
      await playground.header.setTheme(theme);
      if (model === "server") await playground.code.show("node");
      expect(await scanPlayground(playground, page)).toEqual([]);
    });
  }
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("nothing the playground draws fails axe, the preview document's page included", async ({
      playground,
      page,
    }) => {
      await playground.open();
      await playground.header.setTheme("light");
      expect(await scanPlayground(playground, page, { withPreviewPage: true })).toEqual([]);
    });
  });
}

test("inside the preview, the welcome and chat screens have no axe violations", async ({
  playground,
  page,
}) => {
  await playground.open(shareLink({ m: "collect", x: ["Company"] }));
  await playground.reveal("preview");
  await playground.preview.expectScreen("welcome");
  await expect(playground.preview.welcomeInput("submit")).toBeVisible();
  expect(await violations(previewScan(page)), "welcome screen").toEqual([]);

  await playground.preview.submitWelcome({
    name: "Jane Doe",
    email: "jane@example.com",
    extras: ["Acme"],
  });
  await playground.preview.expectScreen("chat");
  await playground.preview.sendChatMessage("My parcel is late");
  await expect(playground.preview.chatMessages("bot").last()).toContainText("preview");
  expect(await violations(previewScan(page)), "chat screen").toEqual([]);
});

/**
 * The replica copies the real widget's colours (domain.md §12, §15.12), some of which fall
 * below WCAG AA: "Powered by", the sessions' meta line, closed sessions. That is the widget's
 * own contrast, not the playground's. This test lists each one with its ratio (see the
 * test's annotations) and fails if any contrast problem in the replica is not one of those
 * marked copies.
 */
test("the widget's own colours: every low-contrast text in the replica is a marked copy of the real widget's", async ({
  playground,
  page,
}) => {
  const report: string[] = [];
  const unmarked: string[] = [];
  async function check(screen: string) {
    const { violations } = await new AxeBuilder({ page })
      .include(PREVIEW_FRAME)
      .withRules(["color-contrast"])
      .options({ resultTypes: ["violations"] })
      .setLegacyMode(true)
      .analyze();
    for (const node of violations.flatMap((v) => v.nodes)) {
      const data = node.any[0]?.data as
        { contrastRatio?: number; fgColor?: string; bgColor?: string } | undefined;
      const inFrame = String(node.target[node.target.length - 1]);
      const { marked, text } = await playground.preview
        .frame()
        .locator(inFrame)
        .first()
        .evaluate((el) => ({
          marked: el.closest('[data-testid="preview.widget"] [data-faithful-contrast]') !== null,
          text: (el.textContent ?? "").trim().slice(0, 40),
        }));
      const line = `${screen}: "${text}" ${data?.contrastRatio}:1 (${data?.fgColor} on ${data?.bgColor})`;
      (marked ? report : unmarked).push(line);
    }
  }

  await playground.open(shareLink({ m: "collect" }));
  await playground.reveal("preview");
  await playground.preview.expectScreen("welcome");
  await check("welcome");
  await playground.preview.submitWelcome({ name: "Jane Doe", email: "jane@example.com" });
  await playground.preview.expectScreen("chat");
  await playground.preview.sendChatMessage("My parcel is late");
  await expect(playground.preview.chatMessages("bot").last()).toContainText("preview");
  await check("chat");
  await playground.preview.reload();
  await playground.preview.expectScreen("sessions");
  await check("sessions");

  for (const line of report)
    test.info().annotations.push({ type: "widget's own contrast", description: line });
  expect(
    unmarked,
    "contrast problems in the replica that are not the widget's own colours",
  ).toEqual([]);
});
