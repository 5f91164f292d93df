"use client";
import { usePlayground } from "@/components/state/store-provider";
import { buttonClass } from "@/components/ui/button-styles";
import type { WidgetMajor } from "@/lib/config/versions";
import type { TokenState } from "@/lib/preview/devices";

type StepStatus = "done" | "pending" | "failed" | "idle";

const MARK: Record<StepStatus, string> = { done: "✓", pending: "…", failed: "✕", idle: "·" };
const TONE: Record<StepStatus, string> = {
  done: "text-emerald-700 dark:text-emerald-400",
  pending: "text-neutral-500",
  failed: "text-red-700 dark:text-red-400",
  idle: "text-neutral-400",
};

const short = (token: string) =>
  token.length > 24 ? `${token.slice(0, 12)}…${token.slice(-8)}` : token;

/**
 * The verified path as it happens: the page asks your backend, your backend
 * calls authenticate-user with the org API key, the token comes back and
 * becomes user.token. The preview plays the customer's page; the sandbox plays open.cx.
 */
export function VerifiedFlow({
  email,
  token,
  major,
  renewing = false,
  onRenew,
}: {
  email: string | null;
  token: TokenState | undefined;
  major: WidgetMajor;
  renewing?: boolean;
  /** v5: ask your backend for a new token for the same user (domain-v5 §3.7). */
  onRenew?: () => void;
}) {
  const sampleEmail = usePlayground((s) => s.config.serverEmail).trim();
  const setOption = usePlayground((s) => s.setOption);
  const status: StepStatus = !email
    ? "idle"
    : !token || token.status === "loading"
      ? "pending"
      : token.status === "ok"
        ? "done"
        : "failed";
  const steps: { label: string; detail: string; status: StepStatus }[] = [
    {
      label: "Your page → your backend",
      detail: email
        ? `POST /api/opencx/contact-token for the signed-in user ${email}`
        : "Nobody is signed in: the page passes no user.token.",
      status: email ? "done" : "idle",
    },
    {
      label: "Your backend → open.cx",
      detail:
        "POST /widget/authenticate-user with Authorization: Bearer <org API key> (here: this playground's sandbox)",
      status,
    },
    {
      label: "open.cx → your backend",
      detail:
        token?.status === "ok"
          ? `201 { token: ${short(token.token)}, contact: { id: ${token.contactId} } }`
          : token?.status === "error"
            ? `Refused: ${token.message}`
            : "{ token, contact: { id } }",
      status,
    },
    {
      label: "Your backend → the widget",
      detail:
        token?.status === "ok"
          ? "Only the token goes back to the browser, as user.token."
          : "The token becomes user.token.",
      status,
    },
  ];
  // The preview's "Sign in as" plays a user; the cURL script sends the sample email from the
  // controls (the other server snippets take the email as an argument). Say so when the two
  // differ, and offer to make them the same.
  const differs = email !== null && email.toLowerCase() !== sampleEmail.toLowerCase();
  const note = differs ? (
    <p
      data-testid="preview.flow.sample"
      className="text-xs text-neutral-700 sm:col-span-2 dark:text-neutral-300"
    >
      The preview is signed in as <span className="font-medium">{email}</span>; the cURL sample{" "}
      {sampleEmail === "" ? (
        "has no email yet"
      ) : (
        <>
          sends <span className="font-medium">{sampleEmail}</span>
        </>
      )}
      .{" "}
      <button
        type="button"
        className={buttonClass.secondary}
        data-testid="preview.flow.useEmail"
        onClick={() => setOption("serverEmail", email)}
      >
        Use {email} in the cURL sample
      </button>
    </p>
  ) : null;
  // v5 swaps a same-owner token in place; v4 needs a remount or a reload (domain-v5 §3.7).
  const renewal =
    token?.status === "ok" ? (
      <p
        data-testid="preview.flow.renewal"
        className="flex flex-wrap items-center gap-2 text-xs text-neutral-700 dark:text-neutral-300"
      >
        <button
          type="button"
          className={buttonClass.secondary}
          data-testid="preview.flow.renew"
          disabled={renewing || !onRenew}
          onClick={onRenew}
        >
          {renewing ? "Renewing…" : "Renew token"}
        </button>
        <span className="min-w-0 flex-1 basis-64">
          {major === "v5"
            ? "Your backend asks for a new token for the same user: the same contact, so widget v5 swaps it in place and keeps the conversation on screen. Tokens minted with mcp_access expire after an hour and need this."
            : "Widget v4 reads user.token once per mount: the page remounts the widget with the new token (a new React key), so it starts over; the history stays in the list."}
        </span>
      </p>
    ) : null;
  return (
    <div className="space-y-1">
      {note}
      {renewal}
      <ol
        aria-label="Verified token flow"
        data-testid="preview.flow"
        className="grid gap-1 rounded-md border border-neutral-200 bg-white p-2 text-xs sm:grid-cols-2 dark:border-neutral-800 dark:bg-neutral-950"
      >
        {steps.map((s, i) => (
          <li key={s.label} data-status={s.status} className="flex gap-1.5">
            <span aria-hidden className={`w-3 shrink-0 font-bold ${TONE[s.status]}`}>
              {MARK[s.status]}
            </span>
            <span>
              <span className="font-medium">
                {i + 1}. {s.label}
              </span>{" "}
              <span className="break-words text-neutral-600 dark:text-neutral-400">{s.detail}</span>
              <span className="sr-only"> ({s.status})</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
