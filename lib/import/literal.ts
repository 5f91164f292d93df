/**
 * Reads a parsed JavaScript expression as a literal value, without running it.
 *
 * Only what a reader can know from the text alone becomes a value: strings
 * (including template literals without `${}`), numbers, booleans, null,
 * `undefined`, arrays and object literals with plain keys. Everything else
 * (functions, variables, calls, spreads, computed keys) becomes an `opaque`
 * node that says what it was and where, so the caller can report it instead
 * of dropping it.
 */
import type { Node } from "@babel/types";
import type { SourceRange } from "./types";

export type LiteralNode =
  | { kind: "string"; value: string; range: SourceRange }
  | { kind: "number"; value: number; range: SourceRange }
  | { kind: "boolean"; value: boolean; range: SourceRange }
  | { kind: "null"; range: SourceRange }
  | { kind: "undefined"; range: SourceRange }
  | { kind: "array"; items: LiteralNode[]; range: SourceRange }
  | { kind: "object"; entries: ObjectEntry[]; range: SourceRange }
  | OpaqueNode;

export interface OpaqueNode {
  kind: "opaque";
  /** What the code is, for messages: "a function", "the variable `user`". */
  what: string;
  /** Set when the node is a bare identifier (e.g. the token variable). */
  identifier?: string;
  range: SourceRange;
}

export interface ObjectEntry {
  /** `null` when the key itself could not be read (computed key, spread). */
  key: string | null;
  keyRange: SourceRange;
  value: LiteralNode;
}

/** The longest piece of source quoted in a message. */
const QUOTE_LIMIT = 40;

export function rangeOf(node: Node, offset: number): SourceRange {
  return { start: (node.start ?? 0) + offset, end: (node.end ?? 0) + offset };
}

/** A short quote of the source, for messages. */
export function quoteSource(source: string, range: SourceRange, offset: number): string {
  const text = source.slice(range.start - offset, range.end - offset).replace(/\s+/g, " ");
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT - 1)}…` : text;
}

/** Strips wrappers that do not change the value: parentheses and TypeScript casts. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case "TSAsExpression":
      case "TSSatisfiesExpression":
      case "TSNonNullExpression":
      case "TSTypeAssertion":
      case "ParenthesizedExpression":
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

function describe(node: Node, code: string): { what: string; identifier?: string } {
  switch (node.type) {
    case "Identifier":
      return { what: `the variable \`${node.name}\``, identifier: node.name };
    case "ArrowFunctionExpression":
    case "FunctionExpression":
    case "ObjectMethod":
    case "ClassExpression":
      return { what: "a function" };
    case "CallExpression":
    case "NewExpression":
    case "AwaitExpression":
      return { what: `a call (\`${code}\`)` };
    case "TemplateLiteral":
      return { what: `a template literal with \${…} (\`${code}\`)` };
    case "MemberExpression":
    case "OptionalMemberExpression":
      return { what: `the expression \`${code}\`` };
    case "RegExpLiteral":
      return { what: "a regular expression" };
    case "BigIntLiteral":
      return { what: "a BigInt" };
    default:
      return { what: `the expression \`${code}\`` };
  }
}

export interface ReadContext {
  /** The text the node offsets refer to. */
  source: string;
  /** Added to node offsets to get offsets in the user's whole input. */
  offset: number;
}

function opaque(node: Node, ctx: ReadContext): OpaqueNode {
  const range = rangeOf(node, ctx.offset);
  return { kind: "opaque", range, ...describe(node, quoteSource(ctx.source, range, ctx.offset)) };
}

function propertyKey(node: Node, computed: boolean): string | null {
  const key = unwrap(node);
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "StringLiteral") return key.value;
  if (key.type === "NumericLiteral") return String(key.value);
  if (key.type === "TemplateLiteral" && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** Reads `node` as a literal; never throws, never evaluates. */
export function readLiteral(input: Node, ctx: ReadContext): LiteralNode {
  const node = unwrap(input);
  const range = rangeOf(node, ctx.offset);
  switch (node.type) {
    case "StringLiteral":
      return { kind: "string", value: node.value, range };
    case "NumericLiteral":
      return { kind: "number", value: node.value, range };
    case "BooleanLiteral":
      return { kind: "boolean", value: node.value, range };
    case "NullLiteral":
      return { kind: "null", range };
    case "TemplateLiteral": {
      const cooked = node.quasis[0]?.value.cooked;
      if (node.expressions.length === 0 && typeof cooked === "string") {
        return { kind: "string", value: cooked, range };
      }
      return opaque(node, ctx);
    }
    case "Identifier":
      if (node.name === "undefined") return { kind: "undefined", range };
      return opaque(node, ctx);
    case "UnaryExpression": {
      const arg = unwrap(node.argument);
      if (node.operator === "void" && arg.type === "NumericLiteral")
        return { kind: "undefined", range };
      if ((node.operator === "-" || node.operator === "+") && arg.type === "NumericLiteral") {
        return { kind: "number", value: node.operator === "-" ? -arg.value : arg.value, range };
      }
      return opaque(node, ctx);
    }
    case "ArrayExpression": {
      const items: LiteralNode[] = node.elements.map((element) => {
        if (element === null) return { kind: "undefined", range };
        if (element.type === "SpreadElement") {
          const r = rangeOf(element, ctx.offset);
          return {
            kind: "opaque",
            what: `a spread (\`${quoteSource(ctx.source, r, ctx.offset)}\`)`,
            range: r,
          };
        }
        return readLiteral(element, ctx);
      });
      return { kind: "array", items, range };
    }
    case "ObjectExpression": {
      const entries: ObjectEntry[] = node.properties.map((property) => {
        if (property.type === "SpreadElement") {
          const r = rangeOf(property, ctx.offset);
          return {
            key: null,
            keyRange: r,
            value: {
              kind: "opaque",
              what: `a spread (\`${quoteSource(ctx.source, r, ctx.offset)}\`)`,
              range: r,
            },
          };
        }
        const key = propertyKey(property.key, property.computed);
        const keyRange = rangeOf(property.key, ctx.offset);
        if (property.type === "ObjectMethod") {
          return {
            key,
            keyRange,
            value: { kind: "opaque", what: "a function", range: rangeOf(property, ctx.offset) },
          };
        }
        if (key === null) {
          const r = rangeOf(property, ctx.offset);
          return {
            key: null,
            keyRange,
            value: {
              kind: "opaque",
              what: `a computed key (\`${quoteSource(ctx.source, keyRange, ctx.offset)}\`)`,
              range: r,
            },
          };
        }
        return { key, keyRange, value: readLiteral(property.value, ctx) };
      });
      return { kind: "object", entries, range };
    }
    default:
      return opaque(node, ctx);
  }
}
