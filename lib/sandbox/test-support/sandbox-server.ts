/**
 * Test support: the app's sandbox route served over real HTTP, as Next serves it, so a
 * generated server snippet run as a real process (`OPENCX_API_URL=<baseUrl>/api`) talks to it
 * the way it would talk to open.cx. A tiny `node:http` server on 127.0.0.1 hands each request
 * for `/api/widget/authenticate-user` to the route module's handler for its method, with
 * `x-forwarded-for` set from the socket as a proxy in front of Next would; any other path is 404.
 *
 * The test passes the route module in (`import * as route from "@/app/api/widget/authenticate-user/route"`):
 * lib/ code never imports app/, only tests may (scripts/layering.test.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { toFetchRequest } from "./node-http";

/** The path the app serves the sandbox at; `OPENCX_API_URL` is `<baseUrl>/api`. */
export const SANDBOX_ROUTE_PATH = "/api/widget/authenticate-user";

type Handler = (request: Request) => Response | Promise<Response>;

/** What the test passes: the route module's exports (`POST`, `GET`, …). */
export type RouteModule = Readonly<Record<string, unknown>> & { GET: Handler };

export interface SandboxServer {
  /** `http://127.0.0.1:<port>`, the app's origin: point a snippet at `${baseUrl}/api`. */
  baseUrl: string;
  /** Every body a POST to the route carried, parsed as JSON, in order. */
  received: unknown[];
  close(): Promise<void>;
}

async function handle(
  route: RouteModule,
  received: unknown[],
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
): Promise<void> {
  if (new URL(req.url ?? "/", origin).pathname !== SANDBOX_ROUTE_PATH) {
    res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
    return;
  }
  const request = await toFetchRequest(req, origin, { forwardedFor: "socket" });
  if (request.method === "POST") received.push(JSON.parse(await request.clone().text()) as unknown);
  const handler = route[request.method];
  const response = await (typeof handler === "function" ? (handler as Handler) : route.GET)(
    request,
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function startSandboxServer(route: RouteModule): Promise<SandboxServer> {
  const received: unknown[] = [];
  let baseUrl = "";
  const server: Server = createServer((req, res) => {
    handle(route, received, req, res, baseUrl).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
