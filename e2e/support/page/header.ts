/** The header: presets, reset, the share link and the theme. */
import { expect } from "@playwright/test";
import { Region } from "./layout";

export type ThemeChoice = "system" | "light" | "dark";

export class Header extends Region {
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
