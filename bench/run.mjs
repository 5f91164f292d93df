#!/usr/bin/env node
/**
 * `npm run bench`: builds the production app, serves it with `next start`, measures
 * interaction latency, bytes, cold loads, the pure generators and the sandbox endpoint,
 * prints one table and writes bench/results/latest.json. See bench/README.md.
 *
 * Prints figures; never asserts targets. Exits non-zero only when a measurement could not be taken.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import LZString from "lz-string";
import {
  appDirFor,
  buildApp,
  exportRevision,
  freePort,
  snapshotSources,
  startServer,
} from "./lib/app.mjs";
import {
  launchBrowser,
  measureInteractions,
  measureLoads,
  measureSizes,
  VIEWPORT,
} from "./lib/browser.mjs";
import { measureEditorOpen } from "./lib/editor.mjs";
import { bundleTs, measureGeneration } from "./lib/generation.mjs";
import { ensureWrk, loadSandbox, probeSandbox } from "./lib/sandbox.mjs";
import { kb, ms } from "./lib/stats.mjs";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(BENCH_DIR, "..");
const RESULTS = path.join(BENCH_DIR, "results");
const SCRATCH = path.join(os.tmpdir(), "identity-playground-bench");
const env = process.env;
const num = (name, fallback) =>
  env[name] && Number.isFinite(Number(env[name])) ? Number(env[name]) : fallback;

const SETTINGS = {
  skipBuild: env.BENCH_SKIP_BUILD === "1",
  interactions: num("BENCH_INTERACTIONS", 200),
  loads: num("BENCH_LOADS", 10),
  editorOpens: num("BENCH_EDITOR_OPENS", 3),
  genConfigs: num("BENCH_GEN_CONFIGS", 10_000),
  sandboxSeconds: num("BENCH_SANDBOX_SECONDS", 30),
  sandboxConnections: num("BENCH_SANDBOX_CONNECTIONS", 16),
  trace: env.BENCH_TRACE === "1",
  profile: env.BENCH_PROFILE === "1",
  only: env.BENCH_ONLY ? new Set(env.BENCH_ONLY.split(",").map((s) => s.trim())) : null,
  /** A git ref to build and measure beside the work tree, for a before/after table from one run. */
  baseline: env.BENCH_BASELINE?.trim() || null,
};
const wanted = (part) => !SETTINGS.only || SETTINGS.only.has(part);

/** The share link of the default config on widget v4 (`v` is widgetVersion's urlKey, lib/url/codec.ts). */
const V4_ROUTE = `/?s=2.${LZString.compressToEncodedURIComponent(JSON.stringify({ v: "v4" }))}`;

const t0 = performance.now();
const log = (msg) =>
  process.stderr.write(
    `[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${msg}\n`,
  );

const failures = [];
const notes = [];
/** Every `next start` of the run (one per revision), stopped on exit. */
const servers = [];
let browser;

async function cleanup() {
  await browser?.close().catch(() => {});
  for (const server of servers) server.stop();
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

/** Runs one part for one revision; a thrown error is recorded as "could not be measured". */
async function part(rev, name, fn) {
  if (!wanted(name.replace(/-v4$/, ""))) return;
  log(`${name}${rev.id === "current" ? "" : ` (${rev.id})`}…`);
  try {
    rev.results[name] = await fn();
  } catch (error) {
    const message = String(error?.stack ?? error)
      .split("\n")
      .slice(0, 3)
      .join(" | ");
    failures.push({ part: name, revision: rev.id, error: message });
    log(`${name} (${rev.id}) FAILED: ${message}`);
  }
}

/**
 * How much other processes slow this one down: a fixed ~10 ms CPU workload timed 25 times over
 * about half a second. min ≈ the uncontended speed; median / min ≈ how contended the CPU is
 * (1.0 on an idle machine). Recorded at the start and at the end of the run.
 */
async function cpuContention() {
  const work = () => {
    let x = 0;
    for (let i = 0; i < 2_000_000; i++) x = (x * 31 + i) % 1_000_003;
    return x;
  };
  const times = [];
  let sink = 0;
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    sink += work();
    times.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 15));
  }
  times.sort((a, b) => a - b);
  const min = times[0];
  const med = times[12];
  return {
    minMs: +min.toFixed(2),
    medianMs: +med.toFixed(2),
    factor: +(med / min).toFixed(2),
    sink: sink % 7,
  };
}

