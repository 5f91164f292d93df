/**
 * The token clock with a fake clock: the page renews a token minted with mcp_access at 80 % of
 * its lifetime and when a hidden tab comes back, never in a loop, and never for a chat-only token
 * (domain-v5 §10.4); an expiry is reported once, the sentences say what the preview shows.
 */
import { describe, expect, it } from "vitest";
import { fakeJwt } from "../secrets/test-support/fake-keys";
import { tokenChangeOutcome } from "../identity/token-change";
import {
  CHAT_ONLY_SENTENCE,
  changeSentence,
  clockPhase,
  clockReducer,
  countdownText,
  demoLabel,
  EXPIRED_SENTENCE,
  formatDuration,
  INITIAL_CLOCK,
  MIN_RENEWAL_GAP_MS,
  nextClockStep,
  nextTimerAtMs,
  otherUserEmail,
  phaseSentence,
  remainingFraction,
  renewalDeadlineMs,
  renewalFailedSentence,
  tokenLifetime,
  type ClockMemory,
  type ClockSituation,
  type ClockStep,
} from "./token-clock";

const T0 = 1_800_000_000_000; // whole seconds, like a token's iat

/** A sandbox-shaped contact token; `exp` only when minted with mcp_access. */
function token(
  contactId: string,
  iatS: number,
  expS?: number,
  extra: Record<string, unknown> = {},
): string {
  const payload: Record<string, unknown> = {
    org_id: "org_sandbox",
    contact: { id: contactId, verified: true },
  };
  if (expS !== undefined) payload.mcp_access = { server_ids: ["*"] };
  return fakeJwt(
    { alg: "HS256", typ: "JWT" },
    {
      sub: { type: "widget-contact", payload },
      iat: iatS,
      ...(expS !== undefined ? { exp: expS } : {}),
      ...extra,
    },
    "sig",
  );
}
const minted = (nowMs: number, lifetimeS: number, contact = "ct_1") => {
  const iat = Math.floor(nowMs / 1000);
  return token(contact, iat, iat + lifetimeS);
};

const ON: ClockSituation = { renews: true, visible: true };
const withToken = (t: string | null, memory: ClockMemory = INITIAL_CLOCK) =>
  clockReducer(memory, { type: "token-in-force", token: t });

describe("reading a token's lifetime", () => {
  it("an mcp_access token expires at exp; its renewal deadline is 80 % into the lifetime", () => {
    const life = tokenLifetime(token("ct_1", 1000, 1010));
    expect(life).toEqual({ kind: "expiring", issuedAtMs: 1_000_000, expiresAtMs: 1_010_000 });
    if (life.kind !== "expiring") return;
    expect(renewalDeadlineMs(life)).toBe(1_008_000);
    expect(renewalDeadlineMs({ kind: "expiring", issuedAtMs: 0, expiresAtMs: 3_600_000 })).toBe(
      2_880_000,
    );
  });

  it("a chat-only token (no exp) is non-expiring", () => {
    expect(tokenLifetime(token("ct_1", 1000))).toEqual({ kind: "non-expiring" });
  });

  it("no JWT, an exp without iat, an iat at or after exp, or a text exp cannot be planned", () => {
    expect(tokenLifetime("opaque-token")).toEqual({ kind: "unreadable" });
    expect(tokenLifetime(fakeJwt({ alg: "HS256" }, { exp: 10 }, "s"))).toEqual({
      kind: "unreadable",
    });
    expect(tokenLifetime(token("ct_1", 10, 10))).toEqual({ kind: "unreadable" });
    expect(tokenLifetime(token("ct_1", 11, 10))).toEqual({ kind: "unreadable" });
    expect(tokenLifetime(fakeJwt({ alg: "HS256" }, { iat: 1, exp: "20" }, "s"))).toEqual({
      kind: "unreadable",
    });
    expect(tokenLifetime(fakeJwt({ alg: "HS256" }, { iat: "1", exp: 20 }, "s"))).toEqual({
      kind: "unreadable",
    });
  });
});

