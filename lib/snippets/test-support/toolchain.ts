/**
 * Test support: running the Go and Java toolchains from a test without blocking it.
 *
 * `runCommand` never uses a synchronous spawn: the snippets it runs call HTTP servers that live
 * in the test's own process (the stand-in API, the sandbox route), so the event loop must keep
 * turning while the child runs.
 *
 * Go runs with its default build cache (`~/.cache/go-build`) and GOPATH, as `go` does for the
 * developer: the snippets import only the standard library, so the cache holds nothing but
 * what `go build` and `go vet` derive from it and from the snippets, and a warm cache makes
 * `go vet` take 0.4 s instead of 6 s (measured here). `GOFLAGS` and `GO111MODULE` are cleared
 * so a developer's settings cannot change what is built.
 */
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";

export interface CommandResult {
  /** The exit status, or null when the process was killed (e.g. by the timeout). */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall time, in milliseconds. */
  ms: number;
}

export function runCommand(
  command: string,
  args: readonly string[],
  opts: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: opts.timeoutMs ?? 120_000,
    });
    const stdout: Uint8Array[] = [];
    const stderr: Uint8Array[] = [];
    child.stdout.on("data", (chunk: Uint8Array) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Uint8Array) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (status) =>
      resolve({
        status,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        ms: Math.round(performance.now() - started),
      }),
    );
  });
}

/** PATH and HOME only: nothing else from the test's environment reaches a snippet. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir(), ...extra };
}

/** `baseEnv` for the go command: the default cache and GOPATH, no GOFLAGS. */
export function goEnv(extra: Record<string, string> = {}): Record<string, string> {
  return baseEnv({ GOFLAGS: "", GO111MODULE: "", ...extra });
}

/** Lone surrogates become U+FFFD: what a Go string (UTF-8) holds in their place. */
export function wellFormed(s: string): string {
  return s.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
}

/**
 * What Go's encoding/json sends for a value: the JSON serialisation (-0 is 0, undefined members
 * are left out) of the value with every string and key made well-formed; keys that become equal
 * keep the last value, as a JSON reader does.
 */
export function goWire(value: unknown): unknown {
  const clean = (v: unknown): unknown => {
    if (typeof v === "string") return wellFormed(v);
    if (Array.isArray(v)) return v.map(clean);
    if (typeof v === "object" && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        Object.defineProperty(out, wellFormed(k), {
          value: clean(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return v;
  };
  return JSON.parse(JSON.stringify(clean(value))) as unknown;
}
