/** Test support: requests to the sandbox endpoint and checks on its responses. */
import { expect } from "vitest";
import type { SandboxError } from "../errors";
import { SANDBOX_API_KEY } from "../settings";

export const ENDPOINT = "http://127.0.0.1/api/widget/authenticate-user";

let clients = 0;
/** A fresh client address, so tests do not share a rate-limit bucket. */
export function nextClientIp(): string {
  clients += 1;
  return `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
}

export interface RequestOptions {
  method?: string;
  /** `null` leaves the header out. */
  authorization?: string | null;
  contentType?: string | null;
  clientIp?: string;
  headers?: Record<string, string>;
}

/** A request as a server snippet sends it; `body` objects are JSON-encoded, strings and bytes sent as is. */
export function sandboxRequest(body: unknown, opts: RequestOptions = {}): Request {
  const headers = new Headers(opts.headers);
  const authorization =
    opts.authorization === undefined ? `Bearer ${SANDBOX_API_KEY}` : opts.authorization;
  if (authorization !== null) headers.set("authorization", authorization);
  const contentType = opts.contentType === undefined ? "application/json" : opts.contentType;
  if (contentType !== null) headers.set("content-type", contentType);
  headers.set("x-forwarded-for", opts.clientIp ?? nextClientIp());
  const method = opts.method ?? "POST";
  const encoded =
    method === "GET" || method === "HEAD" || body === undefined
      ? undefined
      : typeof body === "string" || body instanceof Uint8Array
        ? body
        : JSON.stringify(body);
  return new Request(ENDPOINT, { method, headers, body: encoded as BodyInit | undefined });
}

export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return JSON.parse(text) as unknown;
}

/** The response is the sandbox's JSON error with this status, and returns the error object. */
export async function expectError(
  response: Response,
  status: number,
  code?: string,
): Promise<SandboxError> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = (await readJson(response)) as { error: SandboxError };
  expect(Object.keys(body)).toEqual(["error"]);
  const { error } = body;
  expect(error.status).toBe(status);
  expect(typeof error.code).toBe("string");
  expect(typeof error.message).toBe("string");
  expect(error.message.length).toBeGreaterThan(0);
  if (error.field !== undefined) expect(typeof error.field).toBe("string");
  for (const key of Object.keys(error))
    expect(["status", "code", "message", "field"]).toContain(key);
  if (code !== undefined) expect(error.code).toBe(code);
  return error;
}
