import { base64url, SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "./json-value";
import {
  ALL_SERVERS_ID,
  SANDBOX_API_KEY,
  SANDBOX_AUDIENCE,
  SANDBOX_DEV_JWT_SECRET,
  SANDBOX_ISSUER,
  SANDBOX_ORG_ID,
  sandboxSecretFromEnv,
} from "./settings";
import { contactIdFor, contactIdOf, issueSandboxToken, verifySandboxToken } from "./token";

const secret = SANDBOX_DEV_JWT_SECRET;
const now = () => Date.UTC(2026, 0, 1);

describe("the sandbox key and secret", () => {
  it("is clearly a sandbox key and never looks like a real one", () => {
    expect(SANDBOX_API_KEY).toMatch(/^sk_sandbox_/);
    expect(SANDBOX_API_KEY).not.toMatch(/sk_(live|test)_/);
  });

  it("uses SANDBOX_JWT_SECRET when set, else the dev default", () => {
    expect(sandboxSecretFromEnv({})).toBe(SANDBOX_DEV_JWT_SECRET);
    expect(sandboxSecretFromEnv({ SANDBOX_JWT_SECRET: "  " })).toBe(SANDBOX_DEV_JWT_SECRET);
    expect(sandboxSecretFromEnv({ SANDBOX_JWT_SECRET: "s3cret-from-env" })).toBe("s3cret-from-env");
    expect(SANDBOX_DEV_JWT_SECRET).toMatch(/DEV-ONLY/);
  });
});

describe("contactIdFor", () => {
  it("is stable per normalized email and differs between emails and secrets", async () => {
    const id = await contactIdFor("jane@example.com", secret);
    expect(id).toMatch(/^ct_[0-9a-f]{32}$/);
    expect(await contactIdFor(" Jane@EXAMPLE.com\n", secret)).toBe(id);
    expect(await contactIdFor("jane2@example.com", secret)).not.toBe(id);
    expect(await contactIdFor("jane@example.com", "another-secret")).not.toBe(id);
  });
});

describe("issueSandboxToken / verifySandboxToken", () => {
  it("round-trips the claims in the widget-contact envelope, with iat from the clock and no exp", async () => {
    const { token, contactId } = await issueSandboxToken(
      { email: "jane@example.com", name: "Jane", customData: { plan: "pro", seats: 3 } },
      { secret, now },
    );
    const result = await verifySandboxToken(token, { secret });
    expect(result).toEqual({
      valid: true,
      claims: {
        sub: {
          type: "widget-contact",
          payload: { org_id: SANDBOX_ORG_ID, contact: { id: contactId, verified: true } },
        },
        email: "jane@example.com",
        name: "Jane",
        customData: { plan: "pro", seats: 3 },
        iss: SANDBOX_ISSUER,
        aud: SANDBOX_AUDIENCE,
        iat: now() / 1000,
        sandbox: true,
      },
    });
  });

  it("with mcp_access, carries it in the envelope and expires exactly one hour after iat", async () => {
    type Access = { server_ids?: string[]; account_id?: string };
    const cases: [Access, Access][] = [
      [{ server_ids: ["github", "crm"] }, { server_ids: ["github", "crm"] }],
      [{ server_ids: [] }, { server_ids: [] }],
      [
        { server_ids: ["b", "a"], account_id: "acct_1" },
        { server_ids: ["b", "a"], account_id: "acct_1" },
      ],
      // The all-servers grant: the real claim layout is UNKNOWN (domain-v5 §16.3); the sandbox writes ["*"].
      [{}, { server_ids: [ALL_SERVERS_ID] }],
      [{ account_id: "acct_2" }, { server_ids: [ALL_SERVERS_ID], account_id: "acct_2" }],
    ];
    for (const [sent, inToken] of cases) {
      const { token, contactId } = await issueSandboxToken(
        { email: "jane@example.com", mcp_access: sent },
        { secret, now },
      );
      const result = await verifySandboxToken(token, { secret, now });
      if (!result.valid) throw new Error(result.reason);
      expect(contactIdOf(result.claims)).toBe(contactId);
      expect(result.claims.sub.payload.mcp_access).toEqual(inToken);
      expect(result.claims.iat).toBe(now() / 1000);
      expect(result.claims.exp! - result.claims.iat).toBe(3600);
    }
    expect(ALL_SERVERS_ID).toBe("*");
  });

  it("a demo lifetime shortens an mcp_access token, never lengthens it, and leaves a chat-only one alone", async () => {
    const mcp = { email: "jane@example.com", mcp_access: {} };
    for (const [asked, lifetime] of [
      [90, 90],
      [1, 1],
      [3600, 3600],
      [7200, 3600],
      [null, 3600],
    ] as const) {
      const { token } = await issueSandboxToken(mcp, { secret, now, lifetimeSeconds: asked });
      const result = await verifySandboxToken(token, { secret, now });
      if (!result.valid) throw new Error(result.reason);
      expect(result.claims.exp! - result.claims.iat).toBe(lifetime);
    }
    const { token } = await issueSandboxToken(
      { email: "jane@example.com" },
      { secret, now, lifetimeSeconds: 60 },
    );
    const chatOnly = await verifySandboxToken(token, { secret, now });
    expect(chatOnly.valid && "exp" in chatOnly.claims).toBe(false);
  });

  it("refuses an mcp_access token once it has expired, by the clock it is given", async () => {
    const { token } = await issueSandboxToken(
      { email: "jane@example.com", mcp_access: { server_ids: ["github"] } },
      { secret, now, lifetimeSeconds: 60 },
    );
    expect((await verifySandboxToken(token, { secret, now: () => now() + 59_000 })).valid).toBe(
      true,
    );
    expect(await verifySandboxToken(token, { secret, now: () => now() + 60_000 })).toEqual({
      valid: false,
      reason: "The token has expired.",
    });
  });

  it("leaves out empty customData and customData over 1 KB", async () => {
    const cases: JsonObject[] = [{}, { blob: "x".repeat(1100) }];
    for (const customData of cases) {
      const { token } = await issueSandboxToken(
        { email: "a@example.com", customData },
        { secret, now },
      );
      const result = await verifySandboxToken(token, { secret });
      expect(result.valid && "customData" in result.claims).toBe(false);
    }
  });

  it("rejects another secret, a tampered payload, alg none, foreign issuers and junk, without throwing", async () => {
    const { token } = await issueSandboxToken({ email: "a@example.com" }, { secret, now });
    expect(await verifySandboxToken(token, { secret: "other" })).toMatchObject({
      valid: false,
      reason: /signature/,
    });

    const [header, , signature] = token.split(".");
    const forged = base64url.encode(
      JSON.stringify({
        sub: {
          type: "widget-contact",
          payload: { org_id: SANDBOX_ORG_ID, contact: { id: "ct_x", verified: true } },
        },
        email: "admin@example.com",
        sandbox: true,
        iat: 1,
      }),
    );
    expect((await verifySandboxToken(`${header}.${forged}.${signature}`, { secret })).valid).toBe(
      false,
    );

    const unsecured = new UnsecuredJWT({ email: "a@example.com", sandbox: true })
      .setIssuer(SANDBOX_ISSUER)
      .setAudience(SANDBOX_AUDIENCE)
      .encode();
    expect((await verifySandboxToken(unsecured, { secret })).valid).toBe(false);

    const foreign = await new SignJWT({ email: "a@example.com", sandbox: true })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("ct_1")
      .setIssuer("someone-else")
      .setAudience(SANDBOX_AUDIENCE)
      .setIssuedAt()
      .sign(new TextEncoder().encode(secret));
    expect(await verifySandboxToken(foreign, { secret })).toMatchObject({
      valid: false,
      reason: /issuer or audience/,
    });

    const noClaims = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(SANDBOX_ISSUER)
      .setAudience(SANDBOX_AUDIENCE)
      .sign(new TextEncoder().encode(secret));
    expect(await verifySandboxToken(noClaims, { secret })).toMatchObject({
      valid: false,
      reason: /sandbox claims/,
    });

    // Signed by the sandbox secret, but not the sandbox's claim layout.
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ email: "a@example.com", sandbox: true, ...claims })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer(SANDBOX_ISSUER)
        .setAudience(SANDBOX_AUDIENCE)
        .setIssuedAt(now() / 1000)
        .sign(new TextEncoder().encode(secret));
    const payload = { org_id: SANDBOX_ORG_ID, contact: { id: "ct_1", verified: true } };
    for (const claims of [
      { sub: "ct_1" },
      { sub: { type: "contact", payload } },
      { sub: { type: "widget-contact", payload: { ...payload, org_id: "org_other" } } },
      { sub: { type: "widget-contact", payload: { ...payload, contact: { id: "ct_1" } } } },
      {
        sub: {
          type: "widget-contact",
          payload: { ...payload, contact: { id: "ct_1", verified: false } },
        },
      },
      // mcp_access without exp, exp without mcp_access, mcp_access without server_ids.
      { sub: { type: "widget-contact", payload: { ...payload, mcp_access: { server_ids: [] } } } },
      { sub: { type: "widget-contact", payload }, exp: now() / 1000 + 60 },
      {
        sub: { type: "widget-contact", payload: { ...payload, mcp_access: {} } },
        exp: now() / 1000 + 60,
      },
    ]) {
      expect(
        await verifySandboxToken(await sign(claims), { secret, now }),
        JSON.stringify(claims),
      ).toMatchObject({ valid: false, reason: /sandbox claims/ });
    }
    const good = { sub: { type: "widget-contact", payload } };
    expect((await verifySandboxToken(await sign(good), { secret, now })).valid).toBe(true);

    for (const junk of [
      undefined,
      null,
      42,
      "",
      "a.b.c",
      "x".repeat(20_000),
      "eyJhbGciOiJIUzI1NiJ9.FIXTURE",
    ]) {
      expect((await verifySandboxToken(junk, { secret })).valid).toBe(false);
    }
  });
});
