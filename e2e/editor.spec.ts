/**
 * The options editor (Monaco) and the snippet import: two-way sync with the controls and the
 * preview, invalid edits change nothing, no request leaves the app while Monaco loads, the
 * page's first load does not carry the editor, keyboard users can leave it, and pasted
 * snippets are mapped (or reported) without being run.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Request } from "@playwright/test";
import { DESKTOP, expect, test } from "./support/fixtures";
import { measurePlaygroundFirstLoad } from "./support/first-load";
import BUDGET from "./first-load-budget.json";

test.use({ viewport: DESKTOP });
// Each test loads Monaco cold (~2.5 MB gzip, parsed on the main thread and in two workers): on a
// shared 2-core machine that alone took up to 18 s, so these journeys get twice the default.
test.describe.configure({ timeout: 120_000 });

test("a valid edit in the editor updates the controls, the preview and the snippets", async ({
  playground,
  page,
  pageErrors,
}) => {
  await playground.open();
  await playground.controls.expectModel("anonymous");
  await playground.preview.expectScreen("chat");
  await playground.editor.open();
  await playground.editor.expectState("synced");
  expect(await playground.editor.text()).toContain("const options: WidgetConfig = {");

  await playground.editor.caretAfterLine("token:");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText("collectUserData: true,");

  await playground.editor.expectApplied();
  await playground.controls.expectModel("collect");
  await playground.preview.expectScreen("welcome");
  expect(await playground.code.text("html")).toContain("collectUserData: true");
  // The edit stays as typed; nothing was rewritten under the cursor.
  expect(await playground.editor.text()).toMatch(
    /token: 'YOUR_WIDGET_TOKEN',\n\s*collectUserData: true,/,
  );
  expect(pageErrors).toEqual([]);
});

test("an invalid edit shows markers and an error, changes nothing, and undo brings it back", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.controls.setLanguage("de");
  const before = await playground.code.text("html");
  await playground.editor.open();

  // Delete the closing brace of the options object: a syntax error.
  await playground.editor.caretAfterLine("};");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");

  await playground.editor.expectState("invalid");
  await expect(playground.editor.message).toContainText("Not applied");
  await expect(page.getByTestId("editor.problems")).toContainText("Error (line");
  await expect(playground.editor.root.locator(".squiggly-error").first()).toBeAttached();
  // The store is untouched: same snippet, same control.
  expect(await playground.code.text("html")).toBe(before);
  await expect(playground.controls.option("appearance", "language")).toHaveValue("de");

  // A wrong option value that parses is an error too, and still changes nothing.
  await playground.editor.input.focus();
  await page.keyboard.press("ControlOrMeta+z");
  await playground.editor.expectState("synced");
  await playground.editor.selectWord("'de'");
  await page.keyboard.type("xx");
  await playground.editor.expectState("invalid");
  await expect(playground.controls.option("appearance", "language")).toHaveValue("de");

  // Undo in the editor returns to the valid text.
  await page.keyboard.press("ControlOrMeta+z");
  await expect.poll(() => playground.editor.text()).toContain("language: 'de'");
  await expect(playground.editor.message).not.toContainText("Not applied");
  expect(await playground.code.text("html")).toBe(before);
});

test("a change made with the controls updates the editor without moving the cursor", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.controls.setPrimaryColor("#0a7");
  await playground.editor.open();

  // Type inside the colour value in the editor: it reaches the control.
  await playground.editor.selectWord("0a7");
  await page.keyboard.type("0b8");
  await expect(playground.controls.option("appearance", "primaryColor")).toHaveValue("#0b8");

  // A line is inserted above the cursor by the language control.
  await playground.controls.setLanguage("fr");
  await expect.poll(() => playground.editor.text()).toContain("language: 'fr'");
  // Focus (not a click, which would move the caret) and type: it lands where the caret was.
  await playground.editor.input.focus();
  await page.keyboard.type("9");
  await expect(playground.controls.option("appearance", "primaryColor")).toHaveValue("#0b89");
  await expect(playground.controls.option("appearance", "language")).toHaveValue("fr");
  expect(await playground.editor.text()).toMatch(/language: 'fr',[\s\S]*primaryColor: '#0b89'/);

  // An edit in progress (invalid) is never overwritten: a notice offers to discard it.
  await page.keyboard.type("'");
  await playground.editor.expectState("invalid");
  await playground.controls.setLanguage("de");
  await expect(page.getByTestId("editor.conflict")).toBeVisible();
  expect(await playground.editor.text()).toContain("language: 'fr'");
  await page.getByTestId("editor.discard").click();
  await playground.editor.expectState("synced");
  expect(await playground.editor.text()).toContain("language: 'de'");
  await expect(playground.controls.option("appearance", "primaryColor")).toHaveValue("#0b89");
});

/**
 * The production policy without its nonce (so Next's inline scripts still run here): no
 * 'unsafe-eval', nothing remote. Monaco, its workers and the import parsers must work under it.
 */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "frame-src 'self'",
].join("; ");

