/**
 * Test support: one interpreter process for a whole batch of cases, without blocking this thread.
 *
 * The runner script gets two paths: a JSON file holding the cases and a file to write one JSON
 * line per finished case. It works from files, not pipes, so it keeps going while this thread is
 * busy, and so a local HTTP server in this process (the stand-in API) can answer it. A runner
 * that dies mid-batch leaves the lines of the cases it finished; `stderr` says why.
 */
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BatchRun<R> {
  /** One result per case the runner finished, in order. */
  results: R[];
  status: number | null;
  stderr: string;
  /** Wall time of the one process, in milliseconds. */
  ms: number;
}

export async function runBatchProcess<R>(opts: {
  command: string;
  /** The runner's source, written to `runner<extension>`. */
  runner: string;
  extension: string;
  cases: readonly unknown[];
  env: Record<string, string>;
}): Promise<BatchRun<R>> {
  const dir = mkdtempSync(join(tmpdir(), `snippet-${opts.command}-`));
  try {
    const runner = join(dir, `runner${opts.extension}`);
    const cases = join(dir, "cases.json");
    const results = join(dir, "results.jsonl");
    writeFileSync(runner, opts.runner);
    writeFileSync(cases, JSON.stringify(opts.cases));
    const errors = openSync(join(dir, "stderr"), "w");
    const started = performance.now();
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(opts.command, [runner, cases, results], {
        stdio: ["ignore", "ignore", errors],
        env: { NODE_ENV: "test", ...opts.env },
      });
      child.on("error", reject);
      child.on("exit", (code) => resolve(code));
    }).finally(() => closeSync(errors));
    const ms = performance.now() - started;
    let lines: string[] = [];
    try {
      lines = readFileSync(results, "utf8").split("\n").slice(0, -1);
    } catch {
      // The runner died before it opened its results file; stderr says why.
    }
    return {
      results: lines.map((line) => JSON.parse(line) as R),
      status,
      stderr: readFileSync(join(dir, "stderr"), "utf8"),
      ms,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The environment a snippet runs with: only what it needs, nothing from this process but PATH. */
export function snippetEnv(vars: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", LANG: "C.UTF-8", ...vars };
}
