/**
 * Test support: turns a `node:http` request into the web `Request` the route
 * handler takes, as Next does in front of it, so tests can put the sandbox
 * behind a real HTTP server.
 */
import type { IncomingMessage } from "node:http";

/** Bodies longer than this are cut off here; the handler's own limit is far below it. */
const ADAPTER_MAX_BYTES = 1024 * 1024;

export interface ToRequestOptions {
  /**
   * `socket`: set `x-forwarded-for` from the socket, as a proxy in front of
   * Next would. `keep`: keep the header the client sent (tests that play many
   * clients set it themselves), falling back to the socket.
   */
  forwardedFor: "socket" | "keep";
}

export async function toFetchRequest(
  req: IncomingMessage,
  origin: string,
  opts: ToRequestOptions,
): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  if (opts.forwardedFor === "socket" || !headers.has("x-forwarded-for")) {
    headers.set("x-forwarded-for", req.socket.remoteAddress ?? "local");
  }
  const method = req.method ?? "GET";
  if (method === "GET" || method === "HEAD")
    return new Request(origin + req.url, { method, headers });
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Uint8Array>) {
    if (size + chunk.byteLength > ADAPTER_MAX_BYTES) break;
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(origin + req.url, { method, headers, body });
}
