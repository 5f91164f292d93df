/**
 * Reading an untrusted request body: the JSON media type, `Content-Length` and a
 * bounded read. Shared by the sandbox (`lib/sandbox/read-body.ts`) and the token
 * inspector's verify route (`lib/tokens/verify-handler.ts`); each words its own
 * errors, this module only says what is wrong.
 *
 * Invariant: `readBoundedText` never keeps more than `maxBytes` bytes, whatever
 * `Content-Length` claims; once the bound is passed the rest of the stream is
 * cancelled and never read.
 */

/** A request body stream, as `Request.body` gives it. */
export type BodyStream = NonNullable<Request["body"]>;

/** What a `Content-Type` header says about a JSON body. */
export type JsonMediaType = "json" | "missing" | "not-json" | "not-utf8";

/**
 * `application/json`, optionally with `charset=utf-8` or `utf8` (any case, quoted
 * or not): `"json"`. JSON is UTF-8 (RFC 8259), so another charset is `"not-utf8"`.
 */
export function jsonMediaType(header: string | null): JsonMediaType {
  if (header === null || header.trim() === "") return "missing";
  const [type = "", ...params] = header.split(";");
  if (type.trim().toLowerCase() !== "application/json") return "not-json";
  for (const param of params) {
    const eq = param.indexOf("=");
    const name = (eq === -1 ? param : param.slice(0, eq)).trim().toLowerCase();
    if (name !== "charset") continue;
    const value = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .toLowerCase();
    if (value !== "utf-8" && value !== "utf8") return "not-utf8";
  }
  return "json";
}

/**
 * `Content-Length` (when sent) against the bound, before anything is read: `null`
 * when absent or within it, `"malformed"` when not a whole number of bytes.
 */
export function contentLengthProblem(
  header: string | null,
  maxBytes: number,
): "malformed" | "too-large" | null {
  if (header === null) return null;
  const value = header.trim();
  if (!/^\d+$/.test(value)) return "malformed";
  // A long digit string is a huge number; compare lengths before converting.
  if (value.replace(/^0+(?=\d)/, "").length > 15 || Number(value) > maxBytes) return "too-large";
  return null;
}

/** `request.body`, or `undefined` when reading it throws. */
export function bodyStream(request: Request): BodyStream | null | undefined {
  try {
    return request.body;
  } catch {
    return undefined;
  }
}

/**
 * Why a body could not be read: larger than the bound, a chunk that is not bytes,
 * a stream that failed part way (an interrupted upload), or bytes that are not UTF-8.
 */
export type BodyReadFailure = "too-large" | "not-bytes" | "interrupted" | "not-utf8";

export type BodyRead = { ok: true; text: string } | { ok: false; failure: BodyReadFailure };

/** The body as UTF-8 text, reading at most `maxBytes` bytes; no body is the empty text. */
export async function readBoundedText(
  body: BodyStream | null,
  maxBytes: number,
): Promise<BodyRead> {
  if (body === null) return { ok: true, text: "" };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stop = (failure: BodyReadFailure): BodyRead => {
    reader.cancel().catch(() => undefined);
    return { ok: false, failure };
  };
  try {
    for (;;) {
      const { done, value } = (await reader.read()) as { done: boolean; value: unknown };
      if (done) break;
      if (!ArrayBuffer.isView(value)) return stop("not-bytes");
      total += value.byteLength;
      if (total > maxBytes) return stop("too-large");
      chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch {
    return stop("interrupted");
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
    return { ok: false, failure: "not-utf8" };
  }
}