function machine() {
  const cpus = os.cpus();
  let topCpu = null;
  try {
    topCpu = execFileSync("ps", ["-eo", "pcpu,comm", "--sort=-pcpu"], { encoding: "utf8" })
      .split("\n")
      .slice(1, 6)
      .map((l) => l.trim())
      .filter(Boolean);
  } catch {
    /* ps unavailable */
  }
  let nextVersion = null;
  try {
    nextVersion = JSON.parse(
      readFileSync(path.join(REPO, "node_modules", "next", "package.json"), "utf8"),
    ).version;
  } catch {
    /* not installed */
  }
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    next: nextVersion,
    loadAvgAtStart: os.loadavg().map((v) => +v.toFixed(2)),
    busiestProcessesAtStart: topCpu,
  };
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  mkdirSync(SCRATCH, { recursive: true });
  const info = {
    date: new Date().toISOString(),
    machine: machine(),
    settings: {
      ...SETTINGS,
      only: SETTINGS.only ? [...SETTINGS.only] : null,
      viewport: VIEWPORT,
      v4Route: V4_ROUTE,
    },
  };

  info.machine.contentionAtStart = await cpuContention();

  // wrk first, so an apt-get install never overlaps a measurement.
  if (wanted("sandbox")) info.wrk = ensureWrk(log) ?? null;

  // Build: the baseline revision first (when asked for), then the work tree.
  const appDir = appDirFor(REPO);
  info.appDir = appDir;
  const revisions = [];
  if (SETTINGS.baseline) {
    const baseDir = `${appDir}-baseline`;
    const srcDir = `${appDir}-baseline-src`;
    const rev = { id: "before", ref: SETTINGS.baseline, appDir: baseDir };
    if (SETTINGS.skipBuild) {
      if (!existsSync(path.join(baseDir, ".next", "BUILD_ID")))
        throw new Error(`BENCH_SKIP_BUILD=1 but there is no baseline build in ${baseDir}/.next`);
      rev.build = { reused: true };
      rev.commit = existsSync(path.join(baseDir, ".bench-commit"))
        ? readFileSync(path.join(baseDir, ".bench-commit"), "utf8").trim()
        : null;
    } else {
      rev.commit = exportRevision(REPO, SETTINGS.baseline, srcDir);
      log(`baseline ${SETTINGS.baseline} (${rev.commit.slice(0, 10)}) → ${baseDir}`);
      const { typeCheckSkipped } = snapshotSources(srcDir, baseDir, { modulesFrom: REPO });
      writeFileSync(path.join(baseDir, ".bench-commit"), `${rev.commit}\n`);
      log("next build (baseline)…");
      const buildMs = await buildApp(baseDir, path.join(RESULTS, "build-baseline.log"));
      rev.build = { reused: false, ms: Math.round(buildMs), typeCheckSkipped };
      log(`built the baseline in ${(buildMs / 1000).toFixed(1)} s`);
    }
    revisions.push(rev);
  }
  const current = { id: SETTINGS.baseline ? "after" : "current", ref: "work tree", appDir };
  try {
    current.commit = execFileSync("git", ["-C", REPO, "rev-parse", "HEAD"], {
      encoding: "utf8",
    }).trim();
    current.dirty =
      execFileSync("git", ["-C", REPO, "status", "--porcelain", "--untracked-files=no"], {
        encoding: "utf8",
      }).trim() !== "";
  } catch {
    /* not a git checkout */
  }
  if (SETTINGS.skipBuild) {
    if (!existsSync(path.join(appDir, ".next", "BUILD_ID")))
      throw new Error(`BENCH_SKIP_BUILD=1 but there is no build in ${appDir}/.next`);
    current.build = { reused: true };
    log(`reusing the build in ${appDir}`);
  } else {
    log(`snapshot of the sources → ${appDir}`);
    const { typeCheckSkipped } = snapshotSources(REPO, appDir);
    log("next build…");
    const buildMs = await buildApp(appDir, path.join(RESULTS, "build.log"));
    current.build = {
      reused: false,
      ms: Math.round(buildMs),
      typeCheckSkipped: Boolean(typeCheckSkipped),
    };
    log(`built in ${(buildMs / 1000).toFixed(1)} s`);
  }
  revisions.push(current);
  for (const rev of revisions) {
    rev.results = {};
    rev.libDir = existsSync(path.join(rev.appDir, "bench", "lib", "gen-entry.mjs"))
      ? rev.appDir
      : REPO;
  }
  info.build = current.build;

  // 4. Generation: in Node, before the servers and the browser exist (nothing else running).
  for (const rev of revisions)
    await part(rev, "generation", () =>
      measureGeneration(rev.libDir, { configs: SETTINGS.genConfigs }),
    );

  // Servers: one per revision, both up for the whole run, so each part measures the revisions
  // back to back (same minute, same machine load).
  for (const rev of revisions) {
    const port = await freePort();
    rev.server = await startServer(rev.appDir, {
      port,
      env: { SANDBOX_RATE_LIMIT_PER_MINUTE: "0" },
      logFile: path.join(RESULTS, rev.id === "before" ? "server-baseline.log" : "server.log"),
    });
    servers.push(rev.server);
    log(`next start (${rev.id}) on ${rev.server.baseUrl}`);
    // Warm the server's route modules so the first measured load is not a cold server.
    for (const route of ["/", V4_ROUTE, "/preview", "/embed", "/this-route-does-not-exist"])
      await fetch(`${rev.server.baseUrl}${route}`)
        .then((r) => r.arrayBuffer())
        .catch(() => {});
  }

  browser = await launchBrowser();
  info.machine.chromium = browser.version();

  const each = async (name, fn) => {
    for (const rev of revisions) await part(rev, name, () => fn(rev.server.baseUrl, rev));
  };
  await each("size", (url) => measureSizes(browser, url));
  await each("load", (url) => measureLoads(browser, url, SETTINGS.loads));
  await each("editor", (url) =>
    measureEditorOpen(browser, url, { samples: SETTINGS.editorOpens, viewport: VIEWPORT }),
  );
  // Interactions: a widget-v5 pass (the default, `/`) and a widget-v4 pass (the v4 share link).
  for (const [name, route] of [
    ["interactions", "/"],
    ["interactions-v4", V4_ROUTE],
  ]) {
    if (!wanted("interactions")) continue;
    await each(name, (url, rev) =>
      measureInteractions(browser, url, {
        count: SETTINGS.interactions,
        route,
        // Large files: kept out of the work tree (Prettier would choke on them).
        tracePath: SETTINGS.trace ? path.join(SCRATCH, `${name}-${rev.id}-trace.json`) : undefined,
        profilePath: SETTINGS.profile
          ? path.join(SCRATCH, `${name}-${rev.id}.cpuprofile`)
          : undefined,
      }),
    );
  }
  await browser.close();
  browser = undefined;
  info.machine.contentionAfterBrowser = await cpuContention();

  // 5. Sandbox: the work tree only.
  const sandboxRev = current;
  await part(sandboxRev, "sandbox", async () => {
    const baseUrl = sandboxRev.server.baseUrl;
    let apiKey;
    try {
      const bundle = await bundleTs(
        sandboxRev.libDir,
        path.join(sandboxRev.libDir, "bench", "lib", "sandbox-entry.mjs"),
        "sandbox",
      );
      ({ SANDBOX_API_KEY: apiKey } = await import(bundle));
    } catch (error) {
      return {
        measurable: false,
        reason: `lib/sandbox does not export SANDBOX_API_KEY yet (${String(error).split("\n")[0]})`,
      };
    }
    const probe = await probeSandbox(baseUrl, apiKey);
    if (probe.status === 404 || probe.status === 405)
      return {
        measurable: false,
        reason: `POST /api/widget/authenticate-user answered ${probe.status}: not built yet`,
        probe,
      };
    if (probe.status < 200 || probe.status > 299)
      return {
        measurable: false,
        reason: `a valid request was refused (${probe.status}): ${probe.body}`,
        probe,
      };
    return {
      measurable: true,
      probe: { status: probe.status },
      ...(await loadSandbox(baseUrl, apiKey, {
        seconds: SETTINGS.sandboxSeconds,
        connections: SETTINGS.sandboxConnections,
        log,
      })),
    };
  });

  for (const rev of revisions) {
    rev.server.stop();
    await rev.server.waitForExit();
    delete rev.server;
  }
  servers.length = 0;

  info.machine.loadAvgAtEnd = os.loadavg().map((v) => +v.toFixed(2));
  info.totalSeconds = Math.round((performance.now() - t0) / 1000);
  const report = {
    ...info,
    revisions: revisions.map(({ id, ref, commit, dirty, appDir: dir, build }) => ({
      id,
      ref,
      commit,
      dirty,
      appDir: dir,
      build,
    })),
    // The work tree's results at the top level, as before; the baseline's under `baseline`.
    results: current.results,
    baseline: SETTINGS.baseline ? revisions[0].results : undefined,
    failures,
    notes,
  };
  const table = renderTable(report);
  process.stdout.write(`${table}\n`);
  writeFileSync(
    path.join(RESULTS, "latest.json"),
    `${JSON.stringify({ ...report, table }, null, 2)}\n`,
  );
  log(`wrote ${path.relative(REPO, path.join(RESULTS, "latest.json"))}`);
  return failures.length === 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// The table

