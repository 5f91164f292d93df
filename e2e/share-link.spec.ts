/**
 * Journey 4: a developer sets things up, shares the link, and a colleague
 * opens it. The link holds the settings but never a secret (design.md §4, domain.md §15.1).
 */
import { expect, test, TRACE } from "./support/fixtures";
import { PlaygroundPage } from "./support/playground-page";
import { decodeShareLink } from "./support/share-link";

test.use(TRACE);

const SECRET = "sk_live_fake_SHARE_LINK_SENTINEL";
const TOKEN = "wt_share_1234";
const COLOR = "#0055ff";

/** What the controls show, for comparing two pages. */
async function controlValues(playground: PlaygroundPage) {
  await playground.reveal("controls");
  return {
    token: await playground.controls.option("identity", "widgetToken").inputValue(),
    email: await playground.controls.option("server", "serverEmail").inputValue(),
    apiKey: await playground.controls.option("server", "apiKey").inputValue(),
    color: await playground.controls.option("appearance", "primaryColor").inputValue(),
  };
}

test("a share link restores the settings and snippets, and never carries the API key", async ({
  playground,
  page,
  context,
}) => {
  await playground.open();
  await playground.controls.chooseModel("collect");
  await playground.controls.addExtraField("Company");
  await playground.controls.chooseModel("server");
  await playground.controls.setWidgetToken(TOKEN);
  await playground.controls.setOption("server", "serverEmail", "jane@example.com");
  await playground.controls.setPrimaryColor(COLOR);
  await playground.controls.setOption("server", "apiKey", SECRET);

  // The address bar follows the store (debounced) with the non-default, non-secret values.
  await expect
    .poll(() => decodeShareLink(page.url()))
    .toMatchObject({ m: "server", t: TOKEN, x: ["Company"], se: "jane@example.com", pc: COLOR });
  const url = page.url();
  expect(url).not.toContain(SECRET);
  expect(JSON.stringify(decodeShareLink(url))).not.toContain(SECRET);

  // Nor in the page's storage, nor in any snippet (server code reads it from the environment).
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(stored).not.toContain(SECRET);
  const snippets = await playground.code.allSnippets();
  expect(Object.keys(snippets)).toEqual(expect.arrayContaining(["html.0", "node.0", "curl.0"]));
  for (const [block, code] of Object.entries(snippets)) expect(code, block).not.toContain(SECRET);
  expect(snippets["html.0"]).toContain(TOKEN);
  expect(snippets["html.0"]).toContain(COLOR);

  // "Copy link" gives the same URL the address bar shows.
  expect(await playground.header.copyLink()).toBe(url);
  await expect(playground.liveRegion).toHaveText("Share link copied to the clipboard.");

  // A colleague opens it.
  const before = await controlValues(playground);
  const other = await context.newPage();
  const colleague = new PlaygroundPage(other);
  await colleague.open(url);
  await colleague.controls.expectModel("server");
  expect(await controlValues(colleague)).toEqual({ ...before, apiKey: "" });
  await expect(colleague.linkNotice).toHaveCount(0);
  expect(await colleague.code.allSnippets()).toEqual(snippets);
  // The extra field typed under another model travels too.
  await colleague.controls.chooseModel("collect");
  await colleague.controls.expectExtraFields(["Company"]);
  await other.close();
});

test("the address bar drops the parameter again for the defaults", async ({ playground, page }) => {
  await playground.open();
  await playground.controls.setWidgetToken(TOKEN);
  await expect.poll(() => decodeShareLink(page.url())).toEqual({ t: TOKEN });
  await playground.controls.setWidgetToken("");
  await expect.poll(() => new URL(page.url()).search).toBe("");
  expect(await playground.header.copyLink()).toBe(new URL("/", page.url()).href);
});
