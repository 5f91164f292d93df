/**
 * Test support: run a shell command line as a reader would paste it, in a folder of generated
 * snippet files, and collect what it printed. Only PATH, HOME and a UTF-8 locale come from this
 * process: every setting the command needs (`OPENCX_API_URL`, `OPENCX_API_KEY`) is on its line.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface CommandResult {
  /** The exit status; -1 when the command was killed (timeout). */
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment a command starts with: nothing that names OpenCX. */
export function bareEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    // pyenv's python3 shim finds its interpreter under $HOME.
    HOME: process.env.HOME ?? "/tmp",
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
  };
}

/**
 * `bash -c <line>` in `cwd`. stdin is closed: bash treats a socket on stdin as a remote shell
 * and reads ~/.bashrc (see `snippets/test-support/bash.ts`).
 */
export function runCommandLine(
  line: string,
  cwd: string,
  env: Readonly<Record<string, string>> = bareEnv(),
): Promise<CommandResult> {
  return runProgram("bash", ["--norc", "--noprofile", "-c", line], cwd, env);
}

/** `program args…` in `cwd`, without a shell. */
export function runProgram(
  program: string,
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = bareEnv(),
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd,
      env: { NODE_ENV: "test", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    });
    let stdout = "";
    let stderr = "";
    // Decoded as UTF-8 across chunk boundaries.
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A fresh folder holding `files` at their snippet paths (e.g. `server/opencx-contact-token.mjs`). */
export async function projectWith(
  files: readonly { path: string; code: string }[],
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "snippet-project-"));
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.code, "utf8");
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
