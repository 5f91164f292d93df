"use client";
/**
 * The demo token clock on the device panel (issue 17, part 3), verified model only: the token in
 * force on the device on screen, its countdown read from its own `iat`/`exp`, and the page's
 * renewal through "your backend" (lib/preview/token-clock.ts decides when). The widget's side
 * is the existing token flow: a renewed token reaches the iframe through `token-updated`
 * (v5 swaps a same-owner token in place), an expired one is refused through `token-rejected`
 * (v5 never recovers a verified token, domain-v5 §3.6).
 *
 * One timer at a time, none while the tab is hidden, none for a chat-only token; cleared on
 * unmount (the model changed) and whenever the inputs change. Loaded on demand (token-clock-slot).
 */
import { useEffect, useReducer, useRef, useState } from "react";
import type { PlaygroundConfig } from "@/lib/config/options";
import { mintsWithMcpAccess, WIDGET_TOKEN_PLACEHOLDER } from "@/lib/config/widget-config";
import { tokenChangeOutcome } from "@/lib/identity/token-change";
import type { DevicesAction, TokenState } from "@/lib/preview/devices";
import {
  changeSentence,
  clockPhase,
  clockReducer,
  countdownText,
  DEFAULT_DEMO_LIFETIME_SECONDS,
  DEMO_LIFETIMES_SECONDS,
  demoLabel,
  formatDuration,
  INITIAL_CLOCK,
  nextClockStep,
  nextTimerAtMs,
  otherUserEmail,
  phaseSentence,
  remainingFraction,
  renewalDeadlineMs,
  renewalFailedSentence,
  tokenLifetime,
  type ChangeCause,
} from "@/lib/preview/token-clock";
import { useAnnounce } from "@/components/state/announcer";
import { buttonClass, compactFieldClass } from "@/components/ui/button-styles";
import { requestContactToken } from "./request-contact-token";

export interface TokenClockProps {
  /** The config the pane's devices were built from. */
  config: PlaygroundConfig;
  /** Who is signed in on the device on screen (`null`: nobody). */
  email: string | null;
  /** That user's token flow. */
  token: TokenState | undefined;
  /** The pane's devices reducer. */
  dispatch: (action: DevicesAction) => void;
}

const isVisible = () => typeof document === "undefined" || document.visibilityState === "visible";

