/**
 * A docs site on another origin for the embed specs: serves
 * `fixtures/host.html` with a test's HTML in its body, at /page/<n>, from its
 * own small server on `localhost` (another origin, and another site, than the
 * app on 127.0.0.1).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const HOST_TEMPLATE = readFileSync(join(__dirname, "..", "fixtures", "host.html"), "utf8");

export class DocsSite {
  private readonly pages = new Map<string, string>();
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const body = this.pages.get(new URL(req.url ?? "/", "http://localhost").pathname);
      res.writeHead(body === undefined ? 404 : 200, {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
      });
      res.end(body === undefined ? "not found" : HOST_TEMPLATE.replace("<!--BODY-->", body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /** A page on the docs site with `html` in its body; its URL. */
  page(html: string): string {
    const path = `/page/${this.pages.size + 1}`;
    this.pages.set(path, html);
    // `localhost`, not 127.0.0.1: a different site from the app, as a real docs site is.
    return `http://localhost:${this.port}${path}`;
  }
}
