/**
 * The code tabs with every target: grouped "Your page" / "Your server", usable at a phone's
 * width and in the embed, free of axe violations with the server group shown, and the grammars
 * of the newer languages fetched only when a tab using them is first shown.
 */
import type { Page, Response } from "@playwright/test";
import { axe, violations } from "./support/axe";
import { expect, test, TRACE } from "./support/fixtures";
import { CLIENT_TARGETS, SERVER_TARGETS } from "./support/page/code";
import { shareLink } from "./support/share-link";

test.use(TRACE);

const VERIFIED = shareLink({ m: "server", se: "jane@example.com" });
const NARROW = { width: 360, height: 740 } as const;

/** Nothing in the tab list is cut off or scrolls sideways, and the page does not either. */
async function expectTabsFit(page: Page): Promise<void> {
  const layout = await page.locator('[role="tablist"]').evaluate((list) => {
    const box = list.getBoundingClientRect();
    const tabs = [...list.querySelectorAll('[role="tab"]')].map((tab) => {
      const r = tab.getBoundingClientRect();
      return { id: tab.getAttribute("data-testid"), left: r.left, right: r.right };
    });
    return {
      overflow: list.scrollWidth - list.clientWidth,
      left: box.left,
      right: box.right,
      tabs,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
  expect(layout.tabs).toHaveLength(CLIENT_TARGETS.length + SERVER_TARGETS.length);
  expect(layout.overflow).toBeLessThanOrEqual(0);
  expect(layout.pageOverflow).toBeLessThanOrEqual(0);
  for (const tab of layout.tabs) {
    expect(tab.left, `${tab.id} starts inside the tab list`).toBeGreaterThanOrEqual(layout.left);
    expect(tab.right, `${tab.id} ends inside the tab list`).toBeLessThanOrEqual(layout.right + 0.5);
  }
}

test.describe(`at ${NARROW.width} px`, () => {
  test.use({ viewport: NARROW });

  test("every tab of both groups wraps inside the panel, in the playground and the embed", async ({
    playground,
    page,
  }) => {
    await playground.open(VERIFIED);
    await playground.reveal("code");
    await expectTabsFit(page);
    await expect(page.getByText("Your server", { exact: true })).toBeVisible();

    await page.goto("/embed?preset=server&panels=code&tab=java");
    await expect(page.getByTestId("embed.root")).toHaveAttribute("data-ready", "");
    await expect(playground.code.tab("java")).toHaveAttribute("aria-selected", "true");
    await expectTabsFit(page);
  });
});

for (const viewport of [NARROW, { width: 1280, height: 1600 }]) {
  test(`the code panel with the server group shown has no axe violations at ${viewport.width} px, light and dark`, async ({
    playground,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await playground.open(VERIFIED);
    await playground.code.show("php");
    await expect(playground.code.block("php", 0)).toHaveAttribute("data-highlighted", "true");
    for (const theme of ["light", "dark"] as const) {
      await playground.header.setTheme(theme);
      await playground.reveal("code");
      expect(
        await violations(axe(page).include('[data-testid="code.panel"]')),
        `${theme} theme`,
      ).toEqual([]);
    }
  });
}

/** shiki's grammar modules hold their JSON, `"displayName":"PHP"`, in a string in the chunk. */
const GRAMMAR_MARKERS = {
  PHP: /displayName\\?"\s*:\s*\\?"PHP\\?"/,
  Ruby: /displayName\\?"\s*:\s*\\?"Ruby\\?"/,
  Python: /displayName\\?"\s*:\s*\\?"Python\\?"/,
} as const;
type Grammar = keyof typeof GRAMMAR_MARKERS;

/** Every grammar chunk the page or its workers fetched, told apart by what it holds. */
function watchGrammars(page: Page): Map<Grammar, number> {
  const seen = new Map<Grammar, number>();
  let order = 0;
  page.context().on("response", (response: Response) => {
    if (!/\.m?js(\?|$)/.test(new URL(response.url()).pathname)) return;
    const at = ++order;
    response
      .text()
      .then((text) => {
        for (const [name, marker] of Object.entries(GRAMMAR_MARKERS) as [Grammar, RegExp][])
          if (marker.test(text) && !seen.has(name)) seen.set(name, at);
      })
      .catch(() => undefined);
  });
  return seen;
}

test("the PHP and Ruby grammars are fetched only when their tab is first shown; plain text first, same height", async ({
  playground,
  page,
}) => {
  const grammars = watchGrammars(page);
  await playground.open(VERIFIED);
  // A change that reaches the PHP and Ruby bodies (the user's name; the email is the function's
  // argument, not in the code), so neither tab can use the server's colours.
  await playground.controls.setOption("server", "serverName", "Ada Lovelace");
  await playground.reveal("code");
  await expect(playground.code.block("html", 0)).toContainText("initOpenScript");
  await expect(playground.code.block("html", 0)).toHaveAttribute("data-highlighted", "true");
  // The idle warm-up has run (it loads Python's grammar, which no page tab uses) ...
  await expect.poll(() => grammars.has("Python"), { timeout: 20_000 }).toBe(true);
  // ... and fetched neither PHP's nor Ruby's, though the verified model offers both tabs.
  await page.waitForTimeout(500);
  expect(grammars.has("PHP")).toBe(false);
  expect(grammars.has("Ruby")).toBe(false);

  for (const [target, grammar] of [
    ["php", "PHP"],
    ["ruby", "Ruby"],
  ] as const) {
    // Record the block's states and heights from the moment it appears.
    await page.evaluate((testId) => {
      const log: { highlighted: string | null; height: number }[] = [];
      (window as unknown as { __blockLog: typeof log }).__blockLog = log;
      const record = (el: Element) =>
        log.push({
          highlighted: el.getAttribute("data-highlighted"),
          height: el.getBoundingClientRect().height,
        });
      const observer = new MutationObserver(() => {
        const el = document.querySelector(`[data-testid="${testId}"]`);
        if (el && log.at(-1)?.highlighted !== el.getAttribute("data-highlighted")) record(el);
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ["data-highlighted"],
      });
    }, `code.block.${target}.0`);
    expect(grammars.has(grammar)).toBe(false);
    await playground.code.show(target);
    await expect(playground.code.block(target, 0)).toHaveAttribute("data-highlighted", "true");
    await expect.poll(() => grammars.has(grammar)).toBe(true);
    const log = await page.evaluate(
      () =>
        (window as unknown as { __blockLog: { highlighted: string; height: number }[] }).__blockLog,
    );
    // Plain escaped text first, then the colours, with no change of height.
    expect(log.map((entry) => entry.highlighted)).toEqual(["false", "true"]);
    expect(log[1]?.height).toBe(log[0]?.height);
  }
});
