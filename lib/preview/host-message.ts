/**
 * The preview iframe's reading of a host message, without a schema.
 *
 * The host validates the config once, where it is made (`usableConfig` on the host keeps only
 * what `parseConfig` accepts), and the device comes from its own reducer. The iframe only reads
 * messages whose `event.origin` is its own and whose `event.source` is its parent (checked by the
 * caller before this runs), i.e. the playground page itself; it trusts their types and checks
 * only the shape, so a change reaches the widget without a second zod pass in its own task.
 * `parseHostMessage` (messages.ts) remains the full check for anything else.
 */
import type { PlaygroundConfig } from "../config/options";
import type { HostToPreviewMessage, PreviewDevice } from "./messages";

export type TrustedHostMessage =
  | { ok: true; message: HostToPreviewMessage }
  /** Not ours (another tool's message): ignore silently. */
  | { ok: false; reason: "not-a-message" }
  /** A `preview:config` without a config object or a device object. */
  | { ok: false; reason: "malformed"; issues: { path: string; message: string }[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The device used when the preview runs without a host (e.g. `/preview?config=…`). */
export const STANDALONE_DEVICE: PreviewDevice = Object.freeze({
  deviceId: "standalone",
  storage: {},
  visit: 1,
  viewport: "desktop",
}) as PreviewDevice;

/** A message from the iframe's own parent page (origin and source already checked); never throws. */
export function readTrustedHostMessage(data: unknown): TrustedHostMessage {
  if (!isRecord(data) || typeof data.type !== "string")
    return { ok: false, reason: "not-a-message" };
  if (data.type === "preview:hello") return { ok: true, message: { type: "preview:hello" } };
  if (data.type !== "preview:config") return { ok: false, reason: "not-a-message" };
  const { config, device } = data;
  const issues: { path: string; message: string }[] = [];
  if (!isRecord(config)) issues.push({ path: "", message: "The config is not an object." });
  if (
    !isRecord(device) ||
    typeof device.deviceId !== "string" ||
    typeof device.visit !== "number" ||
    !isRecord(device.storage)
  )
    issues.push({ path: "device", message: "The device is not a device." });
  if (issues.length > 0) return { ok: false, reason: "malformed", issues };
  return {
    ok: true,
    message: {
      type: "preview:config",
      config: config as PlaygroundConfig,
      device: device as unknown as PreviewDevice,
    },
  };
}

/**
 * The window property through which the playground page hands a message to its own preview
 * iframe in the same task, instead of `postMessage` (which the browser may deliver after it has
 * painted a frame, so the code and the preview would change one frame apart). Only a page of
 * the same origin can read another window's properties, so only the playground itself can call
 * it; the iframe still reads the message with `readTrustedHostMessage`. `postMessage` stays the
 * way for `preview:hello` and the fallback when the property is not there yet.
 */
export const SAME_TASK_RECEIVER = "__identityPlaygroundPreviewReceive";
