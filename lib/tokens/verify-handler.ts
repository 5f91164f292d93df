/**
 * `POST /api/token-inspector/verify`: checks a JWT's signature against this
 * playground's sandbox, as a plain `Request → Response` function (the Next
 * route only wires it up; tests call it directly).
 *
 * Invariants:
 * - Only JWT-shaped tokens are looked at: anything else is a 400, so a client
 *   bug can never turn this into a place where API keys or widget tokens go.
 * - The token is never logged, and never repeated in a response.
 * - At most `MAX_VERIFY_BODY_BYTES` bytes are kept, whatever Content-Length says
 *   (`lib/http/read-body.ts`).
 * - Any client input ends in a JSON 200/4xx; nothing a client sends causes a 5xx.
 */
import {
  bodyStream,
  contentLengthProblem,
  jsonMediaType,
  readBoundedText,
  type BodyRead,
} from "../http/read-body";
import { looksLikeJwt } from "../secrets/detect";
import { verifySandboxToken, type SandboxTokenVerification } from "../sandbox";

/** The request body limit: 8 KB. */
export const MAX_VERIFY_BODY_BYTES = 8 * 1024;

export type VerifyErrorCode =
  | "method_not_allowed"
  | "unsupported_media_type"
  | "payload_too_large"
  | "invalid_json"
  | "invalid_body"
  | "not_a_jwt";

/** The response body: `verified` always; `claims` when verified; `reason` when not. */
export type VerifyResponseBody =
  | { verified: true; claims: Record<string, unknown> }
  | { verified: false; reason: string; error?: VerifyErrorCode };

export interface VerifyHandlerOptions {
  /** The check itself; tests inject a secret. Default: `verifySandboxToken`. */
  verify?: (token: string) => Promise<SandboxTokenVerification>;
}

const HEADERS: Readonly<Record<string, string>> = {
  "Cache-Control": "no-store",
  "Content-Type": "application/json",
  "X-Content-Type-Options": "nosniff",
};

function respond(
  status: number,
  body: VerifyResponseBody,
  headers: Readonly<Record<string, string>> = {},
): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });
}

function fail(
  status: number,
  error: VerifyErrorCode,
  reason: string,
  headers?: Readonly<Record<string, string>>,
): Response {
  return respond(status, { verified: false, reason, error }, headers);
}

const TOO_LARGE = `The body must be at most ${MAX_VERIFY_BODY_BYTES} bytes (8 KB).`;
const ONLY_JWTS =
  'Only JWTs ("eyJ…" with three dot-separated parts) are checked here. Never send API keys or widget tokens to a server you do not own.';

async function handle(
  request: Request,
  verify: (token: string) => Promise<SandboxTokenVerification>,
): Promise<Response> {
  if (request.method !== "POST") {
    return fail(405, "method_not_allowed", 'Use POST with a JSON body { "token": "<JWT>" }.', {
      Allow: "POST",
    });
  }
  if (jsonMediaType(request.headers.get("content-type")) !== "json") {
    return fail(
      415,
      "unsupported_media_type",
      'Send the body as JSON with "Content-Type: application/json".',
    );
  }
  const length = contentLengthProblem(request.headers.get("content-length"), MAX_VERIFY_BODY_BYTES);
  if (length === "malformed")
    return fail(400, "invalid_body", "Content-Length must be a whole number of bytes.");
  if (length === "too-large") return fail(413, "payload_too_large", TOO_LARGE);
  const body = bodyStream(request);
  const read: BodyRead =
    body === undefined
      ? { ok: false, failure: "not-bytes" }
      : await readBoundedText(body, MAX_VERIFY_BODY_BYTES);
  if (!read.ok) {
    return read.failure === "too-large"
      ? fail(413, "payload_too_large", TOO_LARGE)
      : fail(400, "invalid_body", "The body could not be read as UTF-8.");
  }

  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch {
    // The parser's message quotes the body, which may hold the token: say less.
    return fail(400, "invalid_json", 'The body is not valid JSON. Send { "token": "<JWT>" }.');
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return fail(400, "invalid_body", 'Send a JSON object: { "token": "<JWT>" }.');
  }
  const keys = Object.keys(json);
  if (keys.some((key) => key !== "token")) {
    return fail(400, "invalid_body", 'Send only { "token": "<JWT>" }: no other fields.');
  }
  const token = (json as { token?: unknown }).token;
  if (typeof token !== "string")
    return fail(400, "invalid_body", '"token" must be a string holding a JWT.');
  if (!looksLikeJwt(token) || token !== token.trim()) return fail(400, "not_a_jwt", ONLY_JWTS);

  const result = await verify(token);
  if (result.valid) return respond(200, { verified: true, claims: { ...result.claims } });
  return respond(200, { verified: false, reason: result.reason });
}

/** Builds the handler; `verify` defaults to the sandbox's own check. */
export function createVerifyHandler(
  options: VerifyHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const verify = options.verify ?? ((token: string) => verifySandboxToken(token));
  return async (request) => {
    try {
      return await handle(request, verify);
    } catch {
      // Unreachable by design. Nothing about the request (least of all the token) goes into logs or the answer.
      return respond(500, {
        verified: false,
        reason: "The signature could not be checked. Try again.",
      });
    }
  };
}
