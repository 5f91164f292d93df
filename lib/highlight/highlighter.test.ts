import { describe, expect, it } from "vitest";
import type { Snippet, SnippetLanguage } from "@/lib/snippets/types";
import { DEFAULT_CONFIG } from "@/lib/config/options";
import { generateSnippets } from "@/lib/snippets";
import { getLoadedLanguages, highlight, highlightIncremental } from "./highlighter";
import { highlightSnippets } from "./highlight-snippets";
import { snippetFileKey } from "./keys";
import { escapeHtml, textOfHtml as textOf, toPlainHtml } from "./plain";

/** One small, typical sample per language, with the token that must come out coloured. */
const SAMPLES: Record<SnippetLanguage, { code: string; keyword: string }> = {
  html: {
    code: '<script src="https://cdn.example/widget.js" async></script>\n<div id="app"></div>',
    keyword: "script",
  },
  tsx: {
    code: 'import { Widget } from "@opencx/widget/react";\nexport const App = () => <Widget token={t} />;',
    keyword: "import",
  },
  ts: {
    code: 'const key: string = process.env.OPENCX_API_KEY ?? "";\nexport default key;',
    keyword: "const",
  },
  js: {
    code: 'const express = require("express");\napp.post("/auth", async (req, res) => res.json({}));',
    keyword: "const",
  },
  python: {
    code: 'import os\n\ndef token():\n    return os.environ["OPENCX_API_KEY"]  # secret',
    keyword: "def",
  },
  php: {
    code: "<?php\nfunction token(): string\n{\n    return getenv('OPENCX_API_KEY');\n}",
    keyword: "function",
  },
  ruby: {
    code: "require 'json'\n\ndef token\n  ENV.fetch('OPENCX_API_KEY')\nend",
    keyword: "def",
  },
  go: { code: 'package main\n\nfunc apiURL() string {\n\treturn "x"\n}', keyword: "func" },
  java: {
    code: "public final class A {\n    static String b() { return null; }\n}",
    keyword: "class",
  },
  bash: {
    code: "curl -X POST 'https://api.open.cx/widget' \\\n  -H \"X-Bot-Token: $OPENCX_API_KEY\"",
    keyword: "curl",
  },
  json: { code: '{\n  "email": "ada@example.com",\n  "verified": true\n}', keyword: '"email"' },
  vue: {
    code: "<script setup lang=\"ts\">\nimport { onMounted } from 'vue';\nonMounted(() => {});\n</script>",
    keyword: "import",
  },
  svelte: {
    code: "<script lang=\"ts\">\n  import { onMount } from 'svelte';\n  onMount(() => {});\n</script>",
    keyword: "import",
  },
};

const TOKEN_SPAN =
  /<span style="--shiki-light:(#[0-9a-f]{3,8});--shiki-dark:(#[0-9a-f]{3,8})[^"]*">([^<]*)<\/span>/gi;

describe("highlight", () => {
  it("loads no grammar before the first highlight of its language", async () => {
    await highlight("const a = 1;", "ts");
    const loaded = await getLoadedLanguages();
    expect(loaded).toContain("typescript");
    expect(loaded).not.toContain("python");
    expect(loaded).not.toContain("tsx");
  });

  it.each(Object.entries(SAMPLES) as [SnippetLanguage, { code: string; keyword: string }][])(
    "colours %s tokens with a light and a dark colour",
    async (language, { code, keyword }) => {
      const html = await highlight(code, language);
      const tokens = [...html.matchAll(TOKEN_SPAN)];
      const coloured = tokens.find(([, , , text]) => textOf(text ?? "").trim() === keyword);
      expect(coloured, `"${keyword}" should be its own coloured token in:\n${html}`).toBeDefined();
      // Keywords are not plain text colour: the theme gave them a colour of their own.
      const distinctLight = new Set(tokens.map(([, light]) => light?.toLowerCase()));
      expect(distinctLight.size).toBeGreaterThan(1);
      expect(await getLoadedLanguages()).toContain(
        {
          html: "html",
          tsx: "tsx",
          ts: "typescript",
          js: "javascript",
          python: "python",
          php: "php",
          ruby: "ruby",
          go: "go",
          java: "java",
          bash: "shellscript",
          json: "json",
          vue: "vue",
          svelte: "svelte",
        }[language],
      );
    },
  );

  it("returns only line spans (no <pre>, no <code>) whose text is exactly the code", async () => {
    const code = "a < b && c > \"d\"\r\n\tconst s = '</script>';\n\n";
    for (const language of Object.keys(SAMPLES) as SnippetLanguage[]) {
      const html = await highlight(code, language);
      expect(html).not.toMatch(/<pre|<code/);
      expect(html.split("\n").every((line) => line.startsWith('<span class="line">'))).toBe(true);
      expect(textOf(html)).toBe(code.replace(/\r\n/g, "\n"));
    }
  });

  it("has the same line structure as the plain rendering", async () => {
    const code = SAMPLES.tsx.code + "\n";
    const html = await highlight(code, "tsx");
    expect(html.split("\n").length).toBe(toPlainHtml(code).split("\n").length);
    expect(textOf(html)).toBe(textOf(toPlainHtml(code)));
  });

  it("never emits markup from the code itself", async () => {
    const html = await highlight('<img src=x onerror="alert(1)">', "html");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
  });

  it("replaces the two github colours that fail AA contrast", async () => {
    const html = (await highlight("# a comment\nx = 1", "python")).toLowerCase();
    expect(html).not.toContain("--shiki-dark:#6a737d");
    expect(html).toContain("--shiki-dark:#959da5");
    const params = (await highlight("function f(param) { return param; }", "js")).toLowerCase();
    expect(params).not.toContain("#e36209");
  });

  it("renders an unknown language as plain text instead of throwing", async () => {
    const html = await highlight("<b>hi</b>", "cobol" as SnippetLanguage);
    expect(html).toBe('<span class="line">&lt;b&gt;hi&lt;/b&gt;</span>');
  });

  it("returns the same HTML for the same input (cached)", async () => {
    expect(await highlight(SAMPLES.json.code, "json")).toBe(
      await highlight(SAMPLES.json.code, "json"),
    );
  });
});

