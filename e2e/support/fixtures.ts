/**
 * The suite's `test`: every spec gets a `playground` page object, and
 * `pageErrors`, the console errors and uncaught exceptions seen so far.
 * Every test also watches for Content-Security-Policy violations in all its
 * documents and workers (`csp`), and fails on any it did not expect.
 */
import { test as base, type Page } from "@playwright/test";
import { cspFixture, type CspWatch } from "./csp";
import { PlaygroundPage } from "./playground-page";

/** The config's desktop size: three panes side by side (Tailwind `lg` and up). */
export const DESKTOP = { width: 1280, height: 720 } as const;
/** Below Tailwind's `lg` breakpoint: one pane at a time, switched by the tab bar. */
export const ONE_PANE = { width: 1000, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/**
 * Trace options for `test.use` at the top of each spec. Recording a trace for
 * every test (the config's `retain-on-failure`) costs about a third of the run
 * time on these 2-core machines; on CI a failing test is retried once, and that
 * retry records the trace. `trace` is a worker option, so it cannot be set here
 * for every spec at once.
 */
export const TRACE = { trace: process.env.CI ? "on-first-retry" : "retain-on-failure" } as const;

export const test = base.extend<{
  playground: PlaygroundPage;
  pageErrors: string[];
  csp: CspWatch;
}>({
  csp: [cspFixture, { auto: true }],
  pageErrors: async ({ page }, use) => {
    await use(collectPageErrors(page));
  },
  playground: async ({ page }, use) => {
    await use(new PlaygroundPage(page));
  },
});

export { expect } from "@playwright/test";

/** Collects console errors and uncaught exceptions of a page (and its frames). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
