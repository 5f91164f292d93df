/**
 * Journey 4: a developer sets things up, shares the link, and a colleague
 * opens it. The link holds the settings but never a secret (design.md §4, domain.md §15.1).
 */
import { expect, test, TRACE } from "./support/fixtures";
import { PlaygroundPage } from "./support/playground-page";
import { decodeShareLink, shareLink } from "./support/share-link";

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
  // Back on the first tab, the link names no tab (reading every tab ended on the last).
  await playground.code.show("html");
  await expect.poll(() => page.url()).toBe(url);

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

test("the code tab travels in the link: a server tab (Go) opens selected, on the server render too", async ({
  playground,
  page,
  context,
  request,
}) => {
  await playground.open();
  await playground.controls.chooseModel("server");
  await playground.controls.setOption("server", "serverEmail", "jane@example.com");
  await playground.code.show("go");
  const go = await playground.code.text("go", 0);
  expect(go).toContain("net/http");

  // The address bar names the tab beside the settings; "Copy link" gives the same link.
  await expect.poll(() => new URL(page.url()).searchParams.get("tab")).toBe("go");
  expect(decodeShareLink(page.url())).toMatchObject({ m: "server", se: "jane@example.com" });
  const link = await playground.header.copyLink();
  expect(link).toBe(page.url());
  expect(new URL(link).search).toMatch(/^\?tab=go&s=2\./);

  // The server renders the Go tab selected: no flash of the first tab.
  const html = await (await request.get(link)).text();
  expect(html).toMatch(/<button[^>]*aria-selected="true"[^>]*data-testid="code\.tab\.go"/);
  expect(html).toContain('data-testid="code.tabpanel.go"');

  const other = await context.newPage();
  const colleague = new PlaygroundPage(other);
  await colleague.open(link);
  await expect(colleague.linkNotice).toHaveCount(0);
  await colleague.reveal("code");
  await expect(colleague.code.tab("go")).toHaveAttribute("aria-selected", "true");
  expect(await colleague.code.text("go", 0)).toBe(go);

  // Not verified any more: the first tab shows and the link drops the tab; verified again, Go is back.
  await colleague.controls.chooseModel("anonymous");
  await expect(colleague.code.tab("html")).toHaveAttribute("aria-selected", "true");
  await expect.poll(() => new URL(other.url()).searchParams.get("tab")).toBeNull();
  await colleague.controls.chooseModel("server");
  await expect(colleague.code.tab("go")).toHaveAttribute("aria-selected", "true");
  await expect.poll(() => new URL(other.url()).searchParams.get("tab")).toBe("go");
  await other.close();
});

test("a link with an unknown tab opens everything else, on the first tab, and says so", async ({
  playground,
}) => {
  await playground.open(`${shareLink({ m: "server", se: "jane@example.com" })}&tab=cobol`);
  await expect(playground.linkNotice).toContainText('The link\'s code tab "cobol" does not exist');
  await playground.controls.expectModel("server");
  await expect(playground.controls.option("server", "serverEmail")).toHaveValue("jane@example.com");
  await playground.reveal("code");
  await expect(playground.code.tab("html")).toHaveAttribute("aria-selected", "true");
});

test("an old link without a tab opens on the first tab with no notice", async ({ playground }) => {
  await playground.open(shareLink({ m: "server", se: "jane@example.com" }));
  await expect(playground.linkNotice).toHaveCount(0);
  await playground.controls.expectModel("server");
  await playground.reveal("code");
  await expect(playground.code.tab("html")).toHaveAttribute("aria-selected", "true");
});
