#!/usr/bin/env node
/**
 * `npm run test:mutation [area ...] [--full]`: one StrykerJS run over the named areas of the core
 * (every area when none is named; see mutation/areas.mjs), then a table of scores and times per
 * area. Exits 1 when an area scores below its target or the run fails.
 *
 * Runs are incremental: Stryker re-tests only the mutants whose code or covering tests changed
 * since the baseline. The run over every area reads and rewrites the committed baseline
 * `mutation/incremental.json` (commit it with the change); a run over some areas keeps its own
 * local file under mutation/incremental/, started from the baseline. `--full` re-tests all.
 * Reports: `reports/mutation/<all|areas>.html` (open it to read survivors) and `.json`.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  AREA_NAMES,
  AREAS,
  BASELINE,
  areaOf,
  incrementalFileFor,
  runName,
} from "../mutation/areas.mjs";

/** Mutation score as Stryker counts it: detected ÷ (detected + undetected), errors and ignored left out. */
export function score(mutants) {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0 };
  for (const mutant of mutants) {
    if (mutant.status === "Killed") counts.killed++;
    else if (mutant.status === "Timeout") counts.timeout++;
    else if (mutant.status === "Survived") counts.survived++;
    else if (mutant.status === "NoCoverage") counts.noCoverage++;
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return { ...counts, score: valid === 0 ? 100 : (100 * detected) / valid };
}

/** The report's mutants grouped by area (files outside every area are ignored). */
export function mutantsByArea(report) {
  const byArea = Object.fromEntries(AREA_NAMES.map((n) => [n, []]));
  for (const [path, file] of Object.entries(report.files ?? {})) {
    const area = areaOf(path);
    if (area) byArea[area].push(...(file.mutants ?? []));
  }
  return byArea;
}

/**
 * Key-shaped text: an `sk_<env>_` key, a JWT-like `eyJ…` value. Tests build fakes of both at run
 * time, and Stryker copies a failing assertion's message (which may print a fake) into each
 * mutant's `statusReason` in the baseline, which is committed and would trip a secret scanner.
 */
const KEY_SHAPED = /\bsk_[a-z]+_[A-Za-z0-9_]+|\beyJ[A-Za-z0-9_.-]*/g;

/**
 * The baseline with every key-shaped substring of a mutant's `statusReason` replaced. The reason
 * is only shown in reports; Stryker matches mutants and tests by location and name, so the next
 * incremental run reuses the results unchanged. Returns whether anything was replaced.
 */
export function redactStatusReasons(baseline) {
  let changed = false;
  for (const file of Object.values(baseline.files ?? {})) {
    for (const mutant of file.mutants ?? []) {
      if (typeof mutant.statusReason !== "string") continue;
      const redacted = mutant.statusReason.replace(KEY_SHAPED, "[key-shaped value redacted]");
      if (redacted !== mutant.statusReason) {
        mutant.statusReason = redacted;
        changed = true;
      }
    }
  }
  return changed;
}

function redactFile(path) {
  if (!existsSync(path)) return;
  const baseline = JSON.parse(readFileSync(path, "utf8"));
  if (redactStatusReasons(baseline)) writeFileSync(path, JSON.stringify(baseline, null, 2));
}

const HEAP_MB = 8192;

/**
 * NODE_OPTIONS for Stryker and its test runners: a larger heap unless one is set. The tests share one
 * module graph per runner (`isolate: false` in vitest.mutation.mts), and the dry run, which records
 * per-test coverage of every test, ran out of Node's default heap once on a 24 GiB machine.
 */
export function withHeap(env) {
  const options = env.NODE_OPTIONS ?? "";
  return /--max-old-space-size=/.test(options)
    ? options
    : `${options} --max-old-space-size=${HEAP_MB}`.trim();
}

function main() {
  const args = process.argv.slice(2);
  const full = args.includes("--full");
  const named = args.filter((a) => !a.startsWith("--"));
  const unknown = named.filter((a) => !AREA_NAMES.includes(a));
  if (unknown.length > 0) {
    console.error(`Unknown area ${unknown.join(", ")}: choose from ${AREA_NAMES.join(", ")}.`);
    process.exit(2);
  }
  const areas = named.length > 0 ? [...new Set(named)] : AREA_NAMES;
  const incremental = incrementalFileFor(areas);
  if (!full && incremental !== BASELINE && !existsSync(incremental) && existsSync(BASELINE)) {
    mkdirSync(dirname(incremental), { recursive: true });
    copyFileSync(BASELINE, incremental);
  }
  const report = `reports/mutation/${runName(areas)}.json`;
  rmSync(report, { force: true });

  const started = Date.now();
  const run = spawnSync("npx", ["stryker", "run", ...(full ? ["--force"] : [])], {
    stdio: "inherit",
    env: { ...process.env, MUTATION_AREAS: areas.join(","), NODE_OPTIONS: withHeap(process.env) },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  redactFile(incremental);
  if (!existsSync(report)) {
    console.error(`\nStryker wrote no report (exit ${run.status}) after ${seconds}s.`);
    process.exit(1);
  }
  const byArea = mutantsByArea(JSON.parse(readFileSync(report, "utf8")));
  let failed = run.status !== 0 && run.status !== 1;
  console.log(`\nmutation score by area (one run, ${seconds}s, ${full ? "full" : "incremental"})`);
  console.log("area      score    target  killed  timeout  survived  no cov");
  for (const area of areas) {
    const s = score(byArea[area]);
    const below = s.score < AREAS[area].threshold;
    if (below) failed = true;
    console.log(
      `${area.padEnd(9)} ${s.score.toFixed(1).padStart(5)} %  ≥ ${String(AREAS[area].threshold).padStart(2)} %  ` +
        `${String(s.killed).padStart(6)}  ${String(s.timeout).padStart(7)}  ${String(s.survived).padStart(8)}  ` +
        `${String(s.noCoverage).padStart(6)}${below ? "  BELOW TARGET" : ""}`,
    );
  }
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
