/**
 * When the preview must start a fresh widget (domain.md §5.11).
 *
 * The widget initialises once per mount: contact resolution and routing read the
 * options only then, while texts and theme follow later props. So the instance key
 * is everything the widget's init reads (its options minus `theme` and `language`)
 * plus the device and the visit. Colour, language and organisation name re-render
 * in place and keep the conversation.
 */
import type { PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import type { PreviewDevice } from "./messages";

export function widgetInstanceKey(config: PlaygroundConfig, device: PreviewDevice): string {
  const options = toWidgetConfig(config, { contactToken: device.contactToken });
  const { theme: _theme, language: _language, ...identity } = options;
  return JSON.stringify([device.deviceId, device.visit, identity]);
}

/** The widget's default `initialMessages` (hard-coded English, never translated). */
export const DEFAULT_INITIAL_MESSAGES: readonly string[] = ["Hello, how can I help you?"];

/** The replica's answer to every visitor message: nothing leaves the browser. */
export const PREVIEW_BOT_REPLY = "This is a preview: no message was sent to open.cx.";
