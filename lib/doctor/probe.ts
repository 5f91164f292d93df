/**
 * The probe's code, pasted back: decoded and validated (a damaged or foreign code gets a clear
 * error and changes nothing), then diagnosed. What the probe reads is listed in
 * `probe-source.ts`; the playground shows the decoded facts before the findings.
 */
import "../config/zod"; // jitless: no eval under the CSP
import { z } from "zod";
import { DEFAULT_CONFIG } from "../config/options";
import { DEFAULT_WIDGET_MAJOR, majorOfVersion, type WidgetMajor } from "../config/versions";
import { pinStatus, type Pin } from "../import/version";
import { base64UrlToBytes } from "../tokens/jwt";
import { sortFindings } from "./diagnose";
import { PROBE_PREFIX } from "./probe-source";
import { LOADING_TEXT } from "./rules/loading";
import { policyBlocks, policyFix, scriptOrigin } from "./rules/csp";
import { finding } from "./rules/rule";
import type { DoctorReport, Finding } from "./types";

const text = (max: number) => z.string().max(max);
const owner = z
  .object({
    org: text(80).nullable(),
    contact: text(80).nullable(),
    verified: z.boolean().nullable(),
    personal: z.boolean(),
    // Seconds since 1970, as JWTs write them; bounded so a date can be shown.
    iat: z.number().min(0).max(1e11).nullable(),
    exp: z.number().min(0).max(1e11).nullable(),
  })
  .strict();

export const probeFactsSchema = z
  .object({
    origin: text(2048),
    version: text(40).nullable(),
    initDefined: z.boolean(),
    scripts: z
      .array(
        z
          .object({ src: text(2048), defer: z.boolean(), async: z.boolean(), module: z.boolean() })
          .strict(),
      )
      .max(10),
    inlineInits: z.number().int().min(0),
    roots: z.number().int().min(0),
    chatFrames: z.number().int().min(0),
    triggerFrames: z.number().int().min(0),
    policies: z.array(text(2000)).max(5),
    storage: z.enum(["readable", "blocked"]),
    keys: z.array(text(200)).max(50),
    stored: owner.nullable(),
    current: owner.nullable(),
    csp: z.array(z.object({ directive: text(60), blocked: text(2048) }).strict()).max(20),
  })
  .strict();

export type ProbeFacts = z.infer<typeof probeFactsSchema>;
export type ProbeOwner = z.infer<typeof owner>;

export type ProbeDecodeResult = { ok: true; facts: ProbeFacts } | { ok: false; error: string };

/** The longest code accepted: the probe's own output stays far below. */
export const MAX_PROBE_CODE = 40_000;

/** Reads a pasted probe code (extra text around it, such as a console prefix, is ignored). */
export function decodeProbe(input: string): ProbeDecodeResult {
  if (input.length > MAX_PROBE_CODE)
    return {
      ok: false,
      error: `This is longer than any probe code (${MAX_PROBE_CODE} characters at most).`,
    };
  const at = input.indexOf(PROBE_PREFIX);
  if (at < 0)
    return {
      ok: false,
      error: `This is not a probe code: a code starts with ${PROBE_PREFIX} (run the probe on your page and copy the line it prints).`,
    };
  const payload = /^[A-Za-z0-9_-]*/.exec(input.slice(at + PROBE_PREFIX.length))![0];
  const bytes = base64UrlToBytes(payload);
  if (bytes === null || bytes.length === 0)
    return {
      ok: false,
      error: "This probe code is damaged (it was cut short or changed): copy the whole line again.",
    };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return {
      ok: false,
      error: "This probe code is damaged (it does not decode): copy the whole line again.",
    };
  }
  const parsed = probeFactsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      error: `This probe code does not hold what the probe collects (${issue.path.join(".") || "the top level"}: ${issue.message}). Run the probe from this playground again.`,
    };
  }
  return { ok: true, facts: parsed.data };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A script seen by the probe as the pin the text rules read: its URL. */
function pinOf(src: string): Pin | null {
  const match = /\/@opencx\/widget(?:@([^/]+))?\//.exec(src);
  if (!match) return null;
  return {
    place: "script",
    package: "@opencx/widget",
    spec: match[1] ? safeDecode(match[1]) : null,
    exactFlag: false,
    range: { start: 0, end: 0 },
  };
}

const since = (owner: ProbeOwner) =>
  owner.iat === null ? "" : `, created ${new Date(owner.iat * 1000).toISOString().slice(0, 10)}`;

/**
 * The widget stores only non-verified contacts (anonymous, collected, `user.data`); a verified
 * token is never stored. So on a page that signs the user in with `user.token`, a stored contact
 * is always another contact than the signed-in one (even for the same person, verified and
 * non-verified histories are separate), and it is what the widget reuses once nobody is signed in.
 */
