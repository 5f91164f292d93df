#!/usr/bin/env node
/**
 * `npm run test:mutation [area ...]`: StrykerJS over each area of the core in turn (all areas
 * when none is named; see mutation/areas.mjs), then one table of scores and times. Exits 1 when
 * an area scores below its threshold or a run fails.
 *
 * Runs are incremental: `mutation/incremental/<area>.json` lets Stryker re-test only the mutants
 * whose code or covering tests changed since the last run on this machine. The files stay out of
 * the repository: Stryker stores every test file's source in them, fake API keys and JWTs included.
 * `--full` ignores them and re-tests all.
 * Reports: `reports/mutation/<area>.html` (open it to read survivors) and `.json`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { AREA_NAMES, AREAS } from "../mutation/areas.mjs";

const args = process.argv.slice(2);
const full = args.includes("--full");
const named = args.filter((a) => !a.startsWith("--"));
const unknown = named.filter((a) => !AREA_NAMES.includes(a));
if (unknown.length > 0) {
  console.error(`Unknown area ${unknown.join(", ")}: choose from ${AREA_NAMES.join(", ")}.`);
  process.exit(2);
}
const areas = named.length > 0 ? named : AREA_NAMES;

/** Mutation score as Stryker counts it: detected ÷ (detected + undetected), errors and ignored left out. */
export function score(report) {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0 };
  for (const file of Object.values(report.files ?? {})) {
    for (const mutant of file.mutants ?? []) {
      if (mutant.status === "Killed") counts.killed++;
      else if (mutant.status === "Timeout") counts.timeout++;
      else if (mutant.status === "Survived") counts.survived++;
      else if (mutant.status === "NoCoverage") counts.noCoverage++;
    }
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return { ...counts, score: valid === 0 ? 100 : (100 * detected) / valid };
}

const rows = [];
let failed = false;
for (const area of areas) {
  const started = Date.now();
  const run = spawnSync("npx", ["stryker", "run", ...(full ? ["--force"] : [])], {
    stdio: "inherit",
    env: { ...process.env, MUTATION_AREA: area },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const path = `reports/mutation/${area}.json`;
  if (!existsSync(path)) {
    rows.push({ area, note: `no report (exit ${run.status})`, seconds });
    failed = true;
    continue;
  }
  const s = score(JSON.parse(readFileSync(path, "utf8")));
  const below = s.score < AREAS[area].threshold;
  if (below || (run.status !== 0 && run.status !== 1)) failed = true;
  rows.push({ area, ...s, threshold: AREAS[area].threshold, seconds, below });
}

console.log("\nmutation score by area");
console.log("area      score    target  killed  timeout  survived  no cov  time");
for (const r of rows) {
  if (r.note) {
    console.log(`${r.area.padEnd(9)} ${r.note}  ${r.seconds}s`);
    continue;
  }
  console.log(
    `${r.area.padEnd(9)} ${r.score.toFixed(1).padStart(5)} %  ≥ ${String(r.threshold).padStart(2)} %  ` +
      `${String(r.killed).padStart(6)}  ${String(r.timeout).padStart(7)}  ${String(r.survived).padStart(8)}  ` +
      `${String(r.noCoverage).padStart(6)}  ${r.seconds}s${r.below ? "  BELOW TARGET" : ""}`,
  );
}
process.exit(failed ? 1 : 0);
