/**
 * Test support: the language runtimes the server snippets are proven with (PHP, Ruby, Go, Java),
 * and what the Python and cURL snippets need beyond python3 and bash (requests, Flask, curl, jq).
 *
 * A laptop may lack one: its tests then skip with a loud line naming the runtime and the Debian
 * packages that bring it. CI sets `REQUIRE_RUNTIMES=1` (`.ci/run`, after installing them), which
 * turns every such skip into a failing test, so a missing runtime can never pass CI silently.
 *
 * Mutation runs (`vitest.mutation.mts`) set `SNIPPET_PROCESSES=off`: every block that needs a
 * runtime, and every test marked `forksProcess`, is skipped without probing, so the tests Stryker
 * runs against each mutant start no interpreter or compiler; their string-level neighbours run.
 */
import { spawnSync } from "node:child_process";
import { describe, it } from "vitest";

export type Runtime =
  | "php"
  | "ruby"
  | "go"
  | "java"
  // The Python snippets' third-party packages, and the shell tools the cURL script calls.
  | "python-requests"
  | "flask"
  | "curl";

/** Set to "1" (CI does) and a missing runtime fails its tests instead of skipping them. */
export const REQUIRE_RUNTIMES_ENV = "REQUIRE_RUNTIMES";

/** Set to "off" (mutation runs do) and no test here starts a process. */
export const SNIPPET_PROCESSES_ENV = "SNIPPET_PROCESSES";

/** Whether tests may start interpreters and compilers (everywhere but mutation runs). */
export function processesAllowed(): boolean {
  return process.env[SNIPPET_PROCESSES_ENV] !== "off";
}

/** For a test that starts a process outside `describeWithRuntime` (python3, bash): skipped when processes are off. */
export const forksProcess = it.skipIf(!processesAllowed());

interface Probe {
  /** Commands that must all exit 0 for the runtime to count as present. */
  checks: readonly (readonly [string, ...string[]])[];
  /** The Debian packages that provide it (what `.ci/run` installs). */
  apt: string;
}

export const RUNTIME_PROBES: Readonly<Record<Runtime, Probe>> = {
  // The PHP snippets call curl_init: the CLI without the curl extension cannot run them.
  php: {
    checks: [["php", "-r", "exit(function_exists('curl_init') ? 0 : 3);"]],
    apt: "php-cli php-curl",
  },
  ruby: { checks: [["ruby", "-e", "require 'net/http'; require 'json'"]], apt: "ruby" },
  go: { checks: [["go", "version"]], apt: "golang-go" },
  java: {
    checks: [
      ["java", "-version"],
      ["javac", "-version"],
    ],
    apt: "default-jdk-headless",
  },
  "python-requests": {
    checks: [["python3", "-c", "import requests"]],
    apt: "python3-requests",
  },
  flask: {
    checks: [["python3", "-c", "import flask, requests"]],
    apt: "python3-flask python3-requests",
  },
  curl: {
    checks: [
      ["curl", "--version"],
      ["jq", "--version"],
    ],
    apt: "curl jq",
  },
};

const found = new Map<Runtime, boolean>();

/** Whether every probe command of `runtime` runs and exits 0 (probed once per process). */
export function hasRuntime(runtime: Runtime): boolean {
  let present = found.get(runtime);
  if (present === undefined) {
    present = RUNTIME_PROBES[runtime].checks.every(([command, ...args]) => {
      const run = spawnSync(command, args, { stdio: "ignore", timeout: 30_000 });
      return run.error === undefined && run.status === 0;
    });
    found.set(runtime, present);
  }
  return present;
}

/** The line a skipped suite prints, and the message a required one fails with. */
export function missingRuntimeMessage(runtime: Runtime): string {
  return `${runtime} is not installed: its snippet tests did not run (apt-get install ${RUNTIME_PROBES[runtime].apt}).`;
}

/**
 * `describe(name, body)` when `runtime` is present. Without it: a loud skip, or, with
 * `REQUIRE_RUNTIMES=1`, one failing test naming what is missing.
 */
export function describeWithRuntime(runtime: Runtime, name: string, body: () => void): void {
  if (!processesAllowed()) {
    describe.skip(name, body);
    return;
  }
  if (hasRuntime(runtime)) {
    describe(name, body);
    return;
  }
  const message = missingRuntimeMessage(runtime);
  if (process.env[REQUIRE_RUNTIMES_ENV] === "1") {
    describe(name, () => {
      it(`needs ${runtime}`, () => {
        throw new Error(`${message} ${REQUIRE_RUNTIMES_ENV}=1 makes this a failure.`);
      });
    });
    return;
  }
  console.warn(`\n!!! SKIPPED: ${name}. ${message}\n`);
  describe.skip(name, body);
}
