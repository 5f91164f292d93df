/**
 * The lifecycle code in the client snippets, run against a fake browser (test-support/
 * run-snippet.ts): sign-out removes exactly the widget token's keys for its version and then
 * reloads, remounts or updates the widget as that version needs (domain-v5.md §3.7, §18), and a
 * token minted with `mcp_access` is renewed on a fake clock at 80 % of its lifetime, when a hidden
 * tab comes back after that point, never in a loop, and not after unmount. The hostile-string
 * properties (client.property / hostile-client.property) run the same sign-out helper for every
 * generated config through `checkClearStorage`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { generateSnippet, type SnippetTarget } from "./index";
import {
  commentLines,
  keysToClear,
  remountKeyText,
  RENEW_AT_FRACTION,
  sharedComputerRisk,
} from "./lifecycle";
import { blockedStorage, FakeStorage, type BackendMode } from "./test-support/fake-browser";
import { parseSource } from "./test-support/literal-eval";
import {
  fakeBrowser,
  loadComponent,
  mount,
  runHtmlPage,
  settle,
  WIDGET,
  type FakeBrowser,
  type FakeElement,
  type MountedComponent,
} from "./test-support/run-snippet";
import { checkClearStorage, fileOf, generatedInlineScript } from "./test-support/snippet-checks";
import { openSveltePage } from "./test-support/svelte";

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
  `${OWN}companion-sidebar-width`,
  `opencx-widget:org-token-${TOKEN}`,
];
/** What a v4 sign-out leaves: everything but its two keys. */
const KEPT_V4 = STORED.filter(
  (k) => k !== `${OWN}contact-token` && k !== `${OWN}external-contact-id`,
);
/** What a v5 sign-out leaves: everything outside the token's namespace. */
const KEPT_V5 = ["theme", `${OTHER}contact-token`, `opencx-widget:org-token-${TOKEN}`];

const MODELS = ["anonymous", "collect", "browser", "server"] as const;
const MAJORS = ["v4", "v5"] as const;
const CLIENT = ["html", "react", "nextjs", "svelte", "sveltekit"] as const;
/** The Svelte components: the embed's lifecycle, exported from the component's module script. */
const SVELTE = ["svelte", "sveltekit"] as const;
const isSvelte = (target: SnippetTarget) => (SVELTE as readonly string[]).includes(target);
type Major = (typeof MAJORS)[number];
type Model = (typeof MODELS)[number];

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: TOKEN,
  serverEmail: "jane@example.com",
  userEmail: "jane@example.com",
  ...over,
});
const configFor = (major: Major, model: Model, over: Partial<PlaygroundConfig> = {}) =>
  make({ widgetVersion: major, model, ...over });
/** v5, verified, personal connections: a token minted with mcp_access, renewed by the page. */
const RENEWING = make({
  model: "server",
  personalConnections: true,
  streaming: true,
  capabilitiesConnections: true,
});
const pageFile = (target: SnippetTarget, config: PlaygroundConfig) =>
  generateSnippet(target, config).files[0]!.code;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: 1_800_000_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the fake clock, running due timers, and lets the promises they start settle. */
async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

