/**
 * Test support: a local stand-in for `POST /widget/authenticate-user` that records every
 * request a snippet sends (method, path, headers, body as received) and answers as the API does,
 * `201 { token, contact: { id } }`, with a token that names the request (`token-<n>`), so a test
 * can check both what a snippet sent and that it returned the token it got.
 *
 * Run a snippet with `OPENCX_API_URL=<baseUrl>` and `OPENCX_API_KEY=<any sentinel>`; compare
 * `requests[i].json` with `toAuthenticateRequest(config)` after JSON serialisation.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** The path and query as sent, e.g. `/widget/authenticate-user`. */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The raw body, as UTF-8 text. */
  body: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: unknown;
  /** The token the stand-in answered with. */
  token: string;
}

export interface StandInApi {
  /** `http://127.0.0.1:<port>`: what `OPENCX_API_URL` points at. */
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startStandInApi(): Promise<StandInApi> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Uint8Array[] = [];
    req.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(body) as unknown;
      } catch {
        json = undefined;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      const token = `token-${requests.length}`;
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers, body, json, token });
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ token, contact: { id: `contact-${requests.length}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
