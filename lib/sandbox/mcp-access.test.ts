import { describe, expect, it } from "vitest";
import { parseAuthenticateBody } from "./request-body";

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
