/**
 * Test support: run shell snippets in one `bash` process per batch, with
 * `curl` and `jq` replaced by shell functions. The curl stub records its
 * arguments, so nothing reaches the network.
 *
 * Speed: a fork costs milliseconds on a small VM, so the cases are sourced one
 * after another in the same shell (with `lastpipe`, so only the first element
 * of a pipeline forks). Opening a file costs about a millisecond here too
 * (ext4 flushes a file rewritten in place), so the shell opens its four
 * output files once and every case appends to them after a marker with its
 * number. When a case fails, the batch stops there; that case is reported
 * and the rest run in a fresh batch.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BashResult {
  status: number;
  stdout: string;
  stderr: string;
  /** The arguments of the last curl call, or null when curl was not called. */
  curlArgs: string[] | null;
}

/** Starts each case's record in an output file; no argument or output of a snippet holds it. */
const MARK = "\0\x01\x02case:";

const DRIVER = String.raw`
shopt -s lastpipe
exec 3>>"$DIR/args" 4>>"$DIR/out" 5>>"$DIR/err" 6>>"$DIR/done"
curl() { printf '\0\1\2case:%s\0' "$CASE" >&3; printf '%s\0' "$@" >&3; printf '{"token":"stub-token","contact":{"id":"c_1"}}'; }
jq() { local input; IFS= read -r -d '' input || true; printf 'stub-token\n'; }
for ((CASE = FIRST; CASE < CASES; CASE++)); do
  printf '\0\1\2case:%s\0' "$CASE" >&4
  printf '\0\1\2case:%s\0' "$CASE" >&5
  source "$DIR/case-$CASE.sh" >&4 2>&5 < /dev/null
  printf '%s\n' "$CASE" >&6
done
`;

function readOr(path: string, fallback: string): string {
  return existsSync(path) ? readFileSync(path, "utf8") : fallback;
}

/** Splits a file of `MARK<n>\0<record>` entries into records by case number (the last one wins). */
function records(path: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const part of readOr(path, "").split(MARK).slice(1)) {
    const end = part.indexOf("\0");
    out.set(Number(part.slice(0, end)), part.slice(end + 1));
  }
  return out;
}

type Run = Pick<SpawnSyncReturns<string>, "status" | "stderr">;

function bashEnv(env: Readonly<Record<string, string>>, dir: string, first: number, cases: number) {
  return {
    NODE_ENV: "test" as const,
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
    ...env,
    DIR: dir,
    FIRST: String(first),
    CASES: String(cases),
  };
}

/** The driver loop shared by the two runners; `run` starts bash on cases `first…` and reports how it ended. */
function* batches(scripts: readonly string[], dir: string): Generator<number, BashResult[], Run> {
  scripts.forEach((script, i) => writeFileSync(join(dir, `case-${i}.sh`), script));
  const results: BashResult[] = [];
  let first = 0;
  while (first < scripts.length) {
    for (const name of ["args", "out", "err", "done"]) rmSync(join(dir, name), { force: true });
    const run: Run = yield first;
    const doneLines = readOr(join(dir, "done"), "").trim().split("\n").filter(Boolean);
    const done = doneLines.length > 0 ? Number(doneLines.at(-1)) : first - 1;
    // The shell stops early when a case exits it (`set -e`, `exit`): that case ends the batch.
    const last = done === scripts.length - 1 ? done : done + 1;
    const args = records(join(dir, "args"));
    const out = records(join(dir, "out"));
    const err = records(join(dir, "err"));
    for (let i = first; i <= last && i < scripts.length; i++) {
      const recorded = args.get(i);
      results.push({
        status: i <= done ? 0 : (run.status ?? -1),
        stdout: out.get(i) ?? "",
        stderr: (err.get(i) ?? "") + (i > done ? run.stderr : ""),
        curlArgs: recorded === undefined ? null : recorded.split("\0").slice(0, -1),
      });
    }
    first = last + 1;
  }
  return results;
}

export function runBashBatch(
  scripts: readonly string[],
  env: Readonly<Record<string, string>> = {},
): BashResult[] {
  const dir = mkdtempSync(join(tmpdir(), "snippet-bash-"));
  try {
    const driver = batches(scripts, dir);
    let step = driver.next();
    while (!step.done) {
      // stdin must not be Node's socketpair: bash takes a socket on stdin for a
      // remote shell and reads ~/.bashrc (seconds on some machines).
      const run = spawnSync("bash", ["--norc", "--noprofile", "-c", DRIVER], {
        stdio: ["ignore", "pipe", "pipe"],
        // A case that broke out of its quoting must not write into the repository.
        cwd: dir,
        env: bashEnv(env, dir, step.value, scripts.length),
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      step = driver.next(run);
    }
    return step.value;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The same without blocking, so bash works on the other core while this
 * thread does something else. Its own output goes to a file, not a pipe the
 * event loop would have to drain.
 */
export async function runBashBatchAsync(
  scripts: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<BashResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "snippet-bash-"));
  try {
    const driver = batches(scripts, dir);
    let step = driver.next();
    while (!step.done) {
      const log = openSync(join(dir, "bash-stderr"), "w");
      const status = await new Promise<number | null>((resolve, reject) => {
        const child = spawn("bash", ["--norc", "--noprofile", "-c", DRIVER], {
          stdio: ["ignore", "ignore", log],
          cwd: dir,
          env: bashEnv(env, dir, step.value as number, scripts.length),
        });
        child.on("error", reject);
        child.on("exit", (code) => resolve(code));
      }).finally(() => closeSync(log));
      step = driver.next({ status, stderr: readFileSync(join(dir, "bash-stderr"), "utf8") });
    }
    return step.value;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
