import { describe, expect, it } from "vitest";
import { fakeJwt } from "../secrets/test-support/fake-keys";
import { emailOfCall, sameVerifiedContact, visibleSessions, type ListedSession } from "./history";
import type { ResolvedContact } from "./types";

const jwt = (claims: Record<string, unknown>) =>
  fakeJwt({ alg: "HS256", typ: "JWT" }, claims, "sig");
const verifiedToken = (orgId: string, contactId: string, iat: number) =>
  jwt({
    sub: {
      type: "widget-contact",
      payload: { org_id: orgId, contact: { id: contactId, verified: true } },
    },
    iat,
  });

const contact = (
  token: string,
  kind: ResolvedContact["kind"],
  externalId: string | null,
): ResolvedContact => ({
  token,
  kind,
  externalId,
  externalIdSource: externalId === null ? "none" : "generated",
});
const session = (over: Partial<ListedSession> & { id: string }) => ({
  contactToken: "t1",
  email: null,
  externalId: "device-1",
  verified: false,
  ...over,
});

describe("the sessions a contact lists (domain.md §3.4, §4)", () => {
  it("a non-verified contact lists the sessions of its token on its device, in the given order", () => {
    const a = session({ id: "a" });
    const b = session({ id: "b", contactToken: "t2" });
    const c = session({ id: "c" });
    const owner = { contact: contact("t1", "anonymous", "device-1"), email: null };
    expect(visibleSessions([a, b, c], owner).map((s) => s.id)).toEqual(["a", "c"]);
  });

  it("the same email (any case) is the same upserted contact, but only with the same external_id", () => {
    const byEmail = session({ id: "e", contactToken: "old", email: "ada@example.com" });
    const owner = (externalId: string) => ({
      contact: contact("new", "non-verified", externalId),
      email: "ADA@example.com",
    });
    expect(visibleSessions([byEmail], owner("device-1"))).toEqual([byEmail]);
    expect(visibleSessions([byEmail], owner("device-2"))).toEqual([]);
    expect(
      visibleSessions([byEmail], {
        contact: contact("new", "non-verified", "device-1"),
        email: null,
      }),
    ).toEqual([]);
    expect(
      visibleSessions([{ ...byEmail, email: null }], {
        contact: contact("new", "non-verified", "device-1"),
        email: "ada@example.com",
      }),
    ).toEqual([]);
  });

  it("a verified contact lists its owner's sessions from every device unless an externalId scopes them", () => {
    const t1 = verifiedToken("org_1", "c1", 1);
    const renewed = verifiedToken("org_1", "c1", 2);
    const laptop = session({ id: "l", contactToken: t1, verified: true, externalId: null });
    const scoped = session({ id: "s", contactToken: t1, verified: true, externalId: "ws-2" });
    const nonVerified = session({ id: "n", contactToken: renewed, externalId: null });
    const all = [laptop, scoped, nonVerified];
    expect(
      visibleSessions(all, { contact: contact(renewed, "verified", null), email: null }).map(
        (s) => s.id,
      ),
    ).toEqual(["l", "s"]);
    expect(
      visibleSessions(all, { contact: contact(renewed, "verified", "ws-2"), email: null }).map(
        (s) => s.id,
      ),
    ).toEqual(["s"]);
  });
});

describe("sameVerifiedContact", () => {
  it("matches the org and contact id the tokens claim, not their text", () => {
    expect(sameVerifiedContact(verifiedToken("o", "c1", 1), verifiedToken("o", "c1", 9))).toBe(
      true,
    );
    expect(sameVerifiedContact(verifiedToken("o", "c1", 1), verifiedToken("o", "c2", 1))).toBe(
      false,
    );
    expect(sameVerifiedContact(verifiedToken("o", "c1", 1), verifiedToken("p", "c1", 1))).toBe(
      false,
    );
  });

  it("tokens it cannot read match only by their text", () => {
    expect(sameVerifiedContact("opaque", "opaque")).toBe(true);
    expect(sameVerifiedContact("opaque", verifiedToken("o", "c1", 1))).toBe(false);
    expect(sameVerifiedContact(verifiedToken("o", "c1", 1), "opaque")).toBe(false);
  });
});

describe("emailOfCall", () => {
  it("is the email create-unverified sent, else null", () => {
    expect(
      emailOfCall({ kind: "create-unverified", when: "load", body: { email: "a@b.co" } }),
    ).toBe("a@b.co");
    expect(
      emailOfCall({ kind: "create-unverified", when: "load", body: { email: "" } }),
    ).toBeNull();
    expect(emailOfCall({ kind: "none" })).toBeNull();
  });
});