describe("the sign-out helper removes exactly this widget token's keys", () => {
  for (const major of MAJORS) {
    const kept = major === "v4" ? KEPT_V4 : KEPT_V5;
    for (const model of MODELS) {
      it(`${major} ${model}: HTML, React, Next.js, Svelte and SvelteKit keep ${kept.length} of ${STORED.length} keys`, async () => {
        const config = configFor(major, model);
        const browser = fakeBrowser(STORED);
        runHtmlPage(pageFile("html", config), browser).call("clearOpenCxWidgetStorage");
        expect(browser.storage.keys()).toEqual(kept);
        for (const target of ["react", "nextjs"] as const) {
          const reactBrowser = fakeBrowser(STORED);
          const exports = loadComponent(pageFile(target, config), reactBrowser);
          (exports.clearOpenCxWidgetStorage as () => void)();
          expect(reactBrowser.storage.keys(), target).toEqual(kept);
        }
        for (const target of SVELTE) {
          const svelteBrowser = fakeBrowser(STORED);
          const page = await openSveltePage(pageFile(target, config), svelteBrowser);
          page.call("clearOpenCxWidgetStorage");
          expect(svelteBrowser.storage.keys(), target).toEqual(kept);
        }
      });
    }
  }

  it("v4 removes exactly its two keys, by name; v5 everything under the token's prefix", () => {
    expect(keysToClear(configFor("v4", "anonymous"))).toEqual({
      kind: "exact",
      keys: [`${OWN}contact-token`, `${OWN}external-contact-id`],
    });
    expect(keysToClear(configFor("v5", "anonymous"))).toEqual({ kind: "prefix", prefix: OWN });
    // No widget token typed: the keys are those of the placeholder the options carry.
    expect(keysToClear(configFor("v5", "anonymous", { widgetToken: "" }))).toEqual({
      kind: "prefix",
      prefix: "opencx-widget:org-token-YOUR_WIDGET_TOKEN:",
    });
  });

  it("never throws when the browser blocks storage (a sign-out must not fail)", () => {
    for (const major of MAJORS) {
      const browser = { ...fakeBrowser(), storage: blockedStorage() as FakeStorage };
      const page = runHtmlPage(pageFile("html", configFor(major, "browser")), browser);
      expect(() => page.call("clearOpenCxWidgetStorage")).not.toThrow();
      const exports = loadComponent(pageFile("react", configFor(major, "browser")), browser);
      expect(() => (exports.clearOpenCxWidgetStorage as () => void)()).not.toThrow();
    }
  });

  it("the property check notices a helper that removes while reading by index, or the wrong keys", () => {
    const html = pageFile("html", configFor("v5", "anonymous"));
    const check = (code: string, major: Major) =>
      checkClearStorage(parseSource(generatedInlineScript(code), "inline.js"), TOKEN, major);
    expect(() => check(html, "v5")).not.toThrow();
    const byIndex = html.replace(
      /const keys = Array\.from[^\n]*\n\s*for \(const key of keys\) \{/,
      "for (let i = 0; i < localStorage.length; i++) { const key = localStorage.key(i);",
    );
    expect(byIndex).not.toBe(html);
    expect(() => check(byIndex, "v5")).toThrow(/left/);
    expect(() => check(html.replace(`${OWN}'`, `${OWN.slice(0, -1)}'`), "v5")).toThrow(/left/);
    // v5's helper on a v4 page removes more than v4's sign-out does.
    expect(() => check(html, "v4")).toThrow(/left/);
  });
});

describe("sign-out and switching user, as each version needs", () => {
  for (const major of MAJORS) {
    for (const model of MODELS) {
      const config = configFor(major, model);
      const inPlace = major === "v5" && model === "server";
      it(`${major} ${model} HTML: restartOpenCxWidget() clears the keys, then reloads; initOpenScript runs once`, async () => {
        const browser = fakeBrowser(STORED);
        const page = runHtmlPage(pageFile("html", config), browser);
        await page.load();
        expect(page.initCalls).toHaveLength(1);
        page.call("restartOpenCxWidget");
        // The keys were gone when the page reloaded.
        expect(page.reloads).toEqual([major === "v4" ? KEPT_V4 : KEPT_V5]);
        expect(page.initCalls).toHaveLength(1);
        if (!inPlace) expect(() => page.call("updateOpenCxWidgetUser")).toThrow(/no function/);
      });
    }
  }

  it("v5 verified HTML: another user's token goes to the same widget after the keys are cleared, without a reload", async () => {
    const browser = fakeBrowser(STORED);
    const page = runHtmlPage(pageFile("html", configFor("v5", "server")), browser);
    await page.load();
    let keysAtRequest: string[] = [];
    browser.backend.onRequest = () => (keysAtRequest = browser.storage.keys());
    browser.backend.user = "B";
    await page.call("updateOpenCxWidgetUser");
    expect(keysAtRequest).toEqual(KEPT_V5);
    expect(page.initCalls.map((o) => (o.user as { token: string }).token)).toEqual(
      browser.backend.minted,
    );
    expect(browser.backend.mintedFor).toEqual(["A", "B"]);
    expect(page.reloads).toEqual([]);
  });

  it("v5 verified HTML: nobody signed in, no widget; signing in later starts it", async () => {
    const browser = fakeBrowser();
    browser.backend.mode = { kind: "signed-out" };
    const page = runHtmlPage(pageFile("html", configFor("v5", "server")), browser);
    await page.load();
    expect(page.initCalls).toEqual([]);
    browser.backend.mode = { kind: "mint", lifetimeSeconds: 3600 };
    await page.call("updateOpenCxWidgetUser");
    expect(page.initCalls).toHaveLength(1);
  });

  it("v4 verified: nobody signed in (401) starts no widget quietly; a failing backend starts none and says why in the console", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const [mode, errors] of [
        [{ kind: "signed-out" }, 0],
        [{ kind: "down" }, 1],
      ] as const) {
        const browser = fakeBrowser();
        browser.backend.mode = mode;
        const page = runHtmlPage(pageFile("html", configFor("v4", "server")), browser);
        // The page's handler throws, and the browser reports it in the console as uncaught.
        if (errors) await expect(page.load()).rejects.toThrow("Contact token request failed (503)");
        else await page.load();
        for (const target of ["react", "nextjs"] as const) {
          const widget = mount(loadComponent(pageFile(target, configFor("v4", "server")), browser));
          await settle();
          expect(widget.current).toBeNull();
        }
        expect(page.initCalls).toEqual([]);
        expect(browser.backend.requests).toHaveLength(3);
        // One line each from React and Next.js when the backend fails; none for a 401.
        expect(logged).toHaveBeenCalledTimes(errors * 2);
        expect(logged.mock.calls.flat().join(" ")).toMatch(errors ? /\(503\)/ : /^$/);
        logged.mockClear();
      }
    } finally {
      logged.mockRestore();
    }
  });

  it("v4 verified React and Next.js: one token per mount, <Widget> never keyed; the page remounts <SupportWidget> by the user", async () => {
    for (const target of ["react", "nextjs"] as const) {
      const code = pageFile(target, configFor("v4", "server"));
      expect(code).toContain("// Render <SupportWidget key={userId} /> once,");
      expect(code).toContain("Key it by your signed-in user's id, never the token");
      const browser = fakeBrowser();
      const widget = mount(loadComponent(code, browser));
      await settle();
      widget.render();
      await settle();
      expect(browser.backend.requests).toHaveLength(1);
      expect(widget.current).toMatchObject({ type: WIDGET, key: null });
      expect(tokenOf(widget.current)).toBe(browser.backend.minted[0]);
    }
  });

  it("v5 verified React and Next.js: a new user's token reaches the same <Widget>; signed out, no widget", async () => {
    for (const target of ["react", "nextjs"] as const) {
      const code = pageFile(target, configFor("v5", "server"));
      expect(code).toContain("// Render <SupportWidget userId={userId} /> once,");
      expect(code).not.toMatch(/\bkey=\{/);
      const browser = fakeBrowser();
      const widget = mount(loadComponent(code, browser), { userId: "A" });
      await settle();
      expect(tokenOf(widget.current)).toBe(browser.backend.minted[0]);
      browser.backend.user = "B";
      widget.setProps({ userId: "B" });
      await settle();
      expect(browser.backend.requests).toHaveLength(2);
      expect(tokenOf(widget.current)).toBe(browser.backend.minted[1]);
      // Kept mounted from A to B: the widget never went away, and it is never keyed.
      expect(widgetTokens(widget)).toEqual(browser.backend.minted);
      expect(unmounts(widget)).toBe(0);
      widget.setProps({ userId: null });
      await settle();
      expect(widget.current).toBeNull();
      expect(browser.backend.requests).toHaveLength(2);
    }
  });

  it("v5 verified React: a failed fetch for the next user shows no widget rather than the previous user's", async () => {
    const browser = fakeBrowser();
    const widget = mount(loadComponent(pageFile("react", configFor("v5", "server")), browser), {
      userId: "A",
    });
    await settle();
    browser.backend.mode = { kind: "offline" };
    widget.setProps({ userId: "B" });
    await settle();
    expect(widget.current).toBeNull();
  });

  it("each snippet says how its version moves to the next identity", () => {
    const code = (target: SnippetTarget, major: Major, model: Model) =>
      pageFile(target, configFor(major, model)).replace(/\n\s*(\/\/|\*)\s*/g, " ");
    for (const model of MODELS) {
      const data = model === "browser" ? " and that user's user.data in its options" : "";
      expect(code("react", "v4", model)).toContain(
        `Then give <SupportWidget> a new key (${remountKeyText(configFor("v4", model), true)})${data}: widget v4 reads its options once per mount.`,
      );
      expect(code("html", "v4", model)).toContain(
        "because widget v4 starts once per page (calling initOpenScript again is not supported)",
      );
    }
    expect(code("react", "v5", "browser")).toContain(
      "a new key (the next user's id, never the token) and that user's user.data in its options: v5 keeps the previous contact when only user.data changes.",
    );
    expect(code("react", "v4", "server")).toContain(
      "a new key (the next user's id, never the token): widget v4",
    );
    expect(code("react", "v5", "collect")).toContain(
      "v5 keeps the previous contact for a visitor without a verified token",
    );
    expect(code("html", "v5", "anonymous")).toContain(
      "v5 would keep the previous contact for a visitor without a verified token, even with new options",
    );
    expect(code("react", "v5", "server")).toContain(
      "Then pass the new userId to <SupportWidget> (null after sign-out): it fetches the next user's token for the same <Widget>, and v5 resets itself in place. No key, no remount.",
    );
    expect(code("html", "v5", "server")).toContain(
      "v5 resets itself in place for a new user: no reload.",
    );
    expect(code("nextjs", "v5", "server")).toContain("call router.refresh()");
    expect(code("react", "v5", "server")).not.toContain("router.refresh");
    for (const target of CLIENT) {
      for (const model of MODELS) {
        expect(code(target, "v5", model)).toContain(
          "Clear the keys before the new identity initialises, otherwise the widget reuses the old contact token",
        );
        expect(code(target, "v5", model)).toContain(sharedComputerRisk(configFor("v5", model)));
      }
    }
  });

  it("names the shared-computer risk of each model", () => {
    expect(sharedComputerRisk(configFor("v5", "anonymous"))).toMatch(
      /continue as the previous visitor and see/,
    );
    expect(sharedComputerRisk(configFor("v5", "collect"))).toMatch(/without the welcome form/);
    expect(sharedComputerRisk(configFor("v5", "collect", { extraFields: ["Company"] }))).toMatch(
      /device id \(the form shows on every load/,
    );
    expect(sharedComputerRisk(configFor("v5", "browser"))).toMatch(/given no user\.data/);
    expect(sharedComputerRisk(configFor("v5", "server"))).toMatch(/anonymous visit before sign-in/);
  });

  it("wraps comments at 96 characters without splitting words", () => {
    const text = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const lines = commentLines(text);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(96);
      expect(line.startsWith("// ")).toBe(true);
    }
    expect(lines.join(" ").replace(/\/\/ /g, "").split(" ").filter(Boolean)).toEqual(
      text.split(" "),
    );
    expect(commentLines("a b", 5)).toEqual(["// a", "// b"]);
    expect(commentLines("abcdefghij", 5)).toEqual(["// abcdefghij"]);
  });
});

