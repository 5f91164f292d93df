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
  type Screen,
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

export interface WidgetBoot {
  load: LoadResult;
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
  const sessions = owner ? visibleSessions(device.sessions ?? [], owner) : [];
  // The simulator is deterministic, so asking again with the fetched sessions only changes the routing.
  if (sessions.length > 0) load = simulateLoad(config, device.storage, envFor(device, true));
  return {
    load,
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
