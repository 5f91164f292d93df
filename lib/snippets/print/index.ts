/**
 * Deterministic printers for the values a snippet embeds: JS/TS object
 * literals, JSON, Python literals and shell words.
 * Go and Java literals (go.ts, java.ts) are proven by their own toolchains in
 * print-go.test.ts and print-java.test.ts.
 *
 * Invariants (each one is a property test in print.test.ts):
 * - printing is a pure function of the value: same value → same text;
 * - every printed literal evaluates back to exactly the value printed;
 * - a printed JS literal is safe inside an HTML `<script>` element: it never
 *   contains `</script`, `<!--` or `-->`;
 * - no printed literal contains a raw control character, line or paragraph
 *   separator, byte-order mark, bidi control, noncharacter or lone surrogate:
 *   they are escaped, so what a reader sees is what the code holds (and an
 *   HTML parser reports no error for the page a JS literal sits in).
 */
export { raw, RawCode, type PrintableObject, type PrintableValue, type PrintOptions } from "./core";
export { jsKey, jsString, printJs } from "./js";
export { jsonString, printJson } from "./json";
export { printPython, pythonString } from "./python";
export { goComment, goNumber, goString, printGoLayout, printGoValue } from "./go";
export { javaComment, javaNumber, javaString, printJavaValue, type JavaPrintOptions } from "./java";
export { shellQuote } from "./shell";
export { phpCastsObject, phpString, printPhp } from "./php";
export { printRuby, rubyString } from "./ruby";
export { hasLoneSurrogate, loneSurrogateNote } from "./well-formed";
