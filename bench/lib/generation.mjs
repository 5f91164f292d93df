/**
 * Part 4: the pure generators in Node. The lib is TypeScript and Node 20 cannot run it, so it
 * is bundled with rolldown (already in node_modules, via vitest/vite) into one module, then
 * timed in a child process of its own.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { summary } from "./stats.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Bundles `entry` (a file inside `appDir`) to a temporary .mjs; resolves its path. */
export async function bundleTs(appDir, entry, name) {
  const { rolldown } = await import("rolldown");
  const bundle = await rolldown({
    input: entry,
    platform: "node",
    cwd: appDir,
    resolve: { alias: { "@": appDir } },
    logLevel: "silent",
  });
  const dir = mkdtempSync(path.join(tmpdir(), "ipb-bundle-"));
  const file = path.join(dir, `${name}.mjs`);
  await bundle.write({ file, format: "esm" });
  await bundle.close();
  return file;
}

export async function measureGeneration(appDir, { configs = 10_000, warm = 1_000 } = {}) {
  const entry = path.join(appDir, "bench", "lib", "gen-entry.mjs");
  const bundle = await bundleTs(appDir, entry, "generators");
  const output = await new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(HERE, "gen-runner.mjs"), bundle, String(configs), String(warm)],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`generator run failed: ${err.trim()}`)),
    );
  });
  const raw = JSON.parse(output);
  return {
    configs: raw.count,
    warmUp: raw.warm,
    models: raw.models,
    total: summary(raw.total),
    generateSnippets: summary(raw.snippets),
    lintConfig: summary(raw.lint),
    simulateLoad: summary(raw.simulate),
  };
}
