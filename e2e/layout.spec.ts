/**
 * The desktop layout and the preview's own styling, as the production build
 * serves them (the suite runs against `next start`).
 */
import { DESKTOP, expect, ONE_PANE, test, TRACE } from "./support/fixtures";
import { shareLink } from "./support/share-link";

test.use({ ...TRACE, viewport: DESKTOP });

test("on a desktop screen the three panes show side by side, without the tab bar", async ({
  playground,
}) => {
  await playground.open();
  await expect(playground.page.getByRole("navigation", { name: "Panels" })).toBeHidden();
  for (const pane of ["controls", "preview", "code"] as const)
    await expect(playground.pane(pane)).toBeVisible();
  const controls = (await playground.pane("controls").boundingBox())!;
  const preview = (await playground.pane("preview").boundingBox())!;
  expect(preview.x).toBeGreaterThanOrEqual(controls.x + controls.width - 1);
});

test("the preview document gets the widget's theme tokens in the production build", async ({
  playground,
}) => {
  // Regression: with two Tailwind entry files the production /preview got the playground's chunk (transparent widget).
  await playground.open(shareLink({ pc: "#0055ff" }));
  await expect(playground.preview.frame().getByTestId("preview.launcher")).toHaveCSS(
    "background-color",
    "rgb(0, 85, 255)",
  );
  await expect(playground.preview.widget()).toHaveCSS("background-color", "rgb(245, 245, 245)");
});

test.describe("between phone and desktop", () => {
  test.use({ viewport: ONE_PANE });

  test("one pane at a time behind the tab bar, with the widget at its desktop size", async ({
    playground,
  }) => {
    await playground.open();
    await expect(playground.page.getByRole("navigation", { name: "Panels" })).toBeVisible();
    await expect(playground.pane("controls")).toBeVisible();
    await expect(playground.pane("preview")).toBeHidden();
    await expect(playground.pane("code")).toBeHidden();
    await playground.showPane("preview");
    await expect(playground.pane("controls")).toBeHidden();
    await playground.preview.expectScreen("chat");
    // Wider than the widget's small-screen breakpoint: the floating 32px-corner container.
    await expect(playground.preview.widget()).toHaveCSS("border-top-left-radius", "32px");
  });
});
