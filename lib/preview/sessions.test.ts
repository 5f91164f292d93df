import { describe, expect, it } from "vitest";
import type { ResolvedContact } from "../identity";
import type { PreviewSession } from "./messages";
import { emailOfCall, newSession, visibleSessions } from "./sessions";

const anon = (token: string, externalId: string): ResolvedContact => ({
  token,
  kind: "anonymous",
  externalId,
  externalIdSource: "generated",
});

describe("visibleSessions", () => {
  const mine = newSession("s1", { contact: anon("t1", "device-a"), email: null });

  it("lists the sessions created with the contact's token and externalId", () => {
    expect(visibleSessions([mine], { contact: anon("t1", "device-a"), email: null })).toEqual([
      mine,
    ]);
    expect(visibleSessions([mine], { contact: anon("t2", "device-a"), email: null })).toEqual([]);
  });

  it("treats a new token for the same email as the same contact, on the same device only", () => {
    const byEmail: PreviewSession = { ...mine, email: "ada@example.com" };
    const again = {
      contact: { ...anon("t9", "device-a"), kind: "non-verified" as const },
      email: "Ada@example.com",
    };
    expect(visibleSessions([byEmail], again)).toEqual([byEmail]);
    const otherDevice = { ...again, contact: { ...again.contact, externalId: "device-b" } };
    expect(visibleSessions([byEmail], otherDevice)).toEqual([]);
  });

  it("keeps verified and non-verified histories apart; verified without externalId sees every device", () => {
    const verified: ResolvedContact = {
      token: "jwt",
      kind: "verified",
      externalId: null,
      externalIdSource: "none",
    };
    const v1 = newSession("v1", { contact: verified, email: null });
    const v2 = { ...v1, id: "v2", externalId: "workspace-2" };
    expect(visibleSessions([mine, v1, v2], { contact: verified, email: null })).toEqual([v1, v2]);
    const scoped = { ...verified, externalId: "workspace-2", externalIdSource: "config" as const };
    expect(visibleSessions([v1, v2], { contact: scoped, email: null })).toEqual([v2]);
    expect(
      visibleSessions([{ ...mine, contactToken: "jwt" }], { contact: verified, email: null }),
    ).toEqual([]);
  });
});

describe("emailOfCall", () => {
  it("reads the email of a create-unverified call", () => {
    expect(
      emailOfCall({ kind: "create-unverified", when: "load", body: { email: "a@b.co" } }),
    ).toBe("a@b.co");
    expect(emailOfCall({ kind: "create-unverified", when: "load", body: {} })).toBeNull();
    expect(emailOfCall({ kind: "none" })).toBeNull();
  });
});
