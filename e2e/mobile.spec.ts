/**
 * Journey 7: the playground on a phone. One pane at a time behind three tabs;
 * a shared link opens there too; the widget covers the whole preview, as the
 * real one does on small screens (domain.md §6.1, §7.4).
 */
import { expect, PHONE, test, TRACE } from "./support/fixtures";
import type { Pane } from "./support/page/layout";
import type { PlaygroundPage } from "./support/playground-page";
import { shareLink } from "./support/share-link";

test.use(TRACE);

const PANES: readonly Pane[] = ["controls", "preview", "code"];

async function expectOnlyPane(playground: PlaygroundPage, shown: Pane) {
  for (const pane of PANES) {
    if (pane === shown) {
      await expect(playground.pane(pane)).toBeVisible();
      await expect(playground.mobileTab(pane)).toHaveAttribute("aria-pressed", "true");
    } else {
      await expect(playground.pane(pane)).toBeHidden();
      await expect(playground.mobileTab(pane)).toHaveAttribute("aria-pressed", "false");
    }
  }
}

/** The widget fills the preview document edge to edge, with square corners. */
async function expectFullScreenWidget(playground: PlaygroundPage) {
  const widget = playground.preview.widget();
  await expect(widget).toHaveCSS("border-top-left-radius", "0px");
  await expect(widget).toHaveCSS("border-bottom-right-radius", "0px");
  await expect
    .poll(() =>
      widget.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const win = el.ownerDocument.defaultView!;
        return [
          r.left,
          r.top,
          Math.round(r.width - win.innerWidth),
          Math.round(r.height - win.innerHeight),
        ];
      }),
    )
    .toEqual([0, 0, 0, 0]);
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("three tabs, one pane at a time", async ({ playground }) => {
    await playground.open();
    for (const pane of PANES) await expect(playground.mobileTab(pane)).toBeVisible();
    await expectOnlyPane(playground, "controls");
    await playground.showPane("preview");
    await expectOnlyPane(playground, "preview");
    await playground.showPane("code");
    await expectOnlyPane(playground, "code");
    await playground.showPane("controls");
    await expectOnlyPane(playground, "controls");
  });

  test("a shared link opens in full, and the widget covers the preview", async ({
    playground,
    pageErrors,
  }) => {
    await playground.open(
      shareLink({ m: "collect", t: "wt_phone", x: ["Company"], pc: "#0055ff" }),
    );
    await expect(playground.linkNotice).toHaveCount(0);
    await playground.controls.expectModel("collect");
    await expect(playground.controls.option("identity", "widgetToken")).toHaveValue("wt_phone");
    await playground.controls.expectExtraFields(["Company"]);

    await playground.showPane("preview");
    await playground.preview.expectScreen("welcome");
    await expect(playground.preview.welcomeInput("extra.0")).toBeVisible();
    await expectFullScreenWidget(playground);
    // The open widget covers the page, trigger included; its own close button takes over.
    await expect(playground.preview.frame().getByTestId("preview.launcher")).toBeHidden();
    await expect(playground.preview.welcome().getByRole("button", { name: "Close" })).toBeVisible();

    await playground.preview.submitWelcome({ name: "Jane Doe", email: "jane@example.com" });
    await playground.preview.expectScreen("chat");
    await expectFullScreenWidget(playground);

    expect(await playground.code.text("html", 0)).toContain("wt_phone");
    await expectOnlyPane(playground, "code");
    expect(pageErrors).toEqual([]);
  });

  test("closing the full-screen widget brings the launcher back", async ({ playground }) => {
    await playground.open();
    await playground.reveal("preview");
    await playground.preview.expectScreen("chat");
    const close = playground.preview.frame().getByRole("button", { name: "Close" });
    await playground.preview.scrollTo(close);
    await close.click();
    await expect(playground.preview.widget()).toBeHidden();
    const launcher = playground.preview.frame().getByTestId("preview.launcher");
    await expect(launcher).toBeVisible();
    await expect(launcher).toBeFocused();
    await playground.preview.scrollTo(launcher);
    await launcher.click();
    await playground.preview.expectScreen("chat");
  });
});

test("the preview's Mobile size shows the full-screen widget on a desktop page too", async ({
  playground,
}) => {
  await playground.open();
  await playground.reveal("preview");
  await expect(playground.preview.widget()).not.toHaveCSS("border-top-left-radius", "0px");
  await playground.page.getByTestId("preview.viewport.mobile").click();
  await expect(playground.page.getByTestId("preview.viewport.mobile")).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expectFullScreenWidget(playground);
});
