import { describe, expect, it } from "vitest";
import { fakeJwt } from "../secrets/test-support/fake-keys";
import { SANDBOX_DEV_JWT_SECRET } from "../sandbox/settings";
import { issueSandboxToken } from "../sandbox/token";
import { accessText, contactIdentity, shortDuration } from "./identity";
import { inspectToken, type TokenInspection } from "./inspect";

const jwt = (claims: Record<string, unknown>) =>
  fakeJwt({ alg: "HS256", typ: "JWT" }, claims, "sig");

const NOW = Date.UTC(2026, 9, 1, 12, 0, 0);
const NOW_S = NOW / 1000;
const OWNER = { org_id: "org_1", contact: { id: "ct_jane", verified: true } };
const envelope = (payload: unknown, extra: Record<string, unknown> = {}) =>
  jwt({ sub: { type: "widget-contact", payload }, iat: NOW_S - 60, ...extra });

function contact(input: string): Extract<TokenInspection, { kind: "contact-token" }> {
  const r = inspectToken(input, { now: NOW });
  if (r.kind !== "contact-token") throw new Error(`not a contact token: ${r.kind}`);
  return r;
}

describe("the inspector reads the widget identity in both layouts", () => {
  const access = { server_ids: ["github", "crm"], account_id: "acct_1" };

  it("reads the backend envelope", () => {
    const r = contact(envelope({ ...OWNER, mcp_access: access }, { exp: NOW_S + 42 * 60 }));
    expect(r.identity).toEqual({
      layout: "envelope",
      orgId: "org_1",
      contactId: "ct_jane",
      verified: true,
      access: { kind: "servers", serverIds: ["github", "crm"], accountId: "acct_1" },
      expiry: { kind: "expires", text: "expires in 42 min" },
      lifetimeSeconds: 43 * 60,
    });
    expect(r.subject).toBeNull();
  });

  it("reads the flat v4-era claims", () => {
    const r = contact(jwt({ ...OWNER, contact: { id: "ct_jane", verified: false } }));
    expect(r.identity).toMatchObject({
      layout: "flat",
      orgId: "org_1",
      contactId: "ct_jane",
      verified: false,
      access: { kind: "chat-only" },
      expiry: { kind: "chat-only", text: "chat-only, non-expiring" },
    });
    expect(r.notes.join(" ")).toMatch(/chat-only token \(no mcp_access\) never expires/);
  });

  it("says expired, and how long ago", () => {
    const r = contact(envelope({ ...OWNER, mcp_access: access }, { exp: NOW_S - 5 * 60 }));
    expect(r.identity?.expiry).toEqual({ kind: "expired", text: "expired 5 min ago" });
    expect(r.expired).toBe(true);
    expect(contact(envelope(OWNER, { exp: NOW_S })).identity?.expiry.kind).toBe("expired");
  });

  it("flags an mcp_access token without exp, and one that lives longer than an hour", () => {
    const noExp = contact(envelope({ ...OWNER, mcp_access: access }));
    expect(noExp.identity?.expiry.kind).toBe("no-exp");
    expect(noExp.identity?.expiry.text).toMatch(/expire after one hour/);
    const long = contact(envelope({ ...OWNER, mcp_access: access }, { exp: NOW_S - 60 + 7200 }));
    expect(long.notes.join(" ")).toMatch(/longer than the one hour/);
    const hour = contact(envelope({ ...OWNER, mcp_access: access }, { exp: NOW_S - 60 + 3600 }));
    expect(hour.notes.join(" ")).not.toMatch(/longer than the one hour/);
  });

  it('shows the sandbox\'s all-servers grant (server_ids ["*"]) as every enabled server, with a note', () => {
    const r = contact(envelope({ ...OWNER, mcp_access: { server_ids: ["*"] } }));
    expect(r.identity?.access).toEqual({ kind: "all-servers", accountId: null });
    expect(accessText(r.identity!.access)).toBe("every enabled server");
    expect(r.notes.join(" ")).toMatch(/how this playground's sandbox writes mcp_access: \{\}/);
    // "*" among other ids is just an id.
    expect(
      contact(envelope({ ...OWNER, mcp_access: { server_ids: ["*", "x"] } })).identity?.access.kind,
    ).toBe("servers");
  });

  it("has no identity, and says v5 treats the token as opaque, without the contact claims", () => {
    const r = contact(jwt({ sub: "1234567890", name: "John" }));
    expect(r.identity).toBeNull();
    expect(r.notes.join(" ")).toMatch(/opaque token/);
  });

  it("reads what the sandbox issues", async () => {
    const { token, contactId } = await issueSandboxToken(
      { email: "jane@example.com", mcp_access: {} },
      { secret: SANDBOX_DEV_JWT_SECRET, now: () => NOW },
    );
    const r = contact(token);
    expect(r.identity).toMatchObject({
      layout: "envelope",
      contactId,
      verified: true,
      access: { kind: "all-servers" },
      expiry: { kind: "expires", text: "expires in 60 min" },
      lifetimeSeconds: 3600,
    });
  });
});

describe("wording", () => {
  it("accessText covers every kind", () => {
    expect(accessText({ kind: "chat-only" })).toMatch(/chat-only/);
    expect(accessText({ kind: "servers", serverIds: [], accountId: null })).toMatch(/no server/);
    expect(accessText({ kind: "servers", serverIds: ["a", "b"], accountId: null })).toBe("a, b");
  });

  it("shortDuration picks seconds, minutes, hours or days", () => {
    expect(shortDuration(30_000)).toBe("30 s");
    expect(shortDuration(42 * 60_000 + 59_000)).toBe("42 min");
    expect(shortDuration(-5 * 60_000)).toBe("5 min");
    expect(shortDuration(119 * 60_000)).toBe("119 min");
    expect(shortDuration(3 * 3600_000)).toBe("3 h");
    expect(shortDuration(5 * 86_400_000)).toBe("5 days");
  });

  it("contactIdentity ignores dates that are not NumericDates", () => {
    const id = contactIdentity({ ...OWNER, exp: "soon", iat: 1 }, NOW);
    expect(id?.expiry.kind).toBe("chat-only");
    expect(id?.lifetimeSeconds).toBeNull();
  });
});
