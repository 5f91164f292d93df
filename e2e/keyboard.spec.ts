/**
 * Journey 6: a keyboard-only user. Every control is reachable with Tab and
 * shows where focus is; radios, the extra-fields editor and the code tabs all
 * work without a mouse.
 */
import type { Page } from "@playwright/test";
import { expect, test, TRACE } from "./support/fixtures";
import { CLIENT_TARGETS, SERVER_TARGETS, type SnippetTarget } from "./support/page/code";
import { shareLink } from "./support/share-link";

test.use(TRACE);

interface Stop {
  name: string;
  inControls: boolean;
  focusVisible: boolean;
}

/** Where focus is now; marks controls-pane elements as visited and reports their focus style. */
function focusStop(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const pane = document.querySelector('[data-testid="pane.controls"]');
    if (!el || el === document.body || !pane?.contains(el)) {
      return { name: el?.tagName ?? "none", inControls: false, focusVisible: false };
    }
    el.setAttribute("data-e2e-visited", "");
    const visible = (node: Element | null) => {
      if (!node) return false;
      const cs = getComputedStyle(node);
      const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
      return outline || (cs.boxShadow !== "none" && cs.boxShadow !== "");
    };
    // A radio's ring is drawn on its card (the label), which has :has(:focus-visible).
    const focusVisible =
      el.matches(":focus-visible") && (visible(el) || visible(el.closest("label")));
    const name =
      el.getAttribute("data-testid") ??
      el.getAttribute("aria-label") ??
      el.id ??
      el.textContent?.trim() ??
      el.tagName;
    return { name, inControls: true, focusVisible };
  });
}

/** Tabbable controls of the controls pane that Tab never reached (one stop per radio group). */
function unvisitedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('[data-testid="pane.controls"]')!;
    const candidates = pane.querySelectorAll<HTMLElement>(
      'input:not([type="hidden"]), select, textarea, button, summary, a[href], [tabindex]:not([tabindex="-1"])',
    );
    const missed: string[] = [];
    for (const el of candidates) {
      if ((el as HTMLInputElement).disabled || el.tabIndex < 0 || el.closest("[inert]")) continue;
      // Not rendered: display:none, or inside a closed <details> (content-visibility).
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      if (el instanceof HTMLInputElement && el.type === "radio") {
        const group = [
          ...pane.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${el.name}"]`),
        ];
        const stop = group.find((r) => r.checked) ?? group[0];
        if (el !== stop) continue;
      }
      if (!el.hasAttribute("data-e2e-visited")) {
        missed.push(
          el.getAttribute("data-testid") ??
            el.getAttribute("aria-label") ??
            el.outerHTML.slice(0, 80),
        );
      }
    }
    return missed;
  });
}

test("Tab reaches every control in the controls pane, each with a visible focus style", async ({
  playground,
  page,
}) => {
  await playground.open(
    shareLink({
      m: "collect",
      x: ["Company", "Order #"],
      pn: "Jane",
      pe: "jane@example.com",
      e: "ws_1",
    }),
  );
  await playground.reveal("controls");

  const stops: Stop[] = [];
  let entered = false;
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press("Tab");
    const stop = await focusStop(page);
    if (stop.inControls) {
      entered = true;
      stops.push(stop);
    } else if (entered) {
      break;
    }
  }
  expect(entered, "Tab from the top of the page reaches the controls").toBe(true);
  expect(stops.map((s) => s.name)).toEqual(
    expect.arrayContaining([
      "controls.identity.model.collect",
      "controls.identity.widgetToken",
      "controls.collect.extraFields.new",
      "controls.appearance.language",
    ]),
  );
  expect(await unvisitedControls(page), "controls Tab never reached").toEqual([]);
  expect(
    stops.filter((s) => !s.focusVisible).map((s) => s.name),
    "focused controls without a visible focus style",
  ).toEqual([]);
});

test("choose a model with the arrow keys; add, move and remove an extra field from the keyboard", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.reveal("controls");

  await playground.tabTo(playground.controls.modelRadio("anonymous"));
  await page.keyboard.press("ArrowDown");
  await expect(playground.controls.modelRadio("collect")).toBeChecked();
  await expect(playground.controls.modelRadio("collect")).toBeFocused();
  await playground.preview.expectScreen("welcome");
  await page.keyboard.press("ArrowDown");
  await expect(playground.controls.modelRadio("browser")).toBeChecked();
  await page.keyboard.press("ArrowUp");
  await expect(playground.controls.modelRadio("collect")).toBeChecked();

  // Enter in the "new field" box adds it and leaves the box ready for the next one.
  await playground.tabTo(playground.controls.newExtraField);
  await page.keyboard.type("Company");
  await page.keyboard.press("Enter");
  await expect(playground.controls.newExtraField).toBeFocused();
  await expect(playground.controls.newExtraField).toHaveValue("");
  await page.keyboard.type("Order #");
  await page.keyboard.press("Enter");
  await playground.controls.expectExtraFields(["Company", "Order #"]);
  await expect(playground.preview.welcomeInput("extra.1")).toHaveAttribute(
    "placeholder",
    "Order # (Optional)",
  );

  // Move "Order #" up with its ↑ button.
  await playground.tabTo(page.getByRole("button", { name: "Move Order # up" }), {
    backwards: true,
  });
  await page.keyboard.press("Enter");
  await playground.controls.expectExtraFields(["Order #", "Company"]);
  await expect(playground.preview.welcomeInput("extra.0")).toHaveAttribute(
    "placeholder",
    "Order # (Optional)",
  );

  // And back down with its ↓ button (Space works like Enter on a button).
  await playground.tabTo(page.getByRole("button", { name: "Move Order # down" }));
  await page.keyboard.press("Space");
  await playground.controls.expectExtraFields(["Company", "Order #"]);

  // Remove "Company": focus goes to the row that took its place, not to the top of the page.
  await playground.tabTo(page.getByRole("button", { name: "Remove Company" }));
  await page.keyboard.press("Enter");
  await playground.controls.expectExtraFields(["Order #"]);
  await expect(page.getByRole("button", { name: "Remove Order #" })).toBeFocused();
  await expect(playground.preview.welcomeInput("extra.1")).toHaveCount(0);
});

