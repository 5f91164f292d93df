/**
 * The identity lifecycle in the client snippets (domain-v5.md §3.3, §3.6, §3.7, §18; domain.md
 * §3.3, §5): the helper that removes the widget's keys, what the page does on sign-out and when
 * another user signs in, per version and model, and the renewal of tokens minted with
 * `mcp_access`. Text builders only, as unindented lines; the generators place them. `typed`
 * prints the TypeScript spelling (React, Next.js), otherwise plain JavaScript (the HTML embed).
 *
 * Every string from the config (only the widget token, inside the storage keys) is printed with
 * `printJs`, so it is escaped like the options around it.
 */
import type { PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import { storageKeys, widgetNamespace } from "../identity/storage";
import { CONTACT_TOKEN_ENDPOINT, isVerified, majorOfConfig } from "./model";
import { jsString, printJs } from "./print/js";

/** The helper every client snippet defines: removes this widget token's keys. */
export const CLEAR_STORAGE_FUNCTION = "clearOpenCxWidgetStorage";
/** HTML: clear the keys, then reload (every version and model needs it somewhere). */
export const RESTART_FUNCTION = "restartOpenCxWidget";
/** HTML, v5 verified: clear the keys, then pass the next user's token to the same widget. */
export const UPDATE_USER_FUNCTION = "updateOpenCxWidgetUser";
/** v5 verified: asks the integrator's backend for the signed-in user's contact token. */
export const FETCH_TOKEN_FUNCTION = "fetchOpenCxContactToken";
/** v5 verified with `mcp_access`: renews the token before it expires; returns its stop function. */
export const RENEW_FUNCTION = "keepOpenCxTokenFresh";
/** HTML, v5 verified: fetches the token and starts (or updates) the widget. */
export const START_FUNCTION = "startOpenCxWidget";

/** The share of a token's lifetime after which the page renews it: 48 minutes of an hour. */
export const RENEW_AT_FRACTION = 0.8;

/** The widget token the snippets' options carry, so the keys are that token's. */
export function widgetTokenOf(config: PlaygroundConfig): string {
  return toWidgetConfig(config).token;
}

/**
 * What sign-out removes (domain-v5.md §18): v4 exactly its two keys; v5 every key of the
 * token's namespace, so also `:active-session` and `:companion-*`.
 */
export type KeysToClear = { kind: "exact"; keys: string[] } | { kind: "prefix"; prefix: string };

export function keysToClear(config: PlaygroundConfig): KeysToClear {
  const token = widgetTokenOf(config);
  if (majorOfConfig(config) === "v5") return { kind: "prefix", prefix: widgetNamespace(token) };
  const keys = storageKeys(token);
  return { kind: "exact", keys: [keys.contactToken, keys.externalId] };
}

/** What the stored keys cost the next person on a shared computer, per model (domain-v5.md §18). */
export function sharedComputerRisk(config: PlaygroundConfig): string {
  switch (config.model) {
    case "server":
      return "a contact token from an anonymous visit before sign-in would be picked up again after sign-out";
    case "browser":
      return "after sign-out the widget, given no user.data, picks up the signed-in user's stored contact token, and the next person sees that user's conversations";
    case "collect":
      return toWidgetConfig(config).extraDataCollectionFields
        ? "the next person would reuse the previous visitor's device id (the form shows on every load, the stored keys stay)"
        : "the next person would continue as the previous visitor, without the welcome form, and see their conversations";
    default:
      return "the next person would continue as the previous visitor and see their conversations";
  }
}

/** Wraps `text` as `//` comment lines of at most `width` characters (words never split). */
export function commentLines(text: string, width = 96): string[] {
  const lines: string[] = [];
  let line = "//";
  for (const word of text.split(" ")) {
    if (line.length + 1 + word.length > width && line !== "//") {
      lines.push(line);
      line = "//";
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

/** Whether people sign in to the page (browser `user.data`, verified), rather than just visit. */
function signsIn(config: PlaygroundConfig): boolean {
  return config.model === "browser" || isVerified(config);
}

/** How the page calls the helper and moves to the next identity, per target kind, version and model. */
function howToUse(config: PlaygroundConfig, typed: boolean): string {
  const v5 = majorOfConfig(config) === "v5";
  if (!typed) {
    return v5 && isVerified(config)
      ? `${RESTART_FUNCTION}() (sign-out) and ${UPDATE_USER_FUNCTION}() (a user signs in without a page load) below call it first.`
      : `${RESTART_FUNCTION}() below does both: it clears the keys, then reloads.`;
  }
  const call = "Call it in your sign-out handler, before the next identity renders.";
  if (v5 && isVerified(config)) {
    return `${call} Then pass the new userId to <SupportWidget> (null after sign-out): it fetches the next user's token for the same <Widget>, and v5 resets itself in place. No key, no remount.`;
  }
  const why = !v5
    ? "widget v4 reads its options once per mount"
    : config.model === "browser"
      ? "v5 keeps the previous contact when only user.data changes"
      : "v5 keeps the previous contact for a visitor without a verified token";
  const data = config.model === "browser" ? " and that user's user.data in its options" : "";
  return `${call} Then give <SupportWidget> a new key (${remountKeyText(config, true)})${data}: ${why}.`;
}

/**
 * What a remounting page keys `<SupportWidget>` by: the user (the next one, after sign-out, or
 * the one signed in now), or a counter for a visitor.
 */
export function remountKeyText(config: PlaygroundConfig, next: boolean): string {
  if (!signsIn(config)) return "a counter your sign-out increments";
  return `${next ? "the next user's" : "your signed-in user's"} id, never the token`;
}

/**
 * The helper that removes the widget's keys, with the comment that says when to call it and
 * why. Collects the keys before removing any (removing while reading by index skips some), and
 * never throws: a sign-out must not fail because storage is blocked.
 */
export function clearStorageFunction(
  config: PlaygroundConfig,
  typed: boolean,
  extra = "",
): string[] {
  const v5 = majorOfConfig(config) === "v5";
  const what = v5
    ? "Removes every key widget v5 keeps for this widget token: the visitor's contact token and device id, the open conversation and the companion layout."
    : "Removes the two keys widget v4 keeps for this widget token: the visitor's contact token and device id.";
  const when = signsIn(config)
    ? "when a user signs out, and before another user signs in on this browser"
    : "when a person is done on a shared computer (your app's sign-out, a kiosk's Start over)";
  const comment = commentLines(
    [
      what,
      `The widget has no sign-out of its own, so your page removes them ${when}.`,
      `Clear the keys before the new identity initialises, otherwise the widget reuses the old contact token: on a shared computer, ${sharedComputerRisk(config)}.`,
      howToUse(config, typed),
      extra,
    ]
      .join(" ")
      .trim(),
  );
  const keys = keysToClear(config);
  const body =
    keys.kind === "prefix"
      ? [
          `  const prefix = ${jsString(keys.prefix)};`,
          "  try {",
          "    // Collect the keys first: removing while reading by index would skip some.",
          "    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));",
          "    for (const key of keys) {",
          "      if (key?.startsWith(prefix)) localStorage.removeItem(key);",
          "    }",
        ]
      : [
          `  const keys = ${printJs(keys.keys, { level: 1, column: 15 })};`,
          "  try {",
          "    for (const key of keys) localStorage.removeItem(key);",
        ];
  return [
    ...comment,
    `${typed ? "export " : ""}function ${CLEAR_STORAGE_FUNCTION}() {`,
    ...body,
    "  } catch {",
    "    // Storage is blocked in this browser, so the widget could not keep anything either.",
    "  }",
    "}",
  ];
}

/**
 * HTML: the sign-out (every version and model) that clears the keys and reloads. v4 starts once
 * per page (a second `initOpenScript` is unsupported, domain-v5.md §3.7); v5 re-renders on a
 * later call but keeps a non-verified contact (the fingerprint ignores `user.data`), and a
 * verified page starts no widget without a signed-in user.
 */
export function htmlRestartFunction(config: PlaygroundConfig): string[] {
  const v5 = majorOfConfig(config) === "v5";
  const verified = isVerified(config);
  const when = !signsIn(config)
    ? "When a person is done on a shared computer"
    : v5 && verified
      ? "Your app's sign-out"
      : "Your app's sign-out, and another user signing in without a page load";
  const why = !v5
    ? "widget v4 starts once per page (calling initOpenScript again is not supported)"
    : verified
      ? "a signed-out page starts no verified widget"
      : "v5 would keep the previous contact for a visitor without a verified token, even with new options";
  const next =
    v5 && verified
      ? ""
      : config.model === "server"
        ? " The next load fetches the signed-in user's token, or starts no widget when nobody is signed in."
        : config.model === "browser"
          ? " The next load passes the signed-in user's user.data, or none after sign-out."
          : "";
  return [
    ...commentLines(`${when}: clear the widget's keys, then reload, because ${why}.${next}`),
    `function ${RESTART_FUNCTION}() {`,
    `  ${CLEAR_STORAGE_FUNCTION}();`,
    "  window.location.reload();",
    "}",
  ];
}

/** HTML, v5 verified: another user signed in without a page load (domain-v5.md §3.7, §18). */
export function htmlUpdateUserFunction(startedFlag?: string, beforeStart?: string): string[] {
  const start =
    startedFlag === undefined
      ? [`  await ${START_FUNCTION}();`]
      : [
          "  // Before consent or a click nothing is loaded: the start will fetch the new user's token.",
          `  if (${startedFlag}) await ${START_FUNCTION}();`,
          ...(beforeStart === undefined ? [] : [`  else ${beforeStart}`]),
        ];
  return [
    ...commentLines(
      "A user signed in without a page load, or another user replaced them: clear the keys, then pass the new token to the same widget. v5 resets itself in place for a new user: no reload.",
    ),
    `async function ${UPDATE_USER_FUNCTION}() {`,
    `  ${CLEAR_STORAGE_FUNCTION}();`,
    ...start,
    "}",
  ];
}

/** The request for the signed-in user's contact token, to YOUR backend (inside an async function). */
export const TOKEN_REQUEST = [
  `  const response = await fetch(${jsString(CONTACT_TOKEN_ENDPOINT)}, {`,
  "    method: 'POST',",
  "    credentials: 'same-origin',",
  "  });",
];

/** v5 verified: the backend call, shared by the first fetch and the renewals. */
export function fetchTokenFunction(typed: boolean): string[] {
  const returns = typed ? ": Promise<string | null>" : "";
  const read = typed
    ? ["  const data = (await response.json()) as { token: string };", "  return data.token;"]
    : ["  const { token } = await response.json();", "  return token;"];
  return [
    ...(typed
      ? [
          "/** Asks YOUR backend for the signed-in user's contact token; null when nobody is signed in. */",
        ]
      : []),
    `async function ${FETCH_TOKEN_FUNCTION}()${returns} {`,
    ...TOKEN_REQUEST,
    "  if (response.status === 401) return null;",
    "  if (!response.ok) throw new Error(`Contact token request failed (${response.status})`);",
    ...read,
    "}",
  ];
}

/** v5, a chat-only token (domain-v5.md §10.4): the comment where the renewal would be. */
export function chatOnlyNote(): string[] {
  return commentLines(
    "This token is minted without mcp_access (chat-only), so it does not expire: nothing to renew.",
  );
}

/**
 * v4: no renewal (v4 never mints with `mcp_access`, and its snippets never name it); a page that
 * rotates tokens itself passes the new one as v4 needs, by a reload or a remount.
 */
export function v4NoRenewalNote(typed: boolean): string[] {
  const rotate = typed
    ? "remount <SupportWidget> with a new key to pass the new one"
    : "reload the page to pass the new one";
  return commentLines(
    `Chat-only tokens do not expire: nothing to renew. If you rotate tokens yourself, ${rotate} (widget v4 reads its options once per ${typed ? "mount" : "page"}).`,
  );
}

/**
 * v5 with a token minted with `mcp_access` (one-hour lifetime, domain-v5.md §10.4): renew at 80 %
 * of the lifetime read from the token's `iat`/`exp` (48 minutes when unreadable, at least a minute
 * away), and when a hidden tab is shown again after that point; one timer at a time; a failed
 * renewal retries a minute later; a 401 stops renewing. One function, its constants inside (the
 * HTML page's globals stay few), returning the stop function for sign-out, unmount or a newer token.
 */
export function renewalFunction(typed: boolean): string[] {
  const t = (annotation: string) => (typed ? annotation : "");
  return [
    ...commentLines(
      "The token was minted with mcp_access, so it expires after one hour. This renews it at 80 % of its lifetime (read from its iat and exp claims; 48 minutes when they cannot be read) and when a hidden tab is shown again after that point (background tabs delay timers), and hands each new token to onToken: the same user keeps the conversation (v5). One timer at a time; it returns the function that stops renewing (on sign-out, unmount or a newer token).",
    ),
    `function ${RENEW_FUNCTION}(token${t(": string")}, onToken${t(": (token: string) => void")})${t(": () => void")} {`,
    `  const RENEW_AT_FRACTION = ${RENEW_AT_FRACTION};`,
    "  const ASSUMED_LIFETIME_MS = 60 * 60 * 1000;",
    "  const RETRY_AFTER_MS = 60 * 1000; // After a failure, and the soonest renewal: no tight loop.",
    "  // The lifetime from the token's iat and exp claims, read for timing only (not verified).",
    `  const lifetimeMs = (jwt${t(": string")}) => {`,
    "    try {",
    "      const claims = (jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');",
    `      const { iat, exp } = JSON.parse(atob(claims))${t(" as { iat?: unknown; exp?: unknown }")};`,
    "      if (typeof iat === 'number' && typeof exp === 'number' && exp > iat) {",
    "        return Math.min(exp - iat, 24 * 60 * 60) * 1000; // At most a day: a timer browsers keep.",
    "      }",
    "    } catch {",
    "      // Not a token this page can read: assume one hour.",
    "    }",
    "    return ASSUMED_LIFETIME_MS;",
    "  };",
    `  const renewalDelayMs = (jwt${t(": string")}) =>`,
    "    Math.max(lifetimeMs(jwt) * RENEW_AT_FRACTION, RETRY_AFTER_MS);",
    "",
    `  let timer${t(": ReturnType<typeof setTimeout> | undefined")};`,
    "  let dueAt = 0;",
    "  let renewing = false;",
    "  let stopped = false;",
    `  const renewIn = (delay${t(": number")}) => {`,
    "    clearTimeout(timer);",
    "    dueAt = Date.now() + delay;",
    "    timer = setTimeout(renew, delay);",
    "  };",
    "  const renew = async () => {",
    "    if (stopped || renewing) return;",
    "    renewing = true;",
    "    try {",
    `      const renewed = await ${FETCH_TOKEN_FUNCTION}();`,
    "      if (stopped) return;",
    "      if (renewed === null) {",
    "        stop(); // Signed out meanwhile: your sign-out code takes over.",
    "        return;",
    "      }",
    "      onToken(renewed);",
    "      renewIn(renewalDelayMs(renewed));",
    "    } catch {",
    "      if (!stopped) renewIn(RETRY_AFTER_MS); // Offline or a server error: try again later.",
    "    } finally {",
    "      renewing = false;",
    "    }",
    "  };",
    "  const onVisibilityChange = () => {",
    "    if (document.visibilityState === 'visible' && Date.now() >= dueAt) void renew();",
    "  };",
    "  const stop = () => {",
    "    stopped = true;",
    "    clearTimeout(timer);",
    "    document.removeEventListener('visibilitychange', onVisibilityChange);",
    "  };",
    "  document.addEventListener('visibilitychange', onVisibilityChange);",
    "  renewIn(renewalDelayMs(token));",
    "  return stop;",
    "}",
  ];
}
