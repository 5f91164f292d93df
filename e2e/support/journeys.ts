/**
 * The playground used end to end, one helper per area, for the suites that
 * watch everything the page does while it is used (secrets.spec.ts,
 * third-party.spec.ts). Each helper leaves the page usable for the next.
 * A new area (e.g. the code editor) is one more helper and one more entry in
 * `PLAYGROUND_JOURNEY`.
 */
import { expect, type Page } from "@playwright/test";
import type { SnippetTarget } from "./page/code";
import { IDENTITY_MODELS } from "./page/controls";
import { PREVIEW_FRAME } from "./page/layout";
import { PlaygroundPage } from "./playground-page";

export interface JourneyContext {
  page: Page;
  playground: PlaygroundPage;
}

export interface JourneyStep {
  name: string;
  run: (ctx: JourneyContext) => Promise<void>;
}

/** Every identity model in turn; each one's preview is live before the next. */
export async function useEveryModel({ playground }: JourneyContext): Promise<void> {
  for (const model of IDENTITY_MODELS) {
    await playground.controls.chooseModel(model);
    await playground.preview.waitUntilLive();
  }
}

/** Every tab of the code panel and every block in it; returns the texts by `target.block`. */
export async function readEverySnippet({
  playground,
}: JourneyContext): Promise<Record<string, string>> {
  const texts = await playground.code.allSnippets();
  expect(Object.keys(texts).length).toBeGreaterThan(0);
  return texts;
}

/** Every model's snippets, all tabs. */
export async function readSnippetsOfEveryModel(
  ctx: JourneyContext,
): Promise<Record<string, string>> {
  const all: Record<string, string> = {};
  for (const model of IDENTITY_MODELS) {
    await ctx.playground.controls.chooseModel(model);
    for (const [id, text] of Object.entries(await readEverySnippet(ctx)))
      all[`${model}:${id}`] = text;
  }
  return all;
}

/** Both preview sizes, both devices, a return visit and a fresh one; a chat message. */
export async function usePreviewDevices({ page, playground }: JourneyContext): Promise<void> {
  await playground.reveal("preview");
  for (const size of ["mobile", "desktop"] as const) {
    await page.getByTestId(`preview.viewport.${size}`).click();
    await expect(page.getByTestId(`preview.viewport.${size}`)).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await playground.preview.waitUntilLive();
  }
  await page.getByTestId("preview.device.another-device").click();
  await expect(page.locator('iframe[title="Widget preview (another device)"]')).toBeVisible();
  await page.getByTestId("preview.device.this-browser").click();
  await playground.preview.waitUntilLive();
  await playground.preview.reload();
  await playground.preview.waitUntilLive();
  await playground.preview.clearSiteData();
  await playground.preview.waitUntilLive();
}

/**
 * The verified model end to end: the demo backend fetches a contact token
 * from the sandbox, the widget opens verified, a message goes out; then
 * signing out and back in as someone else.
 */
export async function runVerifiedFlow({ page, playground }: JourneyContext): Promise<void> {
  await playground.controls.chooseModel("server");
  await playground.controls.setOption("server", "serverEmail", "jane@example.com");
  await playground.reveal("preview");
  const flow = page.getByTestId("preview.flow");
  await expect(flow).toContainText("201 { token:");
  await playground.preview.expectScreen("chat");
  await playground.preview.sendChatMessage("Where is my order?");
  await expect(
    playground.preview.chatMessages("bot").filter({ hasText: "This is a preview" }),
  ).toHaveCount(1);
  await page.getByTestId("preview.signOut").click();
  await page.getByTestId("preview.signInEmail").fill("sam@example.com");
  await page.getByTestId("preview.signIn").click();
  await expect(flow).toContainText("sam@example.com");
  await expect(flow).toContainText("201 { token:");
}

