import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fakeKey } from "@/lib/secrets/test-support/fake-keys";
import { inspectToken } from "@/lib/tokens/inspect";
import { TokenInspector } from "./token-inspector";
import { relativeTime, TokenResult } from "./token-result";

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

function renderResult(input: string): string {
  return renderToStaticMarkup(
    createElement(TokenResult, { inspection: inspectToken(input, { now: NOW }), nowMs: NOW }),
  );
}

describe("TokenInspector (server render)", () => {
  const html = renderToStaticMarkup(createElement(TokenInspector));

  it("labels the textarea and starts empty, with no signature button", () => {
    const id = /<textarea[^>]*\sid="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`for="${id}"`);
    expect(html).toMatch(/<label[^>]*>Paste any token<\/label>/);
    expect(html).toContain('data-testid="tokens.input"');
    expect(html).toMatch(
      /data-testid="tokens.result"[^>]*data-kind="empty"|data-kind="empty"[^>]*data-testid="tokens.result"/,
    );
    expect(html).not.toContain('data-testid="tokens.verify"');
    expect(html).toContain('aria-live="polite"');
  });

  it("keeps the value out of autofill and spellcheck", () => {
    const textarea = /<textarea[^>]*>/.exec(html)?.[0] ?? "";
    // HTML attribute names are case-insensitive; React keeps the camelCase spelling.
    expect(textarea).toMatch(/\sautocomplete="off"/i);
    expect(textarea).toMatch(/\sspellcheck="false"/i);
    expect(textarea).not.toMatch(/\sname=/);
  });

  it("offers a labelled second box for the replacement token, with a polite verdict", () => {
    const textareas = html.match(/<textarea[^>]*>/g) ?? [];
    expect(textareas).toHaveLength(2);
    const second = textareas[1] ?? "";
    const id = /\sid="([^"]+)"/.exec(second)?.[1];
    expect(html).toMatch(new RegExp(`<label[^>]*for="${id}"[^>]*>Replacement token</label>`));
    expect(second).toContain('data-testid="tokens.compare.input"');
    expect(second).toMatch(/\sautocomplete="off"/i);
    expect(second).toMatch(/\sspellcheck="false"/i);
    expect(second).not.toMatch(/\sname=/);
    const refs = /aria-describedby="([^"]+)"/.exec(second)?.[1]?.split(" ") ?? [];
    expect(refs).toHaveLength(2);
    for (const ref of refs) expect(html).toContain(`id="${ref}"`);
    const result = /<div[^>]*data-testid="tokens.compare.result"[^>]*>/.exec(html)?.[0] ?? "";
    expect(result).toContain('role="status"');
    expect(result).toContain('aria-live="polite"');
    expect(result).toContain('data-status="waiting"');
  });

  it("points the input at its help and the result title", () => {
    const describedBy =
      /<textarea[^>]*aria-describedby="([^"]+)"/.exec(html)?.[1]?.split(" ") ?? [];
    expect(describedBy.length).toBeGreaterThanOrEqual(2);
    for (const ref of describedBy) expect(html).toContain(`id="${ref}"`);
  });
});