describe("highlightIncremental", () => {
  /** A full pass that no cache can answer: the trailing newline only adds an empty last line. */
  const fullPass = async (code: string, language: SnippetLanguage) => {
    const html = await highlight(`${code}\n`, language);
    return html.slice(0, html.lastIndexOf("\n"));
  };

  it("gives exactly a full pass's HTML after every edit of a block, whatever the edit opens or closes", async () => {
    // Edits that change the grammar's state for the lines below (an unclosed string, comment or
    // tag) and edits that add or remove lines, in the snippets the playground really shows.
    const edits = ['"', "`", "/*", "*/", "<!--", "\n", "'", "{", "x"];
    const server = generateSnippets({ ...DEFAULT_CONFIG, model: "server" });
    const collect = generateSnippets({ ...DEFAULT_CONFIG, model: "collect" });
    const files = [...collect, ...server]
      .filter((s) => ["html", "react", "node", "python"].includes(s.target))
      .flatMap((s) => s.files.map((f) => ({ slot: `${s.target}:${f.path}`, ...f })));
    expect(new Set(files.map((f) => f.language))).toEqual(new Set(["html", "tsx", "js", "python"]));
    let compared = 0;
    for (const file of files) {
      let code = file.code;
      for (let step = 0; step < 12; step++) {
        const at = Math.floor((((step * 37) % 101) / 101) * code.length);
        code =
          step % 4 === 3
            ? code.slice(0, at) + code.slice(at + 2)
            : code.slice(0, at) + edits[step % edits.length] + code.slice(at);
        expect(await highlightIncremental(file.slot, code, file.language)).toBe(
          await fullPass(code, file.language),
        );
        compared++;
      }
      // Back to the original text, and a different text in the same slot.
      expect(await highlightIncremental(file.slot, file.code, file.language)).toBe(
        await highlight(file.code, file.language),
      );
    }
    expect(compared).toBe(files.length * 12);
  }, 60_000);

  it("keeps blocks apart: a slot's history never shows in another slot", async () => {
    const a = "const a = `open\nstill open";
    const b = "const b = 1;\nconst c = 2;";
    await highlightIncremental("one", a, "ts");
    expect(await highlightIncremental("two", b, "ts")).toBe(await fullPass(b, "ts"));
    expect(await highlightIncremental("one", b, "ts")).toBe(await fullPass(b, "ts"));
  });

  it("renders an unknown language as plain text", async () => {
    expect(await highlightIncremental("x", "a < b", "cobol" as SnippetLanguage)).toBe(
      toPlainHtml("a < b"),
    );
  });
});

describe("highlightSnippets", () => {
  it("keys every file as target:path", async () => {
    const snippets: Snippet[] = [
      {
        target: "html",
        label: "HTML",
        files: [{ path: "index.html", language: "html", code: SAMPLES.html.code }],
      },
      {
        target: "nextjs",
        label: "Next.js",
        install: "npm install @opencx/widget",
        files: [
          { path: "app/support-widget.tsx", language: "tsx", code: SAMPLES.tsx.code },
          { path: "app/api/widget-token/route.ts", language: "ts", code: SAMPLES.ts.code },
        ],
      },
    ];
    const result = await highlightSnippets(snippets);
    expect(Object.keys(result).sort()).toEqual(
      [
        snippetFileKey("html", "index.html"),
        "nextjs:app/api/widget-token/route.ts",
        "nextjs:app/support-widget.tsx",
      ].sort(),
    );
    expect(result["nextjs:app/support-widget.tsx"]).toBe(await highlight(SAMPLES.tsx.code, "tsx"));
  });
});

describe("plain rendering", () => {
  it("escapes HTML and keeps one span per line", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
    expect(toPlainHtml("a\n<b>\n")).toBe(
      '<span class="line">a</span>\n<span class="line">&lt;b&gt;</span>\n<span class="line"></span>',
    );
  });

  it("reads back the exact text of plain and highlighted HTML", async () => {
    const code = `<a title="x>y">&amp; 'q' \u{1F600}</a>\n\tdone`;
    expect(textOf(toPlainHtml(code))).toBe(code);
    expect(textOf(await highlight(code, "html"))).toBe(code);
    expect(textOf("&bogus; &#xZZ; &#99999999;")).toBe("&bogus; &#xZZ; &#99999999;");
  });
});