describe("the next step", () => {
  const t = token("ct_1", T0 / 1000, T0 / 1000 + 10); // renews at T0 + 8 s, expires at T0 + 10 s

  it("waits until 80 % of the lifetime, then renews", () => {
    const m = withToken(t);
    expect(nextClockStep(m, ON, T0)).toEqual({ kind: "wait", atMs: T0 + 8000 });
    expect(nextClockStep(m, ON, T0 + 7999)).toEqual({ kind: "wait", atMs: T0 + 8000 });
    expect(nextClockStep(m, ON, T0 + 8000)).toEqual({ kind: "renew", trigger: "deadline" });
  });

  it("a chat-only token never schedules anything, whatever the time", () => {
    const m = withToken(token("ct_1", T0 / 1000));
    for (const now of [T0, T0 + 3_600_000, T0 + 365 * 86_400_000]) {
      const step = nextClockStep(m, ON, now);
      expect(step).toEqual({ kind: "idle", why: "non-expiring" });
      expect(nextTimerAtMs(m, step, now)).toBeNull();
    }
  });

  it("no token, an unreadable one, a renewal in flight: idle", () => {
    expect(nextClockStep(INITIAL_CLOCK, ON, T0)).toEqual({ kind: "idle", why: "no-token" });
    expect(nextClockStep(withToken("opaque"), ON, T0)).toEqual({ kind: "idle", why: "unreadable" });
    const inFlight = clockReducer(withToken(t), { type: "renewal-started", atMs: T0 + 8000 });
    expect(nextClockStep(inFlight, ON, T0 + 9000)).toEqual({ kind: "idle", why: "renewing" });
  });

  it("a hidden tab schedules nothing; back after the deadline it renews at once, as a return", () => {
    const m = withToken(t);
    expect(nextClockStep(m, { renews: true, visible: false }, T0 + 9000)).toEqual({
      kind: "idle",
      why: "hidden",
    });
    expect(nextClockStep(m, { ...ON, returning: true }, T0 + 9000)).toEqual({
      kind: "renew",
      trigger: "returned",
    });
    // Past the expiry too: still a renewal first, the page's job on return.
    expect(nextClockStep(m, { ...ON, returning: true }, T0 + 60_000)).toEqual({
      kind: "renew",
      trigger: "returned",
    });
    // Back before the deadline: it waits, as if never hidden.
    expect(nextClockStep(m, { ...ON, returning: true }, T0 + 2000)).toEqual({
      kind: "wait",
      atMs: T0 + 8000,
    });
  });

  it("without renewal the token runs out: the expiry is reported once, then nothing", () => {
    const off = { renews: false, visible: true };
    const m = withToken(t);
    expect(nextClockStep(m, off, T0)).toEqual({ kind: "wait", atMs: T0 + 10_000 });
    expect(nextClockStep(m, off, T0 + 9999)).toEqual({ kind: "wait", atMs: T0 + 10_000 });
    expect(nextClockStep(m, off, T0 + 10_000)).toEqual({ kind: "expire" });
    const reported = clockReducer(m, { type: "expiry-reported" });
    expect(nextClockStep(reported, off, T0 + 10_000)).toEqual({ kind: "idle", why: "done" });
    // Turning renewal back on after the expiry renews at once.
    expect(nextClockStep(reported, ON, T0 + 20_000)).toEqual({
      kind: "renew",
      trigger: "after-expiry",
    });
  });

  it("a renewal that failed is not retried: the token expires instead", () => {
    let m = withToken(t);
    m = clockReducer(m, { type: "renewal-started", atMs: T0 + 8000 });
    m = clockReducer(m, { type: "renewal-ended" });
    expect(nextClockStep(m, ON, T0 + 8000)).toEqual({ kind: "wait", atMs: T0 + 10_000 });
    expect(nextClockStep(m, ON, T0 + 10_000)).toEqual({ kind: "expire" });
  });

  it("renewals are at least the minimum gap apart, even when the new token is already past 80 %", () => {
    let m = withToken(t);
    m = clockReducer(m, { type: "renewal-started", atMs: T0 + 8000 });
    m = clockReducer(m, { type: "renewal-ended" });
    // The backend answered with a token issued long ago (a skewed clock): past its deadline at once.
    const old = token("ct_1", T0 / 1000 - 100, T0 / 1000 + 20);
    m = withToken(old, m);
    expect(m.lastRenewalAtMs).toBe(T0 + 8000);
    expect(nextClockStep(m, ON, T0 + 8001)).toEqual({
      kind: "wait",
      atMs: T0 + 8000 + MIN_RENEWAL_GAP_MS,
    });
    expect(nextClockStep(m, ON, T0 + 8000 + MIN_RENEWAL_GAP_MS)).toEqual({
      kind: "renew",
      trigger: "deadline",
    });
  });

  it("when the gap outlasts the token, the expiry comes first, then the renewal", () => {
    let m = withToken(token("ct_1", T0 / 1000 - 100, T0 / 1000 + 2));
    m = { ...m, lastRenewalAtMs: T0 };
    expect(nextClockStep(m, ON, T0)).toEqual({ kind: "wait", atMs: T0 + 2000 });
    expect(nextClockStep(m, ON, T0 + 2000)).toEqual({ kind: "expire" });
    m = clockReducer(m, { type: "expiry-reported" });
    expect(nextClockStep(m, ON, T0 + 2000)).toEqual({
      kind: "wait",
      atMs: T0 + MIN_RENEWAL_GAP_MS,
    });
    expect(nextClockStep(m, ON, T0 + MIN_RENEWAL_GAP_MS)).toEqual({
      kind: "renew",
      trigger: "after-expiry",
    });
  });
});