function buildText(build) {
  if (!build) return "n/a";
  if (build.reused) return "reused (BENCH_SKIP_BUILD=1)";
  return `next build ${(build.ms / 1000).toFixed(0)} s${build.typeCheckSkipped ? ", its type check skipped (bundles unaffected)" : ""}`;
}

/** The table's rows for one revision's results: [part, measurement, p50/value, p95, max, target, verdict]. */
function rowsFor(r, failures) {
  const rows = [];
  const row = (section, metric, a = "", b = "", c = "", target = "", verdict = "") =>
    rows.push([section, metric, a, b, c, target, verdict]);
  const verdict = (value, limit) => (value == null ? "" : value <= limit ? "met" : "MISSED");
  const unavailable = (section, name) => {
    const f = failures.find((x) => x.part === name);
    if (f) row(section, `could not be measured: ${f.error.slice(0, 90)}`);
    return Boolean(f) || !r[name];
  };

  // 1. Interactions
  for (const [name, version] of [
    ["interactions", "v5"],
    ["interactions-v4", "v4"],
  ]) {
    if (!wanted("interactions") || unavailable(`1 ${version}`, name)) continue;
    const i = r[name];
    const s = (x) => [ms(x.p50), ms(x.p95), ms(x.max)];
    if (i.profiled)
      row(`1 ${version}`, "CPU profiler was on (BENCH_PROFILE=1): latencies below are inflated");
    row(
      `1 ${version}`,
      `${i.measured} of ${i.count} changed the page (${i.noVisibleChange} no change, ${i.failed} failed, ${i.timedOut} timed out)`,
    );
    row(
      `1 ${version}`,
      "visible: input → next frame rendered (rAF + task)",
      ...s(i.visible),
      "p95 ≤ 16.7 ms",
      verdict(i.visible.p95, 16.7),
    );
    row(
      `1 ${version}`,
      "  input → DOM commit (last of code/preview)",
      ...s(i.commit),
      "p95 ≤ 8 ms",
      verdict(i.commit.p95, 8),
    );
    row(`1 ${version}`, "  input → next frame starts (rAF)", ...s(i.nextFrame));
    row(`1 ${version}`, "  input event queued before handler", ...s(i.dispatchDelay));
    row(
      `1 ${version}`,
      `highlighted: input → coloured frame (n=${i.highlighted.n})`,
      ...s(i.highlighted),
      "p95 ≤ 33 ms",
      verdict(i.highlighted.p95, 33),
    );
    for (const [category, c] of Object.entries(i.byCategory)) {
      if (!c.n) continue;
      row(`1 ${version} by kind`, `${category} (n=${c.n}): visible`, ...s(c.visible));
      if (c.highlighted.n)
        row(
          `1 ${version} by kind`,
          `${category} (n=${c.highlighted.n}): highlighted`,
          ...s(c.highlighted),
        );
    }
    if (i.notHighlighted)
      row(`1 ${version}`, `${i.notHighlighted} changes never got colours within 5 s`);
  }

  // 2. Size
  if (wanted("size") && !unavailable("2 size", "size")) {
    const z = r.size;
    const ratio = (bytes) => (z.floor.bytes ? `${(bytes / z.floor.bytes).toFixed(2)}× floor` : "");
    const withRatio = (bytes) => (z.floor.bytes ? `${kb(bytes)} · ${ratio(bytes)}` : kb(bytes));
    const ratioVerdict = (bytes, limit) =>
      z.floor.bytes ? verdict(+(bytes / z.floor.bytes).toFixed(2), limit) : "";
    row(
      "2 size",
      `floor: the app's 404 page (${z.floor.route} → ${z.floor.status}), JS gzip`,
      kb(z.floor.bytes),
      "",
      "",
      "",
      "1.00× floor",
    );
    row(
      "2 size",
      `first-load JS / (incl. ${kb(z.playground.iframeBytes)} for the preview iframe)`,
      withRatio(z.playground.bytes),
      "",
      "",
      "≤ 1.5× floor",
      ratioVerdict(z.playground.bytes, 1.5),
    );
    row("2 size", "first-load JS /preview", withRatio(z.preview.bytes));
    row(
      "2 size",
      `first change → first re-highlight: JS (${z.firstHighlight.files.length} files, ${ms(z.firstHighlight.ms, 0)})`,
      kb(z.firstHighlight.bytes),
    );
    row(
      "2 size",
      `idle warm-up prefetch after that (${z.idleWarmUp.files.length} files)`,
      kb(z.idleWarmUp.bytes),
    );
    row(
      "2 size",
      `verified → Python tab first shown (${z.pythonTab.files.length} files, ${ms(z.pythonTab.ms, 0)})`,
      kb(z.pythonTab.bytes),
    );
    row(
      "2 size",
      "  Python grammar chunk on its own (if not prefetched)",
      z.pythonGrammarChunk ? kb(z.pythonGrammarChunk.bytes) : "not found",
    );
    row(
      "2 size",
      z.embed.bytes != null ? "first-load JS /embed (until its load event)" : "/embed",
      z.embed.status === 404
        ? "not built yet (404)"
        : z.embed.bytes != null
          ? withRatio(z.embed.bytes)
          : `HTTP ${z.embed.status}`,
      "",
      "",
      "≤ 1.3× floor",
      z.embed.bytes != null ? ratioVerdict(z.embed.bytes, 1.3) : "",
    );
  }

  // 3. Load
  if (wanted("load") && !unavailable("3 load", "load")) {
    const l = r.load;
    const n = `median of ${l.runs - l.failed}${l.failed ? ` (${l.failed} failed)` : ""}`;
    row(
      "3 cold load",
      `first usable playground (${n})`,
      ms(l.median.usable, 0),
      "",
      "",
      "≤ 500 ms",
      verdict(l.median.usable, 500),
    );
    row(
      "3 cold load",
      "  controls interactive (radio click → code commit + frame)",
      ms(l.median.controlsInteractive, 0),
    );
    row(
      "3 cold load",
      "  preview rendered (#opencx-widget in the iframe)",
      ms(l.median.previewRendered, 0),
    );
    row("3 cold load", "  hydrated (first React commit)", ms(l.median.hydrated, 0));
    row("3 cold load", "  first contentful paint", ms(l.median.fcp, 0));
    row(
      "3 cold load",
      "  TTFB · DOMContentLoaded · load event",
      `${ms(l.median.ttfb, 0)} · ${ms(l.median.domContentLoaded, 0)} · ${ms(l.median.loadEvent, 0)}`,
    );
  }

  // 3b. Options editor
  if (wanted("editor") && !unavailable("3 editor", "editor")) {
    const e = r.editor;
    const n = `median of ${e.samples}, cold cache`;
    row("3 editor", `"Edit options as code" click → editor ready (${n})`, ms(e.median.readyMs, 0));
    row(
      "3 editor",
      "  click → TypeScript worker answered (completion, hover, markers)",
      ms(e.median.languageMs, 0),
    );
    row("3 editor", "  JS fetched for it (gzip)", kb(e.median.bytes));
  }

  // 4. Generation
  if (wanted("generation") && !unavailable("4 generation", "generation")) {
    const g = r.generation;
    const s = (x) => [ms(x.p50, 3), ms(x.p95, 3), ms(x.max, 1)];
    row(
      "4 generation",
      `generateSnippets + lintConfig + simulateLoad (${g.configs} configs)`,
      ...s(g.total),
      "median < 1 ms",
      verdict(g.total.p50, 1),
    );
    row("4 generation", "  generateSnippets", ...s(g.generateSnippets));
    row("4 generation", "  lintConfig", ...s(g.lintConfig));
    row("4 generation", "  simulateLoad", ...s(g.simulateLoad));
  }

  // 5. Sandbox
  if (wanted("sandbox") && !unavailable("5 sandbox", "sandbox")) {
    const b = r.sandbox;
    if (!b.measurable)
      row("5 sandbox", `POST /api/widget/authenticate-user: not yet measurable (${b.reason})`);
    else {
      row(
        "5 sandbox",
        `POST authenticate-user: req/s (${b.tool}, ${b.connections} conns, ${b.seconds} s)`,
        b.rps.toFixed(0),
      );
      row("5 sandbox", "  latency p50 / p99 / max", ms(b.p50), ms(b.p99), ms(b.max));
      row(
        "5 sandbox",
        `  non-2xx responses (of ${b.requests})`,
        String(b.non2xx),
        b.socketErrors ? `${b.socketErrors} socket errors` : "",
      );
    }
  }

  return rows;
}

