/**
 * v5 verified pages start the widget from a token their backend answers later. When another user
 * signs in while a start waits (`updateOpenCxWidgetUser()` during the first page load's request,
 * or two sign-ins in a row), the LATER start must win whichever answer comes back first: the
 * page may not show the previous user's widget last, nor keep renewing their token.
 *
 * Each case runs the generated inline script against a backend whose answers the test releases
 * one by one, in either order: the page-load HTML page (runHtmlPage), and the consent page
 * (embedPage, whose embed script load is also held, so a start can be overtaken while it waits
 * for the script).
 */
import vm from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import { generateSnippet } from "./index";
import { CONTACT_TOKEN_ENDPOINT } from "./model";
import { embedPage, flush } from "./test-support/embed-page";
import { jwtFor, type TokenBackend } from "./test-support/fake-browser";
import { fakeBrowser, runHtmlPage, type FakeBrowser } from "./test-support/run-snippet";
import { generatedInlineScript } from "./test-support/snippet-checks";

const config = (over: Partial<PlaygroundConfig> = {}): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: "wt_race",
  serverEmail: "jane@example.com",
  widgetVersion: "v5",
  model: "server",
  ...over,
});
const CHAT_ONLY = config();
const RENEWING = config({
  personalConnections: true,
  streaming: true,
  capabilitiesConnections: true,
});

/** A backend whose answers wait until the test gives them, request by request. */
function heldBackend(browser: FakeBrowser) {
  const pending: ((token: string) => void)[] = [];
  const fetch = (url: string, init?: { method?: string }) => {
    // The same request TokenBackend accepts, and nothing else.
    if (url !== CONTACT_TOKEN_ENDPOINT || init?.method !== "POST")
      throw new Error(`Unexpected request ${init?.method ?? "GET"} ${url}`);
    return new Promise((resolve) =>
      pending.push((token) => resolve({ ok: true, status: 200, json: async () => ({ token }) })),
    );
  };
  const held: FakeBrowser = { ...browser, backend: { fetch } as unknown as TokenBackend };
  return {
    browser: held,
    /** How many requests the page made. */
    requests: () => pending.length,
    /** Answers request `index` (0 = the first the page made) with `user`'s token; returns it. */
    answer: async (index: number, user: string) => {
      const token = jwtFor(user, index + 1, 3600);
      pending[index]!(token);
      await flush();
      return token;
    },
  };
}

/** Whose token each initialisation passed (jwtFor's contact id is `<user>-<serial>`). */
const tokensOf = (initCalls: readonly Record<string, unknown>[]) =>
  initCalls.map((o) => {
    const claims = JSON.parse(atob((o.user as { token: string }).token.split(".")[1]!));
    return (claims.sub.payload.contact.id as string).split("-")[0];
  });

const pageHtml = (c: PlaygroundConfig) => generateSnippet("html", c).files[0]!.code;

afterEach(() => {
  vi.useRealTimers();
});

/** The page-load page, loaded (its first start waiting on the backend), on a fake clock. */
async function loadedPage(c: PlaygroundConfig) {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const backend = heldBackend(fakeBrowser());
  const page = runHtmlPage(pageHtml(c), backend.browser);
  void page.load();
  await flush();
  /** Another user signs in without a page load. */
  const signIn = async () => {
    void page.call("updateOpenCxWidgetUser");
    await flush();
  };
  return { backend, page, signIn };
}

describe("v5 verified, page load (HTML): the later start wins", () => {
  for (const [name, c] of [
    ["chat-only", CHAT_ONLY],
    ["renewing", RENEWING],
  ] as const) {
    it(`${name}: B signs in while A's first start waits; A's answer comes last and is dropped`, async () => {
      const { backend, page, signIn } = await loadedPage(c);
      await signIn();
      expect(backend.requests()).toBe(2);
      const tokenB = await backend.answer(1, "B");
      await backend.answer(0, "A");
      expect(tokensOf(page.initCalls)).toEqual(["B"]);
      expect(page.initCalls).toEqual([toWidgetConfig(c, { contactToken: tokenB })]);
      // Only B's token is renewed: one timer.
      expect(vi.getTimerCount()).toBe(name === "renewing" ? 1 : 0);
    });

    it(`${name}: A's answer first changes nothing: A's start was already overtaken`, async () => {
      const { backend, page, signIn } = await loadedPage(c);
      await signIn();
      await backend.answer(0, "A");
      expect(page.initCalls).toEqual([]);
      await backend.answer(1, "B");
      expect(tokensOf(page.initCalls)).toEqual(["B"]);
      expect(vi.getTimerCount()).toBe(name === "renewing" ? 1 : 0);
    });

    it(`${name}: starts that do not overlap show A, then B in the same widget`, async () => {
      const { backend, page, signIn } = await loadedPage(c);
      await backend.answer(0, "A");
      await signIn();
      await backend.answer(1, "B");
      expect(tokensOf(page.initCalls)).toEqual(["A", "B"]);
      // The same widget: no reload in between.
      expect(page.reloads).toEqual([]);
      expect(vi.getTimerCount()).toBe(name === "renewing" ? 1 : 0);
    });
  }
});

describe("v5 verified, on consent (HTML): the later start wins, also while the script loads", () => {
  /** The consent page in a fake window whose embed script runs only when the test says so. */
  function consentPage() {
    const backend = heldBackend(fakeBrowser());
    const page = embedPage(backend.browser);
    const head = (page.context as { document: { head: { append: (el: unknown) => void } } })
      .document.head;
    const append = head.append;
    const scripts: (() => void)[] = [];
    head.append = (element) => void scripts.push(() => append(element));
    vm.runInContext(generatedInlineScript(pageHtml(config({ loading: "consent" }))), page.context);
    const call = async (name: string) => {
      void (page.context as Record<string, () => unknown>)[name]!();
      await flush();
    };
    const runScript = async () => {
      for (const run of scripts.splice(0)) run();
      await flush();
    };
    return { backend, page, call, runScript };
  }

  it("B signs in while A's start waits for the script: A's start gives way", async () => {
    const { backend, page, call, runScript } = consentPage();
    await call("onOpenCxConsent");
    await backend.answer(0, "A");
    // A's start now waits for the embed script; B signs in meanwhile.
    await call("updateOpenCxWidgetUser");
    expect(backend.requests()).toBe(2);
    await runScript();
    expect(page.initCalls).toEqual([]);
    await backend.answer(1, "B");
    expect(tokensOf(page.initCalls)).toEqual(["B"]);
    expect(page.errors).toEqual([]);
  });

  it("B signs in while A's start waits on the backend; A's answer comes last and is dropped", async () => {
    const { backend, page, call, runScript } = consentPage();
    await call("onOpenCxConsent");
    await call("updateOpenCxWidgetUser");
    await backend.answer(1, "B");
    await runScript();
    await backend.answer(0, "A");
    await runScript();
    expect(tokensOf(page.initCalls)).toEqual(["B"]);
    expect(page.scripts).toHaveLength(1);
    expect(page.errors).toEqual([]);
  });
});
