/**
 * Test support: read the literals a generated snippet embeds without running
 * the snippet. A tiny evaluator over the TypeScript AST accepts only literal
 * syntax (objects, arrays, strings, numbers, booleans, null) plus identifiers
 * bound in an explicit environment, and throws on anything else.
 */
import ts from "typescript";

export type Env = Readonly<Record<string, unknown>>;

const KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  js: ts.ScriptKind.JS,
  mjs: ts.ScriptKind.JS,
  ts: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
};

/**
 * Parses `code` as the language its file name says. Parent pointers are not
 * set (that halves the cost of a parse, which the 10 000-case property tests
 * feel), so pass the source file to `getText`.
 */
export function parseSource(code: string, fileName: string): ts.SourceFile {
  const ext = fileName.slice(fileName.lastIndexOf(".") + 1);
  const kind = KINDS[ext];
  if (kind === undefined) throw new Error(`No script kind for ${fileName}`);
  return ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, kind);
}

/**
 * The parser's syntax errors. `parseDiagnostics` is what
 * `program.getSyntacticDiagnostics` returns for a file, at a fraction of the
 * cost of `transpileModule` (which builds a program per call).
 */
export function syntaxErrors(source: ts.SourceFile): string[] {
  const diagnostics = (source as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] })
    .parseDiagnostics;
  if (!Array.isArray(diagnostics))
    throw new Error("This TypeScript version no longer exposes parseDiagnostics");
  return diagnostics.map((d) => describe(source, d));
}

/** Syntax errors as `transpileModule` reports them (slower; for the golden files). */
export function transpileErrors(code: string, fileName: string): string[] {
  const result = ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      jsx: ts.JsxEmit.Preserve,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
    },
  });
  return (result.diagnostics ?? []).map((d) => describe(d.file, d));
}

function describe(source: ts.SourceFile | undefined, d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!source || d.start === undefined) return message;
  const { line, character } = source.getLineAndCharacterOfPosition(d.start);
  return `${source.fileName}:${line + 1}:${character + 1} ${message}`;
}

/** Every `const|let|var <name> = …` declaration in the file, in source order. */
export function findVariables(source: ts.SourceFile, name: string): ts.VariableDeclaration[] {
  const found: ts.VariableDeclaration[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name)
      found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The initializer of the one `<name>` declaration, evaluated with `env`. */
export function evaluateVariable(source: ts.SourceFile, name: string, env: Env = {}): unknown {
  const decls = findVariables(source, name);
  if (decls.length !== 1)
    throw new Error(`Expected one declaration of ${name}, found ${decls.length}`);
  const init = decls[0]!.initializer;
  if (!init) throw new Error(`${name} has no initializer`);
  return evaluateLiteral(init, env);
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) {
    if (name.text === "__proto__" && !ts.isComputedPropertyName(name)) {
      throw new Error("A bare __proto__ key sets the prototype");
    }
    return ts.isNumericLiteral(name) ? String(Number(name.text)) : name.text;
  }
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression))
    return name.expression.text;
  throw new Error(`Unsupported property name: ${ts.SyntaxKind[name.kind]}`);
}

/** Evaluates literal syntax only; identifiers must be bound in `env`. */
export function evaluateLiteral(node: ts.Expression, env: Env): unknown {
  if (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node)
  ) {
    return evaluateLiteral(node.expression, env);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) {
    if (node.operator === ts.SyntaxKind.MinusToken) return -Number(node.operand.text);
    if (node.operator === ts.SyntaxKind.PlusToken) return Number(node.operand.text);
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isIdentifier(node)) {
    if (!Object.hasOwn(env, node.text)) throw new Error(`Unbound identifier ${node.text}`);
    return env[node.text];
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.map((el) => {
      if (ts.isSpreadElement(el) || ts.isOmittedExpression(el))
        throw new Error("Spreads and holes are not literals");
      return evaluateLiteral(el, env);
    });
  }
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, unknown> = {};
    for (const prop of node.properties) {
      let key: string;
      let value: unknown;
      if (ts.isPropertyAssignment(prop)) {
        key = propertyName(prop.name);
        value = evaluateLiteral(prop.initializer, env);
      } else if (ts.isShorthandPropertyAssignment(prop)) {
        key = prop.name.text;
        value = evaluateLiteral(prop.name, env);
      } else {
        throw new Error(`Unsupported object member: ${ts.SyntaxKind[prop.kind]}`);
      }
      if (Object.hasOwn(out, key)) throw new Error(`Duplicate key ${JSON.stringify(key)}`);
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  throw new Error(`Not a literal: ${ts.SyntaxKind[node.kind]} at offset ${node.pos}`);
}

/** The JSX attribute `name` on every element named `tag`. */
export function jsxAttributes(source: ts.SourceFile, tag: string, name: string): ts.JsxAttribute[] {
  const found: ts.JsxAttribute[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) &&
      node.tagName.getText(source) === tag
    ) {
      for (const attr of node.attributes.properties) {
        if (ts.isJsxAttribute(attr) && attr.name.getText(source) === name) found.push(attr);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
