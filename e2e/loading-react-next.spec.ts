/**
 * The React and Next.js snippets' on-demand loading (issue 21, the `loading` option), run for
 * real in Chromium: until the trigger, a page built from the generated component makes NO
 * request for the widget package (nothing but the page and its static chunks, in fact) and
 * writes NO `opencx-widget:*` key in localStorage; after it, the widget initialises exactly
 * ONCE, with exactly `toWidgetConfig(config)` (the verified model's `user.token` being the token
 * the page's backend answered) plus `isOpen: true` on click (nothing added on consent).
 *
 * - Variants: every loading fixture of the golden tests (anonymous with hostile strings,
 *   collect, browser, verified with and without personal connections), each both on consent
 *   and on click, in widget v5 and v4, as the React snippet and as the Next.js snippet (its
 *   `components/support-widget.tsx`; the verified model's route handler is not used): 40 pages,
 *   one test per target and major.
 * - Pages: the generated file plus a small harness entry that mounts `<SupportWidget>`
 *   (`consented` from the harness's state, flipped by `window.__consent()`; `userId="u1"` for
 *   v5 verified), all bundled by rolldown in one build (`support/snippet-bundle.ts`): React
 *   bundled in, `@opencx/widget-react` a recording stub in a chunk of its own that only the
 *   snippet's dynamic import loads, so "the page requested the widget" is "the page requested
 *   that chunk". `next/dynamic` is a shim over React.lazy; the real one runs in the starter e2e.
 * - Serving: each page has its own origin (`http://<page>.loading-harness.test/`, so its own
 *   localStorage), answered from memory by `page.route`; the verified model's
 *   `POST /api/opencx/contact-token` gets `{ token: TOKEN }`. Every request is recorded; none may
 *   leave the page's origin, and the page may log no error.
 * - Triggers: consent, `window.__consent()` called twice at once, and once more after the widget
 *   rendered (still one initialisation); click, the look-alike "Chat with us" launcher, which is
 *   gone once the widget rendered. On click in the verified model the token's answer is held
 *   until the test has seen the busy launcher still in place (disabled, `aria-busy`) and no
 *   widget started.
 *
 * The pages of a test run side by side (each mostly waits on the browser). The Next server the
 * config starts is not used.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, Request } from "@playwright/test";
import { defaultConfig, type LoadingMode, type PlaygroundConfig } from "../lib/config/options";
import { parseConfig } from "../lib/config/schema";
import { WIDGET_MAJORS, type WidgetMajor } from "../lib/config/versions";
import { toWidgetConfig } from "../lib/config/widget-config";
import { generateSnippet } from "../lib/snippets";
import { CONTACT_TOKEN_ENDPOINT } from "../lib/snippets/model";
import { collectPageErrors, expect, test, TRACE } from "./support/fixtures";
import {
  bundleSnippetPages,
  WIDGET_INITS_GLOBAL,
  WIDGET_STUB_TEST_ID,
  type SnippetBundle,
} from "./support/snippet-bundle";
import { widgetStorageKeys } from "./support/widget-storage";

test.use(TRACE);

const HARNESS_DOMAIN = "loading-harness.test";
/** What the stubbed backend answers for the verified model's contact token. */
const TOKEN = "ct_e2e_contact_token";
const LAUNCHER = { name: "Chat with us" } as const;
const TARGETS = ["react", "nextjs"] as const;
type Target = (typeof TARGETS)[number];
const MODES = ["consent", "click"] as const satisfies readonly LoadingMode[];
type Mode = (typeof MODES)[number];
/** Long enough for a page to start anything it would start on its own (a timer, a preload). */
const SETTLE_MS = 150;

interface Variant {
  name: string;
  target: Target;
  major: WidgetMajor;
  mode: Mode;
  config: PlaygroundConfig;
}

/**
 * The golden fixtures that load on consent or on click, as `loadFixtureConfigs` reads them (its
 * module uses `import.meta`, which Playwright's loader refuses beside CommonJS): overrides on
 * the defaults, through the real schema.
 */
function loadingFixtures(): { name: string; config: PlaygroundConfig }[] {
  const dir = join(__dirname, "..", "lib", "snippets", "__fixtures__");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name }) => name)
    .sort()
    .map((name) => {
      const overrides = JSON.parse(readFileSync(join(dir, name, "config.json"), "utf8")) as object;
      const parsed = parseConfig({ ...defaultConfig(), ...overrides });
      if (!parsed.success) throw new Error(`Fixture ${name}: ${JSON.stringify(parsed.issues)}`);
      return { name, config: parsed.data };
    })
    .filter(({ config }) => config.loading !== "page-load");
}

/** Every loading fixture × mode × major × target. */
const VARIANTS: Variant[] = loadingFixtures().flatMap(({ name, config }) =>
  MODES.flatMap((mode) =>
    WIDGET_MAJORS.flatMap((major) =>
      TARGETS.map((target) => ({
        name: `${major}-${target}-on-${mode}-${name}`,
        target,
        major,
        mode,
        config: { ...config, loading: mode, widgetVersion: major },
      })),
    ),
  ),
);

