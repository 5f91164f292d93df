/**
 * Test support: the parts of a browser the snippets' lifecycle code touches, as fakes the tests
 * drive: `localStorage` (with the index shift a real one has when a key is removed), a document
 * whose visibility the test flips, and the integrator's token endpoint, which mints JWT-shaped
 * tokens with `iat`/`exp` claims on the (fake) clock. Nothing here runs a snippet: see
 * `run-snippet.ts`.
 */
import { base64UrlJson } from "../../secrets/test-support/fake-keys";

/** `Storage` as the snippets use it: by index, in insertion order, like a browser's. */
export class FakeStorage {
  private readonly entries = new Map<string, string>();
  /** Every `removeItem` call, in order. */
  readonly removed: string[] = [];

  constructor(keys: readonly string[] = []) {
    for (const key of keys) this.entries.set(key, "stored");
  }

  get length(): number {
    return this.entries.size;
  }

  key(index: number): string | null {
    return [...this.entries.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.entries.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.entries.set(key, String(value));
  }

  removeItem(key: string): void {
    this.removed.push(key);
    this.entries.delete(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }
}

/** A storage a browser refuses (site data blocked): every access throws, as a real one does. */
export function blockedStorage(): unknown {
  const refuse = () => {
    throw new Error("SecurityError: access to storage is denied");
  };
  return new Proxy({}, { get: refuse, has: refuse });
}

type Listener = () => void;

/** `document`, as far as the renewal code reads it: its visibility and that event. */
export class FakeDocument {
  visibilityState: "visible" | "hidden" = "visible";
  private readonly listeners = new Map<string, Set<Listener>>();

  addEventListener(type: string, listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  /** How many listeners wait for `type`. */
  listenerCount(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }

  /** The tab is hidden or shown again: the state changes, then the event fires. */
  setVisibility(state: "visible" | "hidden"): void {
    this.visibilityState = state;
    for (const listener of [...(this.listeners.get("visibilitychange") ?? [])]) listener();
  }
}

/** How the token endpoint answers the next requests. */
export type BackendMode =
  /** 200 with a token minted now, living `lifetimeSeconds` (its `iat` and `exp` say so). */
  | { kind: "mint"; lifetimeSeconds: number }
  /** 200 with a token that is not a readable JWT. */
  | { kind: "opaque" }
  /** 401: nobody is signed in. */
  | { kind: "signed-out" }
  /** 503: the backend is down. */
  | { kind: "down" }
  /** No answer until the test calls `release()`, then a token like "mint". */
  | { kind: "held"; lifetimeSeconds: number }
  /** The request fails (offline). */
  | { kind: "offline" };

/** The integrator's `POST /api/opencx/contact-token`, on the fake clock. */
export class TokenBackend {
  mode: BackendMode = { kind: "mint", lifetimeSeconds: 3600 };
  /** Who the session cookie says is signed in; goes into the minted token. */
  user = "A";
  /** The `Date.now()` of every request. */
  readonly requests: number[] = [];
  /** Every token handed out, in order, and whom it was minted for. */
  readonly minted: string[] = [];
  readonly mintedFor: string[] = [];
  /** Called at every request, before it is answered (to see the page's state at that moment). */
  onRequest: (() => void) | null = null;
  private serial = 0;
  private held: (() => void)[] = [];

  /** What the snippets' `fetch` is bound to. */
  readonly fetch = async (url: string, init?: { method?: string; credentials?: string }) => {
    this.requests.push(Date.now());
    this.onRequest?.();
    if (url !== "/api/opencx/contact-token" || init?.method !== "POST") {
      throw new Error(`Unexpected request ${init?.method ?? "GET"} ${url}`);
    }
    const mode = this.mode;
    if (mode.kind === "offline") throw new TypeError("Failed to fetch");
    if (mode.kind === "signed-out" || mode.kind === "down") {
      const status = mode.kind === "signed-out" ? 401 : 503;
      return { ok: false, status, json: async () => ({ error: "no" }) };
    }
    if (mode.kind === "held") {
      await new Promise<void>((resolve) => this.held.push(resolve));
    }
    const token = this.mint(mode);
    return { ok: true, status: 200, json: async () => ({ token }) };
  };

  /** Answers the requests held so far. */
  release(): void {
    const held = this.held;
    this.held = [];
    for (const resolve of held) resolve();
  }

  private mint(mode: Extract<BackendMode, { kind: "mint" | "opaque" | "held" }>): string {
    this.serial += 1;
    const token =
      mode.kind === "opaque"
        ? `opaque-${this.user}-${this.serial}`
        : jwtFor(this.user, this.serial, mode.lifetimeSeconds);
    this.minted.push(token);
    this.mintedFor.push(this.user);
    return token;
  }
}

/** A JWT-shaped contact token minted now (the fake clock's now) for `lifetimeSeconds`. */
export function jwtFor(user: string, serial: number, lifetimeSeconds: number): string {
  const iat = Math.floor(Date.now() / 1000);
  const claims = {
    sub: { type: "widget-contact", payload: { contact: { id: `${user}-${serial}` } } },
    iat,
    exp: iat + lifetimeSeconds,
  };
  return [base64UrlJson({ alg: "HS256" }), base64UrlJson(claims), "signature"].join(".");
}
