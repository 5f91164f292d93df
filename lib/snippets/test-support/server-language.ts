/**
 * Test support: the properties every standard-library server snippet (PHP, Ruby) shares, run
 * by its own interpreter, one process per batch, against the recording stand-in API:
 * - for random ordinary and hostile verified configs, each file's command-line entry, given the
 *   signed-in user's email as its one argument, sends exactly `POST /widget/authenticate-user`,
 *   the bearer key from `OPENCX_API_KEY`, JSON, and the body `toAuthenticateRequest(config)` as
 *   JSON (the argument in place of the sample email), and prints the token the API answered;
 *   the function refuses an empty email; without the argument the entry prints
 *   `Usage: <command>` to stderr and exits 1 (the last case of the same process);
 * - without `OPENCX_API_URL` (or with it empty) it calls `https://api.open.cx` (seen by a proxy
 *   that records the `CONNECT` and refuses it: nothing leaves this machine);
 * - without `OPENCX_API_KEY` it stops before sending anything;
 * - any 2xx is success, anything else an error naming the status (domain-v5.md §10.4).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PlaygroundConfig } from "../../config/options";
import { toAuthenticateRequest } from "../../config/widget-config";
import { generateSnippet } from "../index";
import type { SnippetFile } from "../types";
import type { BatchRun } from "./batch-process";
import { snippetEnv } from "./batch-process";
import { expectNoSecretsFast, expectSame } from "./hostile";
import type { SnippetCase, SnippetResult } from "./php";
import { wellFormedText } from "../print/well-formed";
import { wireJson } from "./printable";
import { expectBothMajors, RUNS, sampleConfigs } from "./property";
import { startStandInApi, type RecordedRequest, type StandInApi } from "./stand-in-api";

export const ENV_API_KEY = "env-api-key-sentinel";

export interface LanguageUnderTest {
  name: string;
  target: "php" | "ruby";
  /** The interpreter, as run from a shell. */
  command: string;
  /** The file holding the function and its command-line entry. */
  functionFile: string;
  /** The command line that runs it (`php opencx_contact_token.php <email>`), as its usage line names it. */
  usage: string;
  run(cases: readonly SnippetCase[], env: Record<string, string>): Promise<BatchRun<SnippetResult>>;
}

export function functionFileOf(lang: LanguageUnderTest, config: PlaygroundConfig): SnippetFile {
  const file = generateSnippet(lang.target, config).files.find((f) => f.path === lang.functionFile);
  if (!file) throw new Error(`${lang.name}: no ${lang.functionFile}`);
  return file;
}

/** The JSON a config's snippet sends, with `email` (the command-line argument) in place of the sample. */
export function expectedWire(config: PlaygroundConfig, email?: string): unknown {
  const wire = wireJson(toAuthenticateRequest(config)) as Record<string, unknown>;
  if (email !== undefined) wire.email = email;
  return wire;
}

/** Writes each file to its own folder under `dir`, under its snippet path; returns the paths. */
export function writeFiles(dir: string, files: readonly SnippetFile[]): string[] {
  return files.map((file, i) => {
    const folder = join(dir, `case-${i}`);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, file.path);
    writeFileSync(path, file.code);
    return path;
  });
}

/** That `request` is the authenticate-user call for `body`, with the sentinel key. */
export function expectAuthenticateCall(
  request: RecordedRequest | undefined,
  body: unknown,
  where: string,
): void {
  const ok =
    request !== undefined &&
    request.method === "POST" &&
    request.path === "/widget/authenticate-user" &&
    request.headers.authorization === `Bearer ${ENV_API_KEY}` &&
    request.headers["content-type"] === "application/json";
  if (!ok) {
    expect(request, where).toBeDefined();
    expect(request!.method, where).toBe("POST");
    expect(request!.path, where).toBe("/widget/authenticate-user");
    expect(request!.headers.authorization, where).toBe(`Bearer ${ENV_API_KEY}`);
    expect(request!.headers["content-type"], where).toBe("application/json");
  }
  expectSame(request!.json, body, `${where}: the body sent\n${request!.body}`);
}

