/**
 * The installation doctor (issue 19), as a newcomer uses it: paste a page, read the findings in
 * plain words, open the page's setup in the playground (and undo it); migrate a v4 snippet and
 * open the v5 result on its tab; bad input keeps the text and says why. Keyboard and axe.
 */
import { axe, violations } from "./support/axe";
import { DESKTOP, expect, test } from "./support/fixtures";

test.use({ viewport: DESKTOP });

const V4_PAGE = `<!doctype html>
<html><body>
<script>
  initOpenScript({ token: 'wt_shop_v4', collectUserData: true, prefillUserData: { email: 'ann@example.com' } });
</script>
<script src="https://unpkg.com/@opencx/widget@4.0.57/dist-embed/script.js"></script>
</body></html>`;

const V4_REACT = `// npm install @opencx/widget-react@4.0.60
import { Widget } from '@opencx/widget-react';

export function Support({ token }: { token: string }) {
  return <Widget key={token} options={{ token: 'wt_shop', user: { token } }} />;
}`;

test("doctor: paste a page → findings in plain words → Open in playground loads its setup", async ({
  page,
  playground,
}) => {
  await playground.open();
  await page.getByTestId("code.doctor").click();
  const dialog = page.getByTestId("doctor.dialog");
  await expect(dialog.getByTestId("doctor.paste.text")).toBeVisible();
  await dialog.getByTestId("doctor.paste.text").fill(V4_PAGE);
  await dialog.getByTestId("doctor.paste.check").click();

  const report = dialog.getByTestId("doctor.paste.report");
  await expect(report).toHaveAttribute("data-major", "v4");
  const initBefore = report.locator('[data-rule="init-before-script"]');
  await expect(initBefore).toContainText("initOpenScript is not defined");
  await expect(initBefore).toContainText("line 4, column 3");
  await expect(report.locator('[data-rule="v4-pin-outdated"]')).toContainText(
    "Pin @opencx/widget@4.0.63",
  );
  await expect(report.locator('[data-rule="identity-model"]')).toContainText(
    "Collect in the widget",
  );
  await expect(dialog.getByTestId("doctor.status")).toContainText(
    "Checked: 1 error, 1 warning, 1 note",
  );

  expect(await violations(axe(page).include('[data-testid="doctor.dialog"]'))).toEqual([]);

  await report.getByRole("button", { name: /Open in playground: .*older than 4\.0\.63/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("code.doctor")).toBeFocused();
  await playground.controls.expectModel("collect");
  await expect(playground.code.version).toContainText("4.0.63");
  await expect(playground.liveRegion).toContainText("Opened the checked page's setup (v4)");

  await page.getByTestId("import.undo").click();
  await playground.controls.expectModel("anonymous");
  await expect(playground.code.version).toContainText("5.0.0");
});

test("doctor: migrate a v4 React component → the v5 snippet, every change explained, opened on its tab", async ({
  page,
  playground,
}) => {
  await playground.open();
  await page.getByTestId("code.doctor").click();
  const dialog = page.getByTestId("doctor.dialog");
  // Keyboard: the tab list is one stop; arrows move between the panels.
  await dialog.getByTestId("doctor.tab.paste").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByTestId("doctor.tab.migrate")).toBeFocused();
  await expect(dialog.getByTestId("doctor.panel.migrate")).toBeVisible();

  await dialog.getByTestId("doctor.migrate.text").fill(V4_REACT);
  await dialog.getByTestId("doctor.migrate.run").click();
  const result = dialog.getByTestId("doctor.migrate.result");
  await expect(result).toHaveAttribute("data-target", "react");
  const changes = dialog.getByTestId("doctor.migrate.changes");
  await expect(changes).toContainText("Pinned to exactly 5.0.0 (was 4.0.60)");
  await expect(changes).toContainText("key={token} is removed");
  await expect(changes).toContainText("errorComponent");
  await expect(dialog.getByTestId("doctor.migrate.file").first()).toContainText("errorComponent");
  await expect(dialog.getByTestId("doctor.migrate.file").first()).not.toContainText("key={");
  expect(await violations(axe(page).include('[data-testid="doctor.dialog"]'))).toEqual([]);

  await dialog.getByTestId("doctor.migrate.open").click();
  await expect(dialog).toBeHidden();
  await playground.controls.expectModel("server");
  await expect(playground.code.tab("react")).toHaveAttribute("aria-selected", "true");
});

test("doctor: a checked page → Get a fixed, pinned snippet → the migration of that page", async ({
  page,
  playground,
}) => {
  await playground.open();
  await page.getByTestId("code.doctor").click();
  const dialog = page.getByTestId("doctor.dialog");
  await dialog.getByTestId("doctor.paste.text").fill(V4_PAGE);
  await dialog.getByTestId("doctor.paste.check").click();
  await dialog.getByTestId("doctor.paste.fix").click();
  await expect(dialog.getByTestId("doctor.tab.migrate")).toHaveAttribute("aria-selected", "true");
  await expect(dialog.getByTestId("doctor.migrate.text")).toHaveValue(V4_PAGE);
  // The page pins v4: the fix stays on v4, pinned to its last release, unless v5 is chosen.
  await expect(dialog.getByTestId("doctor.migrate.to.v4")).toBeChecked();
  const file = dialog.getByTestId("doctor.migrate.file").first();
  await expect(file).toContainText("@opencx/widget@4.0.63/dist-embed/script.js");
  await expect(file).toContainText("DOMContentLoaded");
  await dialog.getByTestId("doctor.migrate.to.v5").check();
  await dialog.getByTestId("doctor.migrate.run").click();
  await expect(file).toContainText(
    '<script defer src="https://unpkg.com/@opencx/widget@5.0.0/dist-embed/script.js">',
  );
  await expect(dialog.getByTestId("doctor.migrate.changes")).toContainText(
    "Pinned to exactly 5.0.0 (was 4.0.57)",
  );
});

test("doctor: bad input keeps the text and says why", async ({ page, playground }) => {
  await playground.open();
  await page.getByTestId("code.doctor").click();
  const dialog = page.getByTestId("doctor.dialog");
  await dialog.getByTestId("doctor.tab.probe").click();
  await dialog.getByTestId("doctor.probe.code").fill("OPENCX-PROBE-1:abc!!");
  await dialog.getByTestId("doctor.probe.read").click();
  await expect(dialog.getByTestId("doctor.probe.error")).toContainText("damaged");
  await expect(dialog.getByTestId("doctor.probe.code")).toHaveValue("OPENCX-PROBE-1:abc!!");
  // The probe is shown to read before it is run.
  await expect(dialog.getByTestId("doctor.probe.source")).toContainText("sends nothing");

  await dialog.getByTestId("doctor.tab.migrate").click();
  await dialog
    .getByTestId("doctor.migrate.text")
    .fill("<?php\n$ch = curl_init('https://api.open.cx/widget/authenticate-user');");
  await dialog.getByTestId("doctor.migrate.run").click();
  await expect(dialog.getByTestId("doctor.migrate.error")).toContainText(
    "PHP server code is not rewritten here",
  );

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("code.doctor")).toBeFocused();
});
