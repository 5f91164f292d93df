/**
 * The preview's two devices, owned by the host (the preview pane): each device's localStorage,
 * its page loads (visits), who is signed in on it, the simulated backend's sessions and the
 * contact tokens "your backend" fetched. The preview iframe renders the page it is sent for the
 * device on screen and reports what the widget did there; the host folds those reports in here.
 *
 * Invariants (pinned by devices.test.ts):
 * - The widget reads storage once per page load, so storage it writes itself is recorded but
 *   not sent back: `storage-written` leaves `pages` (what each frame is sent) and every visit
 *   as they were, and the frame re-sends nothing.
 * - Any other change is news for the page: `pages` are rebuilt from the state, so the next page
 *   load reads the storage the widget last wrote.
 * - A new identity set-up (model or widget token) starts every device fresh, as after a real
 *   reinstall (domain.md §15.13). Sessions and tokens live in the backend and stay.
 */
import type { PlaygroundConfig } from "../config/options";
import { WIDGET_TOKEN_PLACEHOLDER } from "../config/widget-config";
import { rejectionSentence, resetVisitor, storageKeys } from "../identity";
import { bootWidget, type TokenRejection } from "./boot";
import { explainDeviceHistory, type DeviceRole } from "./explain";
import type {
  PreviewDevice,
  PreviewSession,
  PreviewToHostMessage,
  PreviewViewport,
} from "./messages";

export const DEVICE_ROLES: readonly DeviceRole[] = ["this-browser", "another-device"];

/** One browser profile: its localStorage, how many times the page loaded, who is signed in. */
export interface DeviceState {
  storage: Record<string, string>;
  visit: number;
  /** Verified model: `null` = signed out; `undefined` = the configured server email. */
  signedInEmail: string | null | undefined;
  /** The storage was empty when the current visit began. */
  freshStorage: boolean;
  /** What the widget on this device did about a refused token, as the preview reported it. */
  rejection: TokenRejection | null;
}

/** A contact token "your backend" asked the sandbox for, by email. */
export type TokenState =
  | { status: "loading"; email: string }
  | { status: "ok"; email: string; token: string; contactId: string }
  | { status: "error"; email: string; message: string };

/** What one device's frame is sent: the config its page embeds the widget with, and the device. */
export interface DevicePage {
  config: PlaygroundConfig;
  device: PreviewDevice;
}

export interface DevicesState {
  /** The playground's config as the pane last received it. */
  config: PlaygroundConfig;
  viewport: PreviewViewport;
  /** The device on screen (only its frame is mounted). */
  active: DeviceRole;
  devices: Record<DeviceRole, DeviceState>;
  /** Every session the simulated backend holds, from every device and identity. */
  sessions: PreviewSession[];
  /** By `emailKey(email)`. */
  tokens: Record<string, TokenState>;
  /** Contact tokens the simulated backend refuses with a 401. */
  rejectedTokens: string[];
  /** What each device's frame was last sent. */
  pages: Record<DeviceRole, DevicePage>;
}

export type DevicesAction =
  /** The pane got a new config from the store. */
  | { type: "config-changed"; config: PlaygroundConfig }
  | { type: "viewport-chosen"; viewport: PreviewViewport }
  /** Opening the site on another device is a page load there: it lists what the backend holds now. */
  | { type: "device-opened"; device: DeviceRole }
  | { type: "page-reloaded" }
  /** Forget the widget's localStorage, then reload. */
  | { type: "site-data-cleared" }
  /**
   * The host's "Reset visitor": remove the widget's keys (v4: the two identity keys; v5: every
   * `opencx-widget:org-token-<TOKEN>:` key, domain-v5 §18), then reload.
   */
  | { type: "visitor-reset" }
  /** The backend starts refusing the token in force on the device on screen (domain-v5 §3.6). */
  | { type: "token-rejected" }
  /** From the iframe: what the widget did about a refused token. */
  | { type: "rejection-reported"; deviceId: string | null; rejection: TokenRejection }
  | { type: "signed-out" }
  /** `undefined` signs in as the configured server email. */
  | { type: "signed-in"; email: string | undefined }
  /** From the iframe: the widget wrote the device's localStorage (its full content after). */
  | { type: "storage-written"; deviceId: string | null; storage: Record<string, string> }
  /** From the iframe: the widget created or changed a session in the simulated backend. */
  | { type: "session-updated"; session: PreviewSession }
  /** The page asked its backend for a contact token, or the answer came back. */
  | { type: "token-updated"; token: TokenState };

export const emailKey = (email: string) => email.trim().toLowerCase();

/** Settings whose change is a new identity set-up: every device starts fresh. */
function identityKey(c: PlaygroundConfig): string {
  return JSON.stringify([c.model, c.widgetToken]);
}

const freshDevice = (visit: number): DeviceState => ({
  storage: {},
  visit,
  signedInEmail: undefined,
  freshStorage: true,
  rejection: null,
});

/** A page load on the same device: the widget reads what it saved. */
const reload = (d: DeviceState): DeviceState => ({
  ...d,
  visit: d.visit + 1,
  freshStorage: Object.keys(d.storage).length === 0,
  rejection: null,
});

