/** The header: the widget version, presets, reset, the share link and the theme. */
import { expect, type Locator } from "@playwright/test";
import { Region } from "./layout";

export type ThemeChoice = "system" | "light" | "dark";
export type WidgetMajor = "v5" | "v4";
/** The exact pins, written out here on purpose (lib/config/versions.ts is the app's copy). */
export const WIDGET_PINS: Readonly<Record<WidgetMajor, string>> = { v5: "5.0.0", v4: "4.0.63" };

export class Header extends Region {
  /** The version switch (a radio group), and one of its choices. */
  get versionSwitch(): Locator {
    return this.page.getByRole("radiogroup", { name: "Widget version" });
  }

  versionRadio(major: WidgetMajor): Locator {
    return this.versionSwitch.getByRole("radio", { name: `${major} · ${WIDGET_PINS[major]}` });
  }

  get subtitle(): Locator {
    return this.page.getByTestId("header.subtitle");
  }

  /** Chooses a widget version with the mouse and waits for the header to say so. */
  async chooseVersion(major: WidgetMajor): Promise<void> {
    // The radio itself is visually hidden inside its label, which is what a pointer hits.
    const radio = this.page.getByRole("radio", { name: `${major} · ${WIDGET_PINS[major]}` });
    await this.versionSwitch.locator("label", { has: radio }).click();
    await this.expectVersion(major);
  }

  async expectVersion(major: WidgetMajor): Promise<void> {
    await expect(this.versionRadio(major)).toBeChecked();
    await expect(this.subtitle).toContainText(`open.cx chat widget ${major} ·`);
  }

  /** The note on a link made for widget v4. */
  get v4LinkNotice(): Locator {
    return this.page.getByTestId("link.v4Notice");
  }

  get undoButton(): Locator {
    return this.page.getByTestId("header.undo");
  }

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
    return this.layout.readClipboard();
  }

  async setTheme(choice: ThemeChoice): Promise<void> {
    await this.page.getByTestId("header.theme").selectOption(choice);
    if (choice !== "system")
      await expect(this.page.locator("html")).toHaveAttribute("data-theme", choice);
  }
}
