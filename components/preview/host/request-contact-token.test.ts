/**
 * "Your backend" as the preview's page calls it: a chat-only or one-hour token by default, and
 * the demo clock's shorter lifetime through the sandbox-only header. The fetch is answered by
 * the real demo-backend route (and so the real sandbox), in process.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/demo-backend/contact-token/route";
import { defaultConfig, type PlaygroundConfig } from "@/lib/config/options";
import { TOKEN_LIFETIME_HEADER, verifySandboxToken } from "@/lib/sandbox";
import { requestContactToken } from "./request-contact-token";

const sent: Request[] = [];
let client = 0;

beforeEach(() => {
  vi.stubGlobal("fetch", async (input: string, init: RequestInit) => {
    client += 1;
    const request = new Request(new URL(input, "http://127.0.0.1:3000"), {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        "X-Forwarded-For": `198.51.100.${client}`,
      },
    });
    sent.push(request.clone());
    return POST(request);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
});

const server = (over: Partial<PlaygroundConfig> = {}): PlaygroundConfig => ({
  ...defaultConfig(),
  model: "server",
  serverEmail: "jane@example.com",
  ...over,
});

async function lifetimeOf(token: string): Promise<number | undefined> {
  const verified = await verifySandboxToken(token);
  if (!verified.valid) throw new Error(verified.reason);
  return verified.claims.exp === undefined ? undefined : verified.claims.exp - verified.claims.iat;
}

describe("requestContactToken", () => {
  it("without a lifetime: no demo header; mcp_access gives the one-hour token", async () => {
    const token = await requestContactToken(
      server({ personalConnections: true }),
      "ada@example.com",
    );
    expect(token.status).toBe("ok");
    expect(sent[0]!.headers.has(TOKEN_LIFETIME_HEADER)).toBe(false);
    if (token.status !== "ok") return;
    expect(token.email).toBe("ada@example.com");
    expect(token.contactId).toMatch(/^ct_/);
    expect(await lifetimeOf(token.token)).toBe(3600);
  });

  it("with the demo lifetime: the header is sent and the token lasts that long", async () => {
    const token = await requestContactToken(
      server({ personalConnections: true }),
      "ada@example.com",
      10,
    );
    expect(sent[0]!.headers.get(TOKEN_LIFETIME_HEADER)).toBe("10");
    expect(token.status === "ok" && (await lifetimeOf(token.token))).toBe(10);
  });

  it("a chat-only request with a lifetime is refused by the sandbox, and says why", async () => {
    const token = await requestContactToken(server(), "ada@example.com", 10);
    expect(token.status).toBe("error");
    expect(token.status === "error" && token.message).toContain("chat-only tokens do not expire");
  });

  it("a chat-only token has no exp", async () => {
    const token = await requestContactToken(server(), "ada@example.com");
    expect(token.status === "ok" && (await lifetimeOf(token.token))).toBeUndefined();
  });

  it("an unreachable backend is an error state, not a throw", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("offline")));
    expect(await requestContactToken(server(), "ada@example.com")).toEqual({
      status: "error",
      email: "ada@example.com",
      message: "The demo backend could not be reached.",
    });
  });
});
