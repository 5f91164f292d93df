/**
 * Import knows versions (issue 15 item 7): a snippet pinned to the other major says so and
 * offers both (apply as the snippet's version, or keep the playground's), the choice is what
 * gets applied, the pasted text is never lost, and the v5 advice on `key={token}` shows in the
 * report. The dialog's version choice is a labelled radio group that works from the keyboard.
 */
import AxeBuilder from "@axe-core/playwright";
import { DESKTOP, expect, test } from "./support/fixtures";

test.use({ viewport: DESKTOP });

const V4_SNIPPET = `<script src="https://unpkg.com/@opencx/widget@4.0.57/dist-embed/script.js"></script>
<script>
  window.addEventListener('DOMContentLoaded', () => {
    initOpenScript({ token: 'wt_v4_page', collectUserData: true });
  });
</script>`;

/** A v5 React component that keys the widget by its contact token (v5 keeps it mounted instead). */
const KEYED_V5_SNIPPET = `// npm install --save-exact @opencx/widget-react@5.0.0
import { Widget } from '@opencx/widget-react';

export function SupportWidget({ contactToken }: { contactToken: string }) {
  return <Widget key={contactToken} options={{ token: 'wt_1', user: { token: contactToken } }} />;
}`;

test("import: a v4 snippet on v5 says so, offers both versions, and applies the one chosen", async ({
  playground,
  page,
}) => {
  await playground.open();
  const dialog = await playground.code.openImportDialog();
  const result = await playground.code.readSnippet(V4_SNIPPET);

  const choice = dialog.getByTestId("import.version");
  await expect(choice).toBeVisible();
  await expect(dialog.getByTestId("import.version-note")).toContainText(
    "This snippet is for v4 (pinned to 4.0.57); the playground is on v5 (5.0.0)",
  );
  await expect(dialog.getByTestId("import.status")).toContainText(
    "Choose the version to apply as, then Apply",
  );
  // The snippet's own version is the default; its pin is named.
  await expect(dialog.getByRole("radio", { name: /Apply as v4 \(4\.0\.63\)/ })).toBeChecked();
  await expect(result).toHaveAttribute("data-version", "v4");
  await expect(dialog.getByTestId("import.problems")).toContainText(
    "4.0.57 is older than 4.0.63, the last v4 release",
  );

  // Keyboard: arrows move within the radio group and the report follows the choice.
  await dialog.getByTestId("import.as-snippet").focus();
  await page.keyboard.press("ArrowDown");
  await expect(dialog.getByRole("radio", { name: /Keep v5 \(5\.0\.0\)/ })).toBeChecked();
  await expect(result).toHaveAttribute("data-version", "v5");
  await expect(dialog.getByTestId("import.status")).toContainText("as v5");
  await page.keyboard.press("ArrowUp");
  await expect(result).toHaveAttribute("data-version", "v4");
  // Nothing typed is lost by choosing.
  await expect(page.getByTestId("import.text")).toHaveValue(V4_SNIPPET);

  await playground.code.applyImport();
  await expect(playground.liveRegion).toContainText("as v4");
  await playground.controls.expectModel("collect");

  // The playground is on v4 now: a text without a pin is read as v4, with no choice to make.
  await playground.code.openImportDialog();
  await playground.code.readSnippet(`{ token: 'wt_unpinned' }`);
  await expect(page.getByTestId("import.status")).toContainText("as v4");
  await expect(page.getByTestId("import.version")).toHaveCount(0);
  await page.keyboard.press("Escape");
});

test("import: keeping the current version applies the snippet as v5", async ({
  playground,
  page,
}) => {
  await playground.open();
  const dialog = await playground.code.openImportDialog();
  await playground.code.readSnippet(V4_SNIPPET);
  await dialog.getByTestId("import.as-current").check();
  await expect(dialog.getByTestId("import.result")).toHaveAttribute("data-version", "v5");
  await playground.code.applyImport();
  await expect(playground.liveRegion).toContainText("as v5");
  await playground.controls.expectModel("collect");

  await playground.code.openImportDialog();
  await playground.code.readSnippet(`{ token: 'wt_unpinned' }`);
  await expect(page.getByTestId("import.status")).toContainText("as v5");
  await page.keyboard.press("Escape");
});

test("import: a v5 React snippet keyed by its token gets v5's advice; the dialog passes axe", async ({
  playground,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 2000 });
  await playground.open();
  const dialog = await playground.code.openImportDialog();
  await playground.code.readSnippet(KEYED_V5_SNIPPET);
  const problems = dialog.getByTestId("import.problems");
  await expect(problems).toContainText("keep the widget mounted and pass the renewed token");
  await expect(problems).toContainText("line 5");
  await expect(dialog.getByTestId("import.version")).toHaveCount(0);

  // With the version choice on screen too.
  await playground.code.readSnippet(V4_SNIPPET.replace("4.0.57", "latest"));
  await expect(problems).toContainText("`@opencx/widget@latest` is not a pin");
  await playground.code.readSnippet(V4_SNIPPET);
  await expect(dialog.getByTestId("import.version")).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    const { violations } = await new AxeBuilder({ page })
      .include('[data-testid="import.dialog"]')
      .analyze();
    expect(
      violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" > ")}`)),
      theme,
    ).toEqual([]);
  }
});

test("import: a v5 snippet keyed by its token turns “Keep mounted” off, and the summary says so and why", async ({
  playground,
}) => {
  await playground.open();
  const dialog = await playground.code.openImportDialog();
  await playground.code.readSnippet(KEYED_V5_SNIPPET);
  const said =
    "Turned off in Sign-out and renewal: “Keep mounted when the token changes” (the snippet keys the widget by the token).";
  await expect(dialog.getByTestId("import.status")).toContainText(said);
  await playground.code.applyImport();
  await expect(playground.liveRegion).toContainText(said);
  await playground.reveal("controls");
  await expect(playground.controls.option("lifecycle", "keepMounted")).not.toBeChecked();
  await expect(playground.controls.advisory("renewal-keyed-by-token")).toBeVisible();
});
