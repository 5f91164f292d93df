/**
 * The Vue component and the Nuxt plugin, run by Vue's own runtime (test-support/vue.ts) on the
 * fake page of test-support/embed-page.ts:
 *
 * - Server rendering (`renderToString` of a `createSSRApp`, the component compiled for SSR)
 *   reads no browser global (each one throws and is recorded), asks for no token, and emits no
 *   widget: the widget is started only on the client.
 * - A client mount starts the widget once: one pinned embed script, then one initializer call
 *   with `toWidgetConfig`'s options (the fetched token in `user.token`); mounting again starts
 *   nothing more. The Nuxt plugin does nothing until `app:mounted`, which Nuxt runs in the
 *   browser only.
 * - The lifecycle of the HTML page, per version and model: sign-out clears exactly the widget
 *   token's keys, then reloads; v5 verified passes another user's token to the same widget; a
 *   token minted with `mcp_access` is renewed into the same widget. (The renewal function itself
 *   is `lifecycle.ts`'s, proven on a fake clock in lifecycle.test.ts; here, its wiring.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import { WIDGET_PINS } from "../config/versions";
import { START_FAILED } from "./embed-module";
import { generateSnippet } from "./index";
import { embedScriptUrl } from "./model";
import { NUXT_CLIENT_HOOK, NUXT_PLUGIN_PATH, NUXT_ROUTE_PATH } from "./nuxt-snippet";
import { embedPage, flush, serverContext, type EmbedPage } from "./test-support/embed-page";
import { loadFixtureCases } from "./test-support/fixtures";
import { fakeBrowser, type FakeBrowser } from "./test-support/run-snippet";
import { loadSfc, mountOnClient, renderOnServer, runNuxtPlugin } from "./test-support/vue";
import { VUE_COMPONENT_PATH } from "./vue-snippet";

const TOKEN = "wt_life";
const OWN = `opencx-widget:org-token-${TOKEN}:`;
const OTHER = "opencx-widget:org-token-wt_other:";
const STORED = [
  "theme",
  `${OWN}contact-token`,
  `${OWN}external-contact-id`,
  `${OWN}active-session`,
  `${OTHER}contact-token`,
  `${OWN}companion-layout`,
];
/** What each version's sign-out leaves (domain-v5.md §18): v4 removes its two keys, v5 the namespace. */
const KEPT = {
  v4: ["theme", `${OWN}active-session`, `${OTHER}contact-token`, `${OWN}companion-layout`],
  v5: ["theme", `${OTHER}contact-token`],
} as const;

const MODELS = ["anonymous", "collect", "browser", "server"] as const;
const MAJORS = ["v4", "v5"] as const;
const TARGETS = ["vue", "nuxt"] as const;
type Target = (typeof TARGETS)[number];
type Major = (typeof MAJORS)[number];
type Model = (typeof MODELS)[number];

const configFor = (
  major: Major,
  model: Model,
  over: Partial<PlaygroundConfig> = {},
): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: TOKEN,
  serverEmail: "jane@example.com",
  userEmail: "jane@example.com",
  widgetVersion: major,
  model,
  ...over,
});
const RENEWING = configFor("v5", "server", {
  personalConnections: true,
  streaming: true,
  capabilitiesConnections: true,
});
const pageCode = (target: Target, config: PlaygroundConfig) =>
  generateSnippet(target, config).files[0]!.code;

/** One page running a Vue component or a Nuxt plugin. */
interface Page {
  page: EmbedPage;
  browser: FakeBrowser;
  /** What the framework does on the client: mount the component, or run `app:mounted`. */
  start(): Promise<void>;
  /** A function the app calls: exported by the component, provided by the plugin. */
  call(name: string): Promise<unknown>;
}