// ---------------------------------------------------------------------------
// Renewal on a fake clock.

/** The user tokens a mounted component's <Widget> received, consecutive repeats collapsed. */
function widgetTokens(widget: MountedComponent): string[] {
  const out: string[] = [];
  for (const element of widget.renders) {
    const token = element === null ? null : tokenOf(element);
    if (token !== null && out.at(-1) !== token) out.push(token);
  }
  return out;
}

/** How often the widget went away after it first showed. */
function unmounts(widget: MountedComponent): number {
  let count = 0;
  let shown = false;
  for (const element of widget.renders) {
    if (element !== null) shown = true;
    else if (shown) count++;
  }
  return count;
}

function tokenOf(element: FakeElement | null): string | null {
  if (element === null) return null;
  expect(element.type).toBe(WIDGET);
  expect(element.key).toBeNull();
  const options = element.props.options as { user?: { token?: string } };
  return options.user?.token ?? null;
}

/** One page that renews: HTML (initOpenScript again) or a mounted React / Next.js component. */
interface RenewingPage {
  browser: FakeBrowser;
  /** The tokens the widget received, in order. */
  tokens(): string[];
  /** How often the widget went away (React only; the embed never does). */
  unmounts(): number;
  /** Another user signs in without a page load (React: null signs out). */
  switchUser(user: string | null): Promise<void>;
  /** React: unmount; HTML: null (a page does not unmount). */
  unmount: (() => void) | null;
}

