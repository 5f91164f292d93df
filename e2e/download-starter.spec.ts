/**
 * Journey: take the settings home as a runnable project. "Download project…" in the code
 * toolbar makes the starter zip in the browser: it holds exactly the files `starterFiles` makes
 * for the same config and share link (the widget component and the page byte for byte), never
 * the org API key typed in the tab, works from the keyboard alone, says what it did, and a
 * failure changes nothing.
 */
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { defaultConfig, type PlaygroundConfig } from "../lib/config/options";
import { fakeKey } from "../lib/secrets/test-support/fake-keys";
import type { SnippetTarget } from "../lib/snippets/types";
import { STARTER_FOLDERS, starterFiles, type StarterStack } from "../lib/starter";
import { playgroundUrl } from "../lib/url/tab";
import { axe, violations } from "./support/axe";
import { DESKTOP, expect, test, TRACE } from "./support/fixtures";
import type { PlaygroundPage } from "./support/playground-page";
import { decodeShareLink, shareLink } from "./support/share-link";

test.use(TRACE);
test.use({ viewport: DESKTOP });

/** The org API key typed into the tab: built at run time, never spelled out in this file. */
const ORG_KEY = fakeKey("live", "download_e2e_7c41d9");

/** The zip's entries as text, by path inside the zip. */
async function unzipDownload(download: Download): Promise<Map<string, string>> {
  const bytes = new Uint8Array(await readFile(await download.path()));
  return new Map(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
}

/** What `starterFiles` makes for `config` on `stack`, with the share link the page had. */
function expectedZip(
  config: PlaygroundConfig,
  stack: StarterStack,
  base: string,
  tab: SnippetTarget | null,
): Map<string, string> {
  const files = starterFiles(config, stack, { playgroundUrl: playgroundUrl(base, config, tab) });
  return new Map(files.map((f) => [`${STARTER_FOLDERS[stack]}/${f.path}`, f.contents]));
}

/** The page's own link (the address bar, after its debounce) is the one `config` makes: same state. */
async function expectPageHolds(
  page: Page,
  config: PlaygroundConfig,
  base: string,
  tab: SnippetTarget | null,
) {
  await expect.poll(() => page.url()).toBe(playgroundUrl(base, config, tab));
}

/** The download panel's own problems, by axe, in the current theme. */
async function scanPanel(page: Page): Promise<string[]> {
  return violations(axe(page).include('[data-testid="code.download.panel"]'));
}

/** Where focus is, and whether it shows (an outline on the element or on its radio's label). */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const drawn = (node: Element | null) => {
      if (!node) return false;
      const cs = getComputedStyle(node);
      return cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
    };
    return {
      testid: el?.getAttribute("data-testid") ?? el?.tagName ?? "none",
      visible: Boolean(el?.matches(":focus-visible") && (drawn(el) || drawn(el.closest("label")))),
    };
  });
}

async function typeVerifiedSettings(playground: PlaygroundPage): Promise<void> {
  await playground.controls.chooseModel("server");
  await playground.controls.setWidgetToken("wt_download_e2e");
  await playground.controls.setOption("server", "serverEmail", "ada@example.com");
  await playground.controls.setOption("server", "apiKey", ORG_KEY);
}

test("the verified Next.js project is starterFiles' project for the same settings, without the org key", async ({
  page,
  playground,
  baseURL,
  pageErrors,
}) => {
  const base = `${baseURL}/`;
  await playground.open();
  await typeVerifiedSettings(playground);
  await playground.code.show("nextjs");
  const config: PlaygroundConfig = {
    ...defaultConfig(),
    model: "server",
    widgetToken: "wt_download_e2e",
    serverEmail: "ada@example.com",
    apiKey: ORG_KEY,
  };
  await expectPageHolds(page, config, base, "nextjs");

  const panel = await playground.code.openDownloadPanel();
  await expect(playground.code.downloadButton).toHaveAttribute("aria-expanded", "true");
  // The Next.js tab suggests the Next.js project.
  await expect(playground.code.downloadStack("nextjs")).toBeChecked();
  await expect(panel).toContainText("sandbox");
  await expect(panel).toContainText("npm run dev");
  await expect(playground.code.downloadSave).toHaveText("Download opencx-starter-nextjs.zip");

  const download = await playground.code.downloadStarter();
  expect(download.suggestedFilename()).toBe("opencx-starter-nextjs.zip");
  const zip = await unzipDownload(download);
  const expected = expectedZip(config, "nextjs", base, "nextjs");
  expect([...zip.keys()]).toEqual([...expected.keys()]);
  expect(zip.get("opencx-starter-nextjs/components/support-widget.tsx")).toBe(
    expected.get("opencx-starter-nextjs/components/support-widget.tsx"),
  );
  expect(zip.get("opencx-starter-nextjs/app/api/opencx/contact-token/route.ts")).toBe(
    expected.get("opencx-starter-nextjs/app/api/opencx/contact-token/route.ts"),
  );
  expect(Object.fromEntries(zip)).toEqual(Object.fromEntries(expected));
  for (const [path, contents] of zip) expect(contents, path).not.toContain(ORG_KEY);
  // The README links back to this state, which the address bar holds too.
  expect(zip.get("opencx-starter-nextjs/README.md")).toContain(page.url());

  await expect(playground.liveRegion).toHaveText(
    `Downloaded opencx-starter-nextjs.zip: ${expected.size} files`,
  );
  expect(pageErrors).toEqual([]);
});

