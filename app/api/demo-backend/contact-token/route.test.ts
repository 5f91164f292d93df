import { describe, expect, it } from "vitest";
import { TOKEN_LIFETIME_HEADER, verifySandboxToken } from "@/lib/sandbox";
import { POST } from "./route";

let client = 0;
function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  client += 1;
  return POST(
    new Request("http://127.0.0.1:3000/api/demo-backend/contact-token", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Forwarded-For": `192.0.2.${client}`,
        ...headers,
      },
      body: JSON.stringify(body),
    }),
  );
}

async function claimsOf(response: Response) {
  expect(response.status).toBe(201);
  const { token } = (await response.json()) as { token: string };
  const verified = await verifySandboxToken(token);
  if (!verified.valid) throw new Error(verified.reason);
  return verified.claims;
}

describe("the demo backend (the customer's server, played by the playground)", () => {
  it("gets a chat-only token without exp, and a one-hour token with mcp_access", async () => {
    const chat = await claimsOf(await post({ email: "jane@example.com" }));
    expect("exp" in chat).toBe(false);
    const mcp = await claimsOf(await post({ email: "jane@example.com", mcp_access: {} }));
    expect(mcp.exp! - mcp.iat).toBe(3600);
  });

  it(`passes the sandbox-only ${TOKEN_LIFETIME_HEADER} demo header through`, async () => {
    const short = await claimsOf(
      await post(
        { email: "jane@example.com", mcp_access: { server_ids: ["github"] } },
        { [TOKEN_LIFETIME_HEADER]: "30" },
      ),
    );
    expect(short.exp! - short.iat).toBe(30);
    const refused = await post({ email: "jane@example.com" }, { [TOKEN_LIFETIME_HEADER]: "30" });
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { field?: string } };
    expect(error.field).toBe(TOKEN_LIFETIME_HEADER);
  });
});
