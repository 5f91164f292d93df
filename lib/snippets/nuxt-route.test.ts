/**
 * The Nuxt server route (`server/api/opencx/contact-token.post.ts`), run: transpiled by
 * TypeScript and called as Nitro calls an event handler, with h3's `defineEventHandler`,
 * `createError` and `setResponseHeader` as thin stand-ins and Node's own `fetch` against the
 * local stand-in of authenticate-user (test-support/stand-in-api.ts). The only edit is the TODO:
 * `getSignedInUser` returns the test's user. For random and hostile verified configs, in one
 * process: the request it sends is `POST /widget/authenticate-user` with the key from
 * `OPENCX_API_KEY` as a bearer token and exactly `toAuthenticateRequest(config)` as its JSON
 * body; it answers `{ token }` with the token the API returned, marked no-store; without a
 * signed-in user it answers 401 and calls nothing; without the key it fails before calling. Run
 * once more against the app's own sandbox route, the token it answers verifies.
 */
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The test calls the sandbox route itself; lib code never imports app/.
// eslint-disable-next-line no-restricted-imports
import * as sandbox from "@/app/api/widget/authenticate-user/route";
import { propertyRuns } from "../config/arbitraries";
import type { PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { fakeKey } from "../secrets/test-support/fake-keys";
import { SANDBOX_API_KEY } from "../sandbox/settings";
import { verifySandboxToken } from "../sandbox/token";
import { generateSnippet } from "./index";
import { loadFixtureConfigs } from "./test-support/fixtures";
import { runModule } from "./test-support/embed-page";
import { sampleConfigs } from "./test-support/property";
import { fileOf } from "./test-support/snippet-checks";
import { startStandInApi, type StandInApi } from "./test-support/stand-in-api";
import { toCommonJs } from "./test-support/vue";

const RUNS = propertyRuns(100);
const KEY = fakeKey("live", "NUXT_ROUTE_STAND_IN");
const TODO = "  throw new Error('Implement getSignedInUser() with your auth library');";

/** What goes over the wire: the body after JSON serialisation (-0 becomes 0). */
const wire = (config: PlaygroundConfig) =>
  JSON.parse(JSON.stringify(toAuthenticateRequest(config))) as unknown;

let api: StandInApi;
beforeAll(async () => {
  api = await startStandInApi();
});
afterAll(() => api.close());

interface RouteRun {
  /** What the handler returned, or the error it threw. */
  result: unknown;
  error: (Error & { statusCode?: number }) | null;
  /** The response headers it set. */
  headers: Record<string, string>;
}

/** Runs the route of `config`'s Nuxt snippet once, for `user`, with `env` as process.env. */
async function runRoute(
  config: PlaygroundConfig,
  user: { email: string } | null,
  env: Record<string, string> = { OPENCX_API_URL: api.baseUrl, OPENCX_API_KEY: KEY },
  fetchImpl: typeof fetch = fetch,
): Promise<RouteRun> {
  const code = fileOf(generateSnippet("nuxt", config), ".post.ts").code;
  expect(code).toContain(TODO);
  const implemented = code.replace(TODO, "  return signedInUser;");
  const headers: Record<string, string> = {};
  const context = vm.createContext({
    process: { env },
    fetch: fetchImpl,
    AbortSignal,
    signedInUser: user,
    defineEventHandler: (handler: unknown) => handler,
    createError: (input: { statusCode: number; statusMessage?: string }) =>
      Object.assign(new Error(input.statusMessage), input),
    setResponseHeader: (_event: unknown, name: string, value: string) => {
      headers[name] = value;
    },
  });
  const exports = runModule(toCommonJs(implemented, "contact-token.post.ts"), context, {});
  const handler = exports.default as (event: unknown) => Promise<unknown>;
  try {
    return { result: await handler({ path: "/api/opencx/contact-token" }), error: null, headers };
  } catch (error) {
    return { result: undefined, error: error as RouteRun["error"], headers };
  }
}

describe("the Nuxt server route, run against a stand-in of authenticate-user", () => {
  for (const hostile of [false, true]) {
    it(`${hostile ? "hostile" : "ordinary"} strings: sends exactly toAuthenticateRequest and answers { token }`, async () => {
      const { seed, configs } = sampleConfigs(hostile, RUNS, hostile);
      for (const config of configs) {
        const before = api.requests.length;
        const run = await runRoute(config, { email: config.serverEmail });
        const message = `seed ${seed}`;
        expect(run.error, message).toBeNull();
        expect(api.requests, message).toHaveLength(before + 1);
        const request = api.requests[before]!;
        expect(request.method).toBe("POST");
        expect(request.path).toBe("/widget/authenticate-user");
        expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
        expect(request.headers["content-type"]).toBe("application/json");
        expect(request.json, message).toEqual(wire(config));
        expect(run.result).toEqual({ token: request.token });
        expect(run.headers).toEqual({ "Cache-Control": "no-store" });
      }
    });
  }

  it("answers 401 without a signed-in user, and fails without the key, before calling the API", async () => {
    const config = sampleConfigs(false, 1).configs[0]!;
    const before = api.requests.length;
    const signedOut = await runRoute(config, null);
    expect(signedOut.error?.statusCode).toBe(401);
    expect(signedOut.error?.message).toBe("Not signed in");
    const noKey = await runRoute(
      config,
      { email: "a@example.com" },
      { OPENCX_API_URL: api.baseUrl },
    );
    expect(noKey.error?.message).toBe("OPENCX_API_KEY is not set");
    expect(api.requests).toHaveLength(before);
  });

  it("against the app's own sandbox: the token it answers verifies and carries the user's email", async () => {
    const fixtures = loadFixtureConfigs().filter(({ name }) =>
      ["verified-full", "verified-mcp-all"].includes(name),
    );
    expect(fixtures).toHaveLength(2);
    for (const { name, config } of fixtures) {
      for (const widgetVersion of ["v5", "v4"] as const) {
        const run = await runRoute(
          { ...config, widgetVersion },
          { email: config.serverEmail },
          { OPENCX_API_URL: "http://sandbox.test/api", OPENCX_API_KEY: SANDBOX_API_KEY },
          // The sandbox route answers the request the route sends, as the Next.js server would.
          (url, init) => sandbox.POST(new Request(url as string, init)),
        );
        expect(run.error, `${name} ${widgetVersion}`).toBeNull();
        const token = (run.result as { token: string }).token;
        const verified = await verifySandboxToken(token);
        if (!verified.valid) throw new Error(`${name}: token did not verify: ${verified.reason}`);
        expect(verified.claims.email).toBe(config.serverEmail);
      }
    }
  });
});