/** The token inspector: a JWT from the sandbox, checked against it. */
export async function useTokenInspector(
  { page, playground }: JourneyContext,
  token?: string,
): Promise<void> {
  await playground.reveal("controls");
  const section = page.getByTestId("tokens.section");
  if (!(await section.evaluate((el) => (el as HTMLDetailsElement).open)))
    await section.locator("summary").click();
  const jwt =
    token ??
    (await page.evaluate(async () => {
      const res = await fetch("/api/demo-backend/contact-token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: "inspector@example.com" }),
      });
      return ((await res.json()) as { token: string }).token;
    }));
  await page.getByTestId("tokens.input").fill(jwt);
  await page.getByTestId("tokens.verify").click();
  await expect(page.getByTestId("tokens.verify.result")).toHaveAttribute("data-status", "verified");
  await page.getByTestId("tokens.clear").click();
}

/** Copy link, then open what was copied; returns the link. */
export async function copyAndOpenShareLink({ playground }: JourneyContext): Promise<string> {
  await playground.reveal("controls");
  const link = await playground.header.copyLink();
  await playground.open(link);
  return link;
}

export async function reloadPlayground({ page, playground }: JourneyContext): Promise<void> {
  await page.reload();
  await playground.preview.waitUntilLive();
}

/** /embed with every panel: a model change, every code tab, the preview inside it. */
export async function useEmbedPage({ page }: JourneyContext): Promise<void> {
  await page.goto("/embed?panels=controls,preview,code&theme=dark");
  await expect(page.getByTestId("embed.root")).toHaveAttribute("data-ready", "");
  const embedded = new PlaygroundPage(page);
  await embedded.preview.waitUntilLive();
  await embedded.controls.modelRadio("collect").check();
  await expect(embedded.preview.frame().getByTestId("preview.welcome")).toBeVisible();
  // The embed has its own panes (no one-pane tab bar): click the code tabs directly.
  for (const target of (await embedded.code.targets()) as SnippetTarget[]) {
    await embedded.code.tab(target).click();
    await expect(embedded.code.tab(target)).toHaveAttribute("aria-selected", "true");
    await expect(embedded.code.block(target, 0)).toBeVisible();
  }
  await expect(page.frameLocator(PREVIEW_FRAME).getByTestId("preview.document")).toHaveAttribute(
    "data-ready",
    "",
  );
}

/**
 * The options editor (Monaco and its TypeScript worker, loaded on this click)
 * and the import dialog: an HTML snippet that names the unpkg script is read
 * and applied; the script is text to the importer, never a request.
 */
export async function useEditorAndImport({ page, playground }: JourneyContext): Promise<void> {
  await playground.editor.open();
  await playground.editor.waitForLanguage();
  await page.getByTestId("editor.close").click();
  await expect(playground.editor.root).toHaveCount(0);
  const dialog = await playground.code.openImportDialog();
  const result = await playground.code.readSnippet(
    [
      '<script src="https://unpkg.com/@opencx/widget@latest/dist-embed/script.js"></script>',
      "<script>",
      "  const options = { token: 'wt_journey', collectUserData: true, };",
      "  window.addEventListener('DOMContentLoaded', () => initOpenScript(options));",
      "</script>",
    ].join("\n"),
  );
  await expect(result).toContainText("latest");
  await playground.code.applyImport();
  await expect(dialog).toHaveCount(0);
  await playground.preview.waitUntilLive();
}

/** The whole playground, in order. Add an area here and both suites cover it. */
export const PLAYGROUND_JOURNEY: JourneyStep[] = [
  { name: "every model", run: useEveryModel },
  {
    name: "every snippet tab of every model",
    run: async (ctx) => void (await readSnippetsOfEveryModel(ctx)),
  },
  { name: "preview sizes and devices", run: usePreviewDevices },
  { name: "verified flow", run: runVerifiedFlow },
  { name: "token inspector", run: (ctx) => useTokenInspector(ctx) },
  { name: "options editor and import", run: useEditorAndImport },
  { name: "share link", run: async (ctx) => void (await copyAndOpenShareLink(ctx)) },
  { name: "reload", run: reloadPlayground },
  { name: "embed page", run: useEmbedPage },
];