describe("the clock's memory", () => {
  it("a new token forgets the attempt and the expiry, but keeps when the last renewal started", () => {
    let m = withToken("a");
    m = clockReducer(m, { type: "renewal-started", atMs: 5 });
    m = clockReducer(m, { type: "expiry-reported" });
    expect(m).toEqual({
      token: "a",
      renewing: true,
      attempted: true,
      expiryReported: true,
      lastRenewalAtMs: 5,
    });
    expect(withToken("a", m)).toBe(m);
    expect(withToken("b", m)).toEqual({ ...INITIAL_CLOCK, token: "b", lastRenewalAtMs: 5 });
    m = clockReducer(m, { type: "renewal-ended" });
    expect(m.renewing).toBe(false);
    expect(m.attempted).toBe(true);
    expect(clockReducer(m, { type: "renewal-ended" })).toBe(m);
    expect(clockReducer(m, { type: "expiry-reported" })).toBe(m);
  });
});

/**
 * Runs the page for `hours` of simulated time against a fake backend: every step is taken,
 * every wait jumps the clock to its moment. Returns what happened.
 */
function simulate(opts: {
  hours: number;
  lifetimeS: number;
  renews?: boolean;
  /** The backend's answer to a renewal at `nowMs`: a token, or `null` for a failure. */
  backend?: (nowMs: number, previous: string) => string | null;
  hidden?: (nowMs: number) => boolean;
}) {
  const end = T0 + opts.hours * 3_600_000;
  const backend = opts.backend ?? ((now) => minted(now, opts.lifetimeS));
  let now = T0;
  let m = withToken(minted(T0, opts.lifetimeS));
  let wasHidden = false;
  const renewals: { atMs: number; trigger: string }[] = [];
  const expiries: number[] = [];
  let iterations = 0;
  while (now < end) {
    iterations += 1;
    if (iterations > 100_000) throw new Error("the clock loops");
    const hidden = opts.hidden?.(now) ?? false;
    const situation = {
      renews: opts.renews ?? true,
      visible: !hidden,
      returning: wasHidden && !hidden,
    };
    wasHidden = hidden;
    const step: ClockStep = nextClockStep(m, situation, now);
    if (step.kind === "renew") {
      renewals.push({ atMs: now, trigger: step.trigger });
      const previous = m.token!;
      m = clockReducer(m, { type: "renewal-started", atMs: now });
      const answer = backend(now, previous);
      m = clockReducer(m, { type: "renewal-ended" });
      if (answer !== null) m = withToken(answer, m);
      continue;
    }
    if (step.kind === "expire") {
      expiries.push(now);
      m = clockReducer(m, { type: "expiry-reported" });
      continue;
    }
    if (step.kind === "wait") {
      const timer = nextTimerAtMs(m, step, now)!;
      expect(timer).toBeGreaterThan(now);
      expect(timer).toBeLessThanOrEqual(step.atMs);
      now = timer;
      continue;
    }
    // Idle: nothing is scheduled; only the tab's return (polled here once a minute) wakes it.
    if (step.why !== "hidden") break;
    now += 60_000;
  }
  return { renewals, expiries, iterations, memory: m };
}

