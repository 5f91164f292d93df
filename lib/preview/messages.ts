/**
 * The host ↔ preview-iframe protocol.
 *
 * Handshake: the preview says `preview:ready` when it starts listening, the host says
 * `preview:hello` when it does; whoever comes second completes it, and the host then
 * sends `preview:config` (again after every change).
 *
 * Invariants:
 * - Same origin only: senders post with `targetOrigin = location.origin`, never `"*"`;
 *   receivers check `event.origin` and `event.source` before looking at the data.
 * - The host validates a config once, where it is made (only what `parseConfig` accepts
 *   leaves the controls); the iframe, having checked origin and source, trusts its own
 *   parent's typed `preview:config` and checks only its shape (host-message.ts), so a change
 *   costs no second schema pass. `parseHostMessage` is the full check, for anything else.
 *   A refused message is refused whole, so the preview keeps its last good render.
 * - Messages from the preview to the host are validated here (`isPreviewToHostMessage`).
 * - Adding a field or an event kind is backward compatible; renaming one is not.
 */
import "../config/zod"; // jitless: no eval under the CSP
import { z } from "zod";
import { DEFAULT_CONFIG, type PlaygroundConfig } from "../config/options";
import { parseConfig, type ConfigIssue } from "../config/schema";
import type { RejectionReason, Screen } from "../identity";

export const PREVIEW_VIEWPORTS = ["desktop", "mobile"] as const;
export type PreviewViewport = (typeof PREVIEW_VIEWPORTS)[number];

export type PreviewScreen = Screen;

export interface PreviewChatMessage {
  id: string;
  role: "user" | "bot";
  text: string;
}

/** A conversation as the simulated backend holds it. */
export interface PreviewSession {
  id: string;
  /** The contact token it was created with. */
  contactToken: string;
  /** The email the non-verified contact was created or upserted with, if any. */
  email: string | null;
  /** The session's `external_id`; listing filters on it when the contact has one. */
  externalId: string | null;
  verified: boolean;
  status: "open" | "closed";
  messages: PreviewChatMessage[];
}

/**
 * One browser profile visiting the page. A reload is the same device with `visit + 1`;
 * "clear site data" is the same device with empty `storage`.
 * The widget reads `storage` once per mount (a new `deviceId` or `visit` remounts it).
 */
export interface PreviewDevice {
  deviceId: string;
  /** The page's localStorage (only the widget's `opencx-widget:*` keys matter). */
  storage: Record<string, string>;
  visit: number;
  /** The contact token the sandbox issued, for the verified model. */
  contactToken?: string;
  viewport: PreviewViewport;
  /** Sessions the simulated backend holds; the preview shows those its contact may list. */
  sessions?: PreviewSession[];
  /** Contact tokens the simulated backend now refuses with a 401 ("the stored token is rejected"). */
  rejectedTokens?: string[];
  /** A user is signed in and the page is still waiting for their contact token. */
  tokenPending?: boolean;
  /** Verified model: the user signed out on this device (the page shows the widget without a user). */
  signedOut?: boolean;
}

export type PreviewEvent =
  /** Sent for every submit that passed the browser's own validation; `accepted: false` changed nothing. */
  | {
      kind: "form-submitted";
      accepted: boolean;
      name: string;
      email: string;
      extras: Record<string, string>;
    }
  /** `text` is what was sent, extra fields included. */
  | { kind: "message-sent"; sessionId: string; text: string; firstMessage: boolean }
  | { kind: "session-updated"; session: PreviewSession }
  /** The device's full storage after the widget wrote to it. */
  | { kind: "storage-changed"; storage: Record<string, string> }
  | { kind: "screen-changed"; screen: PreviewScreen }
  /** The backend refused the token in force: what the widget did (lib/identity/recovery.ts). */
  | { kind: "token-rejected"; outcome: "recovered" | "failing"; reason: RejectionReason }
  /** The last `preview:config` was refused; the preview still shows the previous one. */
  | { kind: "config-rejected"; issues: ConfigIssue[] };

/**
 * `preview:hello`: the host is listening (it may have missed `preview:ready`, because
 * the iframe can hydrate before the host page does); the preview answers `preview:ready`.
 */
export type HostToPreviewMessage =
  | { type: "preview:hello" }
  | { type: "preview:config"; config: PlaygroundConfig; device: PreviewDevice };

export type PreviewToHostMessage =
  | { type: "preview:ready" }
  | {
      type: "preview:event";
      /** The device the event happened on (`null` before any host config arrived). */
      deviceId: string | null;
      visit: number | null;
      event: PreviewEvent;
    };

export { STANDALONE_DEVICE } from "./host-message";

const str = z.string().max(10_000);
const storageSchema = z.record(z.string().max(1_000), str);

const chatMessageSchema = z.object({ id: str, role: z.enum(["user", "bot"]), text: str });

