/**
 * The Express starter runs: its files, written to a folder as the zip unpacks them, start with
 * the README's `npm run dev` command line (`node --env-file=.env.example server.mjs`) in a real
 * Node process, and over real HTTP the demo sign-in sets its cookie, the session reaches the
 * Express snippet's router, and the router mints the signed-in user's token from the app's
 * sandbox route (served as Next serves it): the token verifies and names that user.
 *
 * Express is not installed here, and the starter's tests must not add it: `node_modules/express`
 * in the folder is a stand-in with only what the starter uses (test-support/express-stand-in.ts).
 * So this proves the starter's own code and wiring, not Express; the CI proof of issue 21 installs
 * the real package. `node --check` parses every module, the stand-in aside.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The test serves the sandbox route module itself; lib code never imports app/.
// eslint-disable-next-line no-restricted-imports
import * as route from "@/app/api/widget/authenticate-user/route";
import { defaultConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { SANDBOX_API_KEY } from "../sandbox/settings";
import { bareEnv, runProgram } from "../sandbox/test-support/run-command";
import { startSandboxServer, type SandboxServer } from "../sandbox/test-support/sandbox-server";
import { verifySandboxToken } from "../sandbox/token";
import { generateHtmlSnippet } from "../snippets/html-snippet";
import { starterFiles } from "./index";
import { EXPRESS_STAND_IN_PACKAGE, EXPRESS_STAND_IN_SOURCE } from "./test-support/express-stand-in";

const config = { ...defaultConfig(), model: "server" as const, serverName: "Ada O'Brien" };
const PLAYGROUND = "https://playground.example.test/?s=abc";

let dir: string;
let sandbox: SandboxServer;
let server: ChildProcess | undefined;
let base: string;
let logs = "";

/** A port nobody listens on now (the starter reads PORT, and 0 would mean its default). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  sandbox = await startSandboxServer(route);
  dir = await mkdtemp(join(tmpdir(), "starter-express-"));
  const files = [
    ...starterFiles(config, "express", { playgroundUrl: PLAYGROUND }),
    { path: "node_modules/express/package.json", contents: EXPRESS_STAND_IN_PACKAGE },
    { path: "node_modules/express/index.js", contents: EXPRESS_STAND_IN_SOURCE },
  ];
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.contents, "utf8");
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The README's `npm run dev`, as package.json spells it. OPENCX_API_URL from the environment
  // wins over the file (it points at this test's sandbox); the key comes from .env.example.
  const manifest = files.find((f) => f.path === "package.json")!.contents;
  const dev = (JSON.parse(manifest) as { scripts: { dev: string } }).scripts.dev;
  expect(dev).toBe("node --env-file=.env.example server.mjs");
  const [, ...args] = dev.split(" ");
  const child = spawn(process.execPath, args, {
    cwd: dir,
    // Only PATH, HOME and the locale from this process (ProcessEnv's type wants NODE_ENV too).
    env: {
      ...bareEnv(),
      PORT: String(port),
      OPENCX_API_URL: `${sandbox.baseUrl}/api`,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  child.stdout.setEncoding("utf8").on("data", (text: string) => (logs += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => (logs += text));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${logs}`)), 10_000);
    child.stdout.on("data", () => {
      if (logs.includes("Listening on")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited ${code}: ${logs}`)));
  });
});

afterAll(async () => {
  server?.kill();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const post = (path: string, init: RequestInit = {}) =>
  fetch(`${base}${path}`, { method: "POST", redirect: "manual", ...init });
const form = (fields: Record<string, string>, cookie?: string): RequestInit => ({
  headers: {
    "content-type": "application/x-www-form-urlencoded",
    ...(cookie ? { cookie } : {}),
  },
  body: new URLSearchParams(fields).toString(),
});

describe("the Express starter, run", () => {
  it("every module parses (node --check)", async () => {
    for (const file of [
      "server.mjs",
      "server/demo-session.mjs",
      "server/opencx-contact-token.mjs",
      "server/opencx-routes.mjs",
    ]) {
      const result = await runProgram(process.execPath, ["--check", file], dir);
      expect(result, file).toMatchObject({ code: 0, stderr: "" });
    }
  });

  it("serves the page with the HTML snippet", async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(generateHtmlSnippet(config).files[0]!.code);
  });

  it("answers 401 to the token route when nobody is signed in", async () => {
    const response = await post("/api/opencx/contact-token");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Not signed in" });
    expect(await (await fetch(`${base}/demo/session`)).json()).toEqual({ email: null });
  });

  it("signs in, then mints the signed-in user's token from the sandbox through the router", async () => {
    const email = "ada+starter@example.com";
    const signIn = await post("/demo/sign-in", form({ email: ` ${email} ` }));
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get("location")).toBe("/");
    const setCookie = signIn.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(
      /^demo_user=ada%2Bstarter%40example\.com; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const cookie = setCookie.split(";")[0]!;

    expect(await (await fetch(`${base}/demo/session`, { headers: { cookie } })).json()).toEqual({
      email,
    });

    const before = sandbox.received.length;
    const response = await post("/api/opencx/contact-token", { headers: { cookie } });
    expect(response.status, logs).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { token } = (await response.json()) as { token: string };
    const verified = await verifySandboxToken(token);
    if (!verified.valid) throw new Error(`token did not verify: ${verified.reason}`);
    expect(verified.claims.email).toBe(email);
    expect(verified.claims.name).toBe("Ada O'Brien");
    expect(sandbox.received.slice(before)).toEqual([
      { ...JSON.parse(JSON.stringify(toAuthenticateRequest(config))), email },
    ]);
  });

  it("refuses what is not an email, and signs out", async () => {
    const refused = await post("/demo/sign-in", form({ email: "not an email" }));
    expect(refused.status).toBe(303);
    expect(refused.headers.get("set-cookie")).toBeNull();

    const signOut = await post("/demo/sign-out");
    expect(signOut.status).toBe(303);
    expect(signOut.headers.get("set-cookie")).toMatch(/^demo_user=; .*Max-Age=0/);
  });

  it("a damaged or forged-looking cookie signs nobody in", async () => {
    for (const cookie of ["demo_user=%E0%A4%A", "demo_user=", "demo_user=no-at-sign"]) {
      const response = await post("/api/opencx/contact-token", { headers: { cookie } });
      expect(response.status, cookie).toBe(401);
    }
  });

  it("dev reads the sandbox key from .env.example; a variable in the environment wins", async () => {
    const print =
      "console.log(JSON.stringify([process.env.OPENCX_API_URL, process.env.OPENCX_API_KEY]))";
    const fromFile = await runProgram(
      process.execPath,
      ["--env-file=.env.example", "-e", print],
      dir,
    );
    expect(JSON.parse(fromFile.stdout)).toEqual([
      "https://playground.example.test/api",
      SANDBOX_API_KEY,
    ]);
    const overridden = await runProgram(
      process.execPath,
      ["--env-file=.env.example", "-e", print],
      dir,
      {
        ...bareEnv(),
        OPENCX_API_URL: "https://api.open.cx",
      },
    );
    expect(JSON.parse(overridden.stdout)).toEqual(["https://api.open.cx", SANDBOX_API_KEY]);
  });
});