describe("TokenResult", () => {
  it("styles danger visibly differently from ok and warning", () => {
    const danger = renderResult(fakeKey("live", "fake_abcdef123456"));
    const ok = renderResult("wt_3f9a2c7e");
    const warning = renderResult("hello world");
    expect(danger).toContain('data-kind="org-api-key"');
    expect(danger).toContain('data-severity="danger"');
    expect(danger).toContain("border-2");
    expect(danger).toContain("Org API key — a secret!");
    expect(danger).toContain("Danger");
    expect(ok).not.toContain("border-2");
    expect(warning).not.toContain("border-2");
    expect(ok).toContain("WidgetConfig.token in your page");
  });

  it("never repeats the pasted value", () => {
    for (const input of [
      fakeKey("live", "fake_abcdef123456"),
      "wt_3f9a2c7e",
      "hello world",
      "OPENCX_API_KEY=abc123def456",
    ]) {
      expect(renderResult(input)).not.toContain(input);
    }
  });

  it("shows the header, unicode claims and expiry of a JWT", () => {
    const exp = NOW / 1000 + 7200;
    const html = renderResult(
      `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ name: "Zoë 山田 🦄", exp })}.sig`,
    );
    expect(html).toContain('data-kind="contact-token"');
    expect(html).toContain('data-testid="tokens.header"');
    expect(html).toContain('data-testid="tokens.claims"');
    expect(html).toContain("Zoë 山田 🦄");
    expect(html).toContain("2025-01-15 14:00:00 UTC (in 2 hours)");
    expect(html).toContain("<caption");
    expect(html).toContain('scope="row"');
  });

  it("shows the widget identity of an envelope token: owner, verified, servers, account, expiry", () => {
    const html = renderResult(
      `${b64url({ alg: "HS256" })}.${b64url({
        sub: {
          type: "widget-contact",
          payload: {
            org_id: "org_1",
            contact: { id: "ct_jane", verified: true },
            mcp_access: { server_ids: ["github", "crm"], account_id: "acct_1" },
          },
        },
        iat: NOW / 1000 - 18 * 60,
        exp: NOW / 1000 + 42 * 60,
      })}.sig`,
    );
    expect(html).toContain('data-testid="tokens.identity"');
    expect(html).toMatch(
      /Owner<\/dt><dd[^>]*>org <code[^>]*>org_1<\/code>, contact <code[^>]*>ct_jane/,
    );
    expect(html).toMatch(/Verified<\/dt><dd[^>]*>yes/);
    expect(html).toContain("github, crm");
    expect(html).toMatch(/Account<\/dt><dd[^>]*>acct_1/);
    expect(html).toContain("expires in 42 min");
    expect(html).toContain("backend envelope");
  });

  it("shows the flat layout, an unverified contact and a chat-only token", () => {
    const html = renderResult(
      `${b64url({ alg: "HS256" })}.${b64url({ org_id: "org_1", contact: { id: "ct_x", verified: false } })}.sig`,
    );
    expect(html).toContain("flat claims (v4-era layout)");
    expect(html).toMatch(/Verified<\/dt><dd[^>]*>no/);
    expect(html).toContain("chat-only, non-expiring");
    expect(html).not.toContain(">Account<");
  });

  it("shows every enabled server and an expired mcp_access token", () => {
    const html = renderResult(
      `${b64url({ alg: "HS256" })}.${b64url({
        sub: {
          type: "widget-contact",
          payload: {
            org_id: "org_1",
            contact: { id: "ct_x", verified: true },
            mcp_access: { server_ids: ["*"] },
          },
        },
        exp: NOW / 1000 - 120,
      })}.sig`,
    );
    expect(html).toContain("every enabled server");
    expect(html).toContain("none (no account_id)");
    expect(html).toContain("expired 2 min ago");
  });

  it("shows no identity for a JWT without the contact claims", () => {
    expect(renderResult(`${b64url({ alg: "HS256" })}.${b64url({ sub: "1" })}.sig`)).not.toContain(
      "tokens.identity",
    );
  });

  it("shows an expired token as expired", () => {
    const html = renderResult(
      `${b64url({ alg: "HS256" })}.${b64url({ exp: NOW / 1000 - 86_400 })}.sig`,
    );
    expect(html).toContain("Contact token (JWT) — expired");
    expect(html).toContain("Expired 2025-01-14 12:00:00 UTC (yesterday)");
  });

  it("relativeTime picks a sensible unit", () => {
    expect(relativeTime(NOW + 30_000, NOW)).toBe("in 30 seconds");
    expect(relativeTime(NOW - 3 * 3600_000, NOW)).toBe("3 hours ago");
    expect(relativeTime(NOW, NOW)).toBe("now");
  });
});

describe("the inspector's files", () => {
  const sources = ["token-inspector.tsx", "token-result.tsx", "check-signature.ts"].map((f) =>
    readFileSync(new URL(`./${f}`, import.meta.url), "utf8").replace(/\/\*[\s\S]*?\*\//g, ""),
  );
  it.each([
    "localStorage",
    "sessionStorage",
    "console.",
    "history.",
    "location.",
    "document.cookie",
    "indexedDB",
    "navigator.sendBeacon",
  ])("never use %s (no storing, no URL, no logging)", (api) => {
    for (const source of sources) expect(source).not.toContain(api);
  });
});