/** The generated `support-widget.tsx`: React's only file, Next.js's first (the route is ignored). */
function widgetComponent(variant: Variant): string {
  const [file] = generateSnippet(variant.target, variant.config).files;
  const expected =
    variant.target === "react" ? "src/support-widget.tsx" : "components/support-widget.tsx";
  if (file?.path !== expected) throw new Error(`${variant.name}: first file is ${file?.path}`);
  return file.code;
}

/** The harness entry: mounts `<SupportWidget>` with the props the snippet asks for. */
function harnessEntry(variant: Variant): string {
  const props = [
    variant.mode === "consent" ? "consented={consented}" : "",
    variant.config.model === "server" && variant.major === "v5" ? 'userId="u1"' : "",
  ].join(" ");
  return `import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SupportWidget } from './support-widget';

function Harness() {
  const [consented, setConsented] = useState(false);
  useEffect(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__consent = () => setConsented(true);
    w.__mounted = true;
  }, []);
  return <SupportWidget ${props} />;
}

createRoot(document.getElementById('root')!).render(<Harness />);
`;
}

const HARNESS_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Loading harness</title></head>
  <body><div id="root"></div><script type="module" src="/entry.js"></script></body>
</html>`;

let bundle: SnippetBundle;

test.beforeAll(async () => {
  // 5 loading fixtures × 2 triggers × 2 majors × 2 targets, as the header says.
  expect(VARIANTS).toHaveLength(40);
  const started = Date.now();
  bundle = await bundleSnippetPages(
    VARIANTS.map((variant) => ({
      name: variant.name,
      files: { "entry.tsx": harnessEntry(variant), "support-widget.tsx": widgetComponent(variant) },
    })),
  );
  // Next.js's 'use client' means nothing to a plain bundle; anything else rolldown says would.
  const unexpected = bundle.warnings.filter(
    (w) => !(w.startsWith("MODULE_LEVEL_DIRECTIVE") && w.includes('"use client"')),
  );
  expect(unexpected, "rolldown warnings").toEqual([]);
  console.log(
    `Bundled ${VARIANTS.length} pages into ${bundle.files.size} files in ${Date.now() - started} ms`,
  );
});

/**
 * Answers every request to the variant's origin from memory, and records every request the page
 * makes (to any host).
 */
async function serve(
  page: Page,
  variant: Variant,
): Promise<{
  requests: Request[];
  origin: string;
  entry: string;
  tokenAsked: Promise<void>;
  answerToken: () => void;
}> {
  const origin = `http://${variant.name}.${HARNESS_DOMAIN}`;
  const entry = bundle.entries.get(variant.name);
  if (!entry) throw new Error(`No bundle entry for ${variant.name}`);
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  // The contact token is answered when the test says so: on click, the page shows the busy
  // launcher meanwhile.
  let asked = () => {};
  const tokenAsked = new Promise<void>((done) => (asked = done));
  let answerToken = () => {};
  const answered = new Promise<void>((done) => (answerToken = done));
  await page.route(`${origin}/**`, async (route) => {
    const request = route.request();
    const { pathname } = new URL(request.url());
    if (pathname === "/") {
      return route.fulfill({ contentType: "text/html; charset=utf-8", body: HARNESS_HTML });
    }
    if (pathname === CONTACT_TOKEN_ENDPOINT && request.method() === "POST") {
      asked();
      await answered;
      return route.fulfill({ json: { token: TOKEN } });
    }
    const file = pathname === "/entry.js" ? entry : pathname.slice(1);
    const code = bundle.files.get(file);
    if (code === undefined) return route.fulfill({ status: 404, body: "not found" });
    return route.fulfill({ contentType: "text/javascript; charset=utf-8", body: code });
  });
  return { requests, origin, entry, tokenAsked, answerToken };
}

/** Paths requested so far (the widget chunk's by its file name). */
const pathsOf = (requests: readonly Request[]) => requests.map((r) => new URL(r.url()).pathname);

async function inits(page: Page): Promise<unknown[]> {
  const raw = await page.evaluate(
    (global) => (window as unknown as Record<string, string[] | undefined>)[global] ?? [],
    WIDGET_INITS_GLOBAL,
  );
  return raw.map((json) => JSON.parse(json) as unknown);
}

const settle = (page: Page) =>
  page.evaluate((ms) => new Promise((done) => setTimeout(done, ms)), SETTLE_MS);

