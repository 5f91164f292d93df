/**
 * The starter projects run (issue 21's CI proof), once per CI run, for the four combinations
 * anonymous / verified × Next.js / Express: the project a user downloads is generated
 * (`starterFiles`), zipped (`starterZip`) and unzipped into a temporary folder (fflate), installed
 * from the npm registry with `npm install`, and started with the README's `npm run dev` (PORT
 * set); Chromium then opens it. The widget itself is a stand-in that records its options:
 *
 * - Next.js: `@opencx/widget-react` is not on this machine's registry, so the CI copy (never the
 *   zip) points the dependency at a stand-in package at the pinned version
 *   (`npm pkg set dependencies.@opencx/widget-react=file:./stub/…`) whose `Widget` records the
 *   `options` it renders with;
 * - Express: the pinned unpkg embed script is answered with a stub whose `initOpenScript` records
 *   its options.
 *
 * The recorded options must equal `toWidgetConfig` of the config the starter was made from. In
 * the verified model the test signs in through the starter's demo form; the widget's
 * `user.token` must be a token the starter's own route (`POST /api/opencx/contact-token`)
 * answered, minted by the playground's sandbox (the e2e server, which the starter's settings file
 * points at) for the signed-in email. The page itself never calls the sandbox, nor any other host.
 *
 * Per-phase timings are printed (install, first page, checks…). The projects live under the
 * system's temporary folder, never in the repository; every child runs in its own process group,
 * stopped whatever happens.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Page, Request } from "@playwright/test";
import { defaultConfig, withoutSecrets, type PlaygroundConfig } from "../lib/config/options";
import { usableConfig } from "../lib/config/usable";
import { WIDGET_PINS } from "../lib/config/versions";
import { toAuthenticateRequest, toWidgetConfig } from "../lib/config/widget-config";
import { verifySandboxToken } from "../lib/sandbox/token";
import { CONTACT_TOKEN_ENDPOINT, embedScriptUrl, REACT_PACKAGE } from "../lib/snippets/model";
import { STARTER_FOLDERS, starterFiles, starterZip, type StarterStack } from "../lib/starter";
import { expect, test } from "./support/fixtures";
import { widgetStorageKeys } from "./support/widget-storage";
import {
  Child,
  childEnv,
  EMBED_SCRIPT_STUB,
  freePort,
  Phases,
  projectPath,
  RECORDED_INIT_CALLS,
  RECORDED_WIDGET_OPTIONS,
  run,
  stopAll,
  unzipStarter,
  waitForPort,
  WIDGET_REACT_STUB_DIR,
  WIDGET_STUB_MARKER,
  widgetReactStubFiles,
} from "./support/starter-run";

/** Per combination: install ~20–60 s, Next's first page 15–60 s on a busy 2-core machine. */
const COMBINATION_TIMEOUT = 6 * 60_000;
const INSTALL_TIMEOUT = 4 * 60_000;
const FIRST_PAGE_TIMEOUT = 3 * 60_000;

/** Free text with quotes, a backslash, `</script>` and non-ASCII: the generators' escaping, run for real. */
const TRICKY = `Zoë "Ada" O'Brien \\ </script><!-- ✓ 𝒜`;

const SIGNED_IN_EMAIL = "ada+starter-ci@example.com";

interface Combination {
  stack: StarterStack;
  config: PlaygroundConfig;
}

/** Fixed, representative configs: every one reaches the files unchanged (nothing held back). */
const COMBINATIONS: Combination[] = [
  {
    stack: "nextjs",
    config: {
      ...defaultConfig(),
      widgetVersion: "v5",
      model: "anonymous",
      externalId: `tenant ${TRICKY}`,
      language: "fr",
      primaryColor: "#0a7f5a",
      streaming: true,
    },
  },
  {
    stack: "nextjs",
    config: {
      ...defaultConfig(),
      widgetVersion: "v5",
      model: "server",
      serverName: TRICKY,
      externalId: `workspace "42" ✓`,
      serverCustomData: [
        { key: "plan", value: `pro "max" ✓` },
        { key: "seats", value: 12 },
      ],
    },
  },
  {
    // The one v4 combination: the embed without defer, initOpenScript as a global.
    stack: "express",
    config: {
      ...defaultConfig(),
      widgetVersion: "v4",
      model: "anonymous",
      externalId: `tenant ${TRICKY}`,
      language: "de",
    },
  },
  {
    stack: "express",
    config: {
      ...defaultConfig(),
      widgetVersion: "v5",
      model: "server",
      serverName: TRICKY,
      externalId: `workspace "42" ✓`,
      // A token with mcp_access expires: the page's renewal code runs too.
      personalConnections: true,
      capabilitiesConnections: true,
    },
  },
  {
    // Loading after consent: nothing of the widget until the demo banner's button is pressed.
    stack: "express",
    config: {
      ...defaultConfig(),
      widgetVersion: "v5",
      model: "collect",
      prefillName: TRICKY,
      loading: "consent",
    },
  },
];