function openPage(target: Target, config: PlaygroundConfig, browser = fakeBrowser()): Page {
  const page = embedPage(browser);
  const code = pageCode(target, config);
  if (target === "vue") {
    const exports = loadSfc(code, page.context);
    return {
      page,
      browser,
      start: async () => {
        mountOnClient(exports);
        await flush();
      },
      call: async (name) => {
        const fn = exports[name];
        if (typeof fn !== "function") throw new Error(`The component exports no ${name}`);
        const result = (fn as () => unknown)();
        await flush();
        return result;
      },
    };
  }
  const plugin = runNuxtPlugin(code, page.context);
  return {
    page,
    browser,
    start: async () => {
      for (const hook of plugin.hooks) if (hook.name === NUXT_CLIENT_HOOK) await hook.run({});
      await flush();
    },
    call: async (name) => {
      const fn = plugin.provide[name];
      if (typeof fn !== "function") throw new Error(`The plugin provides no ${name}`);
      const result = (fn as () => unknown)();
      await flush();
      return result;
    },
  };
}

/** The options the widget must get: `toWidgetConfig`, with the token the backend minted. */
const optionsFor = (config: PlaygroundConfig, token?: string) =>
  toWidgetConfig(config, token === undefined ? {} : { contactToken: token });

describe("Vue: server rendering touches no browser global and emits no widget", () => {
  for (const { dir, config } of loadFixtureCases()) {
    it(dir, async () => {
      const touched: string[] = [];
      const errors: unknown[][] = [];
      const exports = loadSfc(pageCode("vue", config), serverContext(touched, errors), {
        ssr: true,
      });
      const html = await renderOnServer(exports);
      await flush();
      expect(touched).toEqual([]);
      expect(errors).toEqual([]);
      // Only the template's comment: no script, no widget element, nothing from the options.
      expect(html.replace(/^<!--[^<>]*-->$/, "")).toBe("");
      expect(html).not.toMatch(/<script|opencx|unpkg/i);
    });
  }

  it("notices a component that starts the widget during setup", async () => {
    const code = pageCode("vue", configFor("v5", "server"));
    // The same body, run in setup instead of onMounted.
    const eager = code
      .replace("onMounted(() => {", "(() => {")
      .replace(/\n\}\);\n<\/script>/, "\n})();\n</script>");
    expect(eager).not.toBe(code);
    const touched: string[] = [];
    const errors: unknown[][] = [];
    const exports = loadSfc(eager, serverContext(touched, errors), { ssr: true });
    await renderOnServer(exports);
    await flush();
    expect(touched).toContain("fetch");
    expect(errors.map((e) => e[0])).toEqual([START_FAILED]);
  });
});

describe("Nuxt: the plugin is client-only and starts the widget in app:mounted", () => {
  it("lives in the plugins directory with the .client suffix; the verified model adds its server route", () => {
    expect(NUXT_PLUGIN_PATH).toBe("app/plugins/opencx-widget.client.ts");
    expect(NUXT_ROUTE_PATH).toBe("server/api/opencx/contact-token.post.ts");
    for (const major of MAJORS) {
      expect(
        generateSnippet("nuxt", configFor(major, "anonymous")).files.map((f) => f.path),
      ).toEqual([NUXT_PLUGIN_PATH]);
      expect(generateSnippet("nuxt", configFor(major, "server")).files.map((f) => f.path)).toEqual([
        NUXT_PLUGIN_PATH,
        NUXT_ROUTE_PATH,
      ]);
    }
  });

  for (const major of MAJORS) {
    for (const model of MODELS) {
      it(`${major} ${model}: loading and running the plugin on a server touches nothing; only app:mounted starts the widget`, async () => {
        const config = configFor(major, model);
        const touched: string[] = [];
        const server = runNuxtPlugin(pageCode("nuxt", config), serverContext(touched));
        expect(touched).toEqual([]);
        expect(server.hooks.map((h) => h.name)).toEqual([NUXT_CLIENT_HOOK]);

        const client = openPage("nuxt", config);
        await flush();
        expect(client.page.scripts).toEqual([]);
        expect(client.browser.backend.requests).toEqual([]);
        await client.start();
        expect(client.page.scripts).toEqual([embedScriptUrl(major)]);
        expect(client.page.initCalls).toHaveLength(1);
      });
    }
  }

  it("provides the sign-out functions the version and model need", () => {
    const provided = (config: PlaygroundConfig) =>
      Object.keys(
        runNuxtPlugin(pageCode("nuxt", config), embedPage(fakeBrowser()).context).provide,
      );
    expect(provided(configFor("v5", "server"))).toEqual([
      "clearOpenCxWidgetStorage",
      "restartOpenCxWidget",
      "updateOpenCxWidgetUser",
    ]);
    for (const config of [configFor("v4", "server"), configFor("v5", "browser")]) {
      expect(provided(config)).toEqual(["clearOpenCxWidgetStorage", "restartOpenCxWidget"]);
    }
  });
});

