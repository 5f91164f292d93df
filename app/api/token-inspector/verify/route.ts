/**
 * `POST /api/token-inspector/verify` with `{ "token": "<JWT>" }` →
 * `{ verified, reason?, claims? }`: is this JWT signed by this playground's
 * sandbox? Only JWT-shaped tokens are accepted; nothing is logged.
 * All logic lives in `lib/tokens/verify-handler.ts`.
 */
import { createVerifyHandler } from "@/lib/tokens/verify-handler";

const verify = createVerifyHandler();

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return verify(request);
}
