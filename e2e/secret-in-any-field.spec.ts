/**
 * A secret-looking value (an org-API-key shape, a JWT, the sandbox key) typed
 * into ANY text field of the controls stays in that field: the field keeps it
 * and says it is kept out, while the address bar, web storage, "Copy link",
 * the Embed code, the snippets and the preview documents never carry it.
 * (secrets.spec.ts covers the fields marked sensitive; this covers the rest.)
 */
import type { Locator, Page } from "@playwright/test";
import { decodeConfig } from "../lib/url/codec";
import { IDENTITY_MODELS } from "../lib/config/options";
import { expect, test } from "./support/fixtures";

const SANDBOX_KEY = "sk_sandbox_identity_playground_demo";

/** Distinct per field, in the three shapes; none is a real credential. */
function sentinelFor(i: number): string {
  switch (i % 3) {
    case 0:
      return `sk_live_SENTINEL${i}FIELDxx`;
    case 1:
      return `eyJhbGciOiJub25lIn0.eyJzZW50aW5lbCI6${i}fQ.SENTINELjwt${i}`;
    default:
      return `${SANDBOX_KEY}_SENTINEL${i}`;
  }
}

/** Every share-link payload in a text (`s=…` parameters), decoded to JSON text. */
function decodedLinks(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/[?&;]s=([A-Za-z0-9+\-.%]+)/g)) {
    out.push(JSON.stringify(decodeConfig(decodeURIComponent(match[1] ?? "")).config));
    out.push(match[1] ?? "");
  }
  return out;
}

async function textFields(page: Page): Promise<Locator[]> {
  const all = page
    .getByTestId("pane.controls")
    .locator(
      'input[data-testid^="controls."]:not([type=password]):not([type=color]):not([type=checkbox]):not([type=radio]):not([type=number]), textarea[data-testid^="controls."]',
    );
  const visible: Locator[] = [];
  for (let i = 0; i < (await all.count()); i++) {
    const field = all.nth(i);
    if ((await field.isVisible()) && (await field.isEditable())) visible.push(field);
  }
  return visible;
}

for (const model of IDENTITY_MODELS) {
  test(`${model}: a secret typed into any text field never leaves it`, async ({
    page,
    playground,
  }) => {
    test.setTimeout(120_000);
    await playground.open("/");
    await playground.controls.chooseModel(model);
    if (model === "browser") {
      await page.getByTestId("controls.browser.userCustomData.add").click();
    }
    if (model === "server") {
      await page.getByTestId("controls.server.serverCustomData.add").click();
    }

    const typed = new Map<string, string>();
    const fields = await textFields(page);
    expect(fields.length).toBeGreaterThanOrEqual(model === "anonymous" ? 4 : 6);
    for (const [i, field] of fields.entries()) {
      const testId = (await field.getAttribute("data-testid")) ?? `field ${i}`;
      const value = sentinelFor(i);
      await field.fill(value);
      if (testId === "controls.collect.extraFields.new") {
        await page.getByTestId("controls.collect.extraFields.add").click();
      } else {
        await expect(field).toHaveValue(value);
      }
      typed.set(testId, value);
    }
    const secrets = [...typed.values()];
    // The fields keep what was typed, and each simple field says it is kept out.
    for (const [testId, value] of typed) {
      if (testId.endsWith(".new")) continue;
      await expect(page.getByTestId(testId)).toHaveValue(value);
      const option = /^controls\.[a-z]+\.([A-Za-z]+)$/.exec(testId)?.[1];
      if (option)
        await expect(
          page.getByTestId(`held.${option}`).first(),
          `${testId} says it is kept out`,
        ).toBeVisible();
    }

    const places: [string, string][] = [];
    // The address bar (after its debounce), decoded.
    await page.waitForTimeout(400);
    places.push(
      ["address bar", page.url()],
      ...decodedLinks(page.url()).map((t): [string, string] => ["address bar (decoded)", t]),
    );
    // Web storage of the page and of every frame.
    for (const frame of page.frames()) {
      if (frame.url() === "about:blank") continue;
      places.push([
        `storage of ${frame.url()}`,
        await frame.evaluate(() =>
          JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
        ),
      ]);
      if (frame !== page.mainFrame())
        places.push([`document ${frame.url()}`, await frame.content()]);
    }
    // "Copy link".
    const link = await playground.header.copyLink();
    await expect(playground.liveRegion).toContainText(
      "It leaves out what is kept only in its field",
    );
    places.push(
      ["copied link", link],
      ...decodedLinks(link).map((t): [string, string] => ["copied link (decoded)", t]),
    );
    // The snippets of this model.
    for (const [id, text] of Object.entries(await playground.code.allSnippets()))
      places.push([`snippet ${id}`, text]);
    // The Embed code.
    await page.getByTestId("header.embed").click();
    const iframeCode = (await page.getByTestId("embed.dialog.iframeCode").textContent()) ?? "";
    expect(iframeCode).toContain("/embed");
    places.push(
      ["embed code", iframeCode],
      ...decodedLinks(iframeCode.replace(/&amp;/g, "&")).map((t): [string, string] => [
        "embed code (decoded)",
        t,
      ]),
    );
    await page.getByTestId("embed.dialog.close").click();

    for (const [where, text] of places)
      for (const secret of secrets)
        expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
  });
}
