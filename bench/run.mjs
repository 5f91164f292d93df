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
import { appDirFor, buildApp, freePort, snapshotSources, startServer } from "./lib/app.mjs";
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
};
const wanted = (part) => !SETTINGS.only || SETTINGS.only.has(part);

const t0 = performance.now();
const log = (msg) =>
  process.stderr.write(
    `[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${msg}\n`,
  );

const failures = [];
const notes = [];
const results = {};
let server;
let browser;

async function cleanup() {
  await browser?.close().catch(() => {});
  server?.stop();
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

/** Runs one part; a thrown error is recorded as "could not be measured". */
async function part(name, fn) {
  if (!wanted(name)) return;
  log(`${name}…`);
  try {
    results[name] = await fn();
  } catch (error) {
    const message = String(error?.stack ?? error)
      .split("\n")
      .slice(0, 3)
      .join(" | ");
    failures.push({ part: name, error: message });
    log(`${name} FAILED: ${message}`);
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
    settings: { ...SETTINGS, only: SETTINGS.only ? [...SETTINGS.only] : null, viewport: VIEWPORT },
  };

  info.machine.contentionAtStart = await cpuContention();

  // wrk first, so an apt-get install never overlaps a measurement.
  if (wanted("sandbox")) info.wrk = ensureWrk(log) ?? null;

  // Build.
  const appDir = appDirFor(REPO);
  info.appDir = appDir;
  if (SETTINGS.skipBuild) {
    if (!existsSync(path.join(appDir, ".next", "BUILD_ID")))
      throw new Error(`BENCH_SKIP_BUILD=1 but there is no build in ${appDir}/.next`);
    info.build = { reused: true };
    log(`reusing the build in ${appDir}`);
  } else {
    log(`snapshot of the sources → ${appDir}`);
    const { typeCheckSkipped } = snapshotSources(REPO, appDir);
    log("next build…");
    const buildMs = await buildApp(appDir, path.join(RESULTS, "build.log"));
    info.build = {
      reused: false,
      ms: Math.round(buildMs),
      typeCheckSkipped: Boolean(typeCheckSkipped),
    };
    log(`built in ${(buildMs / 1000).toFixed(1)} s`);
  }
  const libDir = existsSync(path.join(appDir, "bench", "lib", "gen-entry.mjs")) ? appDir : REPO;

  // 4. Generation: in Node, before the server and the browser exist (nothing else running).
  await part("generation", () => measureGeneration(libDir, { configs: SETTINGS.genConfigs }));

  // Server.
  const port = await freePort();
  server = await startServer(appDir, {
    port,
    env: { SANDBOX_RATE_LIMIT_PER_MINUTE: "0" },
    logFile: path.join(RESULTS, "server.log"),
  });
  log(`next start on ${server.baseUrl}`);
  // Warm the server's route modules so the first measured load is not a cold server.
  for (const route of ["/", "/preview", "/this-route-does-not-exist"])
    await fetch(`${server.baseUrl}${route}`)
      .then((r) => r.arrayBuffer())
      .catch(() => {});

  browser = await launchBrowser();
  info.machine.chromium = browser.version();

  await part("size", () => measureSizes(browser, server.baseUrl));
  await part("load", () => measureLoads(browser, server.baseUrl, SETTINGS.loads));
  await part("editor", () =>
    measureEditorOpen(browser, server.baseUrl, {
      samples: SETTINGS.editorOpens,
      viewport: VIEWPORT,
    }),
  );
  await part("interactions", () =>
    measureInteractions(browser, server.baseUrl, {
      count: SETTINGS.interactions,
      // Large files: kept out of the work tree (Prettier would choke on them).
      tracePath: SETTINGS.trace ? path.join(SCRATCH, "interactions-trace.json") : undefined,
      profilePath: SETTINGS.profile ? path.join(SCRATCH, "interactions.cpuprofile") : undefined,
    }),
  );
  await browser.close();
  browser = undefined;
  info.machine.contentionAfterBrowser = await cpuContention();

  // 5. Sandbox.
  await part("sandbox", async () => {
    let apiKey;
    try {
      const bundle = await bundleTs(
        libDir,
        path.join(libDir, "bench", "lib", "sandbox-entry.mjs"),
        "sandbox",
      );
      ({ SANDBOX_API_KEY: apiKey } = await import(bundle));
    } catch (error) {
      return {
        measurable: false,
        reason: `lib/sandbox does not export SANDBOX_API_KEY yet (${String(error).split("\n")[0]})`,
      };
    }
    const probe = await probeSandbox(server.baseUrl, apiKey);
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
      ...(await loadSandbox(server.baseUrl, apiKey, {
        seconds: SETTINGS.sandboxSeconds,
        connections: SETTINGS.sandboxConnections,
        log,
      })),
    };
  });

  server.stop();
  await server.waitForExit();
  server = undefined;

  info.machine.loadAvgAtEnd = os.loadavg().map((v) => +v.toFixed(2));
  info.totalSeconds = Math.round((performance.now() - t0) / 1000);
  const report = { ...info, results, failures, notes };
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

function renderTable(report) {
  const { machine: m, results: r } = report;
  const rows = [];
  const row = (section, metric, a = "", b = "", c = "", target = "", verdict = "") =>
    rows.push([section, metric, a, b, c, target, verdict]);
  const verdict = (value, limit) => (value == null ? "" : value <= limit ? "met" : "MISSED");
  const unavailable = (section, name) => {
    const f = report.failures.find((x) => x.part === name);
    if (f) row(section, `could not be measured: ${f.error.slice(0, 90)}`);
    return Boolean(f) || !r[name];
  };

  // 1. Interactions
  if (wanted("interactions") && !unavailable("1 interaction", "interactions")) {
    const i = r.interactions;
    const s = (x) => [ms(x.p50), ms(x.p95), ms(x.max)];
    if (i.profiled)
      row("1 interaction", "CPU profiler was on (BENCH_PROFILE=1): latencies below are inflated");
    row(
      "1 interaction",
      `${i.measured} of ${i.count} changed the page (${i.noVisibleChange} no change, ${i.failed} failed, ${i.timedOut} timed out)`,
    );
    row(
      "1 interaction",
      "visible: input → next frame rendered (rAF + task)",
      ...s(i.visible),
      "p95 ≤ 16.7 ms",
      verdict(i.visible.p95, 16.7),
    );
    row("1 interaction", "  input → DOM commit (last of code/preview)", ...s(i.commit));
    row("1 interaction", "  input → next frame starts (rAF)", ...s(i.nextFrame));
    row("1 interaction", "  input event queued before handler", ...s(i.dispatchDelay));
    row(
      "1 interaction",
      `highlighted: input → coloured frame (n=${i.highlighted.n})`,
      ...s(i.highlighted),
      "p95 ≤ 50 ms",
      verdict(i.highlighted.p95, 50),
    );
    for (const [category, c] of Object.entries(i.byCategory)) {
      if (!c.n) continue;
      row("1 by kind", `${category} (n=${c.n}): visible`, ...s(c.visible));
      if (c.highlighted.n)
        row("1 by kind", `${category} (n=${c.highlighted.n}): highlighted`, ...s(c.highlighted));
    }
    if (i.notHighlighted)
      row("1 interaction", `${i.notHighlighted} changes never got colours within 5 s`);
  }

  // 2. Size
  if (wanted("size") && !unavailable("2 size", "size")) {
    const z = r.size;
    const ratio = (bytes) => (z.floor.bytes ? `${(bytes / z.floor.bytes).toFixed(2)}× floor` : "");
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
      kb(z.playground.bytes),
      "",
      "",
      "",
      ratio(z.playground.bytes),
    );
    row(
      "2 size",
      "first-load JS /preview",
      kb(z.preview.bytes),
      "",
      "",
      "",
      ratio(z.preview.bytes),
    );
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
          ? kb(z.embed.bytes)
          : `HTTP ${z.embed.status}`,
      "",
      "",
      "",
      z.embed.bytes != null ? ratio(z.embed.bytes) : "",
    );
  }

  // 3. Load
  if (wanted("load") && !unavailable("3 load", "load")) {
    const l = r.load;
    const n = `median of ${l.runs - l.failed}${l.failed ? ` (${l.failed} failed)` : ""}`;
    row("3 cold load", `first usable playground (${n})`, ms(l.median.usable, 0));
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

  const head = ["part", "measurement", "p50 / value", "p95", "max", "target", ""];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((x) => String(x[c]).length)));
  const line = (cells) =>
    cells
      .map((cell, c) =>
        c >= 2 && c <= 4 ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]),
      )
      .join(" │ ")
      .trimEnd();
  const sep = widths.map((w) => "─".repeat(w)).join("─┼─");
  const title = [
    `Identity Playground bench · ${report.date}`,
    `${m.cpuModel} · ${m.cores} cores · ${m.memoryGiB} GiB · Node ${m.node} · Chromium ${m.chromium ?? "?"} · Next ${m.next} · viewport ${VIEWPORT.width}×${VIEWPORT.height} headless`,
    `load average ${m.loadAvgAtStart.join(" / ")} at start, ${m.loadAvgAtEnd?.join(" / ")} at end · CPU contention ${m.contentionAtStart?.factor}× at start, ${m.contentionAfterBrowser?.factor ?? "?"}× after the browser parts (median ÷ min of a fixed workload; 1.0 = idle)`,
    `build: ${buildText(report.build)} · app copy ${report.appDir} · total ${report.totalSeconds} s`,
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
