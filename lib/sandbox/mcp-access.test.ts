import { describe, expect, it } from "vitest";
import { createSandboxHandler } from "./handler";
import { parseAuthenticateBody } from "./request-body";
import { SANDBOX_DEV_JWT_SECRET, SANDBOX_ORG_ID, TOKEN_LIFETIME_HEADER } from "./settings";
import { expectError, readJson, sandboxRequest } from "./test-support/requests";
import { verifySandboxToken } from "./token";

const ok = { email: "jane@example.com" };

describe("authenticate-user body: mcp_access (domain-v5.md §10.4)", () => {
  it("takes {}, a server list (empty allows none) and an account id", () => {
    for (const mcp_access of [
      {},
      { server_ids: [] },
      { server_ids: ["github", "crm"] },
      { account_id: "acct_1" },
    ]) {
      const parsed = parseAuthenticateBody({ ...ok, mcp_access });
      expect(parsed.success, JSON.stringify(mcp_access)).toBe(true);
      if (parsed.success) expect(parsed.data.mcp_access).toEqual(mcp_access);
    }
  });

  it("refuses a bad shape with a 400 naming the field", () => {
    const cases: [unknown, string][] = [
      ["all", "mcp_access"],
      [[], "mcp_access"],
      [{ server_ids: "github" }, "mcp_access.server_ids"],
      [{ server_ids: [1] }, "mcp_access.server_ids[0]"],
      [{ server_ids: [""] }, "mcp_access.server_ids[0]"],
      [{ account_id: 7 }, "mcp_access.account_id"],
      [{ account_id: "" }, "mcp_access.account_id"],
      [{ server_ids: ["github", "*"] }, "mcp_access.server_ids[1]"],
      [{ server_ids: Array.from({ length: 101 }, (_, i) => `s${i}`) }, "mcp_access.server_ids"],
      [{ server_ids: ["x".repeat(201)] }, "mcp_access.server_ids[0]"],
      [{ account_id: "a".repeat(201) }, "mcp_access.account_id"],
      [null, "mcp_access"],
    ];
    for (const [mcp_access, field] of cases) {
      const parsed = parseAuthenticateBody({ ...ok, mcp_access });
      expect(parsed.success, JSON.stringify(mcp_access)).toBe(false);
      if (!parsed.success) {
        expect(parsed.error.status).toBe(400);
        expect(parsed.error.field, JSON.stringify(mcp_access)).toBe(field);
      }
    }
  });

  it("names an unknown key inside mcp_access with the allowed ones", () => {
    const parsed = parseAuthenticateBody({ ...ok, mcp_access: { serverIds: ["x"] } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(parsed.error.code).toBe("unknown_field");
      expect(parsed.error.message).toContain('"serverIds" (did you mean "server_ids"?)');
      expect(parsed.error.message).toContain("Allowed: server_ids, account_id");
    }
  });
});

describe('"*" is not a server id', () => {
  it("is refused, saying it stands for the all-servers grant and to send {} instead", () => {
    const parsed = parseAuthenticateBody({ ...ok, mcp_access: { server_ids: ["*"] } });
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(parsed.error.message).toMatch(/all-servers grant.*mcp_access: \{\}/);
  });
});

describe("the sandbox endpoint with mcp_access", () => {
  const NOW = Date.UTC(2026, 9, 1, 12, 0, 0);
  const handler = createSandboxHandler({
    jwtSecret: SANDBOX_DEV_JWT_SECRET,
    rateLimitPerMinute: 0,
    now: () => NOW,
  });

  async function claimsFor(body: unknown, headers: Record<string, string> = {}) {
    const response = await handler.handle(sandboxRequest(body, { headers }));
    expect(response.status).toBe(201);
    const { token } = (await readJson(response)) as { token: string };
    const verified = await verifySandboxToken(token, {
      secret: SANDBOX_DEV_JWT_SECRET,
      now: () => NOW,
    });
    if (!verified.valid) throw new Error(verified.reason);
    return verified.claims;
  }

  it("issues the envelope with exp exactly one hour after iat", async () => {
    const claims = await claimsFor({ ...ok, mcp_access: { server_ids: ["github"] } });
    expect(claims.sub).toMatchObject({
      type: "widget-contact",
      payload: {
        org_id: SANDBOX_ORG_ID,
        contact: { verified: true },
        mcp_access: { server_ids: ["github"] },
      },
    });
    expect(claims.iat).toBe(NOW / 1000);
    expect(claims.exp).toBe(NOW / 1000 + 3600);
    expect(claims.exp! - claims.iat).toBe(3600);
  });

  it("issues no exp and no mcp_access without mcp_access", async () => {
    const claims = await claimsFor(ok);
    expect("exp" in claims).toBe(false);
    expect("mcp_access" in claims.sub.payload).toBe(false);
  });

  it(`shortens the lifetime when ${TOKEN_LIFETIME_HEADER} asks (sandbox-only demo feature)`, async () => {
    const claims = await claimsFor({ ...ok, mcp_access: {} }, { [TOKEN_LIFETIME_HEADER]: "120" });
    expect(claims.exp! - claims.iat).toBe(120);
  });

  it.each(["0", "3601", "-1", "1.5", "ten", "", "1e2"])(
    `refuses ${TOKEN_LIFETIME_HEADER}: %j with a 400 naming it`,
    async (value) => {
      const response = await handler.handle(
        sandboxRequest({ ...ok, mcp_access: {} }, { headers: { [TOKEN_LIFETIME_HEADER]: value } }),
      );
      const error = await expectError(response, 400, "invalid_header");
      expect(error.field).toBe(TOKEN_LIFETIME_HEADER);
      expect(error.message).toContain(TOKEN_LIFETIME_HEADER);
      expect(error.message).toMatch(/sandbox-only demo feature/);
    },
  );

  it(`refuses ${TOKEN_LIFETIME_HEADER} on a chat-only request: those tokens never expire`, async () => {
    const response = await handler.handle(
      sandboxRequest(ok, { headers: { [TOKEN_LIFETIME_HEADER]: "60" } }),
    );
    const error = await expectError(response, 400, "invalid_header");
    expect(error.message).toMatch(/needs mcp_access/);
  });

  it("answers a bad mcp_access with a 400 naming the field", async () => {
    const response = await handler.handle(
      sandboxRequest({ ...ok, mcp_access: { server_ids: [1] } }),
    );
    const error = await expectError(response, 400, "invalid_field");
    expect(error.field).toBe("mcp_access.server_ids[0]");
  });
});