/**
 * The host signs the visitor out or resets them (domain-v5 §18): it removes the widget's keys
 * for the config's major. v4 then reloads (re-initialising is not supported); v5 keeps the page
 * and passes the new options, which re-initialises the widget when the fingerprint changes, so
 * only a reset visitor (same fingerprint) reloads.
 */
function signOutStorage(config: PlaygroundConfig, d: DeviceState): Record<string, string> {
  return {
    ...resetVisitor(d.storage, config.widgetToken || WIDGET_TOKEN_PLACEHOLDER, config.widgetVersion)
      .storage,
  };
}

/** The contact token in force on a device: the verified user's, else the one the widget stored. */
export function tokenInForce(
  state: Pick<DevicesState, "config" | "devices" | "tokens">,
  role: DeviceRole,
): string | null {
  const device = state.devices[role];
  const email = signedInEmail(state.config, device);
  if (email !== null) {
    const token = state.tokens[emailKey(email)];
    return token?.status === "ok" ? token.token : null;
  }
  const key = storageKeys(state.config.widgetToken || WIDGET_TOKEN_PLACEHOLDER).contactToken;
  return Object.hasOwn(device.storage, key) ? (device.storage[key] ?? null) : null;
}

/** Who is signed in on this device in the verified model; `null` when nobody (or not verified). */
export function signedInEmail(config: PlaygroundConfig, device: DeviceState): string | null {
  if (config.model !== "server" || device.signedInEmail === null) return null;
  const email = (device.signedInEmail ?? config.serverEmail).trim();
  return email === "" ? null : email;
}

function pageFor(state: Omit<DevicesState, "pages">, role: DeviceRole): DevicePage {
  const d = state.devices[role];
  const email = signedInEmail(state.config, d);
  const token = email === null ? undefined : state.tokens[emailKey(email)];
  const contactToken = token?.status === "ok" ? token.token : undefined;
  return {
    config:
      state.config.model === "server"
        ? { ...state.config, serverEmail: email ?? "" }
        : state.config,
    device: {
      deviceId: role,
      storage: d.storage,
      visit: d.visit,
      viewport: state.viewport,
      sessions: state.sessions,
      ...(contactToken ? { contactToken } : {}),
      ...(email !== null && token?.status !== "ok" && token?.status !== "error"
        ? { tokenPending: true }
        : {}),
      ...(state.rejectedTokens.length > 0 ? { rejectedTokens: state.rejectedTokens } : {}),
      ...(state.config.model === "server" && d.signedInEmail === null ? { signedOut: true } : {}),
    },
  };
}

function withPages(state: Omit<DevicesState, "pages">): DevicesState {
  return {
    ...state,
    pages: {
      "this-browser": pageFor(state, "this-browser"),
      "another-device": pageFor(state, "another-device"),
    },
  };
}

export function initialDevices(config: PlaygroundConfig): DevicesState {
  return withPages({
    config,
    viewport: "desktop",
    active: "this-browser",
    devices: { "this-browser": freshDevice(1), "another-device": freshDevice(1) },
    sessions: [],
    tokens: {},
    rejectedTokens: [],
  });
}

function updateDevice(
  state: DevicesState,
  role: DeviceRole,
  change: (d: DeviceState) => DeviceState,
): DevicesState {
  return { ...state, devices: { ...state.devices, [role]: change(state.devices[role]) } };
}

const isRole = (id: string | null): id is DeviceRole =>
  id === "this-browser" || id === "another-device";