const label = ({ stack, config }: Combination) =>
  `${stack === "nextjs" ? "Next.js" : "Express"}, ${config.model === "server" ? "verified" : config.model}, widget ${config.widgetVersion}${config.loading === "page-load" ? "" : `, loading on ${config.loading}`}`;

let root: string | undefined;
const summary: string[] = [];
const suiteStarted = performance.now();

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "opencx-starter-ci-"));
});

test.afterAll(async () => {
  if (root && process.env.KEEP_STARTER_PROJECTS)
    console.log(`[starter-run] projects kept in ${root}`);
  else if (root) await rm(root, { recursive: true, force: true });
  if (summary.length > 0) {
    const total = ((performance.now() - suiteStarted) / 1000).toFixed(1);
    console.log(`[starter-run] timings\n  ${summary.join("\n  ")}\n  spec total ${total} s`);
  }
});

// A test that timed out may still be awaiting a child: stop every process group left.
test.afterEach(async () => {
  await stopAll();
});

/** The config the starter's files are made from: usable, without the sensitive fields. */
function starterConfig(config: PlaygroundConfig): PlaygroundConfig {
  return withoutSecrets(usableConfig(config).config);
}

/**
 * Answers the pinned embed script with the stub and refuses every other request that leaves
 * the starter's own origin (recorded, so the test can say which).
 */
async function routeOutside(page: Page, origin: string, embedUrl: string | null) {
  const outside: string[] = [];
  const embedRequests: string[] = [];
  await page.route(
    (url) => url.origin !== origin,
    async (route) => {
      const url = route.request().url();
      if (url === embedUrl) {
        embedRequests.push(url);
        await route.fulfill({ contentType: "text/javascript", body: EMBED_SCRIPT_STUB });
        return;
      }
      outside.push(url);
      await route.abort("blockedbyclient");
    },
  );
  return { outside, embedRequests };
}

/** The tokens the starter's own route answered with, in order. */
function watchTokenRoute(page: Page, origin: string) {
  const answers: { status: number; token?: string }[] = [];
  page.on("requestfinished", (request: Request) => {
    if (request.url() !== `${origin}${CONTACT_TOKEN_ENDPOINT}` || request.method() !== "POST")
      return;
    void (async () => {
      const response = await request.response();
      if (!response) return;
      const status = response.status();
      const body = status === 200 ? ((await response.json()) as { token?: string }) : {};
      answers.push({ status, token: body.token });
    })();
  });
  return answers;
}