describe("a client start: one pinned script, then one initializer call with toWidgetConfig", () => {
  for (const target of TARGETS) {
    for (const major of MAJORS) {
      for (const model of MODELS) {
        it(`${target} ${major} ${model}`, async () => {
          const config = configFor(major, model);
          const { page, browser, start } = openPage(target, config);
          await start();
          expect(page.scripts).toEqual([
            `https://unpkg.com/@opencx/widget@${WIDGET_PINS[major]}/dist-embed/script.js`,
          ]);
          const token = model === "server" ? browser.backend.minted[0] : undefined;
          expect(page.initCalls).toEqual([optionsFor(config, token)]);
          expect(browser.backend.requests).toHaveLength(model === "server" ? 1 : 0);
          expect(page.errors).toEqual([]);
          if (target === "vue") {
            // Mounted again (a second instance, or a remount): still one widget, started once.
            await start();
            expect(page.scripts).toHaveLength(1);
            expect(page.initCalls).toHaveLength(1);
            expect(browser.backend.requests).toHaveLength(model === "server" ? 1 : 0);
          }
        });
      }
    }
  }

  it("Vue: the component is in src/components and renders only a comment", async () => {
    const snippet = generateSnippet("vue", configFor("v5", "anonymous"));
    expect(snippet.files.map((f) => [f.path, f.language])).toEqual([[VUE_COMPONENT_PATH, "vue"]]);
    expect(snippet.install).toBeUndefined();
    const { page } = openPage("vue", configFor("v5", "anonymous"));
    const exports = loadSfc(snippet.files[0]!.code, page.context);
    const app = mountOnClient(exports);
    expect(app.root.children.map((c) => c.kind)).toEqual(["comment"]);
    app.unmount();
    await flush();
    // Unmounting the component does not remove the page's widget.
    expect(page.initCalls).toHaveLength(1);
  });

  for (const target of TARGETS) {
    it(`${target}, verified and signed out: no script is loaded and no widget starts`, async () => {
      for (const major of MAJORS) {
        const browser = fakeBrowser();
        browser.backend.mode = { kind: "signed-out" };
        const { page, start } = openPage(target, configFor(major, "server"), browser);
        await start();
        expect(browser.backend.requests).toHaveLength(1);
        expect(page.scripts).toEqual([]);
        expect(page.initCalls).toEqual([]);
        expect(page.errors).toEqual([]);
      }
    });

    it(`${target}: a script that fails to load is logged, and a later start loads it again`, async () => {
      const { page, start, call } = openPage(target, configFor("v5", "server"));
      page.scriptLoads = "fail";
      await start();
      expect(page.initCalls).toEqual([]);
      expect(page.errors).toHaveLength(1);
      expect(page.errors[0]![0]).toBe(START_FAILED);
      expect(String(page.errors[0]![1])).toContain("The OpenCX widget script did not load");
      page.scriptLoads = "run";
      await call("updateOpenCxWidgetUser");
      expect(page.scripts).toHaveLength(2);
      expect(page.initCalls).toHaveLength(1);
    });

    it(`${target}, v5 verified: a backend error is logged, not thrown at the page`, async () => {
      const browser = fakeBrowser();
      browser.backend.mode = { kind: "down" };
      const { page, start } = openPage(target, configFor("v5", "server"), browser);
      await start();
      expect(page.errors.map((e) => e[0])).toEqual([START_FAILED]);
      expect(String(page.errors[0]![1])).toContain("Contact token request failed (503)");
      expect(page.scripts).toEqual([]);
    });
  }
});

