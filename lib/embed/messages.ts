/**
 * The embed ↔ host-page protocol (`window.postMessage`), documented for docs
 * authors in `docs/embed.md` and spoken by `public/embed.js`.
 *
 * Embed → host (posted to `window.parent`):
 *   { type: "opencx-playground:ready" }                 the embed listens now (from its first script, lib/embed/theme.ts, and again once hydrated)
 *   { type: "opencx-playground:height", height: 1234 }  its content height in CSS pixels, once settled and on every change
 *
 * Host → embed (posted to the iframe's `contentWindow`):
 *   { type: "opencx-playground:hello" }                 a host script started late: answer with ready (+ height once hydrated)
 *   { type: "opencx-playground:theme", theme: "dark" }  the page's theme, for embeds opened with theme=auto
 *
 * Invariants:
 * - The embed posts nothing but these two shapes: a constant and a number. No
 *   config, no token, no key ever reaches the parent, so a wildcard target
 *   origin cannot leak anything (see `parentTargetOrigin`).
 * - The embed accepts host messages only from `window.parent` (checked by
 *   `event.source`), from any origin: they can only change colours or ask for
 *   a height, which any page that frames the embed controls anyway through the
 *   iframe's URL and size.
 * - Every inbound message is validated here. Unknown types are ignored, and
 *   extra fields are allowed, so a field can be added without breaking older
 *   hosts or embeds; renaming a type or field is a breaking change.
 */

export const EMBED_MESSAGE_PREFIX = "opencx-playground:";

export type EmbedReadyMessage = { type: "opencx-playground:ready" };
export type EmbedHeightMessage = { type: "opencx-playground:height"; height: number };
export type EmbedToHostMessage = EmbedReadyMessage | EmbedHeightMessage;

export type HostTheme = "light" | "dark";

export type HostToEmbedMessage =
  { type: "opencx-playground:hello" } | { type: "opencx-playground:theme"; theme: HostTheme };

/** Heights beyond this are refused as nonsense (no playground is 100 000 px tall). */
export const MAX_REPORTED_HEIGHT = 100_000;

const isRecord = (data: unknown): data is Record<string, unknown> =>
  typeof data === "object" && data !== null && !Array.isArray(data);

const isHeight = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_REPORTED_HEIGHT;

export function isEmbedToHostMessage(data: unknown): data is EmbedToHostMessage {
  if (!isRecord(data)) return false;
  switch (data.type) {
    case "opencx-playground:ready":
      return true;
    case "opencx-playground:height":
      return isHeight(data.height);
    default:
      return false;
  }
}

export function isHostToEmbedMessage(data: unknown): data is HostToEmbedMessage {
  if (!isRecord(data)) return false;
  switch (data.type) {
    case "opencx-playground:hello":
      return true;
    case "opencx-playground:theme":
      return data.theme === "light" || data.theme === "dark";
    default:
      return false;
  }
}

export const heightMessage = (height: number): EmbedHeightMessage => ({
  type: "opencx-playground:height",
  height: Math.max(0, Math.min(MAX_REPORTED_HEIGHT, Math.ceil(height))),
});

export const READY_MESSAGE: EmbedReadyMessage = Object.freeze({ type: "opencx-playground:ready" });

/**
 * Where the embed posts: the parent's origin when the browser tells it
 * (`location.ancestorOrigins[0]` in Chromium and Safari, else the origin of
 * `document.referrer`, which for a freshly loaded iframe is the parent page),
 * `"*"` when neither is known (Firefox with `Referrer-Policy: no-referrer`).
 * The wildcard is acceptable only because the messages carry no secrets.
 */
export function parentTargetOrigin(
  ancestorOrigin: string | null | undefined,
  referrer: string | null | undefined,
): string {
  for (const candidate of [ancestorOrigin, referrer]) {
    if (!candidate) continue;
    try {
      const origin = new URL(candidate).origin;
      if (origin !== "null" && /^https?:\/\//.test(origin)) return origin;
    } catch {
      // Not a URL: try the next source.
    }
  }
  return "*";
}
