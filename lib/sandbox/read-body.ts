/**
 * The sandbox's reading of an untrusted request body: media type, encoding, size
 * and JSON syntax, each refusal worded as a sandbox error. The checks and the
 * bounded read themselves live in `lib/http/read-body.ts`.
 *
 * Invariant: at most `maxBytes` bytes are ever kept, whatever `Content-Length`
 * claims; the rest of the stream is cancelled.
 */
import {
  bodyStream,
  contentLengthProblem,
  jsonMediaType,
  readBoundedText,
  type BodyReadFailure,
} from "../http/read-body";
import { sandboxError, type SandboxError } from "./errors";

export type ReadResult = { ok: true; value: unknown } | { ok: false; error: SandboxError };

const EXPECTED_TYPE = 'Send the body as JSON with "Content-Type: application/json".';

/**
 * `application/json`, optionally with `charset=utf-8` (any case, quoted or
 * not). JSON is UTF-8 (RFC 8259), so another charset is refused.
 */
export function checkContentType(header: string | null): SandboxError | null {
  switch (jsonMediaType(header)) {
    case "json":
      return null;
    case "missing":
      return sandboxError(415, "unsupported_media_type", `Missing Content-Type. ${EXPECTED_TYPE}`);
    case "not-json":
      return sandboxError(
        415,
        "unsupported_media_type",
        `Content-Type must be application/json. ${EXPECTED_TYPE}`,
      );
    case "not-utf8":
      return sandboxError(
        415,
        "unsupported_media_type",
        "The only charset accepted is utf-8: JSON is UTF-8.",
      );
  }
}

/**
 * `Content-Encoding`: none or `identity`. The sandbox does not decompress, so a
 * gzip (or any other coded) body is refused as such (RFC 9110 §15.5.16) rather
 * than read as bytes and reported as invalid UTF-8, and a plain body labelled
 * gzip is not read as if the label were absent.
 */
export function checkContentEncoding(header: string | null): SandboxError | null {
  if (header === null) return null;
  const codings = header
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity");
  if (codings.length === 0) return null;
  return sandboxError(
    415,
    "unsupported_media_type",
    "The sandbox does not accept a Content-Encoding (gzip, br, deflate…): send the JSON body uncompressed.",
  );
}

function tooLarge(maxBytes: number): SandboxError {
  return sandboxError(
    413,
    "payload_too_large",
    `The body must be at most ${maxBytes} bytes (16 KB).`,
  );
}

/** Checks `Content-Length` (when sent) before reading anything. */
export function checkContentLength(header: string | null, maxBytes: number): SandboxError | null {
  switch (contentLengthProblem(header, maxBytes)) {
    case null:
      return null;
    case "malformed":
      return sandboxError(400, "invalid_body", "Content-Length must be a whole number of bytes.");
    case "too-large":
      return tooLarge(maxBytes);
  }
}

function readError(failure: BodyReadFailure, maxBytes: number): SandboxError {
  switch (failure) {
    case "too-large":
      return tooLarge(maxBytes);
    case "not-bytes":
      return sandboxError(400, "invalid_body", "The body could not be read.");
    case "interrupted":
      return sandboxError(
        400,
        "invalid_body",
        "The body could not be read (the upload was interrupted).",
      );
    case "not-utf8":
      return sandboxError(400, "invalid_json", "The body is not valid UTF-8.");
  }
}

/** Content-Type, Content-Encoding, Content-Length, the bounded read and `JSON.parse`, in that order. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<ReadResult> {
  const typeError = checkContentType(request.headers.get("content-type"));
  if (typeError) return { ok: false, error: typeError };
  const encodingError = checkContentEncoding(request.headers.get("content-encoding"));
  if (encodingError) return { ok: false, error: encodingError };
  const lengthError = checkContentLength(request.headers.get("content-length"), maxBytes);
  if (lengthError) return { ok: false, error: lengthError };
  // A body that cannot be had reads as empty.
  const read = await readBoundedText(bodyStream(request) ?? null, maxBytes);
  if (!read.ok) return { ok: false, error: readError(read.failure, maxBytes) };
  if (read.text.trim() === "") {
    return {
      ok: false,
      error: sandboxError(
        400,
        "invalid_json",
        'The body is empty. Send a JSON object such as {"email":"jane@example.com"}.',
      ),
    };
  }
  try {
    return { ok: true, value: JSON.parse(read.text) as unknown };
  } catch {
    // The parser's own message quotes the body; say less rather than echo it.
    return { ok: false, error: sandboxError(400, "invalid_json", "The body is not valid JSON.") };
  }
}
