/**
 * Plain (uncoloured) rendering of code, shaped exactly like the highlighter's output:
 * one `<span class="line">` per source line, joined by "\n". Swapping one for the other
 * changes colours only, never layout, and the element's textContent is the code itself.
 *
 * No shiki here: client code imports this file.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Splits like shiki does: "\r\n" and "\n" both end a line; a trailing newline leaves an empty last line. */
export function splitLines(code: string): string[] {
  return code.split(/\r?\n/);
}

export function toPlainHtml(code: string): string {
  return splitLines(code)
    .map((line) => `<span class="line">${escapeHtml(line)}</span>`)
    .join("\n");
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/**
 * The text a browser would show for highlighter (or plain) HTML: tags dropped, entities decoded.
 * Lets the client check that server-made HTML really is the code it is about to show.
 */
export function textOfHtml(html: string): string {
  return html
    .replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === "#") {
        const point =
          name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(point) && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
}
