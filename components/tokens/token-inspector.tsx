"use client";
/**
 * Token inspector: paste anything, learn whether it is the widget token, a
 * contact token or the org API key (domain.md §1), and where it belongs.
 *
 * Invariants (a pasted value may be a live secret):
 * - Classification runs in the page as you type; no network.
 * - The only request is the explicit signature check, and it only ever carries
 *   a JWT-shaped contact token (`tokenForSignatureCheck`, checked again in
 *   `checkSignature` and on the server).
 * - The value lives in React state only: no localStorage/sessionStorage, no
 *   URL, no logging, and `autoComplete="off"` so the browser does not keep it.
 * - A second box takes the token that would replace the first on a mounted v5
 *   widget and says whether that is a renewal (session kept) or a reset, and why
 *   (`judgeSwap` → `compareTokens`, domain-v5.md §3.7); it is judged in the page
 *   and kept like the first.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { inspectToken, tokenForSignatureCheck } from "@/lib/tokens/inspect";
import { judgeSwap, V4_SWAP_NOTE, type SwapVerdict } from "@/lib/tokens/swap";
import { checkSignature, type SignatureCheck } from "./check-signature";
import { IdentityFacts, TokenResult } from "./token-result";

type VerifyState =
  | { status: "idle" }
  | { status: "pending"; token: string }
  | { status: "done"; token: string; result: SignatureCheck };

const IDLE: VerifyState = { status: "idle" };

const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400";

function verifyMessage(state: VerifyState): { text: string; tone: string } | null {
  if (state.status === "idle") return null;
  if (state.status === "pending") return { text: "Checking the signature…", tone: "" };
  const { result } = state;
  if (result.status === "verified") {
    return {
      text: "✓ Signed by this playground's sandbox. Such tokens only work here: open.cx does not accept them.",
      tone: "font-semibold text-emerald-800 dark:text-emerald-300",
    };
  }
  if (result.status === "not-verified") {
    return {
      text: `Not signed by this playground's sandbox: ${result.reason}`,
      tone: "font-semibold",
    };
  }
  return {
    text: `Could not check the signature: ${result.reason}`,
    tone: "text-red-800 dark:text-red-300",
  };
}

const VERDICT_TONE: Record<SwapVerdict["status"], string> = {
  waiting:
    "border border-dashed border-neutral-300 text-neutral-700 dark:border-neutral-700 dark:text-neutral-300",
  "not-a-contact-token":
    "border border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-50",
  renewal:
    "border border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-50",
  reset:
    "border border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-50",
};

const TEXTAREA = `w-full resize-y rounded-md border border-neutral-300 bg-white px-2.5 py-1.5 font-mono text-xs break-all text-neutral-900 shadow-xs placeholder:text-neutral-400 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:placeholder:text-neutral-500 ${focusRing}`;
const CLEAR = `rounded px-1.5 py-0.5 text-xs text-neutral-600 underline underline-offset-2 hover:text-neutral-900 dark:text-neutral-400 dark:hover:text-neutral-100 ${focusRing}`;
/** Kept out of autofill, password managers, spellcheck and translation: a paste may be a live secret. */
const PRIVATE_INPUT = {
  autoComplete: "off",
  autoCorrect: "off",
  autoCapitalize: "off",
  spellCheck: false,
  translate: "no",
  "data-1p-ignore": true,
  "data-lpignore": "true",
} as const;

/**
 * A labelled box for a pasted token, kept private (`PRIVATE_INPUT`), with a Clear button that
 * empties it through `onChange` and puts the focus back in it.
 */
function TokenField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  placeholder: string;
  describedBy: string;
  testId: string;
  clearTestId: string;
}) {
  const ref = useRef<HTMLTextAreaElement | null>(null);
  return (
    <>
      <div className="flex items-baseline justify-between gap-2">
        <label
          htmlFor={props.id}
          className="block text-sm font-medium text-neutral-800 dark:text-neutral-200"
        >
          {props.label}
        </label>
        {props.value !== "" ? (
          <button
            type="button"
            onClick={() => {
              props.onChange("");
              ref.current?.focus();
            }}
            data-testid={props.clearTestId}
            className={CLEAR}
          >
            Clear
          </button>
        ) : null}
      </div>
      <textarea
        ref={ref}
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        rows={props.rows}
        placeholder={props.placeholder}
        aria-describedby={props.describedBy}
        data-testid={props.testId}
        {...PRIVATE_INPUT}
        className={TEXTAREA}
      />
    </>
  );
}

