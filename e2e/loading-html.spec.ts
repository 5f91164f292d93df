/**
 * The HTML snippet that loads on consent or on click (issue 21), run in Chromium: until the
 * trigger the page requests nothing from the widget's host (the pinned unpkg script) and no
 * `opencx-widget:*` key is in its storage; after it (the consent tool calling
 * `onOpenCxConsent()`, twice; the visitor pressing the look-alike launcher) the script is
 * requested once and the widget is initialised exactly once, with `toWidgetConfig(config)` (plus
 * `isOpen: true` on click), and the launcher gives way to the widget.
 *
 * Each case is a top-level document on its own origin (so its storage starts empty), built from
 * the generated snippet: every model in both majors, both modes, then hostile configs. The pinned
 * script is answered by a stub whose `initOpenScript` records its options and writes a key as
 * the real widget does (so the storage check could see one); the verified model's token route
 * by a fixed token, or 401 for a signed-out page, which gets no launcher and no widget.
 */
import fc from "fast-check";
import type { Page } from "@playwright/test";
import { configArbitrary } from "../lib/config/arbitraries";
import {
  defaultConfig,
  IDENTITY_MODELS,
  type LoadingMode,
  type PlaygroundConfig,
} from "../lib/config/options";
import { WIDGET_MAJORS } from "../lib/config/versions";
import { toWidgetConfig } from "../lib/config/widget-config";
import { generateSnippet } from "../lib/snippets";
import { LAUNCHER_ID } from "../lib/snippets/loading";
import { CONTACT_TOKEN_ENDPOINT, embedScriptUrl } from "../lib/snippets/model";
import { canonical } from "./support/canonical";
import { expect, test } from "./support/fixtures";
import { widgetStorageKeys } from "./support/widget-storage";

const HOSTILE_RUNS = Number(process.env.LOADING_HOSTILE_RUNS ?? 24);
const SEED = process.env.FC_SEED
  ? Number(process.env.FC_SEED)
  : Math.floor(Math.random() * 2 ** 31);
const TOKEN = "«token fetched from your backend»";
const EMBED_URLS: readonly string[] = WIDGET_MAJORS.map((m) => embedScriptUrl(m));

/** The pinned script's stand-in: records each initialisation and stores a key, as the widget does. */
const WIDGET_STUB = [
  "window.__inits = window.__inits || [];",
  "window.initOpenScript = function (options) {",
  "  window.__inits.push(JSON.stringify(options));",
  "  localStorage.setItem('opencx-widget:org-token-' + options.token + ':contact-token', 'stub');",
  "};",
].join("\n");

interface Case {
  name: string;
  config: PlaygroundConfig;
  /** The verified page's backend: signed in (a token) or not (401). */
  signedIn: boolean;
}

const mode = (config: PlaygroundConfig) => config.loading as Exclude<LoadingMode, "page-load">;

const FIXED: Case[] = WIDGET_MAJORS.flatMap((widgetVersion) =>
  IDENTITY_MODELS.flatMap((model) =>
    (["consent", "click"] as const).map((loading) => ({
      name: `${widgetVersion} ${model} on ${loading}`,
      config: {
        ...defaultConfig(),
        widgetVersion,
        model,
        loading,
        widgetToken: "wt_3f9a2c7e",
        prefillEmail: "jane@example.com",
        userEmail: "jane@example.com",
        serverEmail: "jane@example.com",
        primaryColor: "#2563eb",
      },
      signedIn: true,
    })),
  ),
);

const SIGNED_OUT: Case[] = WIDGET_MAJORS.flatMap((widgetVersion) =>
  (["consent", "click"] as const).map((loading) => ({
    name: `${widgetVersion} verified on ${loading}, signed out`,
    config: { ...defaultConfig(), widgetVersion, model: "server" as const, loading },
    signedIn: false,
  })),
);

const HOSTILE: Case[] = fc
  .sample(
    fc.tuple(
      configArbitrary({ hostile: true }),
      fc.constantFrom("consent" as const, "click" as const),
    ),
    { numRuns: HOSTILE_RUNS, seed: SEED },
  )
  .map(([config, loading], i) => ({
    name: `hostile ${i} (seed ${SEED})`,
    config: { ...config, loading },
    signedIn: true,
  }));

interface Observed {
  embedRequests: number;
  unexpected: string[];
}

