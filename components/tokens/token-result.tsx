/**
 * The token inspector's result card: props in, JSX out (no state, no effects),
 * so it renders the same on the server and in tests.
 */
import type { ReactNode } from "react";
import { accessText, type ContactIdentity } from "@/lib/tokens/identity";
import type { JsonObject, TokenInspection, TokenSeverity } from "@/lib/tokens/inspect";

const SEVERITY: Record<TokenSeverity, { box: string; badge: string; label: string; icon: string }> =
  {
    ok: {
      box: "border border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-50",
      badge: "bg-emerald-700 text-white dark:bg-emerald-300 dark:text-emerald-950",
      label: "Fine",
      icon: "✓",
    },
    warning: {
      box: "border border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-50",
      badge: "bg-amber-600 text-white dark:bg-amber-300 dark:text-amber-950",
      label: "Check",
      icon: "!",
    },
    danger: {
      box: "border-2 border-red-600 bg-red-50 text-red-950 shadow-sm shadow-red-200 dark:border-red-500 dark:bg-red-950/60 dark:text-red-50 dark:shadow-none",
      badge: "bg-red-700 text-white dark:bg-red-400 dark:text-red-950",
      label: "Danger",
      icon: "✕",
    },
  };

const EMPTY_BOX =
  "border border-dashed border-neutral-300 bg-white text-neutral-700 dark:border-neutral-700 dark:bg-neutral-950 dark:text-neutral-300";

const DATE_CLAIMS = new Set(["exp", "iat", "nbf", "auth_time"]);

/** "2025-01-15 13:00:00 UTC" */
export function formatUtc(iso: string): string {
  return iso
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, " UTC")
    .replace(/Z$/, " UTC");
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "in 3 hours", "2 days ago". */
export function relativeTime(targetMs: number, nowMs: number): string {
  const seconds = Math.round((targetMs - nowMs) / 1000);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size || unit === "second")
      return format.format(Math.trunc(seconds / size), unit);
  }
  return "";
}

function numericDateText(value: unknown, nowMs: number): string | null {
  if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value * 1000) > 8.64e15)
    return null;
  const ms = value * 1000;
  return `${formatUtc(new Date(ms).toISOString())} (${relativeTime(ms, nowMs)})`;
}

function JsonText({ value }: { value: unknown }) {
  const text =
    typeof value === "string" ? value : (JSON.stringify(value, null, 2) ?? String(value));
  return (
    <code
      translate="no"
      className={`font-mono break-all whitespace-pre-wrap ${typeof value === "string" ? "" : "text-sky-800 dark:text-sky-300"}`}
    >
      {text}
    </code>
  );
}

function ObjectTable({
  caption,
  object,
  nowMs,
  testId,
}: {
  caption: ReactNode;
  object: JsonObject;
  nowMs: number;
  testId: string;
}) {
  const entries = Object.entries(object);
  return (
    <table data-testid={testId} className="w-full table-fixed border-collapse text-left text-xs">
      <caption className="mb-1 text-left text-xs font-semibold">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 ? (
          <tr>
            <td colSpan={2} className="py-1 italic opacity-80">
              (empty)
            </td>
          </tr>
        ) : (
          entries.map(([key, value]) => {
            const date = DATE_CLAIMS.has(key) ? numericDateText(value, nowMs) : null;
            return (
              <tr key={key} className="border-t border-current/15 align-top">
                <th scope="row" className="w-1/3 py-1 pr-2 font-mono font-medium break-all">
                  {key}
                </th>
                <td className="py-1">
                  <JsonText value={value} />
                  {date ? <span className="block opacity-80">{date}</span> : null}
                </td>
              </tr>
            );
          })
        )}
      </tbody>
    </table>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">{children}</dl>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-semibold">{term}</dt>
      <dd className="break-all">{children}</dd>
    </>
  );
}

const LAYOUT: Record<ContactIdentity["layout"], string> = {
  envelope: "backend envelope (sub.type “widget-contact”, v5)",
  flat: "flat claims (v4-era layout)",
};

/**
 * The widget identity a contact token carries (domain-v5.md §3.7): owner, verified,
 * mcp_access, expiry. `testId` tells the first token's facts from the second's.
 */
