/**
 * "Your backend" for the playground's verified preview. The preview plays the
 * customer's page; this route plays the customer's server: it adds the org API
 * key (the sandbox key, which never reaches the browser) and calls the sandbox
 * twin of authenticate-user, exactly as a generated server snippet would.
 *
 * A real backend builds the body from its own session; this demo takes the
 * sample fields from the playground so the flow can be shown end to end.
 *
 * The sandbox-only demo header `X-Sandbox-Token-Lifetime` (a shorter lifetime for a token
 * minted with `mcp_access`, to show a renewal without waiting an hour) is passed through
 * when the playground sends it; open.cx has no such header.
 */
import { createSandboxHandler, SANDBOX_API_KEY, TOKEN_LIFETIME_HEADER } from "@/lib/sandbox";

const sandbox = createSandboxHandler();

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  // The body streams through: the sandbox enforces the content type and the 16 KB limit itself.
  const contentLength = request.headers.get("content-length");
  const lifetime = request.headers.get(TOKEN_LIFETIME_HEADER);
  const upstream = await sandbox.handle(
    new Request(new URL("/api/widget/authenticate-user", request.url), {
      method: "POST",
      headers: {
        Authorization: `Bearer ${SANDBOX_API_KEY}`,
        "Content-Type": request.headers.get("content-type") ?? "",
        ...(contentLength ? { "Content-Length": contentLength } : {}),
        ...(lifetime !== null ? { [TOKEN_LIFETIME_HEADER]: lifetime } : {}),
        // The sandbox rate-limits per client: keep the visitor's address.
        "X-Forwarded-For": request.headers.get("x-forwarded-for") ?? "demo-backend",
      },
      body: request.body,
      duplex: "half",
    } as RequestInit),
  );
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