/** The state after `action`, its pages still as they were sent. */
function apply(state: DevicesState, action: DevicesAction): DevicesState {
  switch (action.type) {
    case "config-changed": {
      if (action.config === state.config) return state;
      if (identityKey(action.config) === identityKey(state.config))
        return { ...state, config: action.config };
      const d = state.devices;
      return {
        ...state,
        config: action.config,
        devices: {
          "this-browser": freshDevice(d["this-browser"].visit + 1),
          "another-device": freshDevice(d["another-device"].visit + 1),
        },
      };
    }
    case "viewport-chosen":
      return action.viewport === state.viewport ? state : { ...state, viewport: action.viewport };
    case "device-opened":
      if (action.device === state.active) return state;
      return { ...updateDevice(state, action.device, reload), active: action.device };
    case "page-reloaded":
      return updateDevice(state, state.active, reload);
    case "site-data-cleared":
      return updateDevice(state, state.active, (d) => ({
        ...d,
        storage: {},
        visit: d.visit + 1,
        freshStorage: true,
        rejection: null,
      }));
    case "visitor-reset":
      return updateDevice(state, state.active, (d) => {
        const storage = signOutStorage(state.config, d);
        return {
          ...d,
          storage,
          visit: d.visit + 1,
          freshStorage: Object.keys(storage).length === 0,
          rejection: null,
        };
      });
    case "signed-out":
      return updateDevice(state, state.active, (d) => ({
        ...d,
        storage: signOutStorage(state.config, d),
        signedInEmail: null,
        visit: state.config.widgetVersion === "v4" ? d.visit + 1 : d.visit,
        rejection: null,
      }));
    case "signed-in":
      return updateDevice(state, state.active, (d) => ({
        ...d,
        signedInEmail: action.email,
        visit: state.config.widgetVersion === "v4" ? d.visit + 1 : d.visit,
        rejection: null,
      }));
    case "token-rejected": {
      const token = tokenInForce(state, state.active);
      if (token === null || state.rejectedTokens.includes(token)) return state;
      return {
        ...updateDevice(state, state.active, (d) => ({ ...d, rejection: null })),
        rejectedTokens: [...state.rejectedTokens, token],
      };
    }
    case "rejection-reported":
      if (!isRole(action.deviceId)) return state;
      return updateDevice(state, action.deviceId, (d) => ({ ...d, rejection: action.rejection }));
    case "storage-written":
      if (!isRole(action.deviceId)) return state;
      return updateDevice(state, action.deviceId, (d) => ({ ...d, storage: action.storage }));
    case "session-updated": {
      const { session } = action;
      const i = state.sessions.findIndex((s) => s.id === session.id);
      const sessions =
        i === -1
          ? [...state.sessions, session]
          : state.sessions.map((s, j) => (j === i ? session : s));
      return { ...state, sessions };
    }
    case "token-updated": {
      const key = emailKey(action.token.email);
      const tokens = { ...state.tokens, [key]: action.token };
      if (action.token.status !== "ok") return { ...state, tokens };
      // A new token for a user: a device whose widget failed with the old one is news again.
      const devices = { ...state.devices };
      for (const role of DEVICE_ROLES) {
        const email = signedInEmail(state.config, devices[role]);
        if (email !== null && emailKey(email) === key)
          devices[role] = { ...devices[role], rejection: null };
      }
      return { ...state, tokens, devices };
    }
  }
}

export function devicesReducer(state: DevicesState, action: DevicesAction): DevicesState {
  const next = apply(state, action);
  // Storage the widget writes itself must not re-send the page: it is read once per visit.
  if (next === state || action.type === "storage-written") return next;
  return withPages(next);
}

/** The host action for an event the preview reported, if the devices care about it. */
export function actionForPreviewEvent(
  message: Extract<PreviewToHostMessage, { type: "preview:event" }>,
): DevicesAction | null {
  const { event, deviceId } = message;
  if (event.kind === "storage-changed")
    return { type: "storage-written", deviceId, storage: event.storage };
  if (event.kind === "session-updated") return { type: "session-updated", session: event.session };
  if (event.kind === "token-rejected")
    return {
      type: "rejection-reported",
      deviceId,
      rejection: { outcome: event.outcome, reason: event.reason },
    };
  return null;
}

/**
 * Signed-in emails with no contact token, requested or not, once each: the page asks its
 * backend for these.
 */
export function missingTokens(
  state: Pick<DevicesState, "config" | "devices" | "tokens">,
): string[] {
  const missing = new Map<string, string>();
  for (const role of DEVICE_ROLES) {
    const email = signedInEmail(state.config, state.devices[role]);
    if (email === null || state.tokens[emailKey(email)]) continue;
    if (!missing.has(emailKey(email))) missing.set(emailKey(email), email);
  }
  return [...missing.values()];
}

export interface ActiveDeviceSummary {
  /** Who is signed in on the device on screen (verified model). */
  email: string | null;
  /** The token flow for that email, if it was requested. */
  token: TokenState | undefined;
  /** One sentence on the history this device shows (explain.ts). */
  history: string;
  /**
   * Domain §3.2 row B: collectUserData is on, but a contact token stored by an earlier visit
   * is reused, so the welcome form is skipped; it only shows to a visitor with no stored contact.
   */
  storedContactSkipsForm: boolean;
  /** The token in force, which "The stored token is rejected" would refuse (`null`: none yet). */
  tokenInForce: string | null;
  /** What the widget did about a refused token on this device, in one sentence. */
  rejection: string | null;
}

/** What the pane says about the device on screen, read from the page its frame was sent. */
export function summarizeActiveDevice(state: DevicesState): ActiveDeviceSummary {
  const { active, config, sessions } = state;
  const device = state.devices[active];
  const page = state.pages[active];
  const boot = bootWidget(page.config, page.device);
  const email = signedInEmail(config, device);
  return {
    email,
    token: email === null ? undefined : state.tokens[emailKey(email)],
    history: explainDeviceHistory({
      device: active,
      contact: boot.load.contact,
      visible: boot.sessions.length,
      total: sessions.length,
      totalVerified: sessions.filter((s) => s.verified).length,
      signedOut: config.model === "server" && device.signedInEmail === null,
      freshStorage: device.freshStorage,
    }),
    storedContactSkipsForm:
      boot.load.row === "B" && boot.load.contact !== null && boot.rejection === null,
    tokenInForce: tokenInForce(state, active),
    rejection: device.rejection ? rejectionSentence(device.rejection.reason) : null,
  };
}
