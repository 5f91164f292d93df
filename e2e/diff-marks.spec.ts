/**
 * The explained diff: a change marks the lines it changed in the shown snippet, with the reason
 * beside them and one polite summary; another tab shows what changed there since it was last
 * seen; with reduced motion nothing is marked (the reasons line and the summary stay); the
 * embed marks too.
 */
import type { Page } from "@playwright/test";
import { lineHunks } from "../lib/explain/line-diff";
import { axe, violations } from "./support/axe";
import { expect, test, TRACE } from "./support/fixtures";
import { shareLink } from "./support/share-link";

test.use(TRACE);

const VERIFIED_REASON =
  "verified → the org API key moves to your server; the page only receives the token";

const marks = (page: Page, target: string) => page.getByTestId(`code.diff.${target}.0`);

test("a model switch marks the changed lines with its reason, announces once, and follows to another tab", async ({
  playground,
  page,
}) => {
  await playground.open(shareLink({ m: "collect" }));
  const why = page.getByTestId("code.why");
  await expect(why).toContainText("Change an option");
  const htmlBefore = await playground.code.block("html", 0).textContent();

  await playground.controls.chooseModel("server");
  await expect(why).toContainText(`Last change to this code: ${VERIFIED_REASON}`);
  const htmlMarks = marks(page, "html");
  await expect(htmlMarks).toHaveAttribute("aria-hidden", "true");
  const lines = htmlMarks.getByTestId("code.diff.line");
  await expect(lines.first()).toBeAttached();
  // The marked lines are exactly the lines the new code added or changed.
  const after = (await playground.code.block("html", 0).textContent())!.split("\n");
  const expected = lineHunks(htmlBefore!.split("\n"), after).flatMap((h) =>
    Array.from({ length: h.after.end - h.after.start }, (_, i) => h.after.start + i + 1),
  );
  const marked: number[] = [];
  for (const line of await lines.all()) {
    const first = Number(await line.getAttribute("data-line"));
    const count = Number(await line.getAttribute("data-count"));
    for (let l = first; l < first + count; l++) marked.push(l);
  }
  expect(marked.sort((a, b) => a - b)).toEqual(expected);
  await expect(htmlMarks.getByTestId("code.diff.reason").first()).toHaveAttribute(
    "data-text",
    VERIFIED_REASON,
  );
  // The marks are drawn over the block, not in it, and carry no text of their own (CSS draws
  // it from attributes): the code's own text, copy and find-in-page never see them.
  expect(await playground.code.block("html", 0).textContent()).toBe(after.join("\n"));
  await expect(playground.code.block("html", 0).locator('[data-testid^="code.diff"]')).toHaveCount(
    0,
  );
  expect(await htmlMarks.evaluate((layer) => layer.textContent)).toBe("");

  // One polite summary for the change, not one per line.
  const live = page.getByTestId("live.region");
  await expect(live).toHaveText(
    new RegExp(`^HTML snippet: .*lines? changed.*\\. ${escapeRegExp(VERIFIED_REASON)}\\.$`),
  );

  // The React tab was last seen (never) with the opening config: it shows the same change.
  await playground.code.show("react");
  await expect(why).toContainText(VERIFIED_REASON);
  await expect(marks(page, "react").getByTestId("code.diff.line").first()).toBeAttached();
  await expect(live).toHaveText(/^React snippet: /);

  // Back on HTML, which has been seen since: nothing new to mark there.
  await playground.code.show("html");
  await expect(marks(page, "html")).toHaveCount(0);

  expect(await violations(axe(page).include('[data-testid="code.panel"]'))).toEqual([]);
});

test("with reduced motion nothing is marked, and the reason and the summary still come", async ({
  playground,
  page,
}) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await playground.open(shareLink({ m: "collect" }));
  await playground.controls.chooseModel("server");
  await expect(page.getByTestId("code.why")).toContainText(VERIFIED_REASON);
  await expect(page.getByTestId("live.region")).toContainText(VERIFIED_REASON);
  await expect(page.locator('[data-testid^="code.diff."]')).toHaveCount(0);
  await expect(page.locator(".cp-install[data-changed]")).toHaveCount(0);
});

test("an edit in the embed marks its line and names the option", async ({ page }) => {
  await page.goto("/embed?preset=collect&panels=controls,code");
  await expect(page.getByTestId("embed.root")).toHaveAttribute("data-ready", "");
  await page.getByTestId("controls.collect.prefillName").fill("Jane");
  const reason = "prefillUserData.name → the welcome form starts with the name filled in";
  await expect(page.getByTestId("code.why")).toContainText(reason);
  const html = marks(page, "html");
  await expect(html.getByTestId("code.diff.reason").first()).toHaveAttribute("data-text", reason);
  const line = Number(await html.getByTestId("code.diff.line").first().getAttribute("data-line"));
  const code = (await page.getByTestId("code.block.html.0").textContent())!.split("\n");
  expect(code[line - 1]).toContain("Jane");
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
