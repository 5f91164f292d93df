/**
 * The playground page as a user sees it: intents (`chooseModel('server')`,
 * `addExtraField('Company')`, `codeText('html', 0)`) over the page's test ids.
 * Specs talk to this object, never to raw selectors, so a markup change is
 * fixed here once.
 */
import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";
import LZString from "lz-string";

export type IdentityModel = "anonymous" | "collect" | "browser" | "server";
export const IDENTITY_MODELS: readonly IdentityModel[] = [
  "anonymous",
  "collect",
  "browser",
  "server",
];

export type SnippetTarget = "html" | "react" | "nextjs" | "node" | "express" | "python" | "curl";
export const CLIENT_TARGETS: readonly SnippetTarget[] = ["html", "react", "nextjs"];
export const SERVER_TARGETS: readonly SnippetTarget[] = ["node", "express", "python", "curl"];

export type WidgetScreen = "welcome" | "sessions" | "chat";
export type ThemeChoice = "system" | "light" | "dark";
export type Pane = "controls" | "preview" | "code";

/** The `title` of the playground's preview iframe. */
export const PREVIEW_FRAME = 'iframe[title="Widget preview"]';

/** The pinned widget version every snippet must carry (domain.md §15.11, README). */
export const WIDGET_VERSION = "4.0.57";

/**
 * Share-link keys of format 1, written out here on purpose: links are forever,
 * so the suite pins the format rather than borrowing the codec's own tables.
 */
export interface LinkValues {
  m?: IdentityModel | string;
  t?: string;
  c?: boolean;
  pn?: string;
  pe?: string;
  x?: unknown[];
  e?: string;
  un?: string;
  ue?: string;
  se?: string;
  sn?: string;
  pc?: string;
  l?: string;
  o?: string;
  [key: string]: unknown;
}

/** A `?s=1.…` link built by hand, as an older page or a person editing a link would make it. */
export function shareLink(values: LinkValues): string {
  return `/?s=1.${LZString.compressToEncodedURIComponent(JSON.stringify(values))}`;
}

