/**
 * Support for `e2e/starter-run.spec.ts`: a starter project unpacked into a temporary folder,
 * its commands run as child processes (each in its own process group, so a timeout or a failed
 * test stops the whole tree, `next dev`'s workers included), the stand-in for
 * `@opencx/widget-react` (not on this registry) and the embed script's stub, and per-phase
 * timings.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { connect, createServer } from "node:net";
import { dirname, join, relative, resolve, sep } from "node:path";
import { unzipSync } from "fflate";
import { WIDGET_PINS, type WidgetMajor } from "../../lib/config/versions";
import { widgetReactStubSource } from "../../lib/snippets/test-support/widget-react-stub";

/** Where the Next.js starter's stand-in package goes, inside the CI copy of the project. */
export const WIDGET_REACT_STUB_DIR = "stub/opencx-widget-react";

/** The browser globals the stubs record into. */
export const RECORDED_WIDGET_OPTIONS = "__starterWidgetOptions";
export const RECORDED_INIT_CALLS = "__starterInitOpenScriptCalls";
/** The element the React stub renders, so the test sees that `<Widget>` mounted. */
export const WIDGET_STUB_MARKER = "data-starter-widget-stub";

/**
 * The environment every child starts with: PATH, HOME (npm's cache and config live under it),
 * a UTF-8 locale, the npm settings CI may have given this process, and no telemetry. Nothing
 * else: the Playwright runner's own variables (NODE_OPTIONS, its loaders) and an `npm test`'s
 * `npm_config_*` (the playground's prefix) must not reach the starter, and neither may an
 * `OPENCX_*` variable, which would win over the starter's settings file.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
    NEXT_TELEMETRY_DISABLED: "1",
    // npm's update check would ask the registry on every command.
    npm_config_update_notifier: "false",
  };
  for (const key of ["npm_config_cache", "npm_config_registry", "npm_config_userconfig"]) {
    const value = process.env[key];
    if (value) env[key] = value;
  }
  return { ...env, ...extra } as unknown as NodeJS.ProcessEnv;
}

/** A port nobody listens on now (never the playground's: the system hands out a free one). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

/**
 * Unpacks a starter zip into `into` and returns the project's folder. Every entry must sit
 * under `folder/` and stay inside it, as a user's unzip would place it.
 */
