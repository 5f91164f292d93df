/**
 * Finds the widget options in parsed programs, the way a reader would:
 * the argument of `initOpenScript(…)`, the `options` prop of `<Widget>`, a
 * variable called `options`, or else the first object literal with a `token`.
 * Also finds the authenticate-user body in server code (an object literal
 * with an `email` key in code that calls `/widget/authenticate-user`).
 */
import type { Expression, Node, ObjectExpression } from "@babel/types";
import { quoteSource, rangeOf, unwrap } from "./literal";
import { MODELLED } from "./option-tree";
import type { ParsedProgram } from "./sources";
import type { ImportProblem, SourceRange } from "./types";

export type FoundVia = "initOpenScript" | "jsx" | "variable" | "object";

export interface FoundObject {
  node: ObjectExpression;
  program: ParsedProgram;
  via: FoundVia;
}

interface Candidate {
  expression: Node;
  program: ParsedProgram;
  via: FoundVia;
}

const SKIP_KEYS = new Set([
  "loc",
  "start",
  "end",
  "extra",
  "leadingComments",
  "trailingComments",
  "innerComments",
  "range",
]);
const OPTION_VARIABLE =
  /^(options|widgetOptions|widgetConfig|opencxOptions|openCxOptions|chatOptions|config)$/;

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (SKIP_KEYS.has(key) || value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (const item of value)
        if (item && typeof item === "object" && "type" in item) out.push(item as Node);
    } else if ("type" in value) {
      out.push(value as Node);
    }
  }
  return out;
}