async function runVariant(page: Page, variant: Variant): Promise<void> {
  const { requests, origin, entry, tokenAsked, answerToken } = await serve(page, variant);
  const holdsToken = variant.mode === "click" && variant.config.model === "server";
  if (!holdsToken) answerToken();
  // The fixtures' `pageErrors` watches only their own page.
  const errors = collectPageErrors(page);
  const widgetPath = `/${bundle.widgetChunk}`;
  // Served as /entry.js; what it imports statically, by its own name.
  const statics = bundle.staticFiles(variant.name).filter((f) => f !== entry);
  const label = variant.name;

  await page.goto(`${origin}/`);
  await page.waitForFunction(() => (window as unknown as { __mounted?: true }).__mounted);
  const launcher = page.getByRole("button", LAUNCHER);
  if (variant.mode === "click") await expect(launcher, label).toBeVisible();
  else await expect(launcher, label).toHaveCount(0);
  await settle(page);

  // Before the trigger: the page and its static chunks only; no widget, no widget key.
  expect(pathsOf(requests), `${label}: requested before the trigger`).not.toContain(widgetPath);
  expect(
    pathsOf(requests).sort(),
    `${label}: exactly the page and its static chunks before the trigger`,
  ).toEqual(["/", "/entry.js", ...statics.map((f) => `/${f}`)].sort());
  expect(await widgetStorageKeys(page), `${label}: keys before the trigger`).toEqual([]);
  expect(await inits(page), `${label}: inits before the trigger`).toEqual([]);
  await expect(page.getByTestId(WIDGET_STUB_TEST_ID)).toHaveCount(0);

  // The trigger.
  if (variant.mode === "consent") {
    await page.evaluate(() => {
      const consent = (window as unknown as { __consent: () => void }).__consent;
      consent();
      consent();
    });
  } else {
    await launcher.click();
  }
  if (holdsToken) {
    // The package is loaded and its backend asked: until it answers, the busy launcher stays
    // in the widget's place (no gap with nothing in the corner), and no widget starts.
    await tokenAsked;
    await settle(page);
    await expect(launcher, `${label}: busy while the token is asked`).toBeVisible();
    await expect(launcher, label).toHaveAttribute("aria-busy", "true");
    await expect(launcher, label).toBeDisabled();
    await expect(page.getByTestId(WIDGET_STUB_TEST_ID), label).toHaveCount(0);
    expect(await inits(page), `${label}: inits before the token`).toEqual([]);
    answerToken();
  }
  await expect(page.getByTestId(WIDGET_STUB_TEST_ID), label).toHaveCount(1);
  if (variant.mode === "consent") {
    // The consent tool says yes once more (a later callback): still the same widget.
    await page.evaluate(() => (window as unknown as { __consent: () => void }).__consent());
  } else {
    await expect(launcher, `${label}: the look-alike launcher is gone`).toHaveCount(0);
  }
  await settle(page);

  // After: one widget chunk, one mount, with exactly the config's options.
  const expected = {
    ...toWidgetConfig(variant.config, { contactToken: TOKEN }),
    ...(variant.mode === "click" ? { isOpen: true } : {}),
  };
  expect(await inits(page), `${label}: initialisations`).toEqual([expected]);
  await expect(page.getByTestId(WIDGET_STUB_TEST_ID), label).toHaveCount(1);
  const paths = pathsOf(requests);
  expect(
    paths.filter((p) => p === widgetPath),
    `${label}: widget chunk requests`,
  ).toHaveLength(1);
  expect(
    paths.filter((p) => p === CONTACT_TOKEN_ENDPOINT),
    `${label}: contact token requests`,
  ).toHaveLength(variant.config.model === "server" ? 1 : 0);
  expect(await widgetStorageKeys(page), `${label}: keys after the trigger`).toEqual([
    `opencx-widget:org-token-${expected.token}:contact-token`,
  ]);
  const elsewhere = requests.filter((r) => new URL(r.url()).origin !== origin).map((r) => r.url());
  expect(elsewhere, `${label}: requests outside the harness`).toEqual([]);
  expect(errors, `${label}: console errors and uncaught exceptions`).toEqual([]);
}

test.describe("React and Next.js snippets load the widget only on consent or click", () => {
  for (const target of TARGETS) {
    for (const major of WIDGET_MAJORS) {
      test(`${target} ${major}`, async ({ context }) => {
        const variants = VARIANTS.filter((v) => v.target === target && v.major === major);
        // Every model and both triggers.
        expect(new Set(variants.map((v) => v.config.model))).toEqual(
          new Set(["anonymous", "collect", "browser", "server"]),
        );
        expect(new Set(variants.map((v) => v.mode))).toEqual(new Set(MODES));
        // One page per variant, all at once: each waits mostly on the browser, not the CPU.
        const results = await Promise.allSettled(
          variants.map(async (variant) => {
            const page = await context.newPage();
            try {
              await runVariant(page, variant);
            } finally {
              await page.close();
            }
          }),
        );
        const failures = results.flatMap((result, i) =>
          result.status === "rejected"
            ? [
                `── ${variants[i]?.name}\n${result.reason instanceof Error ? result.reason.message : String(result.reason)}`,
              ]
            : [],
        );
        if (failures.length > 0)
          throw new Error(
            `${failures.length} of ${variants.length} variants failed:\n\n${failures.join("\n\n")}`,
          );
      });
    }
  }
});