/** Opens the case's document on its own origin, with the widget's host and the backend stubbed. */
async function open(page: Page, c: Case, index: number): Promise<Observed> {
  const origin = `http://case-${index}.loading-harness.test`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>case ${index}</title></head><body>\n${generateSnippet("html", c.config).files[0]!.code}</body></html>`;
  const seen: Observed = { embedRequests: 0, unexpected: [] };
  await page.route("**/*", async (route) => {
    const request = route.request();
    const url = request.url();
    if (url === `${origin}/`)
      return route.fulfill({ contentType: "text/html; charset=utf-8", body: html });
    if (EMBED_URLS.includes(url)) {
      seen.embedRequests++;
      return route.fulfill({ contentType: "text/javascript; charset=utf-8", body: WIDGET_STUB });
    }
    if (url === `${origin}${CONTACT_TOKEN_ENDPOINT}` && request.method() === "POST") {
      return c.signedIn
        ? route.fulfill({ contentType: "application/json", body: JSON.stringify({ token: TOKEN }) })
        : route.fulfill({
            status: 401,
            contentType: "application/json",
            body: JSON.stringify({ error: "Not signed in" }),
          });
    }
    seen.unexpected.push(`${request.method()} ${url}`);
    return route.abort();
  });
  await page.goto(`${origin}/`);
  return seen;
}

const inits = (page: Page) =>
  page.evaluate(() => (window as unknown as { __inits?: string[] }).__inits ?? []);

/** Lets the page's pending work (a token request, a script load) finish. */
const settle = (page: Page) => page.waitForLoadState("networkidle");

async function runCase(page: Page, c: Case, index: number): Promise<void> {
  const verified = c.config.model === "server";
  const launcher = page.locator(`#${LAUNCHER_ID}`);
  const seen = await open(page, c, index);
  await settle(page);

  // Before the trigger: nothing from the widget's host, no widget key, no initialisation.
  expect(seen.embedRequests, "widget script requests before the trigger").toBe(0);
  expect(await widgetStorageKeys(page), "widget keys before the trigger").toEqual([]);
  expect(await inits(page)).toEqual([]);

  if (mode(c.config) === "click") {
    if (verified && !c.signedIn) {
      // A signed-out page gets no launcher: a verified widget needs a token.
      await expect(launcher).toBeHidden();
      expect(seen.embedRequests).toBe(0);
      return;
    }
    await expect(launcher).toBeVisible();
    await expect(launcher).toHaveAccessibleName("Chat with us");
    await launcher.click();
    // A second press (the handler again, as a double click would) starts nothing more.
    await page.evaluate(() =>
      (window as unknown as { onOpenCxLauncherClick(): void }).onOpenCxLauncherClick(),
    );
  } else {
    await page.evaluate(() => {
      const w = window as unknown as { onOpenCxConsent(): void };
      w.onOpenCxConsent();
      w.onOpenCxConsent();
    });
  }
  if (verified && !c.signedIn) {
    await settle(page);
    expect(seen.embedRequests, "a signed-out page loads no widget").toBe(0);
    expect(await inits(page)).toEqual([]);
    return;
  }
  await expect.poll(async () => (await inits(page)).length).toBe(1);
  await settle(page);
  const calls = await inits(page);
  expect(calls, "initialisations after the trigger").toHaveLength(1);
  expect(seen.embedRequests, "widget script requests after the trigger").toBe(1);
  const expected = {
    ...toWidgetConfig(c.config, verified ? { contactToken: TOKEN } : {}),
    ...(mode(c.config) === "click" ? { isOpen: true } : {}),
  };
  expect(canonical(JSON.parse(calls[0]!))).toBe(canonical(expected));
  // The stand-in wrote its key: the storage check above could have seen one.
  expect((await widgetStorageKeys(page)).length).toBe(1);
  if (mode(c.config) === "click") await expect(launcher).toHaveCount(0);
  expect(seen.unexpected).toEqual([]);
}

test.describe("HTML snippet loading on consent or on click", () => {
  for (const [title, cases] of [
    ["every model in both majors", FIXED],
    ["a signed-out verified page", SIGNED_OUT],
    [`${HOSTILE_RUNS} hostile configs`, HOSTILE],
  ] as const) {
    test(`${title}: nothing before the trigger, one initialisation after it`, async ({
      context,
    }) => {
      test.setTimeout(60_000 + cases.length * 5_000);
      const errors: string[] = [];
      for (const [i, c] of cases.entries()) {
        const page = await context.newPage();
        page.on("pageerror", (error) => errors.push(`${c.name}: ${error.message}`));
        page.on("console", (message) => {
          // A signed-out token request is a 401, which Chromium reports as a failed resource.
          if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
            errors.push(`${c.name}: ${message.text()}`);
        });
        await test.step(c.name, async () => {
          try {
            await runCase(page, c, i);
          } catch (error) {
            throw new Error(
              `${c.name}: ${String(error)}\nconfig: ${JSON.stringify(c.config)}\nsnippet:\n${generateSnippet("html", c.config).files[0]!.code}`,
            );
          }
        });
        await page.close();
      }
      expect(errors).toEqual([]);
    });
  }
});