function renderTable(report) {
  const { machine: m } = report;
  const after = report.revisions.at(-1);
  const before = report.baseline ? report.revisions[0] : null;
  const failuresOf = (id) => report.failures.filter((f) => (f.revision ?? id) === id);
  const afterRows = rowsFor(report.results, failuresOf(after.id));
  let head;
  let rows;
  if (!before) {
    head = ["part", "measurement", "p50 / value", "p95", "max", "target", ""];
    rows = afterRows;
  } else {
    // Side by side: rows matched on part + measurement with their counts (n=…) blanked out.
    const key = (row) => `${row[0]}|${String(row[1]).replace(/\d+(\.\d+)?/g, "#")}`;
    const beforeRows = new Map(
      rowsFor(report.baseline, failuresOf(before.id)).map((row) => [key(row), row]),
    );
    head = [
      "part",
      "measurement",
      "before p50 / value",
      "before p95",
      "after p50 / value",
      "after p95",
      "target",
      "after",
    ];
    rows = afterRows.map((row) => {
      const b = beforeRows.get(key(row));
      return [row[0], row[1], b?.[2] ?? "", b?.[3] ?? "", row[2], row[3], row[5], row[6]];
    });
  }
  const numeric = (c) => c >= 2 && c < head.length - 2;
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((x) => String(x[c]).length)));
  const line = (cells) =>
    cells
      .map((cell, c) =>
        numeric(c) ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]),
      )
      .join(" │ ")
      .trimEnd();
  const sep = widths.map((w) => "─".repeat(w)).join("─┼─");
  const title = [
    `Identity Playground bench · ${report.date}`,
    `${m.cpuModel} · ${m.cores} cores · ${m.memoryGiB} GiB · Node ${m.node} · Chromium ${m.chromium ?? "?"} · Next ${m.next} · viewport ${VIEWPORT.width}×${VIEWPORT.height} headless`,
    `load average ${m.loadAvgAtStart.join(" / ")} at start, ${m.loadAvgAtEnd?.join(" / ")} at end · CPU contention ${m.contentionAtStart?.factor}× at start, ${m.contentionAfterBrowser?.factor ?? "?"}× after the browser parts (median ÷ min of a fixed workload; 1.0 = idle)`,
    ...report.revisions.map(
      (rev) =>
        `${rev.id}: ${rev.ref}${rev.commit ? ` @ ${rev.commit.slice(0, 10)}${rev.dirty ? " + uncommitted changes" : ""}` : ""} · build: ${buildText(rev.build)} · app copy ${rev.appDir}`,
    ),
    `interactions: widget v5 on /, widget v4 on ${report.settings.v4Route} · total ${report.totalSeconds} s`,
  ];
  return [...title, "", line(head), sep, ...rows.map(line)].join("\n");
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    log(`could not run: ${error?.stack ?? error}`);
    await cleanup();
    process.exit(1);
  });
