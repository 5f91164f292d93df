/**
 * The fixtures of the embed specs: a docs site on another origin (one per
 * worker), the app's origin, page errors and the CSP watch every test has.
 */
import { test as base } from "@playwright/test";
import { cspFixture, type CspWatch } from "./csp";
import { DocsSite } from "./docs-site";
import { collectPageErrors } from "./page-errors";

export const docsTest = base.extend<
  { docs: DocsSite; app: string; pageErrors: string[]; csp: CspWatch },
  { docsSite: DocsSite }
>({
  docsSite: [
    async ({}, use) => {
      const site = new DocsSite();
      await site.start();
      await use(site);
      await site.stop();
    },
    { scope: "worker" },
  ],
  docs: async ({ docsSite }, use) => use(docsSite),
  app: async ({ baseURL }, use) => use(new URL(baseURL!).origin),
  pageErrors: async ({ page }, use) => use(collectPageErrors(page)),
  csp: [cspFixture, { auto: true }],
});
