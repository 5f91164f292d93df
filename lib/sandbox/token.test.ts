import { base64url, SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "./json-value";
import {
  SANDBOX_API_KEY,
  SANDBOX_AUDIENCE,
  SANDBOX_DEV_JWT_SECRET,
  SANDBOX_ISSUER,
  sandboxSecretFromEnv,
} from "./settings";
import { contactIdFor, issueSandboxToken, verifySandboxToken } from "./token";

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
  it("round-trips the claims, with iat from the clock and no exp", async () => {
    const { token, contactId } = await issueSandboxToken(
      { email: "jane@example.com", name: "Jane", customData: { plan: "pro", seats: 3 } },
      { secret, now },
    );
    const result = await verifySandboxToken(token, { secret });
    expect(result).toEqual({
      valid: true,
      claims: {
        sub: contactId,
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
      JSON.stringify({ sub: "ct_x", email: "admin@example.com", sandbox: true, iat: 1 }),
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
