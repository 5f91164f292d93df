import { describe, expect, it } from "vitest";
import { explainDeviceHistory, type DeviceHistoryFacts } from "./explain";

const base: DeviceHistoryFacts = {
  device: "another-device",
  contact: { kind: "non-verified", externalId: "uuid-1", externalIdSource: "generated" },
  visible: 0,
  total: 2,
  totalVerified: 0,
  signedOut: false,
  freshStorage: true,
};

describe("explainDeviceHistory", () => {
  it("invites a first message when the backend is empty", () => {
    expect(explainDeviceHistory({ ...base, total: 0 })).toMatch(/^No conversations yet/);
  });
  it("says non-verified history is device-bound on another device", () => {
    expect(explainDeviceHistory(base)).toMatch(/bound to the device by a generated externalId/);
  });
  it("says cleared site data makes a new contact on this browser", () => {
    expect(explainDeviceHistory({ ...base, device: "this-browser" })).toMatch(
      /forgot its contact token/,
    );
  });
  it("says verified history follows the user, scoped or not", () => {
    const verified = {
      ...base,
      contact: { kind: "verified" as const, externalId: null, externalIdSource: "none" as const },
      visible: 2,
      totalVerified: 2,
    };
    expect(explainDeviceHistory(verified)).toMatch(/every device, because your server vouches/);
    const scoped = {
      ...verified,
      contact: { ...verified.contact, externalId: "ws_1", externalIdSource: "config" as const },
    };
    expect(explainDeviceHistory(scoped)).toMatch(/externalId "ws_1"/);
    expect(explainDeviceHistory({ ...scoped, visible: 0 })).toMatch(/none were created with it/);
  });
  it("keeps verified and non-verified histories apart", () => {
    const verifiedNoHistory = {
      ...base,
      contact: { kind: "verified" as const, externalId: null, externalIdSource: "none" as const },
      totalVerified: 0,
    };
    expect(explainDeviceHistory(verifiedNoHistory)).toMatch(/kept apart/);
  });
  it("explains signing out and a fixed externalId", () => {
    expect(
      explainDeviceHistory({
        ...base,
        contact: { ...base.contact!, kind: "anonymous" },
        signedOut: true,
      }),
    ).toMatch(/^Signed out/);
    expect(
      explainDeviceHistory({
        ...base,
        visible: 1,
        contact: { kind: "non-verified", externalId: "t", externalIdSource: "config" },
      }),
    ).toMatch(/not device-bound/);
  });
  it("says the form must be submitted first", () => {
    expect(explainDeviceHistory({ ...base, contact: null })).toMatch(/waits for the welcome form/);
  });
});