test("Monaco loads from the app only: no request leaves the origin, it works offline and under a strict CSP", async ({
  playground,
  page,
  context,
  baseURL,
  pageErrors,
}) => {
  const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
  await context.route(
    (url) => url.href.startsWith(`${origin}/`),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), "content-security-policy": STRICT_CSP },
      });
    },
  );
  const outside: string[] = [];
  // Anything outside the app fails, as it would offline; anything the app itself serves is allowed.
  await context.route(
    (url) =>
      !url.href.startsWith(`${origin}/`) && url.protocol !== "data:" && url.protocol !== "blob:",
    (route) => {
      outside.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
  const requests: Request[] = [];
  context.on("request", (r) => requests.push(r));
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));

  await playground.open();
  const before = requests.length;
  await playground.editor.open();
  await playground.editor.waitForLanguage();

  const editorRequests = requests.slice(before).map((r) => r.url());
  expect(editorRequests.length).toBeGreaterThan(0);
  expect(
    editorRequests.filter(
      (u) => !u.startsWith(`${origin}/`) && !u.startsWith("blob:") && !u.startsWith("data:"),
    ),
  ).toEqual([]);
  expect(outside).toEqual([]);
  // Both workers run (editor + TypeScript), from the app's own files.
  expect(workers.length).toBeGreaterThanOrEqual(2);
  for (const url of workers)
    expect(url.startsWith(`${origin}/`) || url.startsWith("blob:")).toBe(true);

  // Completion comes from the generated declarations, through the TypeScript worker.
  await playground.editor.caretAfterLine("token:");
  await page.keyboard.press("Enter");
  await page.keyboard.type("collectU");
  await page.keyboard.press("ControlOrMeta+Space");
  const suggest = playground.editor.root.locator(".suggest-widget");
  await expect(suggest).toBeVisible();
  await expect(suggest.getByText("collectUserData").first()).toBeVisible();
  // No CSP violation (Chromium reports them as console errors), no exception.
  expect(pageErrors).toEqual([]);
});

test("keyboard: open with Enter, Tab indents, Escape then Tab leaves (documented in the panel)", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.reveal("code");
  const button = page.getByTestId("code.editOptions");
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(playground.editor.root).toHaveAttribute("data-ready", "", { timeout: 30_000 });
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("editor.hint")).toContainText("Esc then Tab leaves the editor");
  await expect(playground.editor.input).toBeFocused();

  // Tab alone stays in the editor (it indents).
  await page.keyboard.press("Tab");
  await expect(playground.editor.input).toBeFocused();
  // Escape, then Tab: the next control after the editor.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(playground.editor.input).not.toBeFocused();
  const next = await page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
  expect(next).toMatch(/^code\.tab\./);
  // Shift+Tab goes back into the editor; Escape, Shift+Tab leaves it backwards.
  await page.keyboard.press("Shift+Tab");
  await expect(playground.editor.input).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByTestId("editor.close")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(playground.editor.root).toHaveCount(0);
  await expect(button).toBeFocused();
});

