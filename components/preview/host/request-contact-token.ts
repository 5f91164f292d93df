import type { PlaygroundConfig } from "@/lib/config/options";
import { toAuthenticateRequest } from "@/lib/config/widget-config";
import type { TokenState } from "@/lib/preview/devices";
import { TOKEN_LIFETIME_HEADER } from "@/lib/sandbox/settings";

/** "Your backend": a route of this app that calls the sandbox's authenticate-user server-side. */
const DEMO_BACKEND = "/api/demo-backend/contact-token";

/**
 * What the customer's page does for a signed-in user: ask its backend for a contact token.
 *
 * `lifetimeSeconds` is the playground's demo clock only: the demo backend passes it to the
 * sandbox as `X-Sandbox-Token-Lifetime` (a sandbox-only header, 1 to 3600 s, that shortens the
 * one-hour lifetime of a token minted with `mcp_access`; open.cx has no such header).
 */
export async function requestContactToken(
  config: PlaygroundConfig,
  email: string,
  lifetimeSeconds?: number,
): Promise<TokenState> {
  const body = toAuthenticateRequest({ ...config, serverEmail: email });
  try {
    const res = await fetch(DEMO_BACKEND, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(lifetimeSeconds !== undefined
          ? { [TOKEN_LIFETIME_HEADER]: String(lifetimeSeconds) }
          : {}),
      },
      body: JSON.stringify(body),
    });
    const data = (await res.json().catch(() => null)) as {
      token?: string;
      contact?: { id?: string };
      error?: { message?: string };
    } | null;
    if (res.ok && data?.token)
      return { status: "ok", email, token: data.token, contactId: data.contact?.id ?? "" };
    return { status: "error", email, message: data?.error?.message ?? `HTTP ${res.status}` };
  } catch {
    return { status: "error", email, message: "The demo backend could not be reached." };
  }
}
