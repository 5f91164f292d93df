/**
 * The installation probe in real Chromium (issue 19): fixture pages on a made-up origin load a
 * stub widget script (it sets `openCXWidgetVersion`, defines `initOpenScript`, mounts the widget's
 * root and frames, and writes the widget's storage keys with sentinel values), the probe runs as
 * a user runs it (console source, and the bookmarklet), and its code pasted into the playground
 * gives the expected report. The probe never carries a storage value, a token, a signature or a
 * claim it does not list (sentinels), and sends no request.
 */
import { decodeProbe } from "../lib/doctor/probe";
import { probeBookmarklet, probeConsoleSource } from "../lib/doctor/probe-source";
import { DESKTOP, expect, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

test.use({ viewport: DESKTOP });

const SITE = "https://shop.example";
const V5 = "https://unpkg.com/@opencx/widget@5.0.0/dist-embed/script.js";
const V4_OLD = "https://unpkg.com/@opencx/widget@4.0.57/dist-embed/script.js";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
/** A stored contact token: owner claims the probe keeps, and sentinels it must drop. */
const STORED_TOKEN = [
  b64({ alg: "HS256", typ: "JWT" }),
  b64({
    sub: {
      type: "widget-contact",
      payload: { org_id: "org_shop", contact: { id: "contact_anna", verified: false } },
    },
    email: "SENTINEL_CLAIM_EMAIL@example.com",
    iat: 1764000000,
  }),
  "SENTINEL_SIGNATURE_abc123",
].join(".");
const CURRENT_TOKEN = [
  b64({ alg: "HS256" }),
  b64({ org_id: "org_shop", contact: { id: "contact_ben", verified: true } }),
  "SENTINEL_CURRENT_SIGNATURE",
].join(".");
const SENTINELS = [
  "SENTINEL_CLAIM_EMAIL",
  "SENTINEL_SIGNATURE",
  "SENTINEL_CURRENT_SIGNATURE",
  "SENTINEL_EXTERNAL_ID",
  "SENTINEL_APP_SECRET",
  "SENTINEL_QUERY",
  STORED_TOKEN,
  CURRENT_TOKEN,
];

/** The stub widget: what the real embed does that the probe can see (domain facts, helper-40). */
function stubWidget(version: string): string {
  return `
window.openCXWidgetVersion = ${JSON.stringify(version)};
window.initOpenScript = function (options) {
  var root = document.getElementById("opencx-root");
  if (!root) { root = document.createElement("div"); root.id = "opencx-root"; document.body.append(root); }
  var trigger = document.createElement("iframe"); trigger.title = "OpenCX Live Chat Trigger"; root.append(trigger);
  var chat = document.createElement("iframe"); chat.title = "OpenCX Live Chat"; root.append(chat);
  var prefix = "opencx-widget:org-token-" + options.token + ":";
  localStorage.setItem(prefix + "contact-token", ${JSON.stringify(STORED_TOKEN)});
  localStorage.setItem(prefix + "external-contact-id", "SENTINEL_EXTERNAL_ID");
  setInterval(function () { fetch("https://api.open.cx/backend/widget/v2/sessions").catch(function () {}); }, 500);
};`;
}

interface SiteOptions {
  body: string;
  csp?: string;
}

/** Serves a page of the made-up shop, the stub widget at its pins, and nothing else. */
async function openSite(page: Page, { body, csp }: SiteOptions): Promise<string[]> {
  const requests: string[] = [];
  await page.route("https://unpkg.com/**", (route) => {
    const url = route.request().url();
    const version = /@opencx\/widget@([^/]+)\//.exec(url)?.[1] ?? "5.0.0";
    return route.fulfill({ contentType: "text/javascript", body: stubWidget(version) });
  });
  await page.route("https://api.open.cx/**", (route) => {
    requests.push(route.request().url());
    return route.fulfill({ status: 204 });
  });
  await page.route(`${SITE}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      headers: csp ? { "Content-Security-Policy": csp } : {},
      body: `<!doctype html><html><head><title>Shop</title></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(`${SITE}/account?session=SENTINEL_QUERY`);
  await page.evaluate(() => localStorage.setItem("app-session", "SENTINEL_APP_SECRET"));
  return requests;
}

const INIT = `<script>window.addEventListener("DOMContentLoaded", () => window.initOpenScript({ token: "wt_shop" }));</script>`;

/** Runs the console probe as a user pastes it, optionally with their current user.token set. */
async function runProbe(page: Page, currentUserToken = ""): Promise<string> {
  const source = probeConsoleSource().replace(
    'const currentUserToken = "";',
    `const currentUserToken = ${JSON.stringify(currentUserToken)};`,
  );
  const code = await page.evaluate(source);
  expect(typeof code).toBe("string");
  return code as string;
}

function expectNoSentinel(code: string) {
  const decoded = JSON.stringify(decodeProbe(code));
  for (const sentinel of [...SENTINELS]) {
    expect(code).not.toContain(sentinel);
    expect(decoded).not.toContain(sentinel);
  }
}

test("probe: a page with the widget loaded twice and another person's stored contact", async ({
  page,
  playground,
}) => {
  const requests = await openSite(page, {
    // A tag manager added a second copy of the integration: two scripts, two initialisations.
    body: `<script defer src="${V5}"></script>${INIT}<script defer src="${V5}"></script>${INIT}`,
  });
  await expect(page.locator('iframe[title="OpenCX Live Chat"]')).toHaveCount(2);
  const before = requests.length;
  const code = await runProbe(page, CURRENT_TOKEN);
  expectNoSentinel(code);
  const decoded = decodeProbe(code);
  expect(decoded.ok).toBe(true);
  if (!decoded.ok) return;
  expect(decoded.facts).toMatchObject({
    origin: SITE,
    version: "5.0.0",
    initDefined: true,
    roots: 1,
    chatFrames: 2,
    triggerFrames: 2,
    inlineInits: 2,
    storage: "readable",
    keys: [
      "opencx-widget:org-token-wt_shop:contact-token",
      "opencx-widget:org-token-wt_shop:external-contact-id",
    ],
    stored: { org: "org_shop", contact: "contact_anna", verified: false },
    current: { org: "org_shop", contact: "contact_ben", verified: true },
  });
  expect(decoded.facts.scripts).toHaveLength(2);
  // The probe itself sent nothing: the only requests are the stub widget's own polling.
  expect(requests.slice(before).every((url) => url.includes("/backend/widget/"))).toBe(true);

  // Pasted back into the playground: what it collected, then the report.
  await playground.open();
  await page.getByTestId("code.doctor").click();
  const dialog = page.getByTestId("doctor.dialog");
  await dialog.getByTestId("doctor.tab.probe").click();
  await dialog.getByTestId("doctor.probe.code").fill(`VM12:96 ${code}`);
  await dialog.getByTestId("doctor.probe.read").click();
  await expect(dialog.getByTestId("doctor.probe.facts")).toContainText("contact_anna");
  const report = dialog.getByTestId("doctor.probe.report");
  await expect(report.locator('[data-rule="widget-loaded-twice"]')).toHaveCount(1);
  await expect(report.locator('[data-rule="stored-token-other-owner"]')).toHaveCount(1);
  await expect(dialog.getByTestId("doctor.status")).toContainText(
    "Probe code read: 1 error, 1 warning",
  );
});

test("probe: an old v4 pin, and a CSP that blocks the widget's API", async ({ page, csp }) => {
  csp.expect(
    (v) => v.blockedURI.startsWith("https://api.open.cx") || /api\.open\.cx/.test(v.directive),
  );
  await openSite(page, {
    body: `<script src="${V4_OLD}"></script>${INIT}`,
    csp: "default-src 'self'; script-src 'self' 'unsafe-inline' https://unpkg.com; connect-src 'self'",
  });
  const code = await runProbe(page);
  expectNoSentinel(code);
  const decoded = decodeProbe(code);
  expect(decoded.ok && decoded.facts.csp).toEqual(
    expect.arrayContaining([{ directive: "connect-src", blocked: "https://api.open.cx" }]),
  );
  expect(decoded.ok && decoded.facts.version).toBe("4.0.57");
  const { diagnoseProbe } = await import("../lib/doctor/probe");
  const rules = decoded.ok ? diagnoseProbe(decoded.facts).findings.map((f) => f.rule) : [];
  expect(rules).toEqual(
    expect.arrayContaining(["csp-blocks-widget", "v4-pin-outdated", "stored-contact"]),
  );
});

test("probe: the bookmarklet collects the same and shows the code to copy", async ({ page }) => {
  await openSite(page, { body: `<script defer src="${V5}"></script>${INIT}` });
  await page.evaluate(() => {
    (window as unknown as { prompt: (m: string, v: string) => void }).prompt = (_m, v) => {
      (window as unknown as { __probeCode: string }).__probeCode = v;
    };
  });
  const source = decodeURIComponent(probeBookmarklet().slice("javascript:".length));
  await page.evaluate(source);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __probeCode?: string }).__probeCode))
    .toMatch(/^OPENCX-PROBE-1:/);
  const code = (await page.evaluate(
    () => (window as unknown as { __probeCode: string }).__probeCode,
  ))!;
  expectNoSentinel(code);
  const decoded = decodeProbe(code);
  expect(decoded.ok && decoded.facts.chatFrames).toBe(1);
});

test("probe: a page without the widget", async ({ page }) => {
  await openSite(page, { body: "<main>Shop</main>" });
  const decoded = decodeProbe(await runProbe(page));
  expect(decoded.ok && decoded.facts).toMatchObject({
    version: null,
    scripts: [],
    roots: 0,
    keys: [],
    stored: null,
  });
});