export function TokenClock({ config, email, token, dispatch }: TokenClockProps) {
  const announce = useAnnounce();
  const major = config.widgetVersion;
  const mcp = mintsWithMcpAccess(config);
  const inForce = token?.status === "ok" ? token.token : null;

  const [memory, clock] = useReducer(clockReducer, INITIAL_CLOCK);
  // The token in force is folded in before anything is planned, so no step runs on a stale one.
  if (memory.token !== inForce) clock({ type: "token-in-force", token: inForce });

  const [now, setNow] = useState(Date.now);
  const [visible, setVisible] = useState(isVisible);
  // Set when the tab comes back; the next planning reads and clears it.
  const returning = useRef(false);
  const [paused, setPaused] = useState(false);
  const [chosenSeconds, setChosenSeconds] = useState<number>(DEFAULT_DEMO_LIFETIME_SECONDS);
  const [demoSeconds, setDemoSeconds] = useState<number | null>(null);
  // A renewal the user asked for (demo, renew now, another user) is in flight.
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; tone: "ok" | "reset" | "failed" } | null>(null);
  if (!mcp && demoSeconds !== null) setDemoSeconds(null);
  const renews = config.renewsToken && !paused;

  // Answers that arrive after the clock unmounted (the model changed) are dropped.
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    const onChange = () => {
      const v = isVisible();
      if (v) returning.current = true;
      setVisible(v);
      setNow(Date.now());
    };
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  }, []);

  /** Asks your backend for `forEmail`'s token and passes it to the page; says what the widget did. */
  async function fetchAndPass(
    forEmail: string,
    cause: ChangeCause,
    lifetimeSeconds: number | null,
  ): Promise<void> {
    const before = inForce ?? undefined;
    const next = await requestContactToken(config, forEmail, lifetimeSeconds ?? undefined);
    if (!alive.current) return;
    if (next.status !== "ok") {
      const text = renewalFailedSentence(next.status === "error" ? next.message : "no answer");
      setNote({ text, tone: "failed" });
      announce(text);
      return;
    }
    const change = tokenChangeOutcome(major, before, next.token, {
      widgetToken: config.widgetToken || WIDGET_TOKEN_PLACEHOLDER,
    });
    dispatch({ type: "token-updated", token: next });
    if (cause === "another-user") dispatch({ type: "signed-in", email: forEmail });
    const text = changeSentence(change, cause, lifetimeSeconds ?? undefined);
    setNote({ text, tone: change.kind === "reset" ? "reset" : "ok" });
    announce(text);
  }

  // The one timer: plan the next step from the token in force; act, or wait for its moment.
  useEffect(() => {
    if (!mcp || busy) return;
    const at = Date.now();
    const wasReturning = returning.current;
    returning.current = false;
    const step = nextClockStep(memory, { renews, visible, returning: wasReturning }, at);
    if (step.kind === "renew" && email !== null) {
      clock({ type: "renewal-started", atMs: at });
      void fetchAndPass(email, step.trigger, demoSeconds).finally(() => {
        if (alive.current) clock({ type: "renewal-ended" });
      });
      return;
    }
    if (step.kind === "expire") {
      clock({ type: "expiry-reported" });
      // The backend now answers 401 to this token; the widget does not recover a verified one.
      dispatch({ type: "token-rejected" });
      announce(phaseSentence("expired", { major, pageRenews: config.renewsToken }));
      return;
    }
    const timerAt = nextTimerAtMs(memory, step, at);
    if (timerAt === null) return;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.max(0, timerAt - at));
    return () => window.clearTimeout(timer);
    // Planned again on every tick and input; `fetchAndPass` reads the props of this render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mcp, busy, memory, renews, visible, now, email, demoSeconds]);

  async function userAction(forEmail: string, cause: ChangeCause, lifetime: number | null) {
    setBusy(true);
    try {
      await fetchAndPass(forEmail, cause, lifetime);
    } finally {
      if (alive.current) setBusy(false);
    }
  }

  const lifetime = inForce === null ? null : tokenLifetime(inForce);
  const situation = { renews, visible };
  const phase = clockPhase({ mintsWithMcpAccess: mcp, memory, situation, nowMs: now });
  const sentence = phaseSentence(phase, {
    major,
    pageRenews: config.renewsToken,
    ...(lifetime ? { lifetime } : {}),
    nowMs: now,
  });
  const expiring = mcp && lifetime?.kind === "expiring" ? lifetime : null;
  const left = expiring ? remainingFraction(expiring, now) : 0;
  const idle = busy || memory.renewing || email === null;

  return (
    <section
      aria-labelledby="preview-clock-heading"
      data-testid="preview.clock"
      data-phase={phase}
      className="space-y-1.5 rounded-md border border-neutral-200 bg-white p-2 text-xs text-neutral-700 dark:border-neutral-800 dark:bg-neutral-950 dark:text-neutral-300"
    >
      <h3
        id="preview-clock-heading"
        className="font-semibold text-neutral-900 dark:text-neutral-100"
      >
        Token lifetime
        {expiring ? (
          <span data-testid="preview.clock.countdown" className="ml-2 font-normal tabular-nums">
            {email}: {countdownText(expiring, now)}
            {demoSeconds !== null ? " (demo)" : ""}
          </span>
        ) : null}
      </h3>
      {expiring ? (
        // A plain bar: its width follows the ticks, with no animation (reduced motion is moot).
        <div
          aria-hidden
          className="relative h-1.5 overflow-hidden rounded bg-neutral-200 dark:bg-neutral-800"
        >
          <div
            className={`h-full ${phase === "expired" ? "bg-red-600" : "bg-emerald-600"}`}
            style={{ width: `${Math.round(left * 100)}%` }}
          />
          <div className="absolute inset-y-0 left-[20%] w-px bg-neutral-900 dark:bg-neutral-100" />
        </div>
      ) : null}
      {phase === "expired" ? (
        <p
          data-testid="preview.clock.expired"
          className="rounded border border-red-300 bg-red-50 px-2 py-1 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-50"
        >
          {sentence}
        </p>
      ) : (
        <p data-testid="preview.clock.sentence">{sentence}</p>
      )}
      {note ? (
        <p
          data-testid="preview.clock.note"
          data-tone={note.tone}
          className={
            note.tone === "failed"
              ? "text-red-800 dark:text-red-300"
              : note.tone === "reset"
                ? "text-amber-800 dark:text-amber-300"
                : "text-emerald-800 dark:text-emerald-300"
          }
        >
          {note.text}
        </p>
      ) : null}
      {mcp ? (
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1">
            Demo lifetime
            <select
              className={compactFieldClass}
              value={chosenSeconds}
              disabled={demoSeconds !== null}
              onChange={(e) => setChosenSeconds(Number(e.target.value))}
              data-testid="preview.clock.lifetime"
            >
              {DEMO_LIFETIMES_SECONDS.map((s) => (
                <option key={s} value={s}>
                  {formatDuration(s)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            aria-pressed={demoSeconds !== null}
            disabled={idle}
            className={`${buttonClass.secondary} ${buttonClass.disabled} aria-pressed:border-neutral-900 aria-pressed:bg-neutral-900 aria-pressed:text-white dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900`}
            data-testid="preview.clock.demo"
            title="Asks the sandbox for a shorter lifetime with its demo header X-Sandbox-Token-Lifetime; open.cx has no such header"
            onClick={() => {
              if (email === null) return;
              const next = demoSeconds === null ? chosenSeconds : null;
              setDemoSeconds(next);
              void userAction(email, next === null ? "demo-stopped" : "demo-started", next);
            }}
          >
            {demoLabel(demoSeconds ?? chosenSeconds)}
          </button>
          {config.renewsToken ? (
            <button
              type="button"
              aria-pressed={paused}
              className={buttonClass.secondary}
              data-testid="preview.clock.pause"
              onClick={() => {
                setPaused(!paused);
                announce(
                  paused
                    ? "Renewal resumed: your page renews at 80 % of the lifetime."
                    : "Renewal paused: when the token expires, the next request fails.",
                );
              }}
            >
              Pause renewal
            </button>
          ) : null}
          <button
            type="button"
            disabled={idle}
            className={`${buttonClass.secondary} ${buttonClass.disabled}`}
            data-testid="preview.clock.renewNow"
            onClick={() => email !== null && void userAction(email, "manual", demoSeconds)}
          >
            Renew now
          </button>
          <button
            type="button"
            disabled={idle}
            className={`${buttonClass.secondary} ${buttonClass.disabled}`}
            data-testid="preview.clock.anotherUser"
            title="Your backend answers with a token for someone else: another owner, so widget v5 resets"
            onClick={() => void userAction(otherUserEmail(email), "another-user", demoSeconds)}
          >
            Renew as another user ({otherUserEmail(email)})
          </button>
          {expiring && phase === "counting" ? (
            <span className="text-neutral-500 dark:text-neutral-400">
              Renews at {formatDuration((renewalDeadlineMs(expiring) - expiring.issuedAtMs) / 1000)}{" "}
              of {formatDuration((expiring.expiresAtMs - expiring.issuedAtMs) / 1000)}
            </span>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
