import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bodyStream,
  contentLengthProblem,
  jsonMediaType,
  readBoundedText,
  type BodyStream,
} from "./read-body";

const encoder = new TextEncoder();

/** A stream of the given chunks; records how many were pulled and whether it was cancelled. */
function chunked(chunks: readonly (Uint8Array | string)[], options: { failAfter?: number } = {}) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<unknown>({
    pull(controller) {
      if (options.failAfter !== undefined && seen.pulled === options.failAfter) {
        controller.error(new Error("connection reset"));
        return;
      }
      const next = chunks[seen.pulled];
      seen.pulled += 1;
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream: stream as BodyStream, seen };
}

const bytes = (n: number, byte = 0x61) => new Uint8Array(n).fill(byte);

describe("readBoundedText", () => {
  it("reads a body of exactly the bound", async () => {
    const { stream } = chunked([bytes(10)]);
    expect(await readBoundedText(stream, 10)).toEqual({ ok: true, text: "a".repeat(10) });
  });

  it("refuses one byte over the bound, and cancels the stream", async () => {
    const { stream, seen } = chunked([bytes(6), bytes(5), bytes(100)]);
    expect(await readBoundedText(stream, 10)).toEqual({ ok: false, failure: "too-large" });
    expect(seen.cancelled).toBe(true);
    // The third chunk is never asked for.
    expect(seen.pulled).toBe(2);
  });

  it("stops an endless stream at the bound", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(bytes(1024));
      },
    }) as BodyStream;
    expect(await readBoundedText(endless, 8 * 1024)).toEqual({ ok: false, failure: "too-large" });
    expect(pulled).toBeLessThanOrEqual(10);
  });

  it("joins chunks, including a character split across two chunks", async () => {
    const euro = encoder.encode("€"); // three bytes
    const { stream } = chunked([encoder.encode('{"a":"'), euro.slice(0, 1), euro.slice(1)]);
    expect(await readBoundedText(stream, 100)).toEqual({ ok: true, text: '{"a":"€' });
  });

  it("refuses a chunk that is not bytes, and cancels the stream", async () => {
    const { stream, seen } = chunked([encoder.encode("{"), "}"]);
    expect(await readBoundedText(stream, 100)).toEqual({ ok: false, failure: "not-bytes" });
    expect(seen.cancelled).toBe(true);
  });

  it("counts bytes, not characters", async () => {
    const text = "é".repeat(5); // 10 bytes in UTF-8
    expect(await readBoundedText(chunked([encoder.encode(text)]).stream, 10)).toEqual({
      ok: true,
      text,
    });
    expect(await readBoundedText(chunked([encoder.encode(text)]).stream, 9)).toEqual({
      ok: false,
      failure: "too-large",
    });
  });

  it("refuses bytes that are not UTF-8 (Latin-1, a lone continuation byte, an overlong form)", async () => {
    for (const bad of [[0x7b, 0xe9, 0x7d], [0x80], [0xc0, 0xaf]]) {
      const { stream } = chunked([new Uint8Array(bad)]);
      expect(await readBoundedText(stream, 100)).toEqual({ ok: false, failure: "not-utf8" });
    }
  });

  it("reports a stream that fails part way as interrupted", async () => {
    const { stream, seen } = chunked([bytes(3), bytes(3)], { failAfter: 1 });
    expect(await readBoundedText(stream, 100)).toEqual({ ok: false, failure: "interrupted" });
    expect(seen.pulled).toBe(1);
  });

  it("reads no body, and an empty one, as the empty text", async () => {
    expect(await readBoundedText(null, 0)).toEqual({ ok: true, text: "" });
    expect(await readBoundedText(chunked([]).stream, 0)).toEqual({ ok: true, text: "" });
  });

  it("reads a Request's body without Content-Length (a streamed, chunked upload)", async () => {
    const { stream } = chunked([encoder.encode('{"email":'), encoder.encode('"a@b.c"}')]);
    const request = new Request("http://localhost/", {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    const read = await readBoundedText(bodyStream(request) ?? null, 100);
    expect(read).toEqual({ ok: true, text: '{"email":"a@b.c"}' });
  });

  it("gives the text back for any chunking of any string within the bound, and refuses past it", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat({ max: 200 }),
        async (text, cuts, maxBytes) => {
          const all = encoder.encode(text);
          const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points, all.length]
            .slice(0, -1)
            .map((start, i, starts) => all.slice(start, starts[i + 1] ?? all.length));
          const read = await readBoundedText(chunked(chunks).stream, maxBytes);
          expect(read).toEqual(
            all.length <= maxBytes ? { ok: true, text } : { ok: false, failure: "too-large" },
          );
        },
      ),
    );
  });
});

describe("bodyStream", () => {
  it("is null without a body and undefined when the body cannot be had", () => {
    expect(bodyStream(new Request("http://localhost/"))).toBeNull();
    const broken = {
      get body(): never {
        throw new TypeError("used");
      },
    } as unknown as Request;
    expect(bodyStream(broken)).toBeUndefined();
  });
});

describe("contentLengthProblem", () => {
  it.each([
    [null, 10, null],
    ["10", 10, null],
    [" 0 ", 10, null],
    ["0000000000000000000010", 10, null],
    ["11", 10, "too-large"],
    ["99999999999999999999999", 10, "too-large"],
    ["", 10, "malformed"],
    ["-1", 10, "malformed"],
    ["1e3", 10, "malformed"],
    ["10, 10", 10, "malformed"],
    ["0x10", 10, "malformed"],
  ] as const)("%j with a bound of %i → %s", (header, max, expected) => {
    expect(contentLengthProblem(header, max)).toBe(expected);
  });
});

describe("jsonMediaType", () => {
  it.each([
    [null, "missing"],
    ["  ", "missing"],
    ["application/json", "json"],
    ["Application/JSON; charset=UTF-8", "json"],
    ['application/json;charset="utf-8"', "json"],
    ["application/json; charset=utf8; boundary=x", "json"],
    ["application/json; boundary=x", "json"],
    ["text/plain", "not-json"],
    ["application/json-patch+json", "not-json"],
    ["application/jsonx", "not-json"],
    ["application/json; charset=latin1", "not-utf8"],
    ["application/json; charset", "not-utf8"],
    ["application/json; charset=utf-8=x", "not-utf8"],
  ] as const)("%j → %s", (header, expected) => {
    expect(jsonMediaType(header)).toBe(expected);
  });
});
