/**
 * Server code in a language the import cannot read. Import parses JavaScript (and the HTML
 * around it); pasted PHP, Ruby, Python (Flask), Go, Java or a cURL shell script fails to parse
 * as JavaScript, and a syntax error at its first character would not tell the user why. When
 * text that failed to parse shows one of these languages' unmistakable marks, the import names
 * the language (the earliest mark decides) instead.
 *
 * Only text that did not parse is looked at, so JavaScript that merely mentions these marks
 * (in a string or a comment) imports as before.
 */
import type { ImportProblem } from "./types";

interface ServerLanguage {
  name: string;
  /** Marks no JavaScript program has outside a string or a comment. */
  marks: readonly RegExp[];
}

export const UNREADABLE_SERVER_LANGUAGES: readonly ServerLanguage[] = [
  {
    name: "PHP",
    marks: [/<\?php\b/, /\bcurl_(?:init|setopt(?:_array)?|exec)\s*\(/, /\bjson_encode\s*\(/],
  },
  {
    name: "Ruby",
    marks: [
      /^[ \t]*require(?:_relative)?[ \t]+['"]/m,
      /\bNet::HTTP\b/,
      /\bJSON\.generate\b/,
      /\bENV\.fetch\b/,
      // A Ruby `def` line ends with its name or its parameter list; Python's ends with `:`.
      /^[ \t]*def[ \t]+[a-z_]\w*[?!]?(?:[ \t]*\([^)\n]*\))?[ \t]*$/m,
    ],
  },
  {
    name: "Python",
    marks: [
      // `import os` (no quotes, no `;`): JavaScript's import names a module in quotes.
      /^[ \t]*import[ \t]+[A-Za-z_][\w.]*(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*)*[ \t]*$/m,
      /^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+[A-Za-z_*(]/m,
      /^[ \t]*def[ \t]+[A-Za-z_]\w*[ \t]*\([^)\n]*\)(?:[ \t]*->[^:\n]+)?[ \t]*:[ \t]*$/m,
      /^if[ \t]+__name__[ \t]*==[ \t]*['"]__main__['"][ \t]*:/m,
    ],
  },
  {
    name: "Go",
    marks: [
      /^package[ \t]+[A-Za-z_]\w*[ \t]*$/m,
      /^import[ \t]+\([ \t]*$/m,
      /^func[ \t]+(?:\([^)\n]*\)[ \t]*)?[A-Za-z_]\w*[ \t]*\(/m,
    ],
  },
  {
    name: "Java",
    marks: [
      // `import java.net.URI;`: a dotted name and a semicolon, no quotes.
      /^[ \t]*import[ \t]+(?:static[ \t]+)?[a-z]\w*(?:\.\w+)+(?:\.\*)?[ \t]*;/m,
      /^[ \t]*public[ \t]+(?:(?:final|abstract)[ \t]+)?class[ \t]+[A-Z]\w*/m,
      /\bpublic[ \t]+static[ \t]+[A-Za-z_][\w<>?, ]*[ \t]+[A-Za-z_]\w*[ \t]*\(/,
    ],
  },
  {
    name: "cURL",
    marks: [
      /^#![ \t]*\/(?:usr\/)?bin\/(?:env[ \t]+)?(?:ba|z|da|k)?sh\b/,
      /^[ \t]*curl[ \t]+-/m,
      /^[ \t]*set[ \t]+-[a-z]*[eu][a-z]*\b/m,
    ],
  },
];

/** The sentence the import shows for server code in `language`. */
export function unreadableServerCodeMessage(language: string): string {
  return `${language} server code can't be imported yet: paste the widget options or the HTML/React snippet.`;
}

/**
 * The problem to report for `text`, which did not parse as JavaScript, when it is server code
 * in a language the import cannot read: the language whose mark comes first, pointed at that
 * mark. `null` when no language shows.
 */
export function unreadableServerCode(text: string): ImportProblem | null {
  const found = serverLanguageMark(text);
  if (found === null) return null;
  return {
    severity: "error",
    path: "",
    message: unreadableServerCodeMessage(found.name),
    range: { start: found.index, end: found.index + found.length },
  };
}

/** The server language whose mark comes first in `text`, and where; `null` when none shows. */
export function serverLanguageMark(
  text: string,
): { name: string; index: number; length: number } | null {
  let found: { name: string; index: number; length: number } | null = null;
  for (const { name, marks } of UNREADABLE_SERVER_LANGUAGES) {
    for (const mark of marks) {
      const match = mark.exec(text);
      if (match && (found === null || match.index < found.index)) {
        found = { name, index: match.index, length: match[0].length };
      }
    }
  }
  return found;
}
