/**
 * Issue 21, loading on consent or on click, in the playground: the loading card switches the
 * HTML snippet; the preview plays the page before the trigger (the look-alike launcher in the
 * primary colour, or a consent note saying what waiting saves) with no widget mounted, and the
 * widget after it (opened by the launcher's press); the launcher comes back on the next page load,
 * consent is remembered.
 */
import { axe, violations } from "./support/axe";
import { expect, test, TRACE } from "./support/fixtures";
import { configLink } from "./support/version-link";

test.use(TRACE);

test("on click: the look-alike launcher, then the widget, open; again on the next page load", async ({
  playground,
  page,
  pageErrors,
}) => {
  await page.goto(configLink({ loading: "click", primaryColor: "#2563eb" }));
  const frame = playground.preview.frame();
  await expect(frame.getByTestId("preview.document")).toHaveAttribute("data-ready", "");
  const lookalike = frame.getByTestId("preview.lookalike");
  await expect(lookalike).toBeVisible();
  await expect(lookalike).toHaveAccessibleName("Chat with us");
  await expect(lookalike).toHaveCSS("background-color", "rgb(37, 99, 235)");
  await expect(frame.getByTestId("preview.widget")).toHaveCount(0);
  await expect(page.getByTestId("controls.loading.cost")).toContainText("657 KB");

  await playground.reveal("preview");
  await playground.preview.scrollTo(lookalike);
  await lookalike.click();
  await expect(frame.getByTestId("preview.widget")).toBeAttached();
  await expect(frame.getByTestId("preview.launcher")).toHaveAttribute("data-state", "open");
  await expect(lookalike).toHaveCount(0);

  await playground.preview.reload();
  await expect(frame.getByTestId("preview.lookalike")).toBeVisible();
  await expect(frame.getByTestId("preview.widget")).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test("after consent: a note until the consent tool says yes, then the widget; consent is remembered", async ({
  playground,
  page,
  pageErrors,
}) => {
  await page.goto(configLink({ loading: "consent", widgetVersion: "v4" }));
  const frame = playground.preview.frame();
  await expect(frame.getByTestId("preview.document")).toHaveAttribute("data-ready", "");
  const note = frame.getByTestId("preview.consent");
  await expect(note).toContainText("Waiting for consent");
  await expect(note).toContainText("its size for v4 is not documented");
  await expect(frame.getByTestId("preview.widget")).toHaveCount(0);
  expect(await violations(axe(page).include('iframe[title="Widget preview"]'))).toEqual([]);

  const give = frame.getByTestId("preview.consent.give");
  await playground.reveal("preview");
  await playground.preview.scrollTo(give);
  await give.click();
  await expect(frame.getByTestId("preview.widget")).toBeAttached();
  await expect(note).toHaveCount(0);
  await playground.preview.reload();
  await expect(frame.getByTestId("preview.widget")).toBeAttached();
  await expect(frame.getByTestId("preview.consent")).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test("the loading card switches the HTML snippet to the consent function, and back", async ({
  playground,
  page,
}) => {
  await playground.open("/");
  const select = playground.controls.option("loading", "loading");
  await playground.reveal("controls");
  await select.selectOption("consent");
  await playground.reveal("code");
  const code = playground.code.block("html", 0);
  await expect(code).toContainText("function onOpenCxConsent()");
  await expect(code).not.toContainText('<script defer src="');
  await expect(page).toHaveURL(/[?&]s=/);
  await playground.reveal("controls");
  await select.selectOption("page-load");
  await playground.reveal("code");
  await expect(code).toContainText('<script defer src="');
  await expect(code).not.toContainText("onOpenCxConsent");
});
