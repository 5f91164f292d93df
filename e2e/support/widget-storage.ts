import type { Page } from "@playwright/test";

/** The `opencx-widget:*` keys in the page's localStorage (what the widget writes once it runs). */
export function widgetStorageKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith("opencx-widget:")),
  );
}
