/**
 * Every page's Content-Security-Policy, with a fresh nonce per response
 * (lib/security/csp.ts, docs/security.md). Next.js reads the nonce from the
 * request's policy header and puts it on its own scripts; the layouts read
 * `x-nonce` for their inline theme scripts.
 *
 * API routes and `/_next/*` are not matched: next.config.js gives them the
 * resource policy (the two matchers must stay complementary: see
 * app/security-headers.test.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { createNonce, documentPolicy, serializePolicy } from "@/lib/security/csp";
import { embedFrameAncestors, isFramablePath } from "@/lib/security/frame-ancestors";

let cachedAllowed: { value: string | undefined; sources: string } | undefined;

/** EMBED_ALLOWED_ORIGINS, read when the server starts (and warned about once). */
function embedSources(): string {
  const value = process.env.EMBED_ALLOWED_ORIGINS;
  if (!cachedAllowed || cachedAllowed.value !== value)
    cachedAllowed = { value, sources: embedFrameAncestors(value) };
  return cachedAllowed.sources;
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = serializePolicy(
    documentPolicy({
      nonce,
      frameAncestors: isFramablePath(request.nextUrl.pathname) ? embedSources() : "'self'",
      development: process.env.NODE_ENV === "development",
    }),
  );
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything but /api/* and /_next/* (static chunks, images): pages, 404s, public files.
  matcher: ["/((?!(?:api|_next)(?:/|$)).*)"],
};