async function openPage(
  target: (typeof CLIENT)[number],
  mode: BackendMode = { kind: "mint", lifetimeSeconds: 3600 },
  config: PlaygroundConfig = RENEWING,
): Promise<RenewingPage> {
  const browser = fakeBrowser();
  browser.backend.mode = mode;
  const code = pageFile(target, config);
  if (isSvelte(target)) {
    // The embed's page: the renewed token goes through initOpenScript to the same widget.
    const page = await openSveltePage(code, browser);
    await page.mount();
    return {
      browser,
      tokens: () => page.initCalls.map((o) => (o.user as { token: string }).token),
      unmounts: () => page.reloads.length,
      switchUser: async (user) => {
        if (user === null) throw new Error("The Svelte page signs out by reloading");
        browser.backend.user = user;
        await page.call("updateOpenCxWidgetUser");
      },
      unmount: null,
    };
  }
  if (target === "html") {
    const page = runHtmlPage(code, browser);
    await page.load();
    return {
      browser,
      tokens: () => page.initCalls.map((o) => (o.user as { token: string }).token),
      unmounts: () => page.reloads.length,
      switchUser: async (user) => {
        if (user === null) throw new Error("The HTML page signs out by reloading");
        browser.backend.user = user;
        await page.call("updateOpenCxWidgetUser");
      },
      unmount: null,
    };
  }
  const widget = mount(loadComponent(code, browser), { userId: "A" });
  await settle();
  return {
    browser,
    tokens: () => widgetTokens(widget),
    unmounts: () => unmounts(widget),
    switchUser: async (user) => {
      browser.backend.user = user ?? "";
      widget.setProps({ userId: user });
      await settle();
    },
    unmount: () => widget.unmount(),
  };
}