describe("over simulated hours (fake clock)", () => {
  it("renews every token at 80 % and never lets one expire", () => {
    const { renewals, expiries } = simulate({ hours: 3, lifetimeS: 10 });
    expect(expiries).toEqual([]);
    // One renewal per 8 s before the 3 h mark: 8 s, 16 s, … 10 792 s.
    expect(renewals).toHaveLength(1349);
    expect(renewals.every((r) => r.trigger === "deadline")).toBe(true);
    expect(renewals[0]!.atMs).toBe(T0 + 8000);
    expect(renewals[1]!.atMs).toBe(T0 + 16_000);
  });

  it("the real one-hour lifetime renews at 48 min, about once per 48 min", () => {
    const { renewals, expiries } = simulate({ hours: 5, lifetimeS: 3600 });
    expect(expiries).toEqual([]);
    expect(renewals.map((r) => (r.atMs - T0) / 60_000)).toEqual([48, 96, 144, 192, 240, 288]);
  });

  it("a backend that keeps failing gets one attempt, then the token expires once and all stops", () => {
    const { renewals, expiries, iterations } = simulate({
      hours: 3,
      lifetimeS: 10,
      backend: () => null,
    });
    expect(renewals).toEqual([{ atMs: T0 + 8000, trigger: "deadline" }]);
    expect(expiries).toEqual([T0 + 10_000]);
    expect(iterations).toBeLessThan(20);
  });

  it("a backend answering with the same token changes nothing and is not asked again", () => {
    const { renewals, expiries } = simulate({
      hours: 1,
      lifetimeS: 10,
      backend: (_now, previous) => previous,
    });
    expect(renewals).toHaveLength(1);
    expect(expiries).toEqual([T0 + 10_000]);
  });

  it("a backend answering with stale tokens is renewed at most once per minimum gap", () => {
    const hours = 2;
    const { renewals } = simulate({
      hours,
      lifetimeS: 10,
      // Issued 100 s ago with 200 s to run: past 80 % already when it arrives.
      backend: (now) => token("ct_1", Math.floor(now / 1000) - 100, Math.floor(now / 1000) + 100),
    });
    expect(renewals.length).toBeLessThanOrEqual((hours * 3_600_000) / MIN_RENEWAL_GAP_MS + 1);
    for (let i = 1; i < renewals.length; i += 1)
      expect(renewals[i]!.atMs - renewals[i - 1]!.atMs).toBeGreaterThanOrEqual(MIN_RENEWAL_GAP_MS);
  });

  it("without renewal: one expiry, no request, then nothing runs", () => {
    const { renewals, expiries, iterations } = simulate({ hours: 3, lifetimeS: 10, renews: false });
    expect(renewals).toEqual([]);
    expect(expiries).toEqual([T0 + 10_000]);
    expect(iterations).toBeLessThan(20);
  });

  it("a tab hidden across the deadline renews once on its return, not while hidden", () => {
    // Hidden from 5 s to 2 min: the 10 s token passes 80 % and expires while nobody looks.
    const { renewals, expiries } = simulate({
      hours: 0.05,
      lifetimeS: 10,
      hidden: (now) => now >= T0 + 5000 && now < T0 + 120_000,
    });
    expect(renewals[0]!.trigger).toBe("returned");
    expect(renewals[0]!.atMs).toBeGreaterThanOrEqual(T0 + 120_000);
    expect(expiries).toEqual([]);
    expect(renewals.slice(1).every((r) => r.trigger === "deadline")).toBe(true);
  });

  it("a chat-only token over hours: nothing scheduled, nothing renewed", () => {
    let m = withToken(token("ct_1", T0 / 1000));
    m = clockReducer(m, { type: "token-in-force", token: m.token });
    const step = nextClockStep(m, ON, T0 + 5 * 3_600_000);
    expect(step.kind).toBe("idle");
    expect(nextTimerAtMs(m, step, T0)).toBeNull();
  });
});

describe("the one timer", () => {
  const t = token("ct_1", T0 / 1000, T0 / 1000 + 60);

  it("fires when the countdown's whole second changes, or at the step, whichever is first", () => {
    const m = withToken(t);
    const step = nextClockStep(m, ON, T0 + 250);
    expect(step).toEqual({ kind: "wait", atMs: T0 + 48_000 });
    expect(nextTimerAtMs(m, step, T0 + 250)).toBe(T0 + 1000);
    expect(nextTimerAtMs(m, step, T0 + 1000)).toBe(T0 + 2000);
    expect(nextTimerAtMs(m, { kind: "wait", atMs: T0 + 1500 }, T0 + 1000)).toBe(T0 + 1500);
  });

  it("after the expiry only the step's moment counts; idle, renew and expire set no timer", () => {
    const m = withToken(t);
    expect(nextTimerAtMs(m, { kind: "wait", atMs: T0 + 90_000 }, T0 + 61_000)).toBe(T0 + 90_000);
    expect(nextTimerAtMs(m, { kind: "renew", trigger: "deadline" }, T0)).toBeNull();
    expect(nextTimerAtMs(m, { kind: "expire" }, T0)).toBeNull();
    expect(nextTimerAtMs(m, { kind: "idle", why: "hidden" }, T0)).toBeNull();
    expect(nextTimerAtMs(INITIAL_CLOCK, { kind: "wait", atMs: 7 }, 0)).toBe(7);
  });
});