test("import: an HTML snippet with single quotes and trailing commas is mapped, applied and undone", async ({
  playground,
  page,
}) => {
  await playground.open();
  const dialog = await playground.code.openImportDialog();
  await expect(page.getByTestId("import.text")).toBeFocused();
  const result = await playground.code.readSnippet(`<!-- support chat -->
<script defer src="https://cdn.jsdelivr.net/npm/@opencx/widget@5.0.0/dist-embed/script.js"></script>
<script>
  window.initOpenScript({
    token: 'wt_live_example',
    language: 'fr',
    collectUserData: true,
    extraDataCollectionFields: ['Company', 'Order #',],
  });
</script>`);
  await expect(result).toHaveAttribute("data-kind", "html");
  await expect(dialog.getByTestId("import.mapped")).toContainText("collectUserData");
  await expect(dialog.getByTestId("import.mapped")).toContainText("language");
  await expect(dialog.getByTestId("import.status")).toContainText("Review, then Apply");
  // The pin is the playground's version (v5 by default): no version choice to make.
  await expect(result).toHaveAttribute("data-version", "v5");
  await expect(dialog.getByTestId("import.version")).toHaveCount(0);
  // Nothing changes before Apply.
  await playground.controls.expectModel("anonymous");

  await playground.code.applyImport();
  await expect(page.getByTestId("code.import")).toBeFocused();
  await playground.controls.expectModel("collect");
  await expect(playground.controls.option("identity", "widgetToken")).toHaveValue(
    "wt_live_example",
  );
  await expect(playground.controls.option("appearance", "language")).toHaveValue("fr");
  await playground.controls.expectExtraFields(["Company", "Order #"]);
  await playground.preview.expectScreen("welcome");
  await expect(playground.liveRegion).toContainText("Imported");

  await page.getByTestId("import.undo").click();
  await playground.controls.expectModel("anonymous");
  await expect(playground.controls.option("identity", "widgetToken")).toHaveValue("");
  await expect(playground.liveRegion).toContainText("Import undone");
});

test("import: variables and function calls are reported, not run", async ({ playground, page }) => {
  await playground.open();
  let ran = false;
  await page.exposeFunction("__importRan", () => {
    ran = true;
  });
  const dialog = await playground.code.openImportDialog();
  await playground.code.readSnippet(`import { Widget } from "@opencx/widget-react";
export function Support({ user }) {
  return (
    <Widget
      options={{
        token: process.env.NEXT_PUBLIC_WIDGET_TOKEN,
        user: { data: { name: user.name, email: window.__importRan() } },
        language: "de",
      }}
    />
  );
}`);
  const problems = dialog.getByTestId("import.problems");
  await expect(problems).toContainText("token");
  await expect(problems).toContainText("user.data.email");
  await expect(problems).toContainText("only known when your page runs");
  await expect(dialog.getByTestId("import.mapped")).toContainText("language");
  expect(ran).toBe(false);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await playground.controls.expectModel("anonymous");
});

test(`first-load JS of / stays within ${BUDGET.allowanceBytes / 1024} KB of the budget`, async ({
  browser,
  baseURL,
}) => {
  const { bytes, files } = await measurePlaygroundFirstLoad(browser, `${baseURL}${BUDGET.route}`, {
    viewport: DESKTOP,
  });
  test.info().annotations.push({
    type: "first-load JS /",
    description: `${bytes} bytes gzip in ${files.length} files (budget ${BUDGET.baselineBytes} + ${BUDGET.allowanceBytes})`,
  });
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThanOrEqual(BUDGET.baselineBytes + BUDGET.allowanceBytes);
});

test("the editor panel and the import dialog have no axe violations, light and dark", async ({
  playground,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 2000 });
  const scan = async (include: string) => {
    const { violations } = await new AxeBuilder({ page }).include(include).analyze();
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" > ")}`));
  };
  await playground.open();
  await playground.header.setTheme("light");
  await playground.editor.open();
  await playground.editor.caretAfterLine("token:");
  await page.keyboard.insertText(" %");
  await playground.editor.expectState("invalid");
  await expect(page.getByTestId("editor.problems")).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    // The open editor follows the page's theme.
    await playground.header.setTheme(theme);
    await expect(playground.editor.root.locator(".monaco-editor-background").first()).toHaveCSS(
      "background-color",
      // vs-dark's #1E1E1E and vs's #FFFFFE.
      theme === "dark" ? "rgb(30, 30, 30)" : "rgb(255, 255, 254)",
    );
    expect(await scan('[data-testid="pane.code"]'), theme).toEqual([]);
  }
  await page.getByTestId("editor.close").click();

  await playground.code.openImportDialog();
  await playground.code.readSnippet(
    `{ token: 'wt_1', colour: 'red', user: { data: { name: getName() } } }`,
  );
  await expect(page.getByTestId("import.problems")).toBeVisible();
  for (const theme of ["dark", "light"] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    expect(await scan('[data-testid="import.dialog"]'), theme).toEqual([]);
  }
});