test.describe("starter projects, installed and run (issue 21)", () => {
  for (const combination of COMBINATIONS) {
    test(label(combination), async ({ page, baseURL, pageErrors }) => {
      test.setTimeout(COMBINATION_TIMEOUT);
      const { stack, config } = combination;
      const major = config.widgetVersion;
      const verified = config.model === "server";
      const phases = new Phases();
      const name = `${stack}-${config.model}-${major}`;
      let server: Child | undefined;
      let passed = false;
      try {
        // 1. Generate, zip, unzip into a temporary folder: the files a user gets.
        expect(usableConfig(config).held).toEqual([]);
        const playgroundUrl = new URL("/", baseURL).href;
        const files = starterFiles(config, stack, { playgroundUrl });
        const zip = starterZip(files, STARTER_FOLDERS[stack]);
        const unzipped = await unzipStarter(zip, STARTER_FOLDERS[stack], join(root!, name));
        expect(unzipped.files).toEqual(files);
        const dir = unzipped.dir;
        const manifest = JSON.parse(files.find((f) => f.path === "package.json")!.contents) as {
          scripts: Record<string, string>;
          dependencies: Record<string, string>;
        };
        const readme = files.find((f) => f.path === "README.md")!.contents;
        expect(readme).toContain("\nnpm install\nnpm run dev\n");
        phases.mark("unzip");

        // 2. Next.js: the widget's React package is not on this registry: a stand-in, in this copy only.
        if (stack === "nextjs") {
          expect(manifest.dependencies[REACT_PACKAGE]).toBe(WIDGET_PINS[major]);
          for (const file of widgetReactStubFiles(major)) {
            const target = projectPath(dir, `${WIDGET_REACT_STUB_DIR}/${file.path}`);
            await mkdir(dirname(target), { recursive: true });
            await writeFile(target, file.contents, "utf8");
          }
          await run(
            "npm",
            ["pkg", "set", `dependencies.${REACT_PACKAGE}=file:./${WIDGET_REACT_STUB_DIR}`],
            dir,
            childEnv(),
            30_000,
          );
        }

        // 3. The README's commands: npm install, npm run dev.
        await run("npm", ["install", "--no-audit", "--no-fund"], dir, childEnv(), INSTALL_TIMEOUT);
        phases.mark("install");

        const port = await freePort();
        const origin = `http://localhost:${port}`;
        server = new Child("npm", ["run", "dev"], dir, childEnv({ PORT: String(port) }));
        await waitForPort(port, server, 60_000);
        phases.mark("start");

        // 4. The page, with the widget's script (Express) answered by the stub.
        const embedUrl = stack === "express" ? embedScriptUrl(major) : null;
        const { outside, embedRequests } = await routeOutside(page, origin, embedUrl);
        const tokenAnswers = watchTokenRoute(page, origin);
        await page.goto(`${origin}/`, { timeout: FIRST_PAGE_TIMEOUT });
        await expect(
          page.getByRole("heading", { level: 1, name: "OpenCX support chat" }),
        ).toBeVisible();
        phases.mark("first page");

        const recorded = (): Promise<unknown[]> =>
          page.evaluate(
            ([a, b]) => {
              const w = window as unknown as Record<string, unknown[] | undefined>;
              return w[a] ?? w[b] ?? [];
            },
            [RECORDED_WIDGET_OPTIONS, RECORDED_INIT_CALLS] as const,
          );
        const widgetStarted = async () => {
          if (stack === "nextjs")
            await expect(page.locator(`[${WIDGET_STUB_MARKER}]`)).toBeAttached({
              timeout: FIRST_PAGE_TIMEOUT,
            });
          await expect
            .poll(async () => (await recorded()).length, { timeout: FIRST_PAGE_TIMEOUT })
            .toBeGreaterThan(0);
        };
        const clean = starterConfig(config);

        if (!verified) {
          if (config.loading === "consent") {
            // Before consent: no widget script requested, no initialisation, no widget key.
            await page.waitForLoadState("networkidle");
            expect(embedRequests).toEqual([]);
            expect(await recorded()).toEqual([]);
            expect(await widgetStorageKeys(page)).toEqual([]);
            await page.getByRole("button", { name: "Accept chat" }).click();
            phases.mark("consent");
          }
          await widgetStarted();
          // Every render's options (React may render more than once in development).
          for (const options of await recorded()) expect(options).toEqual(toWidgetConfig(clean));
        } else {
          // Nobody signed in: no widget (Express asked its route and got a 401; Next.js did not ask).
          if (stack === "express")
            await expect.poll(() => tokenAnswers.map((a) => a.status)).toEqual([401]);
          if (stack === "express") await expect(page.getByText("Not signed in.")).toBeVisible();
          else await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
          expect(await recorded()).toEqual([]);

          await page.getByLabel("Email").fill(SIGNED_IN_EMAIL);
          await page.getByRole("button", { name: "Sign in" }).click();
          await expect(page.getByText(`Signed in as ${SIGNED_IN_EMAIL}.`)).toBeVisible({
            timeout: FIRST_PAGE_TIMEOUT,
          });
          await widgetStarted();
          phases.mark("sign-in to widget");

          // Signed out, only Express asked (401); signed in, every answer was a token.
          const minted = tokenAnswers.filter((a) => a.status === 200).map((a) => a.token);
          expect(minted.length).toBeGreaterThan(0);
          expect(tokenAnswers.map((a) => a.status)).toEqual([
            ...(stack === "express" ? [401] : []),
            ...minted.map(() => 200),
          ]);
          const calls = await recorded();
          for (const options of calls) {
            const token = (options as { user?: { token?: string } }).user?.token ?? "";
            // The token the starter's own route answered, in exactly the options the snippet means.
            expect(minted).toContain(token);
            expect(options).toEqual(toWidgetConfig(clean, { contactToken: token }));
            // Minted by the playground's sandbox, for the signed-in user, with the config's body.
            const verification = await verifySandboxToken(token);
            if (!verification.valid) throw new Error(`Not a sandbox token: ${verification.reason}`);
            const { claims } = verification;
            const body = toAuthenticateRequest(clean);
            expect(claims.email).toBe(SIGNED_IN_EMAIL);
            expect(claims.name).toBe(body.name);
            expect(claims.customData).toEqual(body.customData);
            expect(claims.sub.payload.mcp_access !== undefined).toBe(body.mcp_access !== undefined);
          }
        }

        // The page fetched the widget's script (Express) and nothing else outside its origin:
        // the sandbox was reached by the starter's server, never by the page.
        // (Once per page load: the verified page loads again after the sign-in.)
        expect(embedRequests).toEqual(embedUrl ? Array(verified ? 2 : 1).fill(embedUrl) : []);
        expect(outside).toEqual([]);
        // Chromium logs the signed-out page's 401 from the token route (Express asks, on purpose).
        const signedOut401 = (e: string) => verified && stack === "express" && / 401 /.test(e);
        expect(pageErrors.filter((e) => !signedOut401(e))).toEqual([]);
        phases.mark("checks");
        passed = true;
      } finally {
        await server?.stop();
        phases.mark("stop");
        const line = phases.line(label(combination));
        summary.push(line);
        console.log(`[starter-run] ${line}`);
        if (server && !passed)
          await test.info().attach(`${name} dev server output`, { body: server.output });
      }
    });
  }
});