test("keyboard only: the HTML tab suggests Express, the arrows change the stack, Enter downloads", async ({
  page,
  playground,
  baseURL,
}) => {
  const base = `${baseURL}/`;
  await playground.open(shareLink({ m: "collect", t: "wt_keyboard" }));
  await playground.code.show("html");
  // A value the schema refuses is kept in its field and left out of the project, as of the snippets.
  await playground.controls.setPrimaryColor("notacolour");
  const config: PlaygroundConfig = {
    ...defaultConfig(),
    model: "collect",
    widgetToken: "wt_keyboard",
    primaryColor: "notacolour",
  };

  // From the code tabs, Shift+Tab reaches the toolbar's last button.
  await playground.code.tab("html").focus();
  await page.keyboard.press("Shift+Tab");
  expect(await focused(page)).toEqual({ testid: "code.download", visible: true });
  await page.keyboard.press("Enter");
  await expect(playground.code.downloadPanel).toBeVisible();
  await expect(playground.code.downloadButton).toBeFocused();
  await expect(page.getByTestId("code.download.held")).toContainText("Primary colour");

  await page.keyboard.press("Tab");
  expect(await focused(page)).toEqual({ testid: "code.download.stack.express", visible: true });
  await page.keyboard.press("ArrowRight");
  await expect(playground.code.downloadStack("nextjs")).toBeChecked();
  await expect(playground.code.downloadSave).toHaveText("Download opencx-starter-nextjs.zip");
  await page.keyboard.press("ArrowLeft");
  await expect(playground.code.downloadStack("express")).toBeChecked();

  await page.keyboard.press("Tab");
  expect(await focused(page)).toEqual({ testid: "code.download.save", visible: true });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.keyboard.press("Enter"),
  ]);
  expect(download.suggestedFilename()).toBe("opencx-starter-express.zip");
  const zip = await unzipDownload(download);
  const expected = expectedZip(config, "express", base, null);
  expect([...zip.keys()]).toEqual([...expected.keys()]);
  expect(zip.get("opencx-starter-express/public/index.html")).toBe(
    expected.get("opencx-starter-express/public/index.html"),
  );
  expect(Object.fromEntries(zip)).toEqual(Object.fromEntries(expected));
  expect(zip.get("opencx-starter-express/public/index.html")).not.toContain("notacolour");
  await expect(playground.liveRegion).toHaveText(
    `Downloaded opencx-starter-express.zip: ${expected.size} files`,
  );
  await expect(playground.code.downloadSave).toBeFocused();

  // The toolbar button closes the panel again.
  await playground.code.downloadButton.focus();
  await page.keyboard.press("Enter");
  await expect(playground.code.downloadPanel).toHaveCount(0);
});

test("a generator that cannot load says so, downloads nothing, changes no setting, and loads on the next try", async ({
  page,
  playground,
}) => {
  await playground.open();
  await typeVerifiedSettings(playground);
  // The address bar follows the settings a moment later: wait for it, or "unchanged" below
  // would compare with a link written before the last keystroke reached it.
  await expect
    .poll(() => decodeShareLink(page.url()))
    .toMatchObject({ t: "wt_download_e2e", se: "ada@example.com" });
  // Fail the script that holds the starter generator (its demo sign-in cookie name is in no other).
  await page.route("**/_next/static/**/*.js", async (route) => {
    const response = await route.fetch();
    if ((await response.text()).includes("demo_user")) await route.abort();
    else await route.fulfill({ response });
  });
  const urlBefore = page.url();
  const htmlBefore = await playground.code.text("html");
  let downloads = 0;
  page.on("download", () => downloads++);

  await playground.code.openDownloadPanel();
  await playground.code.downloadSave.click();
  // The HTML tab is shown (read above): the Express project is suggested.
  await expect(page.getByTestId("code.download.error")).toContainText(
    "Could not load what makes opencx-starter-express.zip",
  );
  await expect(page.getByTestId("code.download.error")).toHaveAttribute("role", "alert");
  expect(downloads).toBe(0);
  expect(page.url()).toBe(urlBefore);
  expect(await playground.code.text("html")).toBe(htmlBefore);
  await expect(playground.controls.option("server", "apiKey")).toHaveValue(ORG_KEY);

  // Once the network is back, Download tries again and works.
  await page.unroute("**/_next/static/**/*.js");
  const download = await playground.code.downloadStarter();
  expect(download.suggestedFilename()).toBe("opencx-starter-express.zip");
  await expect(page.getByTestId("code.download.error")).toHaveCount(0);
});

test("the download panel has no axe violations, light and dark", async ({ page, playground }) => {
  await page.setViewportSize({ width: 1280, height: 2000 });
  await playground.open();
  await typeVerifiedSettings(playground);
  await playground.controls.setPrimaryColor("notacolour");
  await playground.code.openDownloadPanel();
  await expect(page.getByTestId("code.download.held")).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await playground.header.setTheme(theme);
    expect(await scanPanel(page), theme).toEqual([]);
  }
});
