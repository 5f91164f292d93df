/**
 * When the preview must start a fresh widget (domain.md §5.11).
 *
 * The widget initialises once per mount: contact resolution and routing read the
 * options only then, while texts and theme follow later props. So the instance key
 * is everything the widget's init reads (its options minus `theme` and `language`)
 * plus the widget major, the device and the visit. Colour, language and organisation name
 * re-render in place and keep the conversation.
 *
 * v5 compares `user.token` by its identity fingerprint (domain-v5 §3.7): a renewed token of the
 * same owner keeps the instance (the token is swapped in place); v4 remounts for any new token,
 * as a page keyed by the token would.
 */
import type { PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import { tokenChangeOutcome } from "../identity/token-change";
import { identityFingerprint } from "../tokens/fingerprint";
import type { PreviewDevice } from "./messages";

export function widgetInstanceKey(config: PlaygroundConfig, device: PreviewDevice): string {
  const options = toWidgetConfig(config, { contactToken: device.contactToken });
  const { theme: _theme, language: _language, user, ...rest } = options;
  let who: unknown = user;
  if (config.widgetVersion === "v5" && user && "token" in user) {
    const fingerprint = identityFingerprint({
      botToken: options.token,
      externalId: user.externalId,
      userToken: user.token,
    });
    who = { fingerprint };
  }
  return JSON.stringify([config.widgetVersion, device.deviceId, device.visit, rest, who ?? null]);
}

export interface ShownWidget {
  config: PlaygroundConfig;
  device: PreviewDevice;
}

/**
 * Whether the next instance starts with its launcher closed: v5 recreates the launcher closed
 * when a new `user.token` of another owner (or a sign-in / sign-out) reaches the mounted widget
 * on the same page load. Any other new instance (a reload, another device, a new scenario)
 * starts open, as the preview always does. `before` is the last widget shown with no token
 * pending: the page waiting for a signed-in user's token is not an identity of its own, and
 * neither is the verified model before any user is known (no server email yet): the snippets
 * mount the widget only once they have a token, so its first token is a first mount.
 */
export function startsClosed(before: ShownWidget | null, after: ShownWidget): boolean {
  if (!before || after.config.widgetVersion !== "v5" || after.device.tokenPending) return false;
  const noUserYet =
    before.config.model === "server" && !before.device.contactToken && !before.device.signedOut;
  if (noUserYet) return false;
  if (before.config.widgetVersion !== "v5") return false;
  if (before.device.deviceId !== after.device.deviceId) return false;
  if (before.device.visit !== after.device.visit) return false;
  if (before.config.model !== after.config.model) return false;
  if (before.config.widgetToken !== after.config.widgetToken) return false;
  const change = tokenChangeOutcome("v5", before.device.contactToken, after.device.contactToken, {
    widgetToken: after.config.widgetToken,
    externalId: after.config.externalId || undefined,
  });
  return change.kind === "reset";
}

/** The widget's default `initialMessages` (hard-coded English, never translated). */
export const DEFAULT_INITIAL_MESSAGES: readonly string[] = ["Hello, how can I help you?"];

/** The replica's answer to every visitor message: nothing leaves the browser. */
export const PREVIEW_BOT_REPLY = "This is a preview: no message was sent to open.cx.";
