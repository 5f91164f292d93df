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
import { createHash } from "node:crypto";
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

/**
 * What a mutation run's result depends on: every file the tests can import (the product's lib/,
 * components/ and app/, with their tests, fixtures and test support), the Stryker and Vitest
 * configuration, the areas and the lockfile. Tracked and untracked-but-not-ignored files alike,
 * so a new test or source file counts. The baseline itself is not an input.
 */
export const FINGERPRINT_PATHS = [
  "lib",
  "components",
  "app",
  "mutation/areas.mjs",
  "stryker.config.mjs",
  "vitest.config.mts",
  "vitest.mutation.mts",
  "package-lock.json",
];

/** Where the fingerprint of the inputs the committed baseline was written from is kept. */
export const FINGERPRINT = "mutation/fingerprint.json";

/** One hash over the paths (sorted) and each file's content; `read` returns a file's bytes. */
export function fingerprintOf(paths, read) {
  const hash = createHash("sha256");
  for (const path of [...paths].sort()) {
    const content = read(path);
    hash.update(
      `${path}\0${content === null ? "missing" : createHash("sha256").update(content).digest("hex")}\0`,
    );
  }
  return hash.digest("hex");
}

/** The fingerprint of this working tree's inputs (git lists the files; their bytes are read from disk). */
export function currentFingerprint() {
  const listed = spawnSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...FINGERPRINT_PATHS],
    { encoding: "utf8" },
  );
  if (listed.status !== 0) return null;
  const paths = [...new Set(listed.stdout.split("\0").filter(Boolean))];
  return fingerprintOf(paths, (path) => (existsSync(path) ? readFileSync(path) : null));
}

/** Whether the committed baseline was written from exactly these inputs. */
export function baselineIsCurrent(fingerprint, recorded) {
  return Boolean(fingerprint) && recorded?.inputs === fingerprint;
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

  // The baseline is current when nothing it depends on changed since the run that wrote it:
  // Stryker would reuse every result, after a dry run of every test (about 95 s on CI). Score
  // the baseline instead. `--rerun` runs Stryker anyway.
  const everyArea = incremental === BASELINE;
  const fingerprint = everyArea ? currentFingerprint() : null;
  const recorded = existsSync(FINGERPRINT) ? JSON.parse(readFileSync(FINGERPRINT, "utf8")) : null;
  if (!full && !args.includes("--rerun") && everyArea && baselineIsCurrent(fingerprint, recorded)) {
    console.log(
      `The baseline is current: no file under ${FINGERPRINT_PATHS.join(", ")} changed since ` +
        `${BASELINE} was written (${FINGERPRINT}, inputs ${fingerprint.slice(0, 12)}). ` +
        "Its results are scored without re-running Stryker (--rerun runs it).",
    );
    process.exit(
      printScores(JSON.parse(readFileSync(BASELINE, "utf8")), areas, "baseline") ? 1 : 0,
    );
  }

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
  const reported = JSON.parse(readFileSync(report, "utf8"));
  const below = printScores(
    reported,
    areas,
    `one run, ${seconds}s, ${full ? "full" : "incremental"}`,
  );
  const failed = below || (run.status !== 0 && run.status !== 1);
  // A clean run over every area wrote the baseline from these inputs: record them, so the next
  // run from the same files (CI on a clean clone) scores it without re-running Stryker.
  if (!failed && everyArea && fingerprint) {
    writeFileSync(FINGERPRINT, `${JSON.stringify({ inputs: fingerprint }, null, 2)}\n`);
  }
  process.exit(failed ? 1 : 0);
}

/** Prints the score table of a report; returns whether an area is below its target. */
function printScores(report, areas, how) {
  const byArea = mutantsByArea(report);
  let failed = false;
  console.log(`\nmutation score by area (${how})`);
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
  return failed;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
