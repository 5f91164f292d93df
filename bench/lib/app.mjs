/**
 * The app under test: a snapshot of the work tree, its production build, and `next start`.
 *
 * Why a snapshot: other people edit, build and run e2e tests in the work tree at the same
 * time. Building in place would overwrite the `.next` their `next start` is serving, and their
 * builds would overwrite ours mid-run. So by default the sources are copied to a directory of
 * our own (node_modules hard-linked, so it costs about a second) and built there.
 * `BENCH_IN_PLACE=1` builds and serves the work tree itself instead.
 */
import { spawn, execFileSync } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  cpSync,
  statSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** Not copied: dependencies (hard-linked separately), build output, test output, VCS data. */
const SKIP_TOP = new Set([
  "node_modules",
  ".next",
  ".git",
  "test-results",
  "playwright-report",
  "out",
  "e2e",
]);
/** Tests do not ship; leaving them out keeps a half-edited test from failing the build's type check. */
const isTestFile = (name) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(name);

export function appDirFor(repoRoot) {
  if (process.env.BENCH_IN_PLACE === "1") return repoRoot;
  return process.env.BENCH_APP_DIR ?? path.join(tmpdir(), "identity-playground-bench", "app");
}

/**
 * Copies the sources of `repoRoot` into `appDir` (keeping its `.next/cache` and node_modules).
 * `modulesFrom`: whose node_modules to hard-link (a baseline export has none of its own).
 */
export function snapshotSources(repoRoot, appDir, { modulesFrom = repoRoot } = {}) {
  if (appDir === repoRoot) return;
  mkdirSync(appDir, { recursive: true });
  for (const name of readdirSync(appDir)) {
    if (name === "node_modules" || name === ".next") continue;
    rmSync(path.join(appDir, name), { recursive: true, force: true });
  }
  // Drop the previous build but keep Next's compiler cache: a rebuild then takes ~half the time.
  const nextDir = path.join(appDir, ".next");
  if (existsSync(nextDir)) {
    for (const name of readdirSync(nextDir))
      if (name !== "cache") rmSync(path.join(nextDir, name), { recursive: true, force: true });
  }
  for (const name of readdirSync(repoRoot)) {
    if (SKIP_TOP.has(name)) continue;
    cpSync(path.join(repoRoot, name), path.join(appDir, name), {
      recursive: true,
      filter: (src) => {
        const base = path.basename(src);
        if (isTestFile(base)) return false;
        const rel = path.relative(repoRoot, src);
        return (
          !rel.startsWith(`bench${path.sep}results`) && !rel.startsWith(`bench${path.sep}.cache`)
        );
      },
    });
  }
  linkDependencies(modulesFrom, appDir);
  return { typeCheckSkipped: skipTypeCheck(appDir) };
}

/**
 * In the copy only: wraps next.config.js so `next build` skips its type check. Type errors do
 * not change the bundles, and a colleague's half-edited file elsewhere should not stop the
 * measurements (`npm test` is where types are checked). `BENCH_TYPECHECK=1` keeps the check.
 * Returns whether the check is skipped.
 */
function skipTypeCheck(appDir) {
  if (process.env.BENCH_TYPECHECK === "1") return false;
  const config = path.join(appDir, "next.config.js");
  if (!existsSync(config)) return false;
  const source = readFileSync(config, "utf8");
  const pkg = JSON.parse(readFileSync(path.join(appDir, "package.json"), "utf8"));
  if (pkg.type === "module" || /^\s*export\s/m.test(source)) return false;
  renameSync(config, path.join(appDir, "next.config.bench-original.cjs"));
  writeFileSync(
    config,
    `// Written by bench/lib/app.mjs in the bench's copy of the app only.
const original = require("./next.config.bench-original.cjs");
module.exports = async (phase, context) => {
  const config = typeof original === "function" ? await original(phase, context) : original;
  return { ...config, typescript: { ...config.typescript, ignoreBuildErrors: true } };
};
`,
  );
  return true;
}

/** Hard-links node_modules (re-linked when the lockfile changed). Falls back to a symlink. */
function linkDependencies(repoRoot, appDir) {
  const target = path.join(appDir, "node_modules");
  const lock = path.join(repoRoot, "package-lock.json");
  const stamp = path.join(appDir, ".bench-lock-stamp");
  const wanted = existsSync(lock) ? `${statSync(lock).mtimeMs}:${statSync(lock).size}` : "none";
  const current = existsSync(stamp) ? readFileSync(stamp, "utf8") : "";
  if (existsSync(target) && current === wanted) return;
  rmSync(target, { recursive: true, force: true });
  try {
    execFileSync("cp", ["-al", path.join(repoRoot, "node_modules"), target], { stdio: "ignore" });
  } catch {
    cpSync(path.join(repoRoot, "node_modules"), target, {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
  writeFileSync(stamp, wanted);
}

/**
 * The tree of git revision `ref` of `repoRoot`, exported (`git archive`) into `dir`, which is
 * emptied first. Resolves the ref to its commit, so the table can name it.
 */
export function exportRevision(repoRoot, ref, dir) {
  const commit = execFileSync("git", ["-C", repoRoot, "rev-parse", "--verify", `${ref}^{commit}`], {
    encoding: "utf8",
  }).trim();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(
    "sh",
    ["-c", `git -C "$1" archive --format=tar "$2" | tar -x -C "$3"`, "sh", repoRoot, commit, dir],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  return commit;
}

const nextBin = (appDir) => path.join(appDir, "node_modules", ".bin", "next");

/** `next build` in `appDir`; output goes to `logFile`. Resolves with the duration in ms. */
export function buildApp(appDir, logFile) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const log = createWriteStream(logFile);
    const child = spawn(nextBin(appDir), ["build"], {
      cwd: appDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on("error", reject);
    child.on("close", (code) => {
      log.end();
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`next build failed (exit ${code}); see ${logFile}`));
    });
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `next start` in its own process group (it forks a `next-server` child that a plain
 * kill would leave behind) and resolves once it answers HTTP. `stop()` kills the whole group.
 */
export async function startServer(appDir, { port, env = {}, logFile }) {
  const log = createWriteStream(logFile);
  const child = spawn(nextBin(appDir), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: appDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const stop = () => {
    if (exited) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`next start exited early; see ${logFile}`);
    try {
      const res = await fetch(`${baseUrl}/icon.svg`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`next start did not answer within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    pid: child.pid,
    stop,
    waitForExit: () => new Promise((r) => (exited ? r() : child.on("exit", r))),
  };
}