export function IdentityFacts({
  identity,
  testId = "tokens.identity",
  caption = "Widget identity",
}: {
  identity: ContactIdentity;
  testId?: string;
  caption?: string;
}) {
  const { access } = identity;
  return (
    <section aria-label={caption} data-testid={testId} className="space-y-1">
      <h4 className="text-xs font-semibold">{caption}</h4>
      <Facts>
        <Fact term="Owner">
          org <code translate="no">{identity.orgId}</code>, contact{" "}
          <code translate="no">{identity.contactId}</code>
        </Fact>
        <Fact term="Verified">{identity.verified ? "yes" : "no"}</Fact>
        <Fact term="mcp_access">
          <span data-testid={`${testId}.access`} data-kind={access.kind}>
            {accessText(access)}
          </span>
        </Fact>
        {access.kind !== "chat-only" ? (
          <Fact term="Account">
            {access.accountId === null ? "none (no account_id)" : access.accountId}
          </Fact>
        ) : null}
        <Fact term="Expiry">
          <span data-testid={`${testId}.expiry`} data-kind={identity.expiry.kind}>
            {identity.expiry.text}
          </span>
        </Fact>
        <Fact term="Layout">{LAYOUT[identity.layout]}</Fact>
      </Facts>
    </section>
  );
}

function expiryText(
  inspection: Extract<TokenInspection, { kind: "contact-token" }>,
  nowMs: number,
): string {
  if (inspection.expiresAt === null) return "Never (no exp claim)";
  const when = `${formatUtc(inspection.expiresAt)} (${relativeTime(Date.parse(inspection.expiresAt), nowMs)})`;
  return inspection.expired ? `Expired ${when}` : when;
}

/**
 * The card for one inspection. `titleId` / `whereId` let the input point at
 * the title and destination with `aria-describedby`.
 */
export function TokenResult({
  inspection,
  nowMs,
  titleId,
  whereId,
  children,
}: {
  inspection: TokenInspection;
  nowMs: number;
  titleId?: string;
  whereId?: string;
  /** Extra content at the bottom (the signature check). */
  children?: ReactNode;
}) {
  const style = SEVERITY[inspection.severity];
  const isEmpty = inspection.kind === "empty";
  return (
    <div
      data-testid="tokens.result"
      data-kind={inspection.kind}
      data-severity={inspection.severity}
      className={`space-y-2 rounded-lg p-3 text-sm ${isEmpty ? EMPTY_BOX : style.box}`}
    >
      <div className="flex items-start gap-2">
        {isEmpty ? null : (
          <span
            className={`mt-0.5 inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-[11px] font-bold tracking-wide uppercase ${style.badge}`}
          >
            <span aria-hidden>{style.icon}</span>
            {style.label}
          </span>
        )}
        <h3
          id={titleId}
          className={`leading-snug ${inspection.severity === "danger" ? "text-base font-bold" : "font-semibold"}`}
        >
          {isEmpty ? null : <span className="sr-only">{style.label}: </span>}
          {inspection.title}
        </h3>
      </div>
      {isEmpty ? (
        <p className="text-xs">{inspection.advice}</p>
      ) : (
        <>
          <p id={whereId} className="text-xs">
            <span className="font-semibold">Belongs in: </span>
            {inspection.where}
          </p>
          <p className="text-xs leading-relaxed">{inspection.advice}</p>
        </>
      )}
      {inspection.notes.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-xs opacity-90">
          {inspection.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {inspection.kind === "contact-token" ? (
        <div className="space-y-3 rounded-md bg-white/70 p-2.5 text-neutral-900 dark:bg-neutral-950/60 dark:text-neutral-100">
          {inspection.identity !== null ? <IdentityFacts identity={inspection.identity} /> : null}
          <Facts>
            <Fact term="Expires">{expiryText(inspection, nowMs)}</Fact>
            {inspection.notYetValid && inspection.notBefore ? (
              <Fact term="Valid from">{`${formatUtc(inspection.notBefore)} (${relativeTime(Date.parse(inspection.notBefore), nowMs)})`}</Fact>
            ) : null}
            <Fact term="Algorithm">{inspection.algNone ? "none (unsigned!)" : inspection.alg}</Fact>
            {inspection.issuer !== null ? <Fact term="Issuer">{inspection.issuer}</Fact> : null}
            {inspection.audience.length > 0 ? (
              <Fact term="Audience">{inspection.audience.join(", ")}</Fact>
            ) : null}
            {inspection.subject !== null ? <Fact term="Subject">{inspection.subject}</Fact> : null}
          </Facts>
          <ObjectTable
            caption="Header"
            object={inspection.header}
            nowMs={nowMs}
            testId="tokens.header"
          />
          <ObjectTable
            caption="Claims (decoded, not verified)"
            object={inspection.claims}
            nowMs={nowMs}
            testId="tokens.claims"
          />
        </div>
      ) : null}
      {inspection.kind === "malformed-jwt" && inspection.header !== null ? (
        <div className="rounded-md bg-white/70 p-2.5 text-neutral-900 dark:bg-neutral-950/60 dark:text-neutral-100">
          <ObjectTable
            caption="Header (the part that decoded)"
            object={inspection.header}
            nowMs={nowMs}
            testId="tokens.header"
          />
        </div>
      ) : null}
      {children}
    </div>
  );
}
