/**
 * The code pane: the snippet tabs and their blocks, the "Import snippet…" dialog and the
 * "Download project…" panel.
 */
import { expect, type Download, type Locator } from "@playwright/test";
import { DEFAULT_WIDGET_MAJOR, WIDGET_PINS, type WidgetMajor } from "../../../lib/config/versions";
import type { SnippetTarget } from "../../../lib/snippets/types";
import { Region } from "./layout";

/** The targets and their groups, from the one registry (lib/snippets/types.ts): new targets follow. */
export {
  CLIENT_TARGETS,
  SERVER_TARGETS,
  SNIPPET_TARGETS,
  SNIPPET_TARGET_LABELS,
  type SnippetTarget,
} from "../../../lib/snippets/types";

/** The exact pins, from the one place they live (lib/config/versions.ts). */
export { DEFAULT_WIDGET_MAJOR, WIDGET_PINS, type WidgetMajor };

/** The React install command of a major, exactly as the snippets print it. */
export const reactInstall = (major: WidgetMajor = DEFAULT_WIDGET_MAJOR) =>
  `npm install --save-exact @opencx/widget-react@${WIDGET_PINS[major]}`;

/** The embed script tag of a major: deferred on v5 (domain-v5.md §10.1). */
export function embedScriptTag(major: WidgetMajor = DEFAULT_WIDGET_MAJOR): string {
  const src = `https://unpkg.com/@opencx/widget@${WIDGET_PINS[major]}/dist-embed/script.js`;
  return major === "v5" ? `<script defer src="${src}"></script>` : `<script src="${src}"></script>`;
}

export class Code extends Region {
  /** The pane header's "Widget v5 · pinned @5.0.0". */
  get version(): Locator {
    return this.page.getByTestId("code.version");
  }

  tab(target: SnippetTarget): Locator {
    return this.page.getByTestId(`code.tab.${target}`);
  }

  /** Every snippet tab, in order, as target names. */
  async targets(): Promise<string[]> {
    const ids = await this.page
      .locator('[data-testid^="code.tab."]')
      .evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-testid") ?? ""));
    return ids.map((id) => id.slice("code.tab.".length));
  }

  async show(target: SnippetTarget): Promise<void> {
    await this.layout.reveal("code");
    const tab = this.tab(target);
    if ((await tab.getAttribute("aria-selected")) !== "true") await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
  }

  block(target: SnippetTarget, index: number | "install"): Locator {
    return this.page.getByTestId(`code.block.${target}.${index}`);
  }

  copyButton(target: SnippetTarget, index: number | "install"): Locator {
    return this.page.getByTestId(`code.copy.${target}.${index}`);
  }

  /** The exact text of one code block (its tab is selected first). */
  async text(target: SnippetTarget, index: number | "install" = 0): Promise<string> {
    await this.show(target);
    const block = this.block(target, index);
    await expect(block).toBeVisible();
    return (await block.textContent()) ?? "";
  }

  /** Every block of every tab: `{ "html.0": "…", "react.install": "…", … }`. */
  async allSnippets(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const target of (await this.targets()) as SnippetTarget[]) {
      await this.show(target);
      const blocks = this.page.locator(`[data-testid^="code.block.${target}."]`);
      await expect(blocks.first()).toBeVisible();
      for (const block of await blocks.all()) {
        const id = (await block.getAttribute("data-testid")) ?? "";
        out[id.slice("code.block.".length)] = (await block.textContent()) ?? "";
      }
    }
    return out;
  }

  async openImportDialog(): Promise<Locator> {
    await this.layout.reveal("code");
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

  /** The toolbar's "Download project…" button (a disclosure). */
  get downloadButton(): Locator {
    return this.page.getByTestId("code.download");
  }

  get downloadPanel(): Locator {
    return this.page.getByTestId("code.download.panel");
  }

  /** One stack's radio in the download panel. */
  downloadStack(stack: "nextjs" | "express"): Locator {
    return this.page.getByTestId(`code.download.stack.${stack}`);
  }

  /** The panel's "Download <folder>.zip" button. */
  get downloadSave(): Locator {
    return this.page.getByTestId("code.download.save");
  }

  async openDownloadPanel(): Promise<Locator> {
    await this.layout.reveal("code");
    if ((await this.downloadButton.getAttribute("aria-expanded")) !== "true")
      await this.downloadButton.click();
    await expect(this.downloadPanel).toBeVisible();
    return this.downloadPanel;
  }

  /** Presses the panel's Download button and resolves with the browser's download. */
  async downloadStarter(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.downloadSave.click(),
    ]);
    return download;
  }
}
