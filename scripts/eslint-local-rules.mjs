/**
 * The project's own ESLint rules, loaded by eslint.config.mjs as the `local` plugin.
 *
 * `local/no-imports-from`: a file must not import from the given project folders or packages.
 * Unlike `no-restricted-imports` it resolves what a specifier reaches (`@/x` from the project
 * root, `./x` and `../x` from the importing file), so a relative path into a forbidden folder is
 * caught however many `../` it takes, and it checks dynamic `import()`, `export … from` and
 * `require()` too.
 */
import path from "node:path";

/** The project-relative path a specifier reaches, or `null` for a package. */
function projectPath(specifier, filename, cwd) {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier === "." || specifier === ".." || /^\.\.?\//.test(specifier))
    return path
      .relative(cwd, path.resolve(path.dirname(filename), specifier))
      .split(path.sep)
      .join("/");
  return null;
}

/** `zustand/vanilla` → `zustand`, `@scope/pkg/x` → `@scope/pkg`. */
function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

const noImportsFrom = {
  meta: {
    type: "problem",
    docs: { description: "Forbid imports that reach the given folders or packages." },
    schema: [
      {
        type: "object",
        properties: {
          folders: { type: "array", items: { type: "string" } },
          packages: { type: "array", items: { type: "string" } },
          message: { type: "string" },
        },
        required: ["message"],
        additionalProperties: false,
      },
    ],
    messages: { forbidden: '"{{specifier}}" reaches {{target}}. {{message}}' },
  },
  create(context) {
    const { folders = [], packages = [], message } = context.options[0];
    const check = (source) => {
      const specifier =
        source?.type === "Literal"
          ? source.value
          : source?.type === "TemplateLiteral" && source.expressions.length === 0
            ? source.quasis[0].value.cooked
            : undefined;
      if (typeof specifier !== "string") return;
      const reached = projectPath(specifier, context.filename, context.cwd);
      const target =
        reached === null
          ? packages.find((name) => name === packageName(specifier))
          : folders.find((folder) => reached === folder || reached.startsWith(`${folder}/`));
      if (target)
        context.report({
          node: source,
          messageId: "forbidden",
          data: { specifier, target, message },
        });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require")
          check(node.arguments[0]);
      },
    };
  },
};

export const localRules = { rules: { "no-imports-from": noImportsFrom } };