export async function unzipStarter(zip: Uint8Array, folder: string, into: string) {
  const entries = unzipSync(zip);
  const root = resolve(into, folder);
  const written: { path: string; contents: string }[] = [];
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith("/")) continue;
    const target = resolve(into, name);
    if (!name.startsWith(`${folder}/`) || !target.startsWith(root + sep))
      throw new Error(`Zip entry outside ${folder}/: ${name}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    written.push({
      path: relative(root, target).split(sep).join("/"),
      contents: new TextDecoder().decode(bytes),
    });
  }
  return { dir: root, files: written.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/**
 * The stand-in for `@opencx/widget-react` at `major`'s pinned version: `Widget` records a copy
 * of every `options` it renders with and renders a marker; the types are the golden fixtures'
 * stub, so the project compiles against the same declarations as the snippets.
 */
export function widgetReactStubFiles(major: WidgetMajor) {
  const manifest = {
    name: "@opencx/widget-react",
    version: WIDGET_PINS[major],
    private: true,
    description: "TEST STAND-IN written by e2e/starter-run.spec.ts: not the OpenCX widget.",
    type: "module",
    main: "index.js",
    types: "index.d.ts",
    peerDependencies: { react: ">=18" },
  };
  const index = [
    "// TEST STAND-IN for @opencx/widget-react: records the options it is given, renders a marker.",
    "import { createElement } from 'react';",
    "",
    "export function Widget({ options }) {",
    `  const calls = (window[${JSON.stringify(RECORDED_WIDGET_OPTIONS)}] ??= []);`,
    "  calls.push(JSON.parse(JSON.stringify(options)));",
    `  return createElement('div', { ${JSON.stringify(WIDGET_STUB_MARKER)}: '' }, 'widget stand-in');`,
    "}",
    "",
  ].join("\n");
  return [
    { path: "package.json", contents: JSON.stringify(manifest, null, 2) + "\n" },
    { path: "index.js", contents: index },
    { path: "index.d.ts", contents: widgetReactStubSource(major) },
  ];
}

/** The embed script's stand-in: `initOpenScript` (a global, as v4 and v5 both define it) records its options. */
export const EMBED_SCRIPT_STUB = [
  "// TEST STAND-IN for the OpenCX embed script: records every initOpenScript call.",
  "window.initOpenScript = function (options) {",
  `  (window[${JSON.stringify(RECORDED_INIT_CALLS)}] ??= []).push(JSON.parse(JSON.stringify(options)));`,
  "};",
  "",
].join("\n");

/** Children still running: `stopAll` (the spec's afterEach) and this process's exit stop them. */
const live = new Set<Child>();
process.once("exit", () => {
  for (const child of live) child.killGroup("SIGKILL");
});

/** Stops every child still running (after a test that timed out while awaiting one). */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((child) => child.stop()));
}

/** A child process in its own process group, with its output kept for the failure message. */
export class Child {
  readonly process: ChildProcess;
  output = "";
  exited: Promise<number | null>;

  constructor(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) {
    this.process = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (text: string) => {
      // The tail is enough to see why something failed.
      this.output = (this.output + text).slice(-20_000);
    };
    this.process.stdout!.setEncoding("utf8").on("data", keep);
    this.process.stderr!.setEncoding("utf8").on("data", keep);
    live.add(this);
    this.exited = new Promise((done) => {
      this.process.on("error", (error) => {
        keep(`\n[spawn error] ${error.message}\n`);
        done(null);
      });
      this.process.on("exit", (code) => done(code));
    });
  }

  /** Signals the whole process group (the leader may be gone while its workers still run). */
  killGroup(signal: NodeJS.Signals): void {
    const pid = this.process.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** SIGTERM to the whole group, SIGKILL after `graceMs`. Safe to call twice. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.process.pid === undefined) return;
    this.killGroup("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((done) => {
      timer = setTimeout(done, graceMs);
    });
    await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    // Whatever of the group is left (next dev's forked server outlives a killed leader).
    this.killGroup("SIGKILL");
    live.delete(this);
  }
}

/** Runs a command to its end; throws with its output on a non-zero exit or after `timeoutMs`. */
export async function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<string> {
  const child = new Child(command, args, cwd, env);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((done) => {
    timer = setTimeout(() => done("timeout"), timeoutMs);
  });
  try {
    const code = await Promise.race([child.exited, timeout]);
    if (code === "timeout")
      throw new Error(`${command} ${args.join(" ")} took over ${timeoutMs} ms:\n${child.output}`);
    if (code !== 0)
      throw new Error(`${command} ${args.join(" ")} exited with ${code}:\n${child.output}`);
    return child.output;
  } finally {
    clearTimeout(timer);
    await child.stop(1_000);
  }
}

/** Resolves once something accepts TCP connections on `port` (the dev server is up). */
export async function waitForPort(port: number, server: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((done) => {
      const socket = connect({ host: "localhost", port });
      socket.once("connect", () => {
        socket.destroy();
        done(true);
      });
      socket.once("error", () => done(false));
    });
    if (open) return;
    if (!server.running) throw new Error(`The server exited before listening:\n${server.output}`);
    if (Date.now() > deadline)
      throw new Error(`Nothing listened on port ${port} after ${timeoutMs} ms:\n${server.output}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** Wall-clock phases of one combination, printed as one line. */
export class Phases {
  private readonly started = performance.now();
  private last = this.started;
  readonly times: [string, number][] = [];

  /** Ends the phase that ran since the previous mark (or the start). */
  mark(name: string): void {
    const now = performance.now();
    this.times.push([name, now - this.last]);
    this.last = now;
  }

  get totalMs(): number {
    return this.last - this.started;
  }

  line(label: string): string {
    const parts = this.times.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`);
    return `${label}: ${parts.join(", ")}; total ${(this.totalMs / 1000).toFixed(1)} s`;
  }
}

/** `join` for a project path written with `/`. */
export const projectPath = (dir: string, path: string) => join(dir, ...path.split("/"));
