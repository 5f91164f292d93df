/**
 * The suite's `test`: every spec gets a `playground` page object, and
 * `pageErrors`, the console errors and uncaught exceptions seen so far.
 */
import { test as base } from "@playwright/test";
import { collectPageErrors, PlaygroundPage } from "./playground-page";

/** The config's desktop size: three panes side by side (Tailwind `lg` and up). */
export const DESKTOP = { width: 1280, height: 720 } as const;
/** Below Tailwind's `lg` breakpoint: one pane at a time, switched by the tab bar. */
export const ONE_PANE = { width: 1000, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export const test = base.extend<{ playground: PlaygroundPage; pageErrors: string[] }>({
  pageErrors: async ({ page }, use) => {
    await use(collectPageErrors(page));
  },
  playground: async ({ page }, use) => {
    await use(new PlaygroundPage(page));
  },
});

export { expect } from "@playwright/test";
