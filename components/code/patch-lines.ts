import { commonEnds } from "@/lib/explain/line-diff";

/**
 * Brings a code element from one line-structured HTML to the next by touching only the lines
 * that differ, instead of replacing the whole block: a keystroke changes one or two lines, and
 * re-parsing, restyling and laying out a hundred lines for it is most of a frame.
 *
 * Both HTMLs are one `<span class="line">` per line joined by "\n" (shiki's output and
 * `toPlainHtml`), so the element's children are the line spans with a "\n" text node between
 * each two. Anything else (a first call, a structure this does not recognise) falls back to
 * setting `innerHTML`, which is always right.
 */
export function patchLines(code: HTMLElement, from: readonly string[], to: readonly string[]) {
  const replaceAll = () => {
    code.innerHTML = to.join("\n");
  };
  const spans = Array.from(code.children);
  if (spans.length !== from.length || from.length === 0 || to.length === 0) return replaceAll();
  const { prefix: start, suffix: end } = commonEnds(from, to);
  const oldCount = from.length - start - end;
  const newCount = to.length - start - end;
  if (oldCount === 0 && newCount === 0) return;
  // Nothing kept on either side: one innerHTML is the cheapest way.
  if (start === 0 && end === 0) return replaceAll();

  const before = spans[start + oldCount] ?? null;
  for (const span of spans.slice(start, start + oldCount)) {
    // A line takes the separator after it, or the one before it when it is the last line.
    const separator = span.nextSibling ?? span.previousSibling;
    if (separator?.nodeType === Node.TEXT_NODE) separator.remove();
    span.remove();
  }
  if (newCount > 0) {
    const template = document.createElement("template");
    template.innerHTML = to.slice(start, start + newCount).join("");
    const fresh = Array.from(template.content.children);
    if (fresh.length !== newCount) return replaceAll();
    for (const span of fresh) {
      if (before) {
        code.insertBefore(span, before);
        code.insertBefore(document.createTextNode("\n"), before);
      } else {
        code.append(document.createTextNode("\n"), span);
      }
    }
  }
  if (code.children.length !== to.length) replaceAll();
}
