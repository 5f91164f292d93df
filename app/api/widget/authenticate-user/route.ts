/**
 * Sandbox twin of `POST https://api.open.cx/widget/authenticate-user`.
 * Point a server snippet at it with `OPENCX_API_URL=http://127.0.0.1:<port>/api`
 * and `OPENCX_API_KEY=sk_sandbox_identity_playground_demo`. All logic lives in `lib/sandbox/`.
 */
import { createSandboxHandler } from "@/lib/sandbox";

// Settings (secret, rate limit) come from the environment once, when the server loads the route.
const sandbox = createSandboxHandler();

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return sandbox.handle(request);
}

// Next would answer other methods with a bare 405; these give the JSON error and `Allow: POST`.
export function GET(request: Request): Response {
  return sandbox.methodNotAllowed(request);
}
export const HEAD = GET;
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
export const OPTIONS = GET;
