/**
 * Browser measurements (Chromium through Playwright): bytes, cold loads, interaction latency.
 */
import { existsSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { installInteractionHarness, loadProbeInitScript } from "./page-harness.mjs";
import { PLAYGROUND_READY, absNow, firstLoad as firstLoadIn, sumPageJs } from "./first-load.mjs";
import { interactionPlan, warmUpPlan } from "./interactions.mjs";
import { median, summary } from "./stats.mjs";

/** 2xl layout: controls, preview and code are all on screen, as on a desktop monitor. */
export const VIEWPORT = { width: 1600, height: 1000 };

export async function launchBrowser() {
  const executablePath = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/lib/chromium/chromium",
  ].find((p) => p && existsSync(p));
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Which shiki grammar (if any) a lazily loaded chunk carries. */
async function grammarsIn(row) {
  try {
    const text = await (await row.req.response()).text();
    return [
      ...new Set(
        [...text.matchAll(/scopeName\\?"\s*:\s*\\?"((?:source|text)\.[\w.]+)/g)].map((m) => m[1]),
      ),
    ];
  } catch {
    return [];
  }
}

const firstLoad = (browser, url, ready) => firstLoadIn(browser, url, ready, { viewport: VIEWPORT });

/** First-load JS of one route: `ready` says when it is usable, `settle` lets late requests finish. */
async function routeBytes(browser, baseUrl, route, ready, settle) {
  const { context, page, collect, readyAt, status } = await firstLoad(
    browser,
    baseUrl + route,
    ready,
  );
  await settle(page);
  const rows = await collect();
  await context.close();
  return {
    route,
    status,
    bytes: sumPageJs(rows, 0, readyAt),
    files: rows
      .filter((r) => r.js && r.start <= readyAt)
      .map((r) => ({ url: r.url, bytes: r.bytes })),
  };
}

/**
 * Gzip bytes of JS transferred: first load of `/`, `/preview` and the floor (the app's 404
 * page from the same build), then on `/`: from the first change to the first re-highlight,
 * the idle warm-up, and switching to verified + the Python tab.
 */
export async function measureSizes(browser, baseUrl) {
  const out = {};

  // Floor: an unknown route renders the app's 404 page (server-rendered per request, for the
  // CSP nonce): React + the Next runtime + one <Link>, none of the playground.
  out.floor = await routeBytes(
    browser,
    baseUrl,
    "/this-route-does-not-exist",
    () => document.readyState === "complete",
    (page) => page.waitForLoadState("networkidle"),
  );

  // /preview on its own.
  out.preview = await routeBytes(
    browser,
    baseUrl,
    "/preview",
    () =>
      Boolean(
        document.querySelector("main[data-ready]") && document.getElementById("opencx-widget"),
      ),
    (page) => page.waitForTimeout(300),
  );

  // The playground, then its lazy highlighting.
  {
    const { context, page, collect, readyAt, status } = await firstLoad(
      browser,
      `${baseUrl}/`,
      PLAYGROUND_READY,
    );
    // First change, right after the page became interactive.
    const first = await page.evaluate(changeAndWaitHighlighted, {
      radio: "controls.identity.model.collect",
      tab: null,
    });
    // Idle: the code panel's warm-up compiles grammars and preloads the others.
    await page.waitForTimeout(6000);
    await page.waitForLoadState("networkidle");
    const idleEnd = await page.evaluate(absNow);
    const python = await page.evaluate(changeAndWaitHighlighted, {
      radio: "controls.identity.model.server",
      tab: "python",
    });
    await page.waitForTimeout(1000);
    const rows = await collect();
    const main = rows.filter((r) => r.js && r.start <= readyAt);
    out.playground = {
      route: "/",
      status,
      bytes: sumPageJs(rows, 0, readyAt),
      iframeBytes: main.filter((r) => r.frame === "iframe").reduce((n, r) => n + r.bytes, 0),
      files: main.map((r) => ({ url: r.url, bytes: r.bytes, frame: r.frame })),
    };
    const lazyRows = rows.filter((r) => r.js && r.start > readyAt);
    const lazy = [];
    for (const r of lazyRows)
      lazy.push({ url: r.url, bytes: r.bytes, start: r.start, grammars: await grammarsIn(r) });
    const phase = (from, to) => lazy.filter((r) => r.start > from && r.start <= to);
    const bytesOf = (list) => list.reduce((n, r) => n + r.bytes, 0);
    const firstEnd = first.highlightedAt ?? first.clickAt;
    out.firstHighlight = {
      ms: first.highlightedAt === null ? null : first.highlightedAt - first.clickAt,
      bytes: bytesOf(phase(readyAt, firstEnd)),
      files: phase(readyAt, firstEnd),
      highlighted: first.highlightedAt !== null,
    };
    out.idleWarmUp = { bytes: bytesOf(phase(firstEnd, idleEnd)), files: phase(firstEnd, idleEnd) };
    const pyEnd = python.highlightedAt ?? Infinity;
    out.pythonTab = {
      ms: python.highlightedAt === null ? null : python.highlightedAt - python.clickAt,
      bytes: bytesOf(phase(python.clickAt, pyEnd)),
      files: phase(python.clickAt, pyEnd),
      highlighted: python.highlightedAt !== null,
    };
    const pythonChunk = lazy.find((r) => r.grammars.includes("source.python"));
    out.pythonGrammarChunk = pythonChunk
      ? { url: pythonChunk.url, bytes: pythonChunk.bytes }
      : null;
    await context.close();
  }

  // Routes that may not exist yet.
  // /embed is being built: measured when it answers 200, with the load event as "ready"
  // (it has no readiness marker the bench knows of).
  out.embed = { route: "/embed", status: (await fetch(`${baseUrl}/embed`)).status, bytes: null };
  if (out.embed.status === 200) {
    const { context, page, collect } = await firstLoad(
      browser,
      `${baseUrl}/embed`,
      () => document.readyState === "complete",
    );
    const loadEnd = await page.evaluate(
      () => performance.timeOrigin + performance.getEntriesByType("navigation")[0].loadEventEnd,
    );
    await page.waitForLoadState("networkidle");
    const rows = await collect();
    out.embed.bytes = sumPageJs(rows, 0, loadEnd);
    out.embed.files = rows
      .filter((r) => r.js && r.start <= loadEnd)
      .map((r) => ({ url: r.url, bytes: r.bytes, frame: r.frame }));
    await context.close();
  }
  return out;
}

/** In the page: optionally switch model, optionally open a tab, resolve once every visible block is coloured. */
async function changeAndWaitHighlighted({ radio, tab }) {
  const abs = () => performance.timeOrigin + performance.now();
  const panel = document.querySelector('[data-testid="code.panel"]');
  const before = panel.textContent;
  const clickAt = abs();
  document.querySelector(`[data-testid="${radio}"]`).click();
  const done = () => {
    if (tab) {
      const tabButton = document.querySelector(`[data-testid="code.tab.${tab}"]`);
      if (!tabButton) return false;
      if (tabButton.getAttribute("aria-selected") !== "true") {
        tabButton.click();
        return false;
      }
    }
    const blocks = panel.querySelectorAll('[role="tabpanel"] pre[data-highlighted]');
    return (
      panel.textContent !== before &&
      blocks.length > 0 &&
      [...blocks].every((b) => b.getAttribute("data-highlighted") === "true")
    );
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ clickAt, highlightedAt: null });
    }, 20_000);
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve({ clickAt, highlightedAt: abs() });
    });
    observer.observe(panel, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

/** Median of `runs` cold loads of `/`, each in a fresh context (empty cache), after one unmeasured load. */
export async function measureLoads(browser, baseUrl, runs) {
  const samples = [];
  for (let i = -1; i < runs; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(loadProbeInitScript);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`, { waitUntil: "commit" });
    let sample;
    try {
      await page.waitForFunction(
        () => window.__loadProbe?.respondedFrameAt && window.__loadProbe?.previewAt,
        null,
        { timeout: 30_000 },
      );
      sample = await page.evaluate(() => {
        const p = window.__loadProbe;
        const origin = performance.timeOrigin;
        const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
        const nav = performance.getEntriesByType("navigation")[0];
        return {
          ttfb: nav?.responseStart ?? null,
          domContentLoaded: nav?.domContentLoadedEventEnd || null,
          loadEvent: nav?.loadEventEnd || null,
          fcp,
          hydrated: p.hydratedAt - origin,
          controlsInteractive: p.respondedFrameAt - origin,
          previewRendered: p.previewAt - origin,
          usable: Math.max(p.respondedFrameAt, p.previewAt) - origin,
        };
      });
    } catch (error) {
      const probe = await page.evaluate(() => window.__loadProbe).catch(() => null);
      sample = { error: String(error).split("\n")[0], probe };
    }
    await context.close();
    if (i >= 0) samples.push(sample);
  }
  const ok = samples.filter((s) => !s.error);
  const med = (k) => median(ok.map((s) => s[k]));
  return {
    runs,
    failed: samples.length - ok.length,
    median: {
      ttfb: med("ttfb"),
      domContentLoaded: med("domContentLoaded"),
      loadEvent: med("loadEvent"),
      fcp: med("fcp"),
      hydrated: med("hydrated"),
      controlsInteractive: med("controlsInteractive"),
      previewRendered: med("previewRendered"),
      usable: med("usable"),
    },
    samples,
  };
}

const CATEGORY = {
  "switch model": "model switch",
  "toggle collectUserData": "toggle",
  "add extra field": "extra field add/remove",
  "remove extra field": "extra field add/remove",
  "select widget language": "select / paste",
  "select serverLanguage": "select / paste",
  "paste primary colour": "select / paste",
};
const categoryOf = (label) => CATEGORY[label] ?? "typing (one key)";

async function waitSettled(page, timeoutMs) {
  const started = Date.now();
  await page.waitForTimeout(120);
  for (;;) {
    const s = await page.evaluate(() => window.__bench.status());
    if (s.started && s.framesDone && s.quietFor >= 300 && s.highlighted) return { timedOut: false };
    if (s.started && s.framesDone && s.quietFor >= 300 && s.mutations === 0)
      return { timedOut: false };
    if (Date.now() - started > timeoutMs) return { timedOut: true, status: s };
    await page.waitForTimeout(40);
  }
}

/** A step whose effects are waited for but not recorded. */
async function unmeasured(page, step) {
  await page.evaluate((t) => window.__bench.arm(t), step.event);
  await perform(page, step);
  await waitSettled(page, 10_000);
  await page.evaluate(() => window.__bench.finish());
}

async function perform(page, step) {
  const target = page.getByTestId(step.testId);
  if (step.kind === "click") await target.click();
  else if (step.kind === "key") await page.keyboard.press(step.key);
  else if (step.kind === "fill") await target.fill(step.value);
  else if (step.kind === "select") await target.selectOption(step.value);
}

async function prepare(page, step) {
  if (step.fillFirst) await page.getByTestId(step.fillFirst.testId).fill(step.fillFirst.value);
  if (step.kind === "key" && step.focus) {
    const field = page.getByTestId(step.testId);
    await field.focus();
    await field.press("End");
  }
}

/**
 * The scripted interactions, each measured from the input event's timeStamp (see page-harness.mjs),
 * on `route` (`/`, or a share link such as the widget-v4 one).
 * `tracePath`: also record a Chromium performance trace of the run.
 */
export async function measureInteractions(
  browser,
  baseUrl,
  { count, route = "/", tracePath, profilePath },
) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${baseUrl}${route}`, { waitUntil: "load" });
  await page.waitForFunction(PLAYGROUND_READY, null, { timeout: 30_000 });
  await page.evaluate(installInteractionHarness);
  await page.waitForLoadState("networkidle");

  // Warm-up (not measured): every model once, then idle so the highlighter's warm-up finishes.
  for (const step of warmUpPlan()) await unmeasured(page, step);
  await page.waitForTimeout(2000);

  if (tracePath) await browser.startTracing(page, { path: tracePath, screenshots: false });
  let profiler;
  if (profilePath) {
    profiler = await context.newCDPSession(page);
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.setSamplingInterval", { interval: 100 });
    await profiler.send("Profiler.start");
  }
  const results = [];
  for (const step of interactionPlan(count)) {
    await prepare(page, step);
    let error = null;
    let settled = { timedOut: false };
    await page.evaluate((t) => window.__bench.arm(t), step.event);
    try {
      await perform(page, step);
      settled = await waitSettled(page, 5000);
    } catch (e) {
      error = String(e).split("\n")[0];
    }
    const m = await page.evaluate(() => window.__bench.finish());
    const parts = [m.code, m.preview].filter(Boolean);
    const pick = (k) =>
      parts.length && parts.every((p) => p[k] !== null)
        ? Math.max(...parts.map((p) => p[k]))
        : null;
    results.push({
      label: step.label,
      category: categoryOf(step.label),
      testId: step.testId,
      key: step.key ?? step.value ?? step.note ?? null,
      error,
      timedOut: settled.timedOut,
      started: m.started,
      codeChanged: m.codeChanged,
      previewChanged: m.previewChanged,
      dispatchDelay: m.dispatchDelay,
      commit: pick("commit"),
      nextFrame: pick("raf"),
      visible: pick("after"),
      codeVisible: m.code?.after ?? null,
      previewVisible: m.preview?.after ?? null,
      highlighted: m.highlighted?.after ?? null,
      notHighlighted: m.codeChanged && !m.finalHighlighted,
    });
    // Server fields only show in the server snippets: look at the Node tab while in that model
    // (unmeasured), as someone editing them would. Other models fall back to the first tab.
    if (step.label === "switch model" && step.note === "server")
      await unmeasured(page, { kind: "click", testId: "code.tab.node", event: "click" });
  }
  if (tracePath) await browser.stopTracing();
  let profileTop = null;
  if (profiler) {
    const { profile } = await profiler.send("Profiler.stop");
    writeFileSync(profilePath, JSON.stringify(profile));
    profileTop = topSelfTime(profile, 25);
  }
  await context.close();

  const measured = results.filter(
    (r) => r.started && !r.error && (r.codeChanged || r.previewChanged),
  );
  const byCategory = {};
  for (const category of [...new Set(results.map((r) => r.category))]) {
    const rows = measured.filter((r) => r.category === category);
    byCategory[category] = {
      n: rows.length,
      visible: summary(rows.map((r) => r.visible)),
      highlighted: summary(rows.filter((r) => r.codeChanged).map((r) => r.highlighted)),
    };
  }
  return {
    count: results.length,
    measured: measured.length,
    noVisibleChange: results.filter(
      (r) => r.started && !r.error && !r.codeChanged && !r.previewChanged,
    ).length,
    failed: results.filter((r) => r.error || !r.started).length,
    timedOut: results.filter((r) => r.timedOut).length,
    codeChanged: measured.filter((r) => r.codeChanged).length,
    previewChanged: measured.filter((r) => r.previewChanged).length,
    notHighlighted: results.filter((r) => r.notHighlighted).length,
    dispatchDelay: summary(measured.map((r) => r.dispatchDelay)),
    commit: summary(measured.map((r) => r.commit)),
    nextFrame: summary(measured.map((r) => r.nextFrame)),
    visible: summary(measured.map((r) => r.visible)),
    highlighted: summary(measured.filter((r) => r.codeChanged).map((r) => r.highlighted)),
    byCategory,
    pageErrors: errors,
    profiled: Boolean(profilePath),
    profileTop,
    results,
  };
}

/** Self time per function of a V8 CPU profile (all threads of the page's renderer main thread). */
function topSelfTime(profile, n) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url ? new URL(f.url, "http://x").pathname.split("/").pop() : ""}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, msSelf]) => ({ fn, ms: +msSelf.toFixed(1), share: +(msSelf / total).toFixed(3) }));
}