describe.each(CLIENT)("renewal of a token minted with mcp_access (%s, v5)", (target) => {
  it("renews at 80 % of the lifetime its iat and exp claims give, into the same widget", async () => {
    for (const [lifetime, renewAt] of [
      [3600, 48 * MINUTE],
      [600, 8 * MINUTE],
    ] as const) {
      const page = await openPage(target, { kind: "mint", lifetimeSeconds: lifetime });
      expect(RENEW_AT_FRACTION * lifetime * SECOND).toBe(renewAt);
      await advance(renewAt - 1);
      expect(page.browser.backend.requests, `${lifetime} s, just before`).toHaveLength(1);
      await advance(1);
      expect(page.browser.backend.requests, `${lifetime} s, at 80 %`).toHaveLength(2);
      expect(page.tokens()).toEqual(page.browser.backend.minted);
      expect(page.unmounts()).toBe(0);
      page.unmount?.();
    }
  });

  it("renews after 48 minutes when the token cannot be read, never sooner than a minute, and at most daily", async () => {
    const cases: [BackendMode, number][] = [
      [{ kind: "opaque" }, 48 * MINUTE],
      [{ kind: "mint", lifetimeSeconds: 20 }, MINUTE],
      [{ kind: "mint", lifetimeSeconds: 30 * 24 * 3600 }, 0.8 * 24 * HOUR],
    ];
    for (const [mode, renewAt] of cases) {
      const page = await openPage(target, mode);
      await advance(renewAt - 1);
      expect(page.browser.backend.requests, JSON.stringify(mode)).toHaveLength(1);
      await advance(1);
      expect(page.browser.backend.requests, JSON.stringify(mode)).toHaveLength(2);
      page.unmount?.();
    }
  });

  it("renews at once when a hidden tab is shown again after the renewal point, and not before it", async () => {
    const page = await openPage(target);
    const { document, backend } = page.browser;
    document.setVisibility("hidden");
    await advance(10 * MINUTE);
    document.setVisibility("visible");
    await settle();
    expect(backend.requests).toHaveLength(1);
    // A suspended tab: two hours pass while its timers do not run.
    document.setVisibility("hidden");
    vi.setSystemTime(Date.now() + 2 * HOUR);
    document.setVisibility("visible");
    await settle();
    expect(backend.requests).toHaveLength(2);
    expect(page.tokens()).toEqual(backend.minted);
    // The earlier timer was replaced: the next renewal is 48 minutes after this one.
    await advance(48 * MINUTE - 1);
    expect(backend.requests).toHaveLength(2);
    await advance(1);
    expect(backend.requests).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(1);
    page.unmount?.();
  });

  it("does not start a second renewal while one is in flight, when the tab is shown", async () => {
    const page = await openPage(target);
    const { backend, document } = page.browser;
    backend.mode = { kind: "held", lifetimeSeconds: 3600 };
    await advance(48 * MINUTE);
    expect(backend.requests).toHaveLength(2);
    document.setVisibility("hidden");
    document.setVisibility("visible");
    await settle();
    expect(backend.requests).toHaveLength(2);
    backend.release();
    await settle();
    expect(page.tokens()).toEqual(backend.minted);
    expect(vi.getTimerCount()).toBe(1);
    page.unmount?.();
  });

  it("does not loop: a day of one-hour tokens is 30 renewals, one timer at a time, whatever the tab does", async () => {
    const page = await openPage(target);
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      page.browser.document.setVisibility(minute % 2 === 0 ? "hidden" : "visible");
      await advance(7 * MINUTE);
      expect(vi.getTimerCount()).toBe(1);
    }
    // 24 h / 48 min = 30, plus the first token.
    expect(page.browser.backend.requests).toHaveLength(31);
    const gaps = page.browser.backend.requests
      .slice(1)
      .map((t, i) => t - page.browser.backend.requests[i]!);
    expect(Math.min(...gaps)).toBe(48 * MINUTE);
    expect(page.tokens()).toEqual(page.browser.backend.minted);
    page.unmount?.();
  });

  it("a failed renewal retries a minute later, offline or on a server error, then goes back to 80 %", async () => {
    for (const failure of [{ kind: "offline" }, { kind: "down" }] as const) {
      const page = await openPage(target);
      const { backend, document } = page.browser;
      backend.mode = failure;
      await advance(48 * MINUTE + 30 * MINUTE);
      // The renewal at 48 min, then one retry a minute for 30 minutes.
      expect(backend.requests, failure.kind).toHaveLength(1 + 1 + 30);
      const gaps = backend.requests.slice(2).map((t, i) => t - backend.requests[i + 1]!);
      expect(new Set(gaps)).toEqual(new Set([MINUTE]));
      // Showing the tab between retries does not add requests.
      document.setVisibility("hidden");
      document.setVisibility("visible");
      await settle();
      expect(backend.requests).toHaveLength(32);
      backend.mode = { kind: "mint", lifetimeSeconds: 3600 };
      await advance(MINUTE);
      expect(backend.requests).toHaveLength(33);
      expect(page.tokens()).toEqual(backend.minted);
      await advance(48 * MINUTE - 1);
      expect(backend.requests).toHaveLength(33);
      await advance(1);
      expect(backend.requests).toHaveLength(34);
      page.unmount?.();
    }
  });

  it("stops when the backend answers 401 (signed out meanwhile): no timer, no listener, no request", async () => {
    const page = await openPage(target);
    const { backend, document } = page.browser;
    backend.mode = { kind: "signed-out" };
    await advance(48 * MINUTE);
    expect(backend.requests).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
    expect(document.listenerCount("visibilitychange")).toBe(0);
    await advance(5 * HOUR);
    document.setVisibility("visible");
    await settle();
    expect(backend.requests).toHaveLength(2);
    page.unmount?.();
  });

  it("a newer token (another user) replaces the renewal: still one timer", async () => {
    const page = await openPage(target);
    await advance(20 * MINUTE);
    await page.switchUser("B");
    expect(page.browser.backend.requests).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(1);
    expect(page.browser.document.listenerCount("visibilitychange")).toBe(1);
    // A's renewal would have come at 48 min; B's comes 48 min after B signed in.
    await advance(48 * MINUTE - 1);
    expect(page.browser.backend.requests).toHaveLength(2);
    await advance(1);
    expect(page.browser.backend.requests).toHaveLength(3);
    expect(page.tokens()).toEqual(page.browser.backend.minted);
    expect(page.unmounts()).toBe(0);
    page.unmount?.();
  });

  if (target === "react" || target === "nextjs") {
    it("stops after unmount, even with a renewal in flight", async () => {
      const page = await openPage(target);
      const { backend, document } = page.browser;
      page.unmount!();
      expect(vi.getTimerCount()).toBe(0);
      expect(document.listenerCount("visibilitychange")).toBe(0);
      await advance(5 * HOUR);
      expect(backend.requests).toHaveLength(1);

      const inFlight = await openPage(target);
      inFlight.browser.backend.mode = { kind: "held", lifetimeSeconds: 3600 };
      await advance(48 * MINUTE);
      expect(inFlight.browser.backend.requests).toHaveLength(2);
      inFlight.unmount!();
      inFlight.browser.backend.release();
      await settle();
      expect(inFlight.tokens()).toHaveLength(1);
      expect(vi.getTimerCount()).toBe(0);
    });

    it("a signed-out user (userId null) stops the renewal", async () => {
      const page = await openPage(target);
      await page.switchUser(null);
      expect(vi.getTimerCount()).toBe(0);
      await advance(5 * HOUR);
      expect(page.browser.backend.requests).toHaveLength(1);
      page.unmount?.();
    });
  }
});