const sessionSchema = z.object({
  id: str,
  contactToken: str,
  email: str.nullable(),
  externalId: str.nullable(),
  verified: z.boolean(),
  status: z.enum(["open", "closed"]),
  messages: z.array(chatMessageSchema).max(1_000),
});

const deviceSchema = z.object({
  deviceId: str,
  storage: storageSchema,
  visit: z.number().int().nonnegative(),
  contactToken: str.optional(),
  viewport: z.enum(PREVIEW_VIEWPORTS),
  sessions: z.array(sessionSchema).max(1_000).optional(),
  rejectedTokens: z.array(str).max(1_000).optional(),
  tokenPending: z.boolean().optional(),
  signedOut: z.boolean().optional(),
});

const REJECTION_REASONS = [
  "recovered-anonymous",
  "recovered-collected-lost",
  "recovered-same-email",
  "verified-host-renews",
  "v4-no-recovery",
] as const satisfies readonly RejectionReason[];

const issueSchema = z.object({ path: z.string(), message: z.string() });

const eventSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("form-submitted"),
    accepted: z.boolean(),
    name: str,
    email: str,
    extras: storageSchema,
  }),
  z.object({
    kind: z.literal("message-sent"),
    sessionId: str,
    text: str,
    firstMessage: z.boolean(),
  }),
  z.object({ kind: z.literal("session-updated"), session: sessionSchema }),
  z.object({ kind: z.literal("storage-changed"), storage: storageSchema }),
  z.object({ kind: z.literal("screen-changed"), screen: z.enum(["welcome", "sessions", "chat"]) }),
  z.object({ kind: z.literal("config-rejected"), issues: z.array(issueSchema) }),
  z.object({
    kind: z.literal("token-rejected"),
    outcome: z.enum(["recovered", "failing"]),
    reason: z.enum(REJECTION_REASONS),
  }),
]);

const previewToHostSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("preview:ready") }),
  z.object({
    type: z.literal("preview:event"),
    deviceId: str.nullable(),
    visit: z.number().nullable(),
    event: eventSchema,
  }),
]);

// Compile-time check that the schemas and the hand-written types agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemasMatch: [
  Same<z.infer<typeof deviceSchema>, PreviewDevice>,
  Same<z.infer<typeof eventSchema>, PreviewEvent>,
  Same<z.infer<typeof previewToHostSchema>, PreviewToHostMessage>,
] = [true, true, true];
void _schemasMatch;

function hasType(data: unknown): data is { type: string } {
  return (
    typeof data === "object" &&
    data !== null &&
    typeof (data as { type?: unknown }).type === "string"
  );
}

export type HostMessageResult =
  | { ok: true; message: HostToPreviewMessage }
  /** Not ours (another tool's message): ignore silently. */
  | { ok: false; reason: "not-a-message" }
  /** A `preview:config` whose config or device is invalid. */
  | { ok: false; reason: "invalid"; issues: ConfigIssue[] };

/** Validates a message received by the preview iframe; never throws. */
export function parseHostMessage(data: unknown): HostMessageResult {
  if (!hasType(data)) return { ok: false, reason: "not-a-message" };
  if (data.type === "preview:hello") return { ok: true, message: { type: "preview:hello" } };
  if (data.type !== "preview:config") return { ok: false, reason: "not-a-message" };
  const { config, device } = data as { config?: unknown; device?: unknown };
  const parsedDevice = deviceSchema.safeParse(device);
  const parsedConfig = parseConfig(config);
  const issues: ConfigIssue[] = parsedConfig.success ? [] : [...parsedConfig.issues];
  if (!parsedDevice.success) {
    for (const issue of parsedDevice.error.issues) {
      issues.push({
        path: ["device", ...issue.path.map(String)].join("."),
        message: issue.message,
      });
    }
  }
  if (!parsedConfig.success || !parsedDevice.success)
    return { ok: false, reason: "invalid", issues };
  return {
    ok: true,
    message: { type: "preview:config", config: parsedConfig.data, device: parsedDevice.data },
  };
}

export function isHostToPreviewMessage(data: unknown): data is HostToPreviewMessage {
  return parseHostMessage(data).ok;
}

export function isPreviewToHostMessage(data: unknown): data is PreviewToHostMessage {
  return (
    hasType(data) && data.type.startsWith("preview:") && previewToHostSchema.safeParse(data).success
  );
}

/**
 * The config behind `/preview?config=<url-encoded JSON>` (a dev and test convenience).
 * A partial object is merged over the defaults; anything invalid gives the defaults.
 */
export function configFromQuery(raw: string): PlaygroundConfig {
  try {
    const json: unknown = JSON.parse(raw);
    if (typeof json !== "object" || json === null || Array.isArray(json)) return DEFAULT_CONFIG;
    const parsed = parseConfig({ ...DEFAULT_CONFIG, ...json });
    return parsed.success ? parsed.data : DEFAULT_CONFIG;
  } catch {
    return DEFAULT_CONFIG;
  }
}