function calleeName(node: Node): string | null {
  const callee = unwrap(node);
  if (callee.type === "Identifier") return callee.name;
  if (
    (callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression") &&
    !callee.computed
  ) {
    return callee.property.type === "Identifier" ? callee.property.name : null;
  }
  return null;
}

function jsxName(node: Node): string {
  if (node.type === "JSXIdentifier") return node.name;
  if (node.type === "JSXMemberExpression") return `${jsxName(node.object)}.${node.property.name}`;
  if (node.type === "JSXNamespacedName") return `${node.namespace.name}:${node.name.name}`;
  return "";
}

function hasKey(object: ObjectExpression, name: string): boolean {
  return object.properties.some((p) => {
    if (p.type === "SpreadElement" || p.computed) return false;
    const key = p.key;
    return (
      (key.type === "Identifier" && key.name === name) ||
      (key.type === "StringLiteral" && key.value === name)
    );
  });
}

const WIDGET_KEYS = MODELLED.filter((k) => k !== "token");

/**
 * An object literal that reads as widget options: a `token` given as a string,
 * or a `token` next to another widget option. `Response.json({ token })` is not.
 */
function looksLikeOptions(object: ObjectExpression): boolean {
  if (!hasKey(object, "token")) return false;
  if (WIDGET_KEYS.some((k) => hasKey(object, k))) return true;
  return object.properties.some(
    (p) =>
      p.type === "ObjectProperty" &&
      !p.computed &&
      ((p.key.type === "Identifier" && p.key.name === "token") ||
        (p.key.type === "StringLiteral" && p.key.value === "token")) &&
      (unwrap(p.value).type === "StringLiteral" || unwrap(p.value).type === "TemplateLiteral"),
  );
}

/** A `key` on a widget element whose value is computed from a token (`key={contactToken}`). */
export interface TokenKey {
  /** The `key={…}` attribute as written, shortened for messages. */
  text: string;
  range: SourceRange;
}

export interface FindResult {
  options: FoundObject | null;
  /** How many places passed options to the widget; more than one is reported. */
  widgetCount: number;
  /** How many of those are `initOpenScript(…)` calls (v5 re-renders on a later call). */
  initCalls: number;
  serverBody: FoundObject | null;
  problems: ImportProblem[];
  /** Widget elements keyed by a token: v5 says keep the widget mounted instead. */
  tokenKeys: TokenKey[];
  /**
   * Whether the text renews anything: a timer (`setTimeout`, `setInterval`), a
   * `visibilitychange` listener, a second `initOpenScript` call, or a call to a function
   * named for renewing (`renewToken()`, `refreshToken()`).
   */
  renews: boolean;
  /** Where the text imports `@opencx/widget-react` (an import path, not a version). */
  reactImport: SourceRange | null;
}

const TOKENISH = /token/i;
const RENEWS = /renew|refresh/i;

/** Whether an expression reads a token: an identifier or a property named like one, anywhere in it. */
function readsToken(node: Node): boolean {
  if (node.type === "Identifier") return TOKENISH.test(node.name);
  if (node.type === "StringLiteral") return false;
  return children(node).some(readsToken);
}

/** Searches every program; never throws. */
export function findOptions(programs: readonly ParsedProgram[]): FindResult {
  const strong: Candidate[] = [];
  const named: Candidate[] = [];
  const loose: Candidate[] = [];
  const declarations = new Map<string, { init: Node; program: ParsedProgram }>();
  const emailObjects: Candidate[] = [];
  const problems: ImportProblem[] = [];
  const tokenKeys: TokenKey[] = [];
  let initCalls = 0;
  let renews = false;
  let reactImport: SourceRange | null = null;

  for (const program of programs) {
    const isServerCode = program.source.includes("authenticate-user");
    const visit = (node: Node) => {
      switch (node.type) {
        case "CallExpression":
        case "OptionalCallExpression": {
          const first = node.arguments[0];
          const name = calleeName(node.callee);
          if (
            name === "initOpenScript" &&
            first &&
            first.type !== "SpreadElement" &&
            first.type !== "ArgumentPlaceholder"
          ) {
            strong.push({ expression: first, program, via: "initOpenScript" });
            initCalls += 1;
          }
          if (name === "setTimeout" || name === "setInterval" || (name && RENEWS.test(name)))
            renews = true;
          // `import('@opencx/widget-react')` (next/dynamic) is an import path too.
          if (
            node.callee.type === "Import" &&
            first?.type === "StringLiteral" &&
            first.value === "@opencx/widget-react" &&
            !reactImport
          )
            reactImport = rangeOf(node, program.offset);
          break;
        }
        case "StringLiteral":
          if (node.value === "visibilitychange") renews = true;
          break;
        case "TemplateElement":
          if (node.value.raw.includes("visibilitychange")) renews = true;
          break;
        case "ImportDeclaration":
          if (node.source.value === "@opencx/widget-react" && !reactImport)
            reactImport = rangeOf(node, program.offset);
          break;
        case "JSXOpeningElement": {
          const name = jsxName(node.name);
          for (const attribute of node.attributes) {
            if (attribute.type !== "JSXAttribute" || attribute.name.type !== "JSXIdentifier")
              continue;
            if (
              attribute.name.name === "key" &&
              /Widget/.test(name) &&
              attribute.value?.type === "JSXExpressionContainer" &&
              attribute.value.expression.type !== "JSXEmptyExpression" &&
              readsToken(attribute.value.expression)
            ) {
              const range = rangeOf(attribute, program.offset);
              tokenKeys.push({
                text: quoteSource(program.source, range, program.offset),
                range,
              });
            }
            if (attribute.name.name !== "options" || !/Widget/.test(name)) continue;
            const value = attribute.value;
            if (
              value?.type === "JSXExpressionContainer" &&
              value.expression.type !== "JSXEmptyExpression"
            ) {
              strong.push({ expression: value.expression, program, via: "jsx" });
            }
          }
          break;
        }
        case "VariableDeclarator":
          if (node.id.type === "Identifier" && node.init) {
            if (!declarations.has(node.id.name))
              declarations.set(node.id.name, { init: node.init, program });
            if (
              OPTION_VARIABLE.test(node.id.name) &&
              unwrap(node.init).type === "ObjectExpression"
            ) {
              named.push({ expression: node.init, program, via: "variable" });
            }
          }
          break;
        case "AssignmentExpression": {
          const left = node.left;
          const leftName =
            left.type === "Identifier"
              ? left.name
              : left.type === "MemberExpression" &&
                  !left.computed &&
                  left.property.type === "Identifier"
                ? left.property.name
                : "";
          if (OPTION_VARIABLE.test(leftName) && unwrap(node.right).type === "ObjectExpression") {
            named.push({ expression: node.right, program, via: "variable" });
          }
          break;
        }
        case "ObjectExpression":
          if (looksLikeOptions(node)) loose.push({ expression: node, program, via: "object" });
          if (isServerCode && hasKey(node, "email"))
            emailObjects.push({ expression: node, program, via: "object" });
          break;
        default:
          break;
      }
      for (const child of children(node)) visit(child);
    };
    const root = program.ast;
    if (root.type === "File") visit(root);
    else {
      // A bare options object: it is the options, whatever else it holds.
      strong.push({ expression: root as Expression, program, via: "object" });
    }
  }

  const resolve = (candidate: Candidate, seen = new Set<string>()): FoundObject | null => {
    const expression = unwrap(candidate.expression);
    if (expression.type === "ObjectExpression")
      return { node: expression, program: candidate.program, via: candidate.via };
    if (expression.type === "Identifier" && !seen.has(expression.name)) {
      const declaration = declarations.get(expression.name);
      if (declaration) {
        seen.add(expression.name);
        return resolve(
          { expression: declaration.init, program: declaration.program, via: candidate.via },
          seen,
        );
      }
    }
    const range = rangeOf(expression, candidate.program.offset);
    problems.push({
      severity: "error",
      path: "",
      message: `The widget options are ${
        expression.type === "Identifier"
          ? `the variable \`${expression.name}\`, defined elsewhere`
          : `\`${quoteSource(candidate.program.source, range, candidate.program.offset)}\``
      }: paste the object literal itself.`,
      range,
    });
    return null;
  };

  let options: FoundObject | null = null;
  for (const candidate of [...strong, ...named, ...loose]) {
    options = resolve(candidate);
    if (options) break;
  }
  const serverBody = emailObjects.map((c) => resolve(c)).find((f) => f !== null) ?? null;
  return {
    options,
    widgetCount: strong.length,
    initCalls,
    serverBody,
    problems: options ? [] : problems,
    tokenKeys,
    renews: renews || initCalls > 1,
    reactImport,
  };
}
