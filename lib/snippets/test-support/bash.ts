/**
 * Test support: run shell snippets in one `bash` process per batch, with
 * `curl` and `jq` replaced by shell functions. The curl stub records its
 * arguments, so nothing reaches the network.
 *
 * Speed: a fork costs milliseconds on a small VM, so the cases are sourced one
 * after another in the same shell (with `lastpipe`, so only the first element
 * of a pipeline forks). When a case fails, the batch stops there; that case is
 * reported and the rest run in a fresh batch.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BashResult {
  status: number;
  stdout: string;
  stderr: string;
  /** The arguments of the last curl call, or null when curl was not called. */
  curlArgs: string[] | null;
}

const DRIVER = String.raw`
shopt -s lastpipe
curl() { printf '%s\0' "$@" > "$DIR/args-$CASE"; printf '{"token":"stub-token","contact":{"id":"c_1"}}'; }
jq() { local input; IFS= read -r -d '' input || true; printf 'stub-token\n'; }
for ((CASE = FIRST; CASE < CASES; CASE++)); do
  source "$DIR/case-$CASE.sh" > "$DIR/out-$CASE" 2> "$DIR/err-$CASE" < /dev/null
  printf '%s\n' "$CASE" > "$DIR/done"
done
`;

function readOr(path: string, fallback: string): string {
  return existsSync(path) ? readFileSync(path, "utf8") : fallback;
}

export function runBashBatch(
  scripts: readonly string[],
  env: Readonly<Record<string, string>> = {},
): BashResult[] {
  const dir = mkdtempSync(join(tmpdir(), "snippet-bash-"));
  try {
    scripts.forEach((script, i) => writeFileSync(join(dir, `case-${i}.sh`), script));
    const results: BashResult[] = [];
    let first = 0;
    while (first < scripts.length) {
      rmSync(join(dir, "done"), { force: true });
      // stdin must not be Node's socketpair: bash takes a socket on stdin for a
      // remote shell and reads ~/.bashrc (seconds on some machines).
      const run = spawnSync("bash", ["--norc", "--noprofile", "-c", DRIVER], {
        stdio: ["ignore", "pipe", "pipe"],
        // A case that broke out of its quoting must not write into the repository.
        cwd: dir,
        env: {
          NODE_ENV: "test" as const,
          PATH: process.env.PATH ?? "/usr/bin:/bin",
          LANG: "C.UTF-8",
          LC_ALL: "C.UTF-8",
          ...env,
          DIR: dir,
          FIRST: String(first),
          CASES: String(scripts.length),
        },
        encoding: "utf8",
      });
      const done = Number(readOr(join(dir, "done"), String(first - 1)).trim());
      const last = run.status === 0 ? scripts.length - 1 : done + 1;
      for (let i = first; i <= last && i < scripts.length; i++) {
        const args = readOr(join(dir, `args-${i}`), "");
        results.push({
          status: i <= done ? 0 : (run.status ?? -1),
          stdout: readOr(join(dir, `out-${i}`), ""),
          stderr: readOr(join(dir, `err-${i}`), "") + (i > done ? run.stderr : ""),
          curlArgs: existsSync(join(dir, `args-${i}`)) ? args.split("\0").slice(0, -1) : null,
        });
      }
      first = last + 1;
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
