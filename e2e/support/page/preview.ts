/** The preview pane: the widget replica inside its iframe, and the pane's device buttons. */
import { expect, type FrameLocator, type Locator } from "@playwright/test";
import { PREVIEW_FRAME, Region } from "./layout";

export type WidgetScreen = "welcome" | "sessions" | "chat";

export class Preview extends Region {
  /** The preview document, reached through its iframe. */
  frame(): FrameLocator {
    return this.page.frameLocator(PREVIEW_FRAME);
  }

  /** The widget's content container (`#opencx-widget`), present while the widget is open. */
  widget(): Locator {
    return this.frame().locator("#opencx-widget");
  }

  /**
   * The iframe is hydrated (`data-ready`) and a widget is rendered. The host only
   * sends a config once it has hydrated, so a widget means both sides are live.
   */
  async waitUntilLive(): Promise<void> {
    const frame = this.frame();
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
  async scrollTo(target: Locator): Promise<void> {
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
    return this.frame().getByTestId("preview.welcome");
  }

  welcomeInput(name: "name" | "email" | "submit" | `extra.${number}`): Locator {
    return this.frame().getByTestId(`preview.welcome.${name}`);
  }

  /** Fills the welcome form (extras by position) and presses "Talk to support". */
  async submitWelcome(values: {
    name: string;
    email: string;
    extras?: readonly string[];
  }): Promise<void> {
    await this.layout.reveal("preview");
    await this.welcomeInput("name").fill(values.name);
    await this.welcomeInput("email").fill(values.email);
    for (const [i, value] of (values.extras ?? []).entries())
      await this.welcomeInput(`extra.${i}`).fill(value);
    await this.welcomeInput("submit").click();
  }

  /** The chat's bubbles, optionally only the visitor's (`user`) or the bot's. */
  chatMessages(role?: "user" | "bot"): Locator {
    const byRole = role ? `[data-role="${role}"]` : "";
    return this.frame().locator(`[data-testid="preview.chat.message"]${byRole}`);
  }

  async sendChatMessage(text: string): Promise<void> {
    await this.layout.reveal("preview");
    await this.frame().getByTestId("preview.chat.input").fill(text);
    await this.frame().getByTestId("preview.chat.send").click();
  }

  /** Resolves after the preview document has painted twice: anything a click triggered synchronously has rendered. */
  async settled(): Promise<void> {
    await this.frame()
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
    await this.layout.reveal("preview");
    await this.page.getByTestId("preview.clearSiteData").click();
  }

  async reload(): Promise<void> {
    await this.layout.reveal("preview");
    await this.page.getByTestId("preview.reload").click();
  }

  /** The label naming the widget version the preview plays ("Widget v5 · 5.0.0"). */
  versionLabel(): Locator {
    return this.page.getByTestId("preview.version");
  }

  /** "Reset visitor": what the host page removes on sign-out, per version, then a reload. */
  async resetVisitor(): Promise<void> {
    await this.layout.reveal("preview");
    await this.page.getByTestId("preview.resetVisitor").click();
  }

  /** "The stored token is rejected": open.cx answers 401 to the contact token in force. */
  async rejectStoredToken(): Promise<void> {
    await this.layout.reveal("preview");
    await this.page.getByTestId("preview.rejectToken").click();
  }

  /** What the widget did about the rejected token, as the pane says it. */
  rejection(): Locator {
    return this.page.getByTestId("preview.rejection");
  }

  /** The note on the preview page saying requests fail with 401 (no recovery). */
  authNote(): Locator {
    return this.frame().getByTestId("preview.authNote");
  }

  /** Verified model: "Renew token" in the token flow. */
  async renewToken(): Promise<void> {
    await this.layout.reveal("preview");
    await this.page.getByTestId("preview.flow.renew").click();
  }
}
