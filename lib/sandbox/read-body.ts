/**
 * Reading an untrusted request body: media type, size and JSON syntax.
 *
 * Invariant: at most `maxBytes + 1` bytes are ever buffered, whatever
 * `Content-Length` claims; the rest of the stream is cancelled.
 */
import { sandboxError, type SandboxError } from "./errors";

export type ReadResult = { ok: true; value: unknown } | { ok: false; error: SandboxError };

/**
 * `application/json`, optionally with `charset=utf-8` (any case, quoted or
 * not). JSON is UTF-8 (RFC 8259), so another charset is refused.
 */
export function checkContentType(header: string | null): SandboxError | null {
  const expected = 'Send the body as JSON with "Content-Type: application/json".';
  if (header === null || header.trim() === "") {
    return sandboxError(415, "unsupported_media_type", `Missing Content-Type. ${expected}`);
  }
  const [type = "", ...params] = header.split(";");
  if (type.trim().toLowerCase() !== "application/json") {
    return sandboxError(
      415,
      "unsupported_media_type",
      `Content-Type must be application/json. ${expected}`,
    );
  }
  for (const param of params) {
    const eq = param.indexOf("=");
    const name = (eq === -1 ? param : param.slice(0, eq)).trim().toLowerCase();
    if (name !== "charset") continue;
    const value = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .toLowerCase();
    if (value !== "utf-8" && value !== "utf8") {
      return sandboxError(
        415,
        "unsupported_media_type",
        "The only charset accepted is utf-8: JSON is UTF-8.",
      );
    }
  }
  return null;
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
  if (header === null) return null;
  const value = header.trim();
  if (!/^\d+$/.test(value)) {
    return sandboxError(400, "invalid_body", "Content-Length must be a whole number of bytes.");
  }
  // A long digit string is a huge number; compare lengths before converting.
  if (value.replace(/^0+(?=\d)/, "").length > 15 || Number(value) > maxBytes)
    return tooLarge(maxBytes);
  return null;
}

/** Reads at most `maxBytes` bytes of the body; more → 413, never buffered. */
export async function readBoundedText(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; error: SandboxError }> {
  if (body === null) return { ok: true, text: "" };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!ArrayBuffer.isView(value)) {
        reader.cancel().catch(() => undefined);
        return {
          ok: false,
          error: sandboxError(400, "invalid_body", "The body could not be read."),
        };
      }
      total += value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(() => undefined);
        return { ok: false, error: tooLarge(maxBytes) };
      }
      chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch {
    reader.cancel().catch(() => undefined);
    return {
      ok: false,
      error: sandboxError(
        400,
        "invalid_body",
        "The body could not be read (the upload was interrupted).",
      ),
    };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: sandboxError(400, "invalid_json", "The body is not valid UTF-8.") };
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
  let body: ReadableStream<Uint8Array> | null;
  try {
    body = request.body;
  } catch {
    body = null;
  }
  const read = await readBoundedText(body, maxBytes);
  if (!read.ok) return read;
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
