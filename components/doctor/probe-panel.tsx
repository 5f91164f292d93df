"use client";
/**
 * The live-page probe: its source to read and copy (console) or a bookmarklet to copy, and a box
 * for the code it prints. The decoded code is shown as a table ("What the probe collected")
 * before the findings, so the user sees everything that left their page.
 */
import { useId, useMemo, useState } from "react";
import {
  decodeProbe,
  diagnoseProbe,
  PROBE_LISTEN_MS,
  probeBookmarklet,
  probeConsoleSource,
  reportText,
  type DoctorReport,
  type ProbeFacts,
} from "@/lib/doctor";
import { CopyButton } from "@/components/code/copy-button";
import { buttonClass } from "@/components/ui/button-styles";
import { textareaClass, type PanelProps } from "./panel";
import { countText, FindingsList } from "./findings-list";

const date = (seconds: number | null) =>
  seconds === null ? "" : new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ");

const owner = (o: ProbeFacts["stored"]) =>
  o
    ? [
        `contact ${o.contact ?? "?"} of org ${o.org ?? "?"}`,
        o.verified === null ? "" : o.verified ? "verified" : "non-verified",
        o.personal ? "with personal connections" : "",
        o.iat === null ? "" : `issued ${date(o.iat)} UTC`,
        o.exp === null ? "no expiry" : `expires ${date(o.exp)} UTC`,
      ]
        .filter(Boolean)
        .join(", ")
    : "none";

function factRows(facts: ProbeFacts): [string, string][] {
  return [
    ["Page origin", facts.origin],
    ["window.openCXWidgetVersion", facts.version ?? "not set"],
    ["initOpenScript defined", facts.initDefined ? "yes" : "no"],
    [
      "Widget scripts",
      facts.scripts.length === 0
        ? "none"
        : facts.scripts
            .map((s) => `${s.src}${s.defer ? " (defer)" : ""}${s.async ? " (async)" : ""}`)
            .join("; "),
    ],
    ["Inline scripts calling initOpenScript", String(facts.inlineInits)],
    [
      "Widget roots / chat frames / trigger frames",
      `${facts.roots} / ${facts.chatFrames} / ${facts.triggerFrames}`,
    ],
    ["CSP <meta> policies", facts.policies.length === 0 ? "none" : facts.policies.join(" | ")],
    [
      "Widget storage keys (names only)",
      facts.storage === "blocked"
        ? "storage is blocked on this page (the widget cannot keep a visitor either)"
        : facts.keys.length === 0
          ? "none"
          : facts.keys.join(", "),
    ],
    ["Stored contact (claims only)", owner(facts.stored)],
    ["Your current user.token (claims only)", owner(facts.current)],
    [
      "CSP violations",
      facts.csp.length === 0
        ? "none"
        : facts.csp.map((v) => `${v.directive} → ${v.blocked}`).join("; "),
    ],
  ];
}

export function ProbePanel({ say, onOpen }: PanelProps) {
  const codeId = useId();
  const sourceId = useId();
  const source = useMemo(() => probeConsoleSource(), []);
  const bookmarklet = useMemo(() => probeBookmarklet(), []);
  const [code, setCode] = useState("");
  const [read, setRead] = useState<
    { ok: true; facts: ProbeFacts; report: DoctorReport } | { ok: false; error: string } | null
  >(null);

  const onRead = () => {
    const decoded = decodeProbe(code);
    if (!decoded.ok) {
      setRead(decoded);
      say(decoded.error);
      return;
    }
    const report = diagnoseProbe(decoded.facts);
    setRead({ ok: true, facts: decoded.facts, report });
    say(`Probe code read: ${countText(report)}.`);
  };

  const copied = (what: string) => (ok: boolean) =>
    say(ok ? `${what} copied.` : `Copy failed: select the ${what.toLowerCase()} and copy it.`);

  return (
    <div className="flex flex-col gap-3 text-xs">
      <ol className="flex list-decimal flex-col gap-1 pl-5">
        <li>
          Open your page where the widget misbehaves (signed in, if that is the case), then its
          DevTools console (F12).
        </li>
        <li>
          Paste the probe below and press Enter. It reads for {PROBE_LISTEN_MS / 1000} seconds,
          prints what it collected, then a code (copied for you). Or copy the bookmarklet, save it
          as a bookmark&apos;s URL, and click it on your page.
        </li>
        <li>Paste the code here and press Read code.</li>
      </ol>
      <p>
        It reads the widget&apos;s version, its script tags, how many widget roots and frames exist,
        CSP meta tags and violations against the widget&apos;s hosts, the names of the widget&apos;s
        storage keys (never their values) and, for a stored contact token, only who it belongs to
        (never the token). Nothing is sent anywhere.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton
          text={source}
          subject="probe"
          testId="doctor.probe.copy"
          onResult={copied("Probe")}
        />
        <CopyButton
          text={bookmarklet}
          subject="bookmarklet"
          testId="doctor.probe.copyBookmarklet"
          onResult={copied("Bookmarklet")}
        />
      </div>
      <div className="flex flex-col gap-1">
        <span id={sourceId} className="font-semibold">
          The probe (read it before you run it)
        </span>
        <pre
          role="region"
          aria-labelledby={sourceId}
          tabIndex={0}
          className="max-h-56 overflow-auto rounded-md border border-neutral-300 bg-neutral-50 p-2 font-mono text-[0.7rem] leading-snug focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900"
          data-testid="doctor.probe.source"
        >
          {source}
        </pre>
      </div>
      <label htmlFor={codeId} className="font-semibold">
        The probe&apos;s code
      </label>
      <textarea
        id={codeId}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        rows={3}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        data-testid="doctor.probe.code"
        className={textareaClass}
      />
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass.primary}
          onClick={onRead}
          disabled={code.trim() === ""}
          data-testid="doctor.probe.read"
        >
          Read code
        </button>
        {read?.ok ? (
          <CopyButton
            text={reportText(read.report, null)}
            subject="report"
            testId="doctor.probe.copyReport"
            onResult={copied("Report")}
          />
        ) : null}
      </div>
      {read && !read.ok ? (
        <p className="text-red-700 dark:text-red-400" data-testid="doctor.probe.error">
          {read.error}
        </p>
      ) : null}
      {read?.ok ? (
        <>
          <table className="w-full border-collapse text-left" data-testid="doctor.probe.facts">
            <caption className="mb-1 text-left font-semibold">What the probe collected</caption>
            <tbody>
              {factRows(read.facts).map(([name, value]) => (
                <tr key={name} className="border-t border-neutral-200 dark:border-neutral-800">
                  <th scope="row" className="py-0.5 pr-2 align-top font-medium">
                    {name}
                  </th>
                  <td className="py-0.5 font-mono break-all">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <FindingsList
            report={read.report}
            text={null}
            testId="doctor.probe.report"
            onOpen={
              read.report.config
                ? () =>
                    onOpen(
                      read.report.config!,
                      `Opened the playground on the probed page's version (${read.report.major}).`,
                    )
                : undefined
            }
          />
        </>
      ) : null}
    </div>
  );
}
