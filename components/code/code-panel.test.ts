import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { highlightSnippets } from "@/lib/highlight/highlight-snippets";
import { textOfHtml } from "@/lib/highlight/plain";
import type { Snippet } from "@/lib/snippets/types";
import { CodePanel, type CodePanelProps } from "./code-panel";

const HTML_SNIPPET: Snippet = {
  target: "html",
  label: "HTML",
  files: [
    {
      path: "index.html",
      language: "html",
      code: '<script src="https://cdn.example/w.js"></script>\n<p>a & b</p>',
    },
  ],
};
const NEXT_SNIPPET: Snippet = {
  target: "nextjs",
  label: "Next.js",
  install: "npm install @opencx/widget",
  files: [
    {
      path: "app/support-widget.tsx",
      language: "tsx",
      code: '"use client";\nexport function W() {\n  return <div id="w" />;\n}\n',
    },
    {
      path: "app/api/token/route.ts",
      language: "ts",
      code: "export async function POST() {\n  return Response.json({});\n}",
    },
  ],
};
const NODE_SNIPPET: Snippet = {
  target: "node",
  label: "Node",
  files: [
    {
      path: "server.js",
      language: "js",
      code: 'const key = process.env.OPENCX_API_KEY;\nconsole.log("<ok>");',
    },
  ],
};

const render = (props: CodePanelProps) => renderToStaticMarkup(createElement(CodePanel, props));

/** The inner HTML of the element with this test id (elements here never nest a same-tag child). */
function byTestId(
  markup: string,
  testId: string,
): { tag: string; attrs: string; inner: string } | undefined {
  const open = new RegExp(`<(\\w+)([^>]*data-testid="${testId.replace(/\./g, "\\.")}"[^>]*)>`).exec(
    markup,
  );
  if (!open) return undefined;
  const [whole, tag = "", attrs = ""] = open;
  const start = open.index + whole.length;
  return { tag, attrs, inner: markup.slice(start, markup.indexOf(`</${tag}>`, start)) };
}

describe("CodePanel (server render)", () => {
  it("renders an accessible tablist with roving tabindex, the first tab selected", () => {
    const markup = render({ snippets: [HTML_SNIPPET, NEXT_SNIPPET] });
    expect(markup).toContain('role="tablist"');
    const html = byTestId(markup, "code.tab.html");
    const next = byTestId(markup, "code.tab.nextjs");
    expect(html?.attrs).toMatch(/role="tab"/);
    expect(html?.attrs).toMatch(/aria-selected="true"/);
    expect(html?.attrs).toMatch(/tabindex="0"/);
    expect(next?.attrs).toMatch(/aria-selected="false"/);
    expect(next?.attrs).toMatch(/tabindex="-1"/);
    expect(markup).toContain('role="tabpanel"');
    expect(markup).toContain('data-testid="code.live"');
    expect(markup).toMatch(/aria-live="polite"/);
  });

  it("uses the server HTML when it matches the code, and its text is the exact code", async () => {
    const initialHighlighted = await highlightSnippets([HTML_SNIPPET]);
    const markup = render({ snippets: [HTML_SNIPPET], initialHighlighted });
    const block = byTestId(markup, "code.block.html.0");
    expect(block?.tag).toBe("pre");
    expect(block?.attrs).toMatch(/tabindex="0"/);
    expect(block?.attrs).toMatch(/aria-label="index.html \(HTML\)"/);
    expect(block?.attrs).toMatch(/data-highlighted="true"/);
    expect(block?.inner).toContain("--shiki-dark:");
    expect(textOfHtml(block?.inner ?? "")).toBe(HTML_SNIPPET.files[0]?.code);
  });

  it("ignores server HTML made for other code and shows the plain text instead", async () => {
    const initialHighlighted = await highlightSnippets([HTML_SNIPPET]);
    const changed: Snippet = {
      ...HTML_SNIPPET,
      files: [{ path: "index.html", language: "html", code: "<p>new</p>" }],
    };
    const block = byTestId(
      render({ snippets: [changed], initialHighlighted }),
      "code.block.html.0",
    );
    expect(block?.attrs).toMatch(/data-highlighted="false"/);
    expect(block?.inner).toBe(
      '<code class="block w-max min-w-full"><span class="line">&lt;p&gt;new&lt;/p&gt;</span></code>',
    );
  });

  it("shows the install command first with its own copy button, then each file with one", () => {
    const markup = render({ snippets: [HTML_SNIPPET, NEXT_SNIPPET], initialTarget: "nextjs" });
    const order = [
      "code.block.nextjs.install",
      "code.copy.nextjs.0",
      "code.block.nextjs.0",
      "code.copy.nextjs.1",
      "code.block.nextjs.1",
    ];
    const positions = order.map((id) => markup.indexOf(`data-testid="${id}"`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markup).toContain('data-testid="code.copy.nextjs.install"');
    expect(textOfHtml(byTestId(markup, "code.block.nextjs.install")?.inner ?? "")).toBe(
      "npm install @opencx/widget",
    );
    expect(markup).toContain("app/support-widget.tsx");
    expect(markup).not.toContain('data-testid="code.block.html.0"');
  });

  it("groups server targets after the page targets, under their own label", () => {
    const markup = render({ snippets: [NODE_SNIPPET, HTML_SNIPPET, NEXT_SNIPPET] });
    const tabs = [...markup.matchAll(/data-testid="code\.tab\.(\w+)"/g)].map((m) => m[1]);
    expect(tabs).toEqual(["html", "nextjs", "node"]);
    expect(markup).toContain("Your page");
    expect(markup).toContain(">Your server<");
    expect(byTestId(markup, "code.tab.node")?.attrs).toMatch(
      /aria-describedby="[^"]+-group-server"/,
    );
  });

  it("shows no group labels when there are only page targets", () => {
    const markup = render({ snippets: [HTML_SNIPPET, NEXT_SNIPPET] });
    expect(markup).not.toContain("Your page");
  });

  it("shows the chosen tab (controlled) on the server render, or the first while it is not offered", () => {
    const offered = [HTML_SNIPPET, NEXT_SNIPPET, NODE_SNIPPET];
    const chosen = render({ snippets: offered, target: "node" });
    expect(byTestId(chosen, "code.tab.node")?.attrs).toMatch(/aria-selected="true"/);
    expect(byTestId(chosen, "code.tab.node")?.attrs).toMatch(/tabindex="0"/);
    expect(byTestId(chosen, "code.tab.html")?.attrs).toMatch(/tabindex="-1"/);
    expect(chosen).toContain('data-testid="code.tabpanel.node"');
    const notOffered = render({ snippets: [HTML_SNIPPET, NEXT_SNIPPET], target: "node" });
    expect(byTestId(notOffered, "code.tab.html")?.attrs).toMatch(/aria-selected="true"/);
    expect(notOffered).toContain('data-testid="code.tabpanel.html"');
    // The controlled choice wins over an uncontrolled initial one.
    const both = render({ snippets: offered, target: null, initialTarget: "nextjs" });
    expect(byTestId(both, "code.tab.html")?.attrs).toMatch(/aria-selected="true"/);
  });

  it("falls back to the first tab when the initial target is not offered", () => {
    const markup = render({ snippets: [HTML_SNIPPET, NEXT_SNIPPET], initialTarget: "python" });
    expect(byTestId(markup, "code.tab.html")?.attrs).toMatch(/aria-selected="true"/);
    expect(markup).toContain('data-testid="code.block.html.0"');
  });
});