export function TokenInspector() {
  const id = useId();
  const inputId = `${id}-input`;
  const [input, setInput] = useState("");
  const [second, setSecond] = useState("");
  const [nowMs, setNowMs] = useState(() => Date.now());
  const [verify, setVerify] = useState<VerifyState>(IDLE);
  const abortRef = useRef<AbortController | null>(null);

  const inspection = useMemo(() => inspectToken(input, { now: nowMs }), [input, nowMs]);
  const candidate = useMemo(() => tokenForSignatureCheck(input), [input]);
  const secondInspection = useMemo(() => inspectToken(second, { now: nowMs }), [second, nowMs]);
  const verdict = useMemo(() => judgeSwap(input, second), [input, second]);
  // A result belongs to the token it was asked for; a new paste hides it.
  const shownVerify = verify.status !== "idle" && verify.token === candidate ? verify : IDLE;
  const message = verifyMessage(shownVerify);

  // Keep "expired" and "in 3 minutes" true while a JWT sits in the box.
  const dated = inspection.kind === "contact-token" || secondInspection.kind === "contact-token";
  useEffect(() => {
    if (!dated) return;
    const timer = setInterval(() => setNowMs(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [dated]);

  useEffect(() => () => abortRef.current?.abort(), []);

  function update(next: string) {
    abortRef.current?.abort();
    abortRef.current = null;
    setVerify(IDLE);
    setNowMs(Date.now());
    setInput(next);
  }

  async function runCheck() {
    const token = candidate;
    if (token === null || shownVerify.status === "pending") return;
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setVerify({ status: "pending", token });
    const result = await checkSignature(token, { signal: controller.signal });
    if (result === null || controller.signal.aborted) return;
    setVerify({ status: "done", token, result });
  }

  const isEmpty = inspection.kind === "empty";
  const describedBy = [`${id}-help`, `${id}-title`, isEmpty ? null : `${id}-where`]
    .filter(Boolean)
    .join(" ");
  const announcement = isEmpty ? "" : `${inspection.title}. Belongs in: ${inspection.where}.`;

  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-testid="tokens"
      className="min-w-0 space-y-3 text-neutral-900 dark:text-neutral-100"
    >
      <div>
        <h2 id={`${id}-heading`} className="text-sm font-semibold">
          Token inspector
        </h2>
        <p className="mt-0.5 text-xs text-neutral-600 dark:text-neutral-400">
          Widget token, contact token or API key? Paste one to see what it is and where it belongs.
        </p>
      </div>

      <div className="space-y-1">
        <TokenField
          id={inputId}
          label="Paste any token"
          value={input}
          onChange={update}
          rows={4}
          placeholder="eyJhbGciOi…, sk_…, or your widget token"
          describedBy={describedBy}
          testId="tokens.input"
          clearTestId="tokens.clear"
        />
        <p id={`${id}-help`} className="text-xs text-neutral-600 dark:text-neutral-400">
          Checked as you type, in this page: nothing is saved. Only a JWT is ever sent, and only
          when you ask for a signature check.
        </p>
      </div>

      <p role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </p>

      <TokenResult
        inspection={inspection}
        nowMs={nowMs}
        titleId={`${id}-title`}
        whereId={`${id}-where`}
      >
        {candidate !== null ? (
          // The result gets its own full-width line under the button (beside it, it was squeezed to a few pixels).
          <div className="flex flex-col items-start gap-1.5 border-t border-current/20 pt-2.5">
            <button
              type="button"
              onClick={() => void runCheck()}
              aria-disabled={shownVerify.status === "pending"}
              aria-describedby={`${id}-verify-result`}
              data-testid="tokens.verify"
              className={`rounded-md border border-neutral-400 bg-white px-2.5 py-1 text-xs font-medium text-neutral-900 hover:bg-neutral-100 aria-disabled:cursor-wait aria-disabled:opacity-70 dark:border-neutral-600 dark:bg-neutral-900 dark:text-neutral-100 dark:hover:bg-neutral-800 ${focusRing}`}
            >
              Check signature against the sandbox
            </button>
            <p
              id={`${id}-verify-result`}
              role="status"
              aria-live="polite"
              data-testid="tokens.verify.result"
              data-status={
                shownVerify.status === "done" ? shownVerify.result.status : shownVerify.status
              }
              className={`w-full min-w-0 text-xs break-words ${message?.tone ?? ""}`}
            >
              {message?.text ?? ""}
            </p>
          </div>
        ) : null}
      </TokenResult>

      <div data-testid="tokens.compare" className="space-y-1.5">
        <h3 id={`${id}-compare-heading`} className="text-sm font-semibold">
          Renewal or reset? (widget v5)
        </h3>
        <TokenField
          id={`${id}-second`}
          label="Replacement token"
          value={second}
          onChange={(value) => {
            setNowMs(Date.now());
            setSecond(value);
          }}
          rows={3}
          placeholder="The token that would replace the one above: eyJhbGciOi…"
          describedBy={`${id}-compare-help ${id}-compare-result`}
          testId="tokens.compare.input"
          clearTestId="tokens.compare.clear"
        />
        <p id={`${id}-compare-help`} className="text-xs text-neutral-600 dark:text-neutral-400">
          On a mounted v5 widget, a new user.token with the same organisation, contact, verified
          flag, account and server list is a renewal; anything else starts over. Checked in this
          page, never sent.
        </p>
        {secondInspection.kind === "contact-token" && secondInspection.identity !== null ? (
          <div className="rounded-md bg-neutral-50 p-2.5 dark:bg-neutral-900">
            <IdentityFacts
              identity={secondInspection.identity}
              testId="tokens.compare.identity"
              caption="Replacement's widget identity"
            />
          </div>
        ) : null}
        <div
          id={`${id}-compare-result`}
          role="status"
          aria-live="polite"
          aria-atomic="true"
          data-testid="tokens.compare.result"
          data-status={verdict.status}
          className={`space-y-1 rounded-md p-2.5 text-xs ${VERDICT_TONE[verdict.status]}`}
        >
          <p className={verdict.status === "waiting" ? "" : "font-semibold"}>{verdict.text}</p>
          {"why" in verdict ? (
            <p data-testid="tokens.compare.why">
              <span className="font-semibold">Why: </span>
              {verdict.why}.
            </p>
          ) : null}
          {verdict.status === "renewal" || verdict.status === "reset" ? (
            <p className="opacity-80">{V4_SWAP_NOTE}</p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
