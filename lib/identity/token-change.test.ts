import { describe, expect, it } from "vitest";
import { fakeJwt } from "../secrets/test-support/fake-keys";
import { tokenChangeOutcome } from "./token-change";

/** A JWT with these claims (the fingerprint never checks signatures). */
const jwt = (claims: Record<string, unknown>) =>
  fakeJwt({ alg: "HS256", typ: "JWT" }, claims, "sig");
const envelope = (contactId: string, iat: number, extra: Record<string, unknown> = {}) =>
  jwt({
    sub: {
      type: "widget-contact",
      payload: { org_id: "org_1", contact: { id: contactId, verified: true }, ...extra },
    },
    iat,
  });

const ctx = { widgetToken: "wt_1" };

describe("a new user.token on a mounted widget (domain-v5 §3.7)", () => {
  it("the same token, or none before and after, changes nothing in either version", () => {
    for (const major of ["v4", "v5"] as const) {
      expect(tokenChangeOutcome(major, "a", "a", ctx)).toEqual({ kind: "unchanged" });
      expect(tokenChangeOutcome(major, undefined, "", ctx)).toEqual({ kind: "unchanged" });
    }
  });

  it("v4: any other token needs a remount or a reload, even a renewal of the same contact", () => {
    expect(tokenChangeOutcome("v4", envelope("c1", 1), envelope("c1", 2), ctx)).toEqual({
      kind: "remount-needed",
    });
    expect(tokenChangeOutcome("v4", undefined, envelope("c1", 1), ctx)).toEqual({
      kind: "remount-needed",
    });
  });

  it("v5: a renewed token of the same owner is swapped in place (iat does not count)", () => {
    expect(tokenChangeOutcome("v5", envelope("c1", 1), envelope("c1", 2), ctx)).toEqual({
      kind: "renewal",
    });
  });

  it("v5: server_ids in another order is the same owner; another server set is not", () => {
    const a = envelope("c1", 1, { mcp_access: { server_ids: ["s2", "s1"] } });
    const b = envelope("c1", 2, { mcp_access: { server_ids: ["s1", "s2"] } });
    const c = envelope("c1", 3, { mcp_access: { server_ids: ["s1"] } });
    expect(tokenChangeOutcome("v5", a, b, ctx).kind).toBe("renewal");
    expect(tokenChangeOutcome("v5", a, c, ctx)).toEqual({
      kind: "reset",
      why: "the mcp_access server_ids differ (order aside)",
    });
  });

  it("v5: another contact resets, and says why", () => {
    expect(tokenChangeOutcome("v5", envelope("c1", 1), envelope("c2", 1), ctx)).toEqual({
      kind: "reset",
      why: "the contact (contact.id) differs",
    });
  });

  it("v5: signing in or out changes the fingerprint", () => {
    expect(tokenChangeOutcome("v5", undefined, envelope("c1", 1), ctx)).toEqual({
      kind: "reset",
      why: "a verified user signed in",
    });
    expect(tokenChangeOutcome("v5", envelope("c1", 1), "", ctx)).toEqual({
      kind: "reset",
      why: "the verified user signed out",
    });
  });

  it("v5: a token it cannot decode is compared as text, so any change resets", () => {
    const r = tokenChangeOutcome("v5", "opaque-1", "opaque-2", ctx);
    expect(r.kind).toBe("reset");
    expect(r.kind === "reset" && r.why).toMatch(
      /does not decode as a JWT.*compares the token as text/,
    );
  });
});