describe("what the clock says", () => {
  const t = token("ct_1", T0 / 1000, T0 / 1000 + 60);
  const life = tokenLifetime(t);

  it("counts down from the token's own exp", () => {
    expect(countdownText(life, T0)).toBe("expires in 1 min");
    expect(countdownText(life, T0 + 17_500)).toBe("expires in 43 s");
    expect(countdownText(life, T0 + 59_001)).toBe("expires in 1 s");
    expect(countdownText(life, T0 + 60_000)).toBe("expired");
    expect(countdownText({ kind: "non-expiring" }, T0)).toBe("non-expiring");
    expect(countdownText({ kind: "unreadable" }, T0)).toBe("expiry unreadable");
    if (life.kind !== "expiring") return;
    expect(remainingFraction(life, T0)).toBe(1);
    expect(remainingFraction(life, T0 + 45_000)).toBe(0.25);
    expect(remainingFraction(life, T0 + 90_000)).toBe(0);
    expect(remainingFraction(life, T0 - 10_000)).toBe(1);
  });

  it("durations read as a person says them", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(-3)).toBe("0 s");
    expect(formatDuration(9.2)).toBe("10 s");
    expect(formatDuration(59)).toBe("59 s");
    expect(formatDuration(60)).toBe("1 min");
    expect(formatDuration(65)).toBe("1 min 5 s");
    expect(formatDuration(300)).toBe("5 min");
    expect(formatDuration(3599)).toBe("59 min 59 s");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(7200)).toBe("2 h");
    expect(formatDuration(3660)).toBe("61 min");
  });

  it("the demo control says it is a sandbox-only demo", () => {
    expect(demoLabel(60)).toBe("Demo: tokens last 60 s instead of 1 h (sandbox only)");
    expect(demoLabel(10)).toBe("Demo: tokens last 10 s instead of 1 h (sandbox only)");
    expect(demoLabel(90)).toBe("Demo: tokens last 90 s instead of 1 h (sandbox only)");
    expect(demoLabel(120)).toBe("Demo: tokens last 2 min instead of 1 h (sandbox only)");
    expect(demoLabel(300)).toBe("Demo: tokens last 5 min instead of 1 h (sandbox only)");
  });

  const phase = (over: Partial<Parameters<typeof clockPhase>[0]> = {}) =>
    clockPhase({
      mintsWithMcpAccess: true,
      memory: withToken(t),
      situation: ON,
      nowMs: T0,
      ...over,
    });

  it("phases: chat-only config first, then the token, then the time and the tab", () => {
    expect(phase()).toBe("counting");
    expect(phase({ mintsWithMcpAccess: false })).toBe("chat-only");
    expect(phase({ memory: INITIAL_CLOCK })).toBe("waiting");
    expect(phase({ memory: withToken(token("ct_1", T0 / 1000)) })).toBe("minted-chat-only");
    expect(phase({ memory: withToken("opaque") })).toBe("unreadable");
    expect(
      phase({ memory: clockReducer(withToken(t), { type: "renewal-started", atMs: T0 }) }),
    ).toBe("renewing");
    expect(phase({ nowMs: T0 + 60_000 })).toBe("expired");
    expect(phase({ nowMs: T0 + 59_999 })).toBe("counting");
    expect(phase({ situation: { renews: true, visible: false } })).toBe("hidden");
    expect(phase({ situation: { renews: false, visible: true } })).toBe("not-renewing");
    expect(
      phase({
        memory: clockReducer(clockReducer(withToken(t), { type: "renewal-started", atMs: T0 }), {
          type: "renewal-ended",
        }),
      }),
    ).toBe("not-renewing");
  });

  it("sentences: chat-only per version, the expiry note, whose job the renewal is", () => {
    const v5 = { major: "v5" as const, pageRenews: true };
    expect(phaseSentence("chat-only", v5)).toBe(
      `${CHAT_ONLY_SENTENCE}. Minted without mcp_access, the token keeps the non-expiring behaviour (domain-v5 §10.4).`,
    );
    expect(CHAT_ONLY_SENTENCE).toBe("Chat-only token: non-expiring, no renewal needed");
    expect(phaseSentence("chat-only", { ...v5, major: "v4" })).toContain(
      "personal connections (mcp_access) are v5 only",
    );
    expect(phaseSentence("expired", v5)).toBe(EXPIRED_SENTENCE);
    expect(EXPIRED_SENTENCE).toBe(
      "Expired: the next request gets a 401; verified tokens are never auto-recovered (domain-v5 §3.6). Your page must renew.",
    );
    expect(phaseSentence("counting", { ...v5, lifetime: life, nowMs: T0 + 40_000 })).toBe(
      "Your page renews through your backend at 80 % of the lifetime (in 8 s), and when a hidden tab comes back.",
    );
    expect(phaseSentence("counting", v5)).toBe(
      "Your page renews through your backend at 80 % of the lifetime, and when a hidden tab comes back.",
    );
    expect(phaseSentence("not-renewing", v5)).toMatch(/^Renewal paused/);
    expect(phaseSentence("not-renewing", { ...v5, pageRenews: false })).toMatch(
      /^Your page does not renew \(“Renews the token before it expires” is off\)/,
    );
    expect(phaseSentence("hidden", v5)).toContain("past 80 %");
    expect(phaseSentence("waiting", v5)).toContain("sign a user in");
    expect(phaseSentence("minted-chat-only", v5)).toContain("has no exp");
    expect(phaseSentence("unreadable", v5)).toContain("cannot be read");
    expect(phaseSentence("renewing", v5)).toContain("your backend");
  });

  it("after a change: a renewal keeps the conversation, another owner resets", () => {
    const ctx = { widgetToken: "wt_1" };
    const a1 = token("ct_a", 100, 110);
    const a2 = token("ct_a", 108, 118);
    const b = token("ct_b", 108, 118);
    const renewal = tokenChangeOutcome("v5", a1, a2, ctx);
    const reset = tokenChangeOutcome("v5", a1, b, ctx);
    expect(changeSentence(renewal, "deadline")).toBe(
      "Renewed at 80 %: same owner, conversation kept.",
    );
    expect(changeSentence(renewal, "returned")).toBe(
      "Renewed on returning to the tab: same owner, conversation kept.",
    );
    expect(changeSentence(renewal, "after-expiry")).toBe(
      "Renewed after expiry: same owner, so widget v5 swaps the token in place; requests work again and the conversation is kept.",
    );
    expect(changeSentence(renewal, "manual")).toBe("Renewed now: same owner, conversation kept.");
    expect(changeSentence(renewal, "demo-started", 10)).toBe(
      "Demo started: the new token lasts 10 s: same owner, conversation kept.",
    );
    expect(changeSentence(renewal, "demo-started")).toMatch(
      /^Demo started: the new token lasts 1 h:/,
    );
    expect(changeSentence(renewal, "demo-stopped")).toMatch(
      /^Demo stopped: the new token lasts 1 h:/,
    );
    expect(changeSentence(reset, "another-user")).toBe(
      "Renewed as another user: the owner changed (the contact (contact.id) differs), so widget v5 resets and re-resolves: the launcher starts closed and the transcript is cleared.",
    );
    expect(changeSentence(tokenChangeOutcome("v4", a1, a2, ctx), "deadline")).toContain(
      "widget v4 reads user.token once per mount",
    );
    expect(changeSentence(tokenChangeOutcome("v5", a1, a1, ctx), "deadline")).toContain(
      "the same token, so nothing changes",
    );
    expect(renewalFailedSentence("HTTP 429")).toBe(
      "The renewal failed (HTTP 429). The token in force stays until it expires; the page does not retry in a loop.",
    );
  });

  it("another user is someone other than the one signed in", () => {
    expect(otherUserEmail("jane@example.com")).toBe("sam@example.com");
    expect(otherUserEmail(" Sam@Example.com ")).toBe("alex@example.com");
    expect(otherUserEmail(null)).toBe("sam@example.com");
  });
});
