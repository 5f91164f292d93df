/**
 * The history a visitor sees, per identity model × situation: the simulator
 * (lib/identity) resolves the contact on each page load, the simulated backend
 * (sessions.ts) lists what that contact may see. Domain.md §3.3, §3.4, §4.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { simulateLoad } from "../identity/simulate";
import type { DeviceStorage } from "../identity/types";
import { submitWelcomeForm } from "../identity/welcome";
import type { PreviewSession } from "./messages";
import { emailOfCall, newSession, visibleSessions, type SessionOwner } from "./sessions";

interface Device {
  name: string;
  storage: DeviceStorage;
  visit: number;
}

/** Stands in for the sandbox: one stable token per email, like one verified contact per person. */
const verifiedToken = (email: string) => `verified-token-for-${email.toLowerCase()}`;

/** One page load on `device`; submits the welcome form as `person` when the widget shows it. */
function load(
  config: PlaygroundConfig,
  device: Device,
  person: { name: string; email: string },
  signedIn = true,
) {
  device.visit += 1;
  const env = {
    seed: `${device.name}#${device.visit}`,
    contactToken:
      config.model === "server" && signedIn ? verifiedToken(config.serverEmail) : undefined,
  };
  const result = simulateLoad(config, device.storage, env);
  let owner: SessionOwner | null = result.contact
    ? { contact: result.contact, email: emailOfCall(result.call) }
    : null;
  device.storage = result.storageAfter;
  if (!owner && result.form) {
    const submit = submitWelcomeForm(config, device.storage, person, env);
    if (!submit.accepted) throw new Error("form refused");
    owner = { contact: submit.contact, email: emailOfCall(submit.call) };
    device.storage = submit.storageAfter;
  }
  if (!owner) throw new Error("no contact");
  return owner;
}

const jane = { name: "Jane", email: "jane@example.com" };

function configFor(model: PlaygroundConfig["model"], externalId = ""): PlaygroundConfig {
  return {
    ...defaultConfig(),
    widgetToken: "wt_demo",
    model,
    externalId,
    userName: jane.name,
    userEmail: jane.email,
    serverEmail: jane.email,
  };
}

interface Outcome {
  sameDevice: number;
  otherDevice: number;
  afterClearing: number;
  afterSignOut: number | null;
}

/** Jane starts one conversation on device A, then we look from every situation. */
function scenario(config: PlaygroundConfig): Outcome {
  const sessions: PreviewSession[] = [];
  const a: Device = { name: "A", storage: {}, visit: 0 };
  const b: Device = { name: "B", storage: {}, visit: 0 };
  sessions.push(newSession("s1", load(config, a, jane)));
  const sameDevice = visibleSessions(sessions, load(config, a, jane)).length;
  const otherDevice = visibleSessions(sessions, load(config, b, jane)).length;
  const signedOut =
    config.model === "server"
      ? visibleSessions(sessions, load(config, a, jane, false)).length
      : null;
  a.storage = {};
  const afterClearing = visibleSessions(sessions, load(config, a, jane)).length;
  return { sameDevice, otherDevice, afterClearing, afterSignOut: signedOut };
}

describe("history visible per model and situation", () => {
  it("anonymous: only the browser that created it, until its site data is cleared", () => {
    expect(scenario(configFor("anonymous"))).toEqual({
      sameDevice: 1,
      otherDevice: 0,
      afterClearing: 0,
      afterSignOut: null,
    });
  });

  it("anonymous with externalId: still a new contact elsewhere (no email to match)", () => {
    expect(scenario(configFor("anonymous", "ws_1"))).toEqual({
      sameDevice: 1,
      otherDevice: 0,
      afterClearing: 0,
      afterSignOut: null,
    });
  });

  it("collect: device-bound by the generated externalId, even for the same email", () => {
    expect(scenario(configFor("collect"))).toEqual({
      sameDevice: 1,
      otherDevice: 0,
      afterClearing: 0,
      afterSignOut: null,
    });
  });

  it("collect with a fixed externalId: the same email sees it anywhere (device binding weakened)", () => {
    expect(scenario(configFor("collect", "ws_1"))).toEqual({
      sameDevice: 1,
      otherDevice: 1,
      afterClearing: 1,
      afterSignOut: null,
    });
  });

  it("browser user.data with email: device-bound like collect", () => {
    expect(scenario(configFor("browser"))).toEqual({
      sameDevice: 1,
      otherDevice: 0,
      afterClearing: 0,
      afterSignOut: null,
    });
  });

  it("browser user.data with a fixed externalId: not device-bound any more", () => {
    expect(scenario(configFor("browser", "ws_1"))).toEqual({
      sameDevice: 1,
      otherDevice: 1,
      afterClearing: 1,
      afterSignOut: null,
    });
  });

  it("verified: every device, survives clearing site data, hidden when signed out", () => {
    expect(scenario(configFor("server"))).toEqual({
      sameDevice: 1,
      otherDevice: 1,
      afterClearing: 1,
      afterSignOut: 0,
    });
  });

  it("verified with externalId: every device, scoped to that id", () => {
    expect(scenario(configFor("server", "ws_1"))).toEqual({
      sameDevice: 1,
      otherDevice: 1,
      afterClearing: 1,
      afterSignOut: 0,
    });
    const sessions: PreviewSession[] = [];
    const a: Device = { name: "A", storage: {}, visit: 0 };
    sessions.push(newSession("s1", load(configFor("server", "ws_1"), a, jane)));
    expect(visibleSessions(sessions, load(configFor("server", "ws_2"), a, jane))).toHaveLength(0);
    expect(visibleSessions(sessions, load(configFor("server"), a, jane))).toHaveLength(1);
  });

  it("keeps verified and non-verified histories apart for the same person", () => {
    const sessions: PreviewSession[] = [];
    const a: Device = { name: "A", storage: {}, visit: 0 };
    sessions.push(newSession("s1", load(configFor("browser"), a, jane)));
    expect(visibleSessions(sessions, load(configFor("server"), a, jane))).toHaveLength(0);
    sessions.push(newSession("s2", load(configFor("server"), a, jane)));
    expect(visibleSessions(sessions, load(configFor("browser"), a, jane)).map((s) => s.id)).toEqual(
      ["s1"],
    );
  });
});
