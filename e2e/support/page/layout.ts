/**
 * The playground page as a whole, under its regions: the three panes in either
 * layout (side by side, or one at a time behind a tab bar), the keyboard, the
 * clipboard and the page's notices. Every region reaches the page through this.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export type Pane = "controls" | "preview" | "code";

/** The `title` of the playground's preview iframe. */
export const PREVIEW_FRAME = 'iframe[title="Widget preview"]';

export class PlaygroundLayout {
  constructor(readonly page: Page) {}

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
}

/** One region of the page (header, controls, preview, code, editor), reached through the layout. */
export abstract class Region {
  constructor(protected readonly layout: PlaygroundLayout) {}

  protected get page(): Page {
    return this.layout.page;
  }
}