function storageFindings(facts: ProbeFacts): Finding[] {
  const { stored, current } = facts;
  if (!stored) return [];
  const id = stored.contact ?? "id unknown";
  if (current && (stored.contact !== current.contact || stored.org !== current.org)) {
    return [
      finding("stored-token-other-owner", "warning", null, {
        title: "This browser holds another contact than the signed-in user",
        visitor: `The stored contact (${id}${since(stored)}) is not the user your page signs in now (${current.contact ?? "id unknown"}). While the page passes user.token the widget ignores it; after sign-out, an anonymous load reuses it, and whoever uses this browser next continues its non-verified conversations.`,
        fix: "On sign-out, remove the widget's `opencx-widget:org-token-<widget token>:` keys (contact-token, external-contact-id; on v5 also active-session) before the widget starts again, then reload (v4) or pass the new options (v5).",
      }),
    ];
  }
  return [
    finding("stored-contact", "info", null, {
      title: "This browser holds a non-verified contact",
      visitor: `The widget reuses the stored contact (${id}${since(stored)}) on every load of this browser profile: anyone who uses it next continues that contact's conversations, unless the page passes another identity.`,
      fix: "If people share computers, clear the widget's `opencx-widget:` keys when a person signs out or starts over. To check it against a signed-in user, set `currentUserToken` in the probe and run it again.",
    }),
  ];
}

/** Diagnoses what the probe collected on a live page. */
export function diagnoseProbe(facts: ProbeFacts): DoctorReport {
  const out: Finding[] = [];
  const major: WidgetMajor =
    (facts.version && majorOfVersion(facts.version)) || DEFAULT_WIDGET_MAJOR;
  // A React integration has no script tag and no embed global: its frames show it.
  const widgetOnPage =
    facts.scripts.length > 0 ||
    facts.roots > 0 ||
    facts.version !== null ||
    facts.chatFrames + facts.triggerFrames > 0;
  if (!widgetOnPage) {
    out.push(
      finding("no-widget-script", "error", null, {
        title: "The widget is not on this page",
        visitor:
          "No widget script, no widget root and no widget version: visitors see no chat button.",
        fix: LOADING_TEXT.noScriptFix,
      }),
    );
  } else if (facts.scripts.length > 0 && facts.version === null) {
    const blocked = facts.csp.some((v) => v.directive.startsWith("script-src"));
    out.push(
      finding("widget-not-running", "error", null, {
        title: "The widget script is on the page but never ran",
        visitor: blocked
          ? "The Content-Security-Policy blocked the script: visitors see no chat button."
          : "`window.openCXWidgetVersion` is not set, so the script did not load or run (a blocked host, an ad blocker, a wrong URL or a network error): visitors see no chat button.",
        fix: "Open the Network tab and reload: the script request must answer 200. Check the URL (pinned, `dist-embed/script.js`) and the page's Content-Security-Policy.",
      }),
    );
  }
  for (const script of facts.scripts) {
    const pin = pinOf(script.src);
    const status = pin ? pinStatus(pin) : null;
    if (pin && status && status !== "current") {
      const text = LOADING_TEXT.pin(pin, status);
      if (text) out.push(finding(text.rule, "warning", null, text));
    }
  }
  if (facts.scripts.length > 1 || facts.chatFrames > 1) {
    out.push(
      finding(
        "widget-loaded-twice",
        facts.chatFrames > 1 || major === "v4" ? "error" : "warning",
        null,
        {
          title:
            facts.chatFrames > 1
              ? `The page shows ${facts.chatFrames} widgets`
              : `The widget script is loaded ${facts.scripts.length} times`,
          visitor:
            facts.chatFrames > 1
              ? "Two widgets share one set of storage keys: visitors see two chat buttons, and each resolves the contact on its own."
              : "The page downloads the widget twice and has two pins to keep in step (v5 reuses the first runtime; v4 installs a second one).",
          fix:
            major === "v4"
              ? "Load the script once and call `initOpenScript` once; to change identity on v4, clear the keys and reload."
              : "Load the script once; to change options on v5, call `window.initOpenScript` again with the new options (it re-renders the one widget).",
        },
      ),
    );
  }
  const origin = scriptOrigin(facts.scripts[0]?.src);
  const context = { script: origin, self: facts.origin, inlineInit: facts.inlineInits > 0 };
  for (const policy of facts.policies) {
    const blocked = policyBlocks(policy, context);
    if (blocked.length > 0)
      out.push(
        finding("csp-blocks-widget", "error", null, {
          title: "The page's Content-Security-Policy `<meta>` blocks the widget",
          visitor: `${blocked.join("; ")}.`,
          fix: policyFix(origin),
        }),
      );
  }
  if (facts.csp.length > 0) {
    const directives = [
      ...new Set(facts.csp.map((v) => `\`${v.directive}\` blocked ${v.blocked}`)),
    ];
    out.push(
      finding("csp-blocks-widget", "error", null, {
        title: "The page's Content-Security-Policy blocks the widget",
        visitor: `The browser reported it: ${directives.join("; ")}. The widget cannot load or reach its API.`,
        fix: "Allow the widget's hosts in the policy (header and `<meta>`): the script's origin in `script-src`, `https://api.open.cx` in `connect-src`, and `'unsafe-inline'` in `style-src`.",
      }),
    );
  }
  out.push(...storageFindings(facts));
  return {
    source: "probe",
    kind: null,
    findings: sortFindings(out),
    // The probe sees no options: the playground opens on the page's version, verified when the
    // user told the probe the page's user.token.
    config: {
      ...DEFAULT_CONFIG,
      widgetVersion: major,
      model: facts.current ? "server" : DEFAULT_CONFIG.model,
    },
    version: facts.version,
    major,
  };
}