describe("sign-out and switching user, as each version needs", () => {
  for (const target of TARGETS) {
    for (const major of MAJORS) {
      for (const model of MODELS) {
        const config = configFor(major, model);
        const inPlace = major === "v5" && model === "server";
        it(`${target} ${major} ${model}: restartOpenCxWidget() clears the widget token's keys, then reloads`, async () => {
          const { page, browser, start, call } = openPage(target, config, fakeBrowser(STORED));
          await start();
          await call("restartOpenCxWidget");
          expect(page.reloads).toEqual([KEPT[major]]);
          expect(page.initCalls).toHaveLength(1);
          expect(browser.backend.requests).toHaveLength(model === "server" ? 1 : 0);
          const fresh = openPage(target, config, fakeBrowser(STORED));
          await fresh.call("clearOpenCxWidgetStorage");
          expect(fresh.browser.storage.keys()).toEqual(KEPT[major]);
          if (!inPlace)
            await expect(call("updateOpenCxWidgetUser")).rejects.toThrow(
              /no updateOpenCxWidgetUser/,
            );
        });
      }
    }

    it(`${target}, v5 verified: another user's token goes to the same widget after the keys are cleared, without a reload`, async () => {
      const { page, browser, start, call } = openPage(
        target,
        configFor("v5", "server"),
        fakeBrowser(STORED),
      );
      await start();
      let keysAtRequest: string[] = [];
      browser.backend.onRequest = () => (keysAtRequest = browser.storage.keys());
      browser.backend.user = "B";
      await call("updateOpenCxWidgetUser");
      expect(keysAtRequest).toEqual(KEPT.v5);
      expect(browser.backend.mintedFor).toEqual(["A", "B"]);
      expect(page.initCalls).toEqual(
        browser.backend.minted.map((token) => optionsFor(configFor("v5", "server"), token)),
      );
      expect(page.scripts).toHaveLength(1);
      expect(page.reloads).toEqual([]);
    });
  }
});

const MINUTE = 60 * 1000;

describe("renewal of a token minted with mcp_access (v5): into the same widget", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 1_800_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const advance = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await flush();
  };

  for (const target of TARGETS) {
    it(`${target}: renews at 80 % of the lifetime, hands the new token to the same widget, one timer at a time`, async () => {
      const { page, browser, start, call } = openPage(target, RENEWING);
      await start();
      const tokens = () => page.initCalls.map((o) => (o.user as { token: string }).token);
      await advance(48 * MINUTE - 1);
      expect(browser.backend.requests).toHaveLength(1);
      await advance(1);
      expect(browser.backend.requests).toHaveLength(2);
      expect(tokens()).toEqual(browser.backend.minted);
      expect(page.initCalls[1]).toEqual(optionsFor(RENEWING, browser.backend.minted[1]));
      expect(page.scripts).toHaveLength(1);
      expect(page.reloads).toEqual([]);
      expect(vi.getTimerCount()).toBe(1);
      // A hidden tab shown again after the renewal point renews at once.
      browser.document.setVisibility("hidden");
      vi.setSystemTime(Date.now() + 2 * 60 * MINUTE);
      browser.document.setVisibility("visible");
      await flush();
      expect(browser.backend.requests).toHaveLength(3);
      // Another user: their token replaces the renewal, still one timer and one listener.
      browser.backend.user = "B";
      await call("updateOpenCxWidgetUser");
      expect(vi.getTimerCount()).toBe(1);
      expect(browser.document.listenerCount("visibilitychange")).toBe(1);
      expect(tokens()).toEqual(browser.backend.minted);
    });

    it(`${target}: chat-only, v4 and non-verified pages set no timer and no listener`, async () => {
      for (const config of [
        configFor("v5", "server"),
        configFor("v4", "server", { personalConnections: true }),
        configFor("v5", "browser"),
      ]) {
        const { browser, start } = openPage(target, config);
        await start();
        expect(vi.getTimerCount()).toBe(0);
        expect(browser.document.listenerCount("visibilitychange")).toBe(0);
      }
    });
  }
});