/** The settings a share URL carries (`{}` for none), or `null` when it cannot be read. */
export function decodeShareLink(url: string): Record<string, unknown> | null {
  const s = new URL(url, "http://localhost").searchParams.get("s");
  if (s === null) return {};
  const match = /^1\.(.*)$/s.exec(s.replace(/ /g, "+"));
  if (!match) return null;
  const json = LZString.decompressFromEncodedURIComponent(match[1] ?? "");
  if (!json) return null;
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export class PlaygroundPage {
  constructor(readonly page: Page) {}

  // ── Page ──────────────────────────────────────────────────────────────────

  /** Opens the playground (optionally a share link) and waits until both documents are live. */
  async open(path = "/"): Promise<void> {
    await this.page.goto(path);
    await this.waitForPreview();
  }

  pane(name: Pane): Locator {
    return this.page.getByTestId(`pane.${name}`);
  }

  mobileTab(name: Pane): Locator {
    return this.page.getByTestId(`mobile.tab.${name}`);
  }

  /** Clicks a pane's tab in the one-pane (small screen) layout. */
  async showPane(name: Pane): Promise<void> {
    await this.mobileTab(name).click();
    await expect(this.mobileTab(name)).toHaveAttribute("aria-pressed", "true");
    await expect(this.pane(name)).toBeVisible();
  }

  /**
   * Makes a pane visible whatever the layout: a no-op where all panes show side
   * by side, a tab click where the page shows one pane at a time.
   */
  async reveal(name: Pane): Promise<void> {
    if (!(await this.pane(name).isVisible())) await this.showPane(name);
    if (name === "preview") await this.scrollPreviewIntoView();
  }

  /**
   * The widget is `position: fixed` at the bottom of the preview document, and
   * Chromium does not scroll the host page to bring a fixed element of an
   * iframe into view; so line the iframe's bottom edge up with the window's.
   */
  async scrollPreviewIntoView(): Promise<void> {
    await this.page
      .locator(PREVIEW_FRAME)
      .evaluate((frame) => frame.scrollIntoView({ block: "end" }));
  }

  get liveRegion(): Locator {
    return this.page.getByTestId("live.region");
  }

  get linkNotice(): Locator {
    return this.page.getByTestId("link.notice");
  }

  async readClipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
  async tabTo(target: Locator, { backwards = false, max = 120 } = {}): Promise<void> {
    await expect(target).toBeAttached();
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
      await this.page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    }
    throw new Error(
      `${target} did not get focus after ${max} presses of ${backwards ? "Shift+Tab" : "Tab"}`,
    );
  }

  // ── Header ────────────────────────────────────────────────────────────────

  async applyPreset(label: string): Promise<void> {
    await this.page.getByTestId("header.preset").selectOption({ label });
  }

  async reset(): Promise<void> {
    await this.page.getByTestId("header.reset").click();
  }

  async resetToOpenedLink(): Promise<void> {
    await this.page.getByTestId("header.resetToLink").click();
  }

  /** Clicks "Copy link" and returns what landed on the clipboard. */
  async copyLink(): Promise<string> {
    const button = this.page.getByTestId("header.copyLink");
    await button.click();
    await expect(button).toHaveText("Link copied");
    return this.readClipboard();
  }

  async setTheme(choice: ThemeChoice): Promise<void> {
    await this.page.getByTestId("header.theme").selectOption(choice);
    if (choice !== "system")
      await expect(this.page.locator("html")).toHaveAttribute("data-theme", choice);
  }

  // ── Controls ──────────────────────────────────────────────────────────────

  modelRadio(model: IdentityModel): Locator {
    return this.page.getByTestId(`controls.identity.model.${model}`);
  }

  async chooseModel(model: IdentityModel): Promise<void> {
    await this.reveal("controls");
    await this.modelRadio(model).check();
    await expect(this.modelRadio(model)).toBeChecked();
  }

  async expectModel(model: IdentityModel): Promise<void> {
    await expect(this.modelRadio(model)).toBeChecked();
  }

  /** A control bound to one option, e.g. `option('identity', 'widgetToken')`. */
  option(section: string, key: string): Locator {
    return this.page.getByTestId(`controls.${section}.${key}`);
  }

  async setOption(section: string, key: string, value: string): Promise<void> {
    await this.reveal("controls");
    const control = this.option(section, key);
    await control.fill(value);
    await expect(control).toHaveValue(value);
  }

  /** Picks the widget language (a select). */
  async setLanguage(code: string): Promise<void> {
    await this.reveal("controls");
    const control = this.option("appearance", "language");
    await control.selectOption(code);
    await expect(control).toHaveValue(code);
  }

  async setWidgetToken(token: string): Promise<void> {
    await this.setOption("identity", "widgetToken", token);
  }

  async setPrimaryColor(color: string): Promise<void> {
    await this.setOption("appearance", "primaryColor", color);
  }

  /** "Also set collectUserData" for the browser and server models. */
  async alsoCollect(model: "browser" | "server", on = true): Promise<void> {
    await this.reveal("controls");
    await this.option(model, "collectUserData").setChecked(on);
  }

  extraField(index: number): Locator {
    return this.page.getByTestId(`controls.collect.extraFields.${index}`);
  }

  get newExtraField(): Locator {
    return this.page.getByTestId("controls.collect.extraFields.new");
  }

  /** Types a name into the "new field" box and presses "Add field". */
  async addExtraField(name: string): Promise<void> {
    await this.reveal("controls");
    const before = await this.extraFieldInputs().count();
    await this.newExtraField.fill(name);
    await this.page.getByTestId("controls.collect.extraFields.add").click();
    await expect(this.extraField(before)).toHaveValue(name);
  }

  /** The name inputs of the extra fields, in order (not the "new" box, not the buttons). */
  extraFieldInputs(): Locator {
    return this.page
      .getByTestId("controls.collect.extraFields")
      .locator(
        '[data-testid^="controls.collect.extraFields."]:not([data-testid$=".remove"]):not([data-testid$=".new"]):not([data-testid$=".add"])',
      );
  }

  async expectExtraFields(names: readonly string[]): Promise<void> {
    const inputs = this.extraFieldInputs();
    await expect(inputs).toHaveCount(names.length);
    for (const [i, name] of names.entries()) await expect(this.extraField(i)).toHaveValue(name);
  }

  /** An advisory as listed in the summary (each also shows inline next to its control). */
  advisory(id: string): Locator {
    return this.page.getByTestId("advisories.summary").getByTestId(`advisory.${id}`);
  }

  get trustKind(): Locator {
    return this.page.getByTestId("trust.kind");
  }

  // ── Preview ───────────────────────────────────────────────────────────────

  /** The preview document, reached through its iframe. */
  preview(): FrameLocator {
    return this.page.frameLocator(PREVIEW_FRAME);
  }

  /** The widget's content container (`#opencx-widget`), present while the widget is open. */
  widget(): Locator {
    return this.preview().locator("#opencx-widget");
  }

  /**
   * The iframe is hydrated (`data-ready`) and a widget is rendered. The host only
   * sends a config once it has hydrated, so a widget means both sides are live.
   */
  async waitForPreview(): Promise<void> {
    const frame = this.preview();
    await expect(frame.getByTestId("preview.document")).toHaveAttribute("data-ready", "");
    await expect(frame.getByTestId("preview.widget")).toBeAttached();
  }

  async expectScreen(screen: WidgetScreen): Promise<void> {
    await expect(this.widget()).toHaveAttribute("data-screen", screen);
  }

  /**
   * Scrolls the host page so that `target`, an element of the preview, sits in
   * the middle of the window (for fixed elements near the frame's top edge,
   * which `reveal('preview')` may leave under the page header).
   */
  async scrollPreviewTo(target: Locator): Promise<void> {
    const box = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    await this.page.locator(PREVIEW_FRAME).evaluate((frame, r) => {
      const middle = () =>
        frame.getBoundingClientRect().top + frame.clientTop + (r.top + r.bottom) / 2;
      for (let el = frame.parentElement; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (!/(auto|scroll)/.test(style.overflowY) || el.scrollHeight <= el.clientHeight) continue;
        el.scrollTop += middle() - (el.getBoundingClientRect().top + el.clientHeight / 2);
      }
      window.scrollBy(0, middle() - window.innerHeight / 2);
    }, box);
  }

  welcome(): Locator {
    return this.preview().getByTestId("preview.welcome");
  }

  welcomeInput(name: "name" | "email" | "submit" | `extra.${number}`): Locator {
    return this.preview().getByTestId(`preview.welcome.${name}`);
  }

  /** Fills the welcome form (extras by position) and presses "Talk to support". */
  async submitWelcome(values: {
    name: string;
    email: string;
    extras?: readonly string[];
  }): Promise<void> {
    await this.reveal("preview");
    await this.welcomeInput("name").fill(values.name);
    await this.welcomeInput("email").fill(values.email);
    for (const [i, value] of (values.extras ?? []).entries())
      await this.welcomeInput(`extra.${i}`).fill(value);
    await this.welcomeInput("submit").click();
  }

  /** The chat's bubbles, optionally only the visitor's (`user`) or the bot's. */
  chatMessages(role?: "user" | "bot"): Locator {
    const byRole = role ? `[data-role="${role}"]` : "";
    return this.preview().locator(`[data-testid="preview.chat.message"]${byRole}`);
  }

  async sendChatMessage(text: string): Promise<void> {
    await this.reveal("preview");
    await this.preview().getByTestId("preview.chat.input").fill(text);
    await this.preview().getByTestId("preview.chat.send").click();
  }

  /** Resolves after the preview document has painted twice: anything a click triggered synchronously has rendered. */
  async previewSettled(): Promise<void> {
    await this.preview()
      .locator("body")
      .evaluate(
        () =>
          new Promise<void>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
          ),
      );
  }

  /** "Clear site data": forget the widget's localStorage keys, then reload the preview. */
  async clearSiteData(): Promise<void> {
    await this.reveal("preview");
    await this.page.getByTestId("preview.clearSiteData").click();
  }

  async reloadPreview(): Promise<void> {
    await this.reveal("preview");
    await this.page.getByTestId("preview.reload").click();
  }

  // ── Code ──────────────────────────────────────────────────────────────────

  codeTab(target: SnippetTarget): Locator {
    return this.page.getByTestId(`code.tab.${target}`);
  }

  /** Every snippet tab, in order, as target names. */
  async codeTargets(): Promise<string[]> {
    const ids = await this.page
      .locator('[data-testid^="code.tab."]')
      .evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-testid") ?? ""));
    return ids.map((id) => id.slice("code.tab.".length));
  }

  async showCode(target: SnippetTarget): Promise<void> {
    await this.reveal("code");
    const tab = this.codeTab(target);
    if ((await tab.getAttribute("aria-selected")) !== "true") await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
  }

  codeBlock(target: SnippetTarget, index: number | "install"): Locator {
    return this.page.getByTestId(`code.block.${target}.${index}`);
  }

  copyButton(target: SnippetTarget, index: number | "install"): Locator {
    return this.page.getByTestId(`code.copy.${target}.${index}`);
  }

  /** The exact text of one code block (its tab is selected first). */
  async codeText(target: SnippetTarget, index: number | "install" = 0): Promise<string> {
    await this.showCode(target);
    const block = this.codeBlock(target, index);
    await expect(block).toBeVisible();
    return (await block.textContent()) ?? "";
  }

  /** Every block of every tab: `{ "html.0": "…", "react.install": "…", … }`. */
  async allSnippets(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const target of (await this.codeTargets()) as SnippetTarget[]) {
      await this.showCode(target);
      const blocks = this.page.locator(`[data-testid^="code.block.${target}."]`);
      await expect(blocks.first()).toBeVisible();
      for (const block of await blocks.all()) {
        const id = (await block.getAttribute("data-testid")) ?? "";
        out[id.slice("code.block.".length)] = (await block.textContent()) ?? "";
      }
    }
    return out;
  }

  // ── Options editor and import ─────────────────────────────────────────────

  get editor(): Locator {
    return this.page.getByTestId("editor.root");
  }

  get editorMessage(): Locator {
    return this.page.getByTestId("editor.message");
  }

  /** The element Monaco types into (a textarea or an EditContext element, depending on the browser). */
  get editorInput(): Locator {
    return this.editor.locator('[role="textbox"]').first();
  }

  /** Clicks "Edit options as code" and waits until the editor shows the options and has focus. */
  async openOptionsEditor(): Promise<void> {
    await this.reveal("code");
    await this.page.getByTestId("code.editOptions").click();
    // Monaco is ~2 MB of JavaScript fetched on this click: allow for a slow, shared machine.
    await expect(this.editor).toHaveAttribute("data-ready", "", { timeout: 30_000 });
    await expect(this.editor.locator(".view-line").first()).toBeVisible();
  }

  /** Waits until the TypeScript worker has answered (completion, hover and markers work). */
  async waitForEditorLanguage(): Promise<void> {
    await expect(this.editor).toHaveAttribute("data-language-ready", "", { timeout: 30_000 });
  }

  /** The editor's text as shown (every line is on screen: the options are short). */
  async editorText(): Promise<string> {
    return this.editor.evaluate((root) => {
      const lines = [...root.querySelectorAll<HTMLElement>(".view-lines .view-line")];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      const text = (line: HTMLElement) => {
        // Inline decorations (the colour swatch before a colour) are not text.
        const copy = line.cloneNode(true) as HTMLElement;
        for (const deco of copy.querySelectorAll(".colorpicker-color-decoration")) deco.remove();
        return (copy.textContent ?? "").replace(/\u00a0/g, " ");
      };
      return lines.map(text).join("\n");
    });
  }

  /** Double-clicks a word in the editor's text (which selects it), e.g. to type over it. */
  async selectEditorWord(word: string): Promise<void> {
    // Found and measured in one step: Monaco re-renders lines (tokens, colour boxes) at will.
    const findWord = () =>
      this.editor.evaluate((root, w) => {
        const walker = document.createTreeWalker(
          root.querySelector(".view-lines") ?? root,
          NodeFilter.SHOW_TEXT,
        );
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(w) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + w.length);
          const r = range.getBoundingClientRect();
          if (r.width > 0) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        return null;
      }, word);
    await expect.poll(findWord, { message: `"${word}" on screen in the editor` }).not.toBeNull();
    // On a busy machine the two clicks can arrive as two single clicks: check, and try again.
    const selection = this.editor.locator(".selected-text");
    for (let attempt = 0; attempt < 3; attempt++) {
      const point = await findWord();
      if (!point) throw new Error(`"${word}" is not on screen in the editor`);
      await this.page.mouse.dblclick(point.x, point.y);
      if (await selection.first().isVisible()) return;
      await this.page.waitForTimeout(200);
      if (await selection.first().isVisible()) return;
    }
    throw new Error(`double-clicking "${word}" did not select it`);
  }

  /** Puts the caret at the end of the editor line that contains `text`. */
  async editorCaretAfterLine(text: string): Promise<void> {
    await this.editor.locator(".view-line", { hasText: text }).first().click();
    await this.page.keyboard.press("End");
  }

  /** The editor's text was read and is in the store (as typed, or exactly as the controls would print it). */
  async expectEditorApplied(): Promise<void> {
    await expect(this.editor).toHaveAttribute("data-state", /^(applied|synced)$/);
  }

  /** The editor's state after reading the text: `synced`, `pending`, `applied` or `invalid`. */
  async expectEditorState(state: "synced" | "pending" | "applied" | "invalid"): Promise<void> {
    await expect(this.editor).toHaveAttribute("data-state", state);
  }

  async openImportDialog(): Promise<Locator> {
    await this.reveal("code");
    await this.page.getByTestId("code.import").click();
    const dialog = this.page.getByTestId("import.dialog");
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Pastes `text` into the import dialog and presses Import; resolves with the result area. */
  async readSnippet(text: string): Promise<Locator> {
    await this.page.getByTestId("import.text").fill(text);
    await this.page.getByTestId("import.read").click();
    const result = this.page.getByTestId("import.result");
    await expect(result).toBeVisible();
    return result;
  }

  async applyImport(): Promise<void> {
    await this.page.getByTestId("import.apply").click();
    await expect(this.page.getByTestId("import.dialog")).toHaveCount(0);
  }
}

/** Collects console errors and uncaught exceptions of a page (and its frames). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