/** Runs `command args` in `cwd` with exactly `env`; never throws. */
export function runCommand(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { NODE_ENV: "test", ...snippetEnv(env) }, timeout: 30_000 },
      (error: (Error & { code?: unknown }) | null, stdout: string, stderr: string) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** A proxy that records the first line of every request (`CONNECT host:port …`) and refuses it. */
async function startConnectRecorder(): Promise<{
  url: string;
  lines: string[];
  close(): Promise<void>;
}> {
  const lines: string[] = [];
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let head = "";
    socket.on("data", (chunk: Uint8Array) => {
      head += Buffer.from(chunk).toString("latin1");
      const end = head.indexOf("\r\n");
      if (end >= 0 && lines.length === 0) lines.push(head.slice(0, end));
      if (head.includes("\r\n\r\n"))
        socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lines,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An authenticate-user double that answers with the given statuses in turn, each with a token. */
async function startStatusServer(statuses: readonly number[]) {
  let next = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const status = statuses[next++] ?? 500;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ token: `status-${status}`, contact: { id: "c" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Registers the shared properties for `lang` in the current `describe` (inside
 * `describeWithRuntime`). `runs` configs of each kind (ordinary, hostile) go through one process.
 */
export function serverLanguageProperties(lang: LanguageUnderTest, runs = RUNS): void {
  let api: StandInApi;
  let dir: string;

  beforeAll(async () => {
    api = await startStandInApi();
    dir = mkdtempSync(join(tmpdir(), `snippet-${lang.target}-`));
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`runs every file's command-line entry in one ${lang.command} process: it sends exactly toAuthenticateRequest and prints the token`, async () => {
    const ordinary = sampleConfigs(false, runs);
    const hostile = sampleConfigs(true, runs);
    const seeds = `seeds ${ordinary.seed} (ordinary) and ${hostile.seed} (hostile)`;
    const configs = [...ordinary.configs, ...hostile.configs];
    expectBothMajors(configs, runs / 5);
    const files = configs.map((config) => functionFileOf(lang, config));
    files.forEach((file) => expectNoSecretsFast(file.code));
    // The command line's email is the next config's sample (hostile ones included), so a
    // snippet that sent its own sample email would fail.
    // (A command-line argument is UTF-8: a lone surrogate cannot be passed.)
    const emails = configs.map(
      (_, i) =>
        wellFormedText(configs[(i + 1) % configs.length]!.serverEmail) || `argv-${i}@example.com`,
    );
    expect(emails.filter((email, i) => email !== configs[i]!.serverEmail).length).toBeGreaterThan(
      configs.length / 2,
    );
    const cases: SnippetCase[] = files.map((file, i) => ({
      code: file.code,
      name: lang.functionFile,
      mode: "cli",
      args: [emails[i]!],
    }));
    const code = files[0]!.code;
    // The function refuses an empty email; the entry without its argument ends the process.
    const emptyEmail: SnippetCase = { code, name: lang.functionFile, mode: "call", args: [""] };
    const noArgument: SnippetCase = { code, name: lang.functionFile, mode: "cli", args: [] };
    const before = api.requests.length;
    const run = await lang.run([...cases, emptyEmail, noArgument], {
      OPENCX_API_URL: api.baseUrl,
      OPENCX_API_KEY: ENV_API_KEY,
    });
    console.log(
      `${lang.name}: ${cases.length} snippets (${runs} ordinary, ${runs} hostile) in one ${lang.command} process, ${Math.round(run.ms)} ms`,
    );
    expect(run.results).toHaveLength(cases.length + 2);
    const requests = api.requests.slice(before);
    expect(requests).toHaveLength(cases.length);
    run.results.slice(0, cases.length).forEach((result, i) => {
      const where = `${seeds}, case ${i}\n${files[i]!.code}`;
      expectAuthenticateCall(requests[i], expectedWire(configs[i]!, emails[i]), where);
      expectSame(result, { ok: true, stdout: `${requests[i]!.token}\n` }, where);
    });
    expect(run.results.slice(cases.length)).toEqual([
      {
        ok: false,
        error: expect.stringMatching(
          /^(InvalidArgumentException|ArgumentError): opencx_contact_token needs the email of the signed-in user$/,
        ),
        stdout: "",
      },
      { ok: false, exited: true, stdout: "" },
    ]);
    expect(run.stderr, seeds).toBe(`Usage: ${lang.usage}\n`);
    expect(run.status, seeds).toBe(1);
  });

  it("calls https://api.open.cx when OPENCX_API_URL is unset or empty", async () => {
    const { code } = functionFileOf(lang, sampleConfigs(false, 1).configs[0]!);
    for (const url of [undefined, ""]) {
      const proxy = await startConnectRecorder();
      try {
        const env: Record<string, string> = {
          OPENCX_API_KEY: ENV_API_KEY,
          // curl reads https_proxy for an https URL; Ruby's Net::HTTP reads http_proxy for both.
          https_proxy: proxy.url,
          http_proxy: proxy.url,
        };
        if (url !== undefined) env.OPENCX_API_URL = url;
        const run = await lang.run(
          [{ code, name: lang.functionFile, mode: "call", args: ["jane@example.com"] }],
          env,
        );
        expect(run.results).toHaveLength(1);
        expect(run.results[0]!.ok).toBe(false);
        expect(proxy.lines).toEqual([
          expect.stringMatching(/^CONNECT api\.open\.cx:443 HTTP\/1\.1$/),
        ]);
      } finally {
        await proxy.close();
      }
    }
  });

  it("stops before sending anything without OPENCX_API_KEY, or with it empty", async () => {
    const file = functionFileOf(lang, sampleConfigs(false, 1).configs[0]!);
    const [path] = writeFiles(join(dir, "no-key"), [file]);
    const before = api.requests.length;
    for (const key of [undefined, ""]) {
      const env: Record<string, string> = { OPENCX_API_URL: api.baseUrl };
      if (key !== undefined) env.OPENCX_API_KEY = key;
      const run = await lang.run(
        [{ code: file.code, name: lang.functionFile, mode: "call", args: ["jane@example.com"] }],
        env,
      );
      expect(run.results).toEqual([
        { ok: false, error: expect.stringContaining("OPENCX_API_KEY is not set"), stdout: "" },
      ]);
      // The command-line entry says so in one line on stderr and exits 1, printing no token.
      const cli = await runCommand(
        lang.command,
        [lang.functionFile, "jane@example.com"],
        join(path!, ".."),
        env,
      );
      expect(cli).toEqual({ code: 1, stdout: "", stderr: "OPENCX_API_KEY is not set\n" });
    }
    expect(api.requests.length).toBe(before);
  });

  it("takes any 2xx as success and names any other status", async () => {
    const statuses = [200, 201, 299, 300, 302, 401, 500];
    const server = await startStatusServer(statuses);
    try {
      const { code } = functionFileOf(lang, sampleConfigs(false, 1).configs[0]!);
      const run = await lang.run(
        statuses.map(() => ({
          code,
          name: lang.functionFile,
          mode: "call" as const,
          args: ["jane@example.com"],
        })),
        { OPENCX_API_URL: server.url, OPENCX_API_KEY: ENV_API_KEY },
      );
      const failed = (status: number) => ({
        ok: false,
        error: expect.stringMatching(
          new RegExp(`: OpenCX authenticate-user failed: HTTP ${status}$`),
        ),
        stdout: "",
      });
      expect(run.results).toEqual([
        { ok: true, value: "status-200", stdout: "" },
        { ok: true, value: "status-201", stdout: "" },
        { ok: true, value: "status-299", stdout: "" },
        failed(300),
        failed(302),
        failed(401),
        failed(500),
      ]);
    } finally {
      await server.close();
    }
  });
}
