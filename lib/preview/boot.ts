/**
 * The preview's only door into the identity simulator (lib/identity): the
 * replica never decides identity itself. It adds what a page load needs on top
 * of the simulator: the device's env and which sessions the contact may list.
 */
import type { PlaygroundConfig } from "../config/options";
import {
  composeFirstMessage,
  type DeviceStorage,
  type LoadEnv,
  type LoadResult,
  rejectedTokenOutcome,
  type RejectionReason,
  type Screen,
  screenAfterResolution,
  simulateLoad,
  type SubmitResult,
  submitWelcomeForm,
  type WelcomeForm,
} from "../identity";
import type { PreviewDevice, PreviewSession } from "./messages";
import { emailOfCall, type SessionOwner, visibleSessions } from "./sessions";

export { composeFirstMessage };

/**
 * Ids are hashes of the situation; the seed makes each device, and each visit
 * of it, mint its own. A reload still reuses what storage persisted.
 */
function envFor(device: PreviewDevice, hasSessions = false): LoadEnv {
  return {
    contactToken: device.contactToken,
    seed: `${device.deviceId}#${device.visit}`,
    hasSessions,
  };
}

/** What the widget did about a token the backend refused (`null`: nothing was refused). */
export interface TokenRejection {
  outcome: "recovered" | "failing";
  reason: RejectionReason;
}

/**
 * The backend refuses `owner`'s token on `device` (whose storage is now `storage`): v5 recovers a
 * non-verified contact (a new owner, storage, its sessions and screen), anything else keeps
 * failing (lib/identity/recovery.ts).
 */
export function rejectToken(
  config: PlaygroundConfig,
  device: PreviewDevice,
  owner: SessionOwner,
  storage: DeviceStorage,
  knownSessions: readonly PreviewSession[],
):
  | { outcome: "failing"; reason: RejectionReason }
  | {
      outcome: "recovered";
      reason: RejectionReason;
      owner: SessionOwner;
      storage: DeviceStorage;
      sessions: PreviewSession[];
      screen: Screen;
    } {
  const r = rejectedTokenOutcome(
    config,
    config.widgetVersion,
    storage,
    owner.contact,
    envFor(device),
  );
  if (r.kind === "failing") return { outcome: "failing", reason: r.reason };
  const next = { contact: r.contact, email: emailOfCall(r.call) };
  const sessions = visibleSessions(knownSessions, next);
  return {
    outcome: "recovered",
    reason: r.reason,
    owner: next,
    storage: r.storageAfter,
    sessions,
    screen: screenAfterResolution({ hasSessions: sessions.length > 0 }),
  };
}

/** Whether the backend refuses `owner`'s token on `device`. */
export function isRejected(device: PreviewDevice, owner: SessionOwner | null): boolean {
  return owner !== null && (device.rejectedTokens ?? []).includes(owner.contact.token);
}

export interface WidgetBoot {
  load: LoadResult;
  /** The refused token this load met, and what the widget did (v5 recovers at its first request). */
  rejection: TokenRejection | null;
  /** `null` while the welcome form waits. */
  owner: SessionOwner | null;
  /** The sessions the first `GET /sessions` returns. */
  sessions: PreviewSession[];
  screen: Screen;
  form: WelcomeForm | null;
  storage: DeviceStorage;
}

/** One page load on `device`: the contact, the storage after it, the first screen. */
export function bootWidget(config: PlaygroundConfig, device: PreviewDevice): WidgetBoot {
  let load = simulateLoad(config, device.storage, envFor(device));
  const owner = load.contact ? { contact: load.contact, email: emailOfCall(load.call) } : null;
  if (owner && isRejected(device, owner)) {
    const r = rejectToken(config, device, owner, load.storageAfter, device.sessions ?? []);
    if (r.outcome === "recovered") {
      return {
        load,
        rejection: { outcome: r.outcome, reason: r.reason },
        owner: r.owner,
        sessions: r.sessions,
        screen: r.screen,
        form: null,
        storage: r.storage,
      };
    }
    // Every request fails: no sessions are listed; the router goes on as for a contact without any.
    return {
      load,
      rejection: { outcome: r.outcome, reason: r.reason },
      owner,
      sessions: [],
      screen: load.firstScreen,
      form: load.form,
      storage: load.storageAfter,
    };
  }
  const sessions = owner ? visibleSessions(device.sessions ?? [], owner) : [];
  // The simulator is deterministic, so asking again with the fetched sessions only changes the routing.
  if (sessions.length > 0) load = simulateLoad(config, device.storage, envFor(device, true));
  return {
    load,
    rejection: null,
    owner,
    sessions,
    screen: load.firstScreen,
    form: load.form,
    storage: load.storageAfter,
  };
}

export type WelcomeSubmit =
  | { accepted: false; result: SubmitResult }
  | {
      accepted: true;
      result: SubmitResult;
      owner: SessionOwner;
      sessions: PreviewSession[];
      screen: Screen;
      storage: DeviceStorage;
      extraCollectedData: Record<string, string> | undefined;
    };

/**
 * The visitor submits the welcome form on the load that `device` describes
 * (its storage as it was at mount). `knownSessions` is the backend's history.
 */
export function submitWelcome(
  config: PlaygroundConfig,
  device: PreviewDevice,
  values: { name: string; email: string; extras: Record<string, string> },
  knownSessions: readonly PreviewSession[],
): WelcomeSubmit {
  let result = submitWelcomeForm(config, device.storage, values, envFor(device));
  if (!result.accepted) return { accepted: false, result };
  const owner = { contact: result.contact, email: emailOfCall(result.call) };
  const sessions = visibleSessions(knownSessions, owner);
  if (sessions.length > 0)
    result = submitWelcomeForm(config, device.storage, values, envFor(device, true));
  if (!result.accepted) return { accepted: false, result };
  return {
    accepted: true,
    result,
    owner,
    sessions,
    screen: result.nextScreen,
    storage: result.storageAfter,
    extraCollectedData: result.extraCollectedData,
  };
}
