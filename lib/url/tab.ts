/**
 * The code tab in the playground's link: `tab=<target>` beside the state, e.g.
 *
 *     /?tab=go&s=2.<payload>
 *
 * The tab is what the reader sees, not a setting, so it lives in its own parameter (the same
 * name and values as the docs embed's `tab`) and the share-link codec (`s`) is untouched: links
 * without it open on the first tab, as they always did.
 *
 * Invariants:
 * - The link carries the tab that is shown, and only when it is not the first tab (which is
 *   what a link without `tab` opens), so a link shows the reader what the sender saw.
 * - Reading never throws and never drops anything but the tab: an unknown value opens the
 *   first tab with one sentence saying so. Values are trimmed and case-insensitive; a
 *   repeated parameter uses its first value.
 * - A known tab the config does not offer (a server tab under a model that is not verified)
 *   is kept as the reader's choice: the first tab shows until the tab exists again.
 */
import type { PlaygroundConfig } from "../config/options";
import { applicableTargets } from "../snippets/targets";
import { SNIPPET_TARGETS, SNIPPET_TARGET_LABELS, type SnippetTarget } from "../snippets/types";
import { SHARE_PARAM, shareUrl, type SearchParamsLike } from "./codec";

/** The query parameter that carries the selected code tab. */
export const TAB_PARAM = "tab";

/** The tab shown for a choice: the choice while the config offers it, else the first tab offered. */
export function shownTarget(
  choice: SnippetTarget | null | undefined,
  offered: readonly SnippetTarget[],
): SnippetTarget | undefined {
  return choice && offered.includes(choice) ? choice : offered[0];
}

/** The target a `tab` value names (trimmed, any case), or `undefined`. */
export function parseTarget(value: string): SnippetTarget | undefined {
  const wanted = value.trim().toLowerCase();
  return SNIPPET_TARGETS.find((target) => target === wanted);
}

/** A short, quoted, printable rendering of what was in the link. */
function quoted(value: string, max = 32): string {
  const points = Array.from(value.replace(/[\u0000-\u001f\u007f]/g, "?"));
  return JSON.stringify(
    points.length > max ? `${points.slice(0, max - 1).join("")}…` : points.join(""),
  );
}

export interface TabReadResult {
  /** The reader's choice, kept even while the config does not offer it; `null` for the first tab. */
  tab: SnippetTarget | null;
  /** At most one sentence; empty when the tab opened as the link asked. */
  issues: string[];
}

/** Reads one `tab` value against the config the link opens. Never throws. */
export function readTab(value: string | null | undefined, config: PlaygroundConfig): TabReadResult {
  if (typeof value !== "string" || value.trim() === "") return { tab: null, issues: [] };
  const tab = parseTarget(value);
  if (!tab)
    return {
      tab: null,
      issues: [
        `The link's code tab ${quoted(value)} does not exist (the tabs are ${SNIPPET_TARGETS.join(", ")}); showing the first tab.`,
      ],
    };
  if (!applicableTargets(config).includes(tab))
    return {
      tab,
      issues: [
        `The link opens the ${SNIPPET_TARGET_LABELS[tab]} tab, which shows server code and only the verified model has; showing the first tab until the model is verified.`,
      ],
    };
  return { tab, issues: [] };
}

/** Reads `tab` from a `URLSearchParams` or Next's `searchParams` object (first value). Never throws. */
export function tabFromSearchParams(
  params: SearchParamsLike | null | undefined,
  config: PlaygroundConfig,
): TabReadResult {
  try {
    if (params === null || params === undefined) return { tab: null, issues: [] };
    if (params instanceof URLSearchParams) return readTab(params.get(TAB_PARAM), config);
    const value: unknown = Object.hasOwn(params, TAB_PARAM) ? params[TAB_PARAM] : undefined;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return readTab(typeof first === "string" ? first : undefined, config);
  } catch {
    return { tab: null, issues: ["The link's code tab could not be read; showing the first tab."] };
  }
}

/**
 * `baseUrl` (absolute or relative) with the share state of `config` and the tab shown for
 * `choice`: `tab` first (short and readable), then `s`; neither for the first tab and the
 * defaults. Other parameters and the hash are kept. What "Copy link", the address bar and the
 * embed's "Open in full playground" use.
 */
export function playgroundUrl(
  baseUrl: string,
  config: PlaygroundConfig,
  choice: SnippetTarget | null | undefined,
): string {
  const offered = applicableTargets(config);
  const shown = shownTarget(choice, offered);
  const withState = shareUrl(withoutParams(baseUrl, [TAB_PARAM]), config);
  if (shown === undefined || shown === offered[0]) return withState;
  const hashAt = withState.indexOf("#");
  const beforeHash = hashAt === -1 ? withState : withState.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : withState.slice(hashAt);
  const queryAt = beforeHash.indexOf("?");
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const rest = queryAt === -1 ? [] : beforeHash.slice(queryAt + 1).split("&");
  // The share state stays last, as the embed writes it.
  const state = rest.filter((part) => part.startsWith(`${SHARE_PARAM}=`));
  const others = rest.filter((part) => !part.startsWith(`${SHARE_PARAM}=`));
  return `${path}?${[...others, `${TAB_PARAM}=${shown}`, ...state].join("&")}${hash}`;
}

/** `url` without the named query parameters (names compared after %-decoding). */
function withoutParams(url: string, names: readonly string[]): string {
  const hashAt = url.indexOf("#");
  const hash = hashAt === -1 ? "" : url.slice(hashAt);
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf("?");
  if (queryAt === -1) return url;
  const kept = beforeHash
    .slice(queryAt + 1)
    .split("&")
    .filter((part) => part !== "" && !names.includes(paramName(part)));
  return `${beforeHash.slice(0, queryAt)}${kept.length > 0 ? `?${kept.join("&")}` : ""}${hash}`;
}

function paramName(part: string): string {
  const equals = part.indexOf("=");
  const raw = equals === -1 ? part : part.slice(0, equals);
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}
