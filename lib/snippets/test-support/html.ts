/** Test support: how a browser's HTML parser (parse5) sees a snippet. */
import { parse } from "parse5";

export interface ParsedScript {
  src: string | null;
  /** The script's text exactly as the parser hands it to the JS engine. */
  text: string;
}

export interface ParsedHtml {
  scripts: ParsedScript[];
  /** Element names other than html/head/body/script, and comments, in document order. */
  others: string[];
  errors: string[];
}

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
  data?: string;
  content?: Node;
}

export function parseHtml(html: string): ParsedHtml {
  const errors: string[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(e.code) }) as unknown as Node;
  const scripts: ParsedScript[] = [];
  const others: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeName === "script") {
      const text = (node.childNodes ?? []).map((c) => c.value ?? "").join("");
      const src = node.attrs?.find((a) => a.name === "src")?.value ?? null;
      scripts.push({ src, text });
      return;
    }
    if (node.nodeName === "#comment") others.push(`<!--${node.data}-->`);
    else if (node.tagName && !["html", "head", "body"].includes(node.tagName))
      others.push(node.tagName);
    else if (node.nodeName === "#text" && (node.value ?? "").trim() !== "")
      others.push(`text:${node.value}`);
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit(doc);
  return { scripts, others, errors };
}