describe("pages that do not renew", () => {
  const cases: [string, PlaygroundConfig][] = [
    ["v5, chat-only token", configFor("v5", "server")],
    ["v4, verified", configFor("v4", "server", { personalConnections: true })],
    ["v5, browser user.data", configFor("v5", "browser")],
  ];
  for (const [name, config] of cases) {
    it(`${name}: no timer, no visibility listener, one token for hours`, async () => {
      for (const target of CLIENT) {
        const browser = fakeBrowser();
        if (target === "html") await runHtmlPage(pageFile(target, config), browser).load();
        else if (isSvelte(target))
          await (await openSveltePage(pageFile(target, config), browser)).mount();
        else {
          mount(loadComponent(pageFile(target, config), browser), { userId: "A" });
          await settle();
        }
        expect(vi.getTimerCount(), target).toBe(0);
        expect(browser.document.listenerCount("visibilitychange"), target).toBe(0);
        await advance(5 * HOUR);
        expect(browser.backend.requests, target).toHaveLength(config.model === "server" ? 1 : 0);
      }
    });
  }

  it("say that chat-only tokens do not expire (v4 without naming mcp_access)", () => {
    const flat = (target: SnippetTarget, config: PlaygroundConfig) =>
      fileOf(
        generateSnippet(target, config),
        target === "html" ? ".html" : isSvelte(target) ? "OpenCxWidget.svelte" : ".tsx",
      ).code.replace(/\n\s*\/\/\s*/g, " ");
    for (const target of CLIENT) {
      expect(flat(target, configFor("v5", "server"))).toContain(
        "This token is minted without mcp_access (chat-only), so it does not expire: nothing to renew.",
      );
      expect(flat(target, configFor("v4", "server"))).toContain(
        "Chat-only tokens do not expire: nothing to renew. If you rotate tokens yourself,",
      );
    }
    expect(flat("html", configFor("v4", "server"))).toContain(
      "reload the page to pass the new one (widget v4 reads its options once per page).",
    );
    expect(flat("react", configFor("v4", "server"))).toContain(
      "remount <SupportWidget> with a new key to pass the new one (widget v4 reads its options once per mount).",
    );
  });
});
