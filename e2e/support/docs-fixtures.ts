/**
 * The suite's `test` (fixtures.ts: page errors, the CSP watch, the playground
 * page object) with a docs site on another origin (one per worker) and the
 * app's origin, for the embed specs.
 */
import { DocsSite } from "./docs-site";
import { test as base } from "./fixtures";

export const test = base.extend<{ docs: DocsSite; app: string }, { docsSite: DocsSite }>({
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
});

export { expect } from "./fixtures";