test("moving an extra field to the top or bottom keeps focus on that row", async ({
  playground,
  page,
}) => {
  await playground.open(shareLink({ m: "collect", x: ["Company", "Order #"] }));
  await playground.reveal("controls");
  const rows = page.getByTestId("controls.collect.extraFields").getByRole("listitem");

  await playground.tabTo(page.getByRole("button", { name: "Move Order # up" }));
  await page.keyboard.press("Enter");
  await playground.controls.expectExtraFields(["Order #", "Company"]);
  await expect(rows.nth(0).locator(":focus")).toHaveCount(1);

  await playground.tabTo(page.getByRole("button", { name: "Move Order # down" }));
  await page.keyboard.press("Enter");
  await playground.controls.expectExtraFields(["Company", "Order #"]);
  await expect(rows.nth(1).locator(":focus")).toHaveCount(1);
});

test("code tabs: one Tab stop, the arrow keys across both groups in the order they show, Home and End", async ({
  playground,
  page,
}) => {
  await playground.open(shareLink({ m: "server", se: "jane@example.com" }));
  if (await playground.mobileTab("code").isVisible()) {
    await playground.tabTo(playground.mobileTab("code"));
    await page.keyboard.press("Enter");
    await expect(playground.pane("code")).toBeVisible();
  }
  const order = [...CLIENT_TARGETS, ...SERVER_TARGETS];
  expect(await playground.code.targets()).toEqual(order);
  const [first] = order;
  const last = order.at(-1);
  if (!first || !last) throw new Error("no targets");
  // The code panel ends the page: Shift+Tab from the top wraps round to it. Only the selected
  // tab is in the Tab order (roving tabindex).
  await playground.tabTo(playground.code.tab(first), { backwards: true });
  for (const target of order.slice(1))
    await expect(playground.code.tab(target)).toHaveAttribute("tabindex", "-1");

  const expectSelected = async (target: SnippetTarget) => {
    const tab = playground.code.tab(target);
    await expect(tab).toBeFocused();
    await expect(tab).toHaveAttribute("aria-selected", "true");
    await expect(tab).toHaveAttribute("tabindex", "0");
    await expect(playground.page.getByTestId(`code.tabpanel.${target}`)).toBeVisible();
    // Focus shows: an outline on the focused tab.
    expect(
      await tab.evaluate((el) => {
        const cs = getComputedStyle(el);
        return cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
      }),
    ).toBe(true);
    // Each tab is described by its group's label.
    const group = CLIENT_TARGETS.includes(target) ? "Your page" : "Your server";
    await expect(tab).toHaveAccessibleDescription(group);
  };
  await expectSelected(first);
  // ArrowRight walks every tab in the order they show, across the "Your page" / "Your server" boundary.
  for (const target of order.slice(1)) {
    await page.keyboard.press("ArrowRight");
    await expectSelected(target);
  }
  await page.keyboard.press("ArrowRight");
  await expectSelected(first);
  await page.keyboard.press("ArrowLeft");
  await expectSelected(last);
  // Back over the boundary: the first server tab, then the last page tab.
  await page.keyboard.press("Home");
  await expectSelected(first);
  for (let i = 1; i < CLIENT_TARGETS.length; i++) await page.keyboard.press("ArrowRight");
  await expectSelected(CLIENT_TARGETS.at(-1) ?? first);
  await page.keyboard.press("ArrowRight");
  await expectSelected(SERVER_TARGETS[0] ?? first);
  await page.keyboard.press("ArrowLeft");
  await expectSelected(CLIENT_TARGETS.at(-1) ?? first);
  await page.keyboard.press("End");
  await expectSelected(last);
  // One Tab stop: Tab leaves the tab list for what follows it.
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("code.wrap")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(page.getByTestId("code.wrap")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expectSelected(last);
  await page.keyboard.press("Home");
  await expectSelected(first);
  expect(await playground.code.text("html", 0)).toContain("initOpenScript");
});
