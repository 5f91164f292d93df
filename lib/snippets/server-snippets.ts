/**
 * The server half of the verified model in JavaScript: a Node module whose
 * `getContactToken(email)` calls `POST /widget/authenticate-user` (domain.md §10.4), runnable
 * directly (`node server/opencx-contact-token.mjs <email>` prints the token), and an Express
 * route that imports it and hands only `{ token }` to the browser. The Next.js route handler
 * reuses `contactTokenFunction`.
 *
 * Invariants: the API key is read from `OPENCX_API_KEY` and never printed; the base URL is
 * `OPENCX_API_URL` or `https://api.open.cx`; the body is `toAuthenticateRequest(config)` with
 * `email` the function's parameter (the signed-in user's email, from the caller's session).
 */
import type { PlaygroundConfig } from "../config/options";
import {
  API_KEY_ENV,
  API_URL_ENV,
  authenticateBodyForEmailParameter,
  AUTHENTICATE_USER_PATH,
  CONTACT_TOKEN_ENDPOINT,
  EMAIL_PARAMETER,
  indent,
  languageNote,
  majorOfConfig,
  mcpAccessNote,
  OPENCX_API_URL,
  snippetVersionNote,
} from "./model";
import { jsString, printJs } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet, type SnippetFile } from "./types";

/**
 * `const OPENCX_API_URL = …;` (an empty variable counts as unset), read from `env`: Node's
 * `process.env`, or the object a framework hands out (SvelteKit's `$env/dynamic/private`).
 */
export const apiUrlConst = (env = "process.env") =>
  `const ${API_URL_ENV} = ${env}.${API_URL_ENV} || ${jsString(OPENCX_API_URL)};`;

/** `const OPENCX_API_URL = process.env.OPENCX_API_URL || …;` */
export const API_URL_CONST = apiUrlConst();

/** Where the Node snippet's module lives; the Express route imports it from beside itself. */
export const NODE_TOKEN_FILE = "server/opencx-contact-token.mjs";
export const EXPRESS_ROUTES_FILE = "server/opencx-routes.mjs";
/** How the Express route imports the Node module (they sit in one folder). */
export const NODE_TOKEN_IMPORT = "./opencx-contact-token.mjs";

/** The function every JS server snippet mints with: `getContactToken(email)`. */
export const CONTACT_TOKEN_FUNCTION = "getContactToken";

/** The command that runs the Node module directly (its main guard), from the project's root. */
export const NODE_RUN_USAGE = `node ${NODE_TOKEN_FILE} <${EMAIL_PARAMETER}>`;

/**
 * The statements that build the body (the sample values, `email` from the parameter), call
 * authenticate-user and leave the token in `token`; they throw when the key is missing or the
 * call fails. `typed` adds the TypeScript annotation on the response; `env` is where the key is
 * read (`process.env` unless a framework gives its own environment object).
 */
export function authenticateUserCall(
  config: PlaygroundConfig,
  opts: { typed: boolean; env?: string },
): string {
  const body = printJs(authenticateBodyForEmailParameter(config), { breakTopLevel: true });
  const json = opts.typed
    ? "(await response.json()) as { token: string }"
    : "await response.json()";
  return [
    `const apiKey = ${opts.env ?? "process.env"}.${API_KEY_ENV};`,
    `if (!apiKey) throw new Error('${API_KEY_ENV} is not set');`,
    "",
    "// Sample values from the playground: build the rest of the body from the signed-in user's",
    "// data (your session), never from anything the browser sends.",
    ...languageNote(config).map((line) => `// ${line}`),
    ...mcpAccessNote(config).map((line) => `// ${line}`),
    `const body = ${body};`,
    "",
    `const response = await fetch(\`\${${API_URL_ENV}}${AUTHENTICATE_USER_PATH}\`, {`,
    "  method: 'POST',",
    "  headers: {",
    "    Authorization: `Bearer ${apiKey}`,",
    "    'Content-Type': 'application/json',",
    "  },",
    "  body: JSON.stringify(body),",
    "  signal: AbortSignal.timeout(10_000),",
    "});",
    "if (!response.ok) {",
    "  throw new Error(`OpenCX authenticate-user failed: HTTP ${response.status}`);",
    "}",
    "// The response also has contact.id; the browser needs only the token.",
    `const { token } = ${json};`,
  ].join("\n");
}

/**
 * `getContactToken(email)`: mints the contact token of the signed-in user whose email the
 * caller passes (from its session). `typed` prints it as TypeScript, `exported` exports it.
 */
export function contactTokenFunction(
  config: PlaygroundConfig,
  opts: { typed: boolean; exported: boolean },
): string {
  const signature = opts.typed
    ? `${CONTACT_TOKEN_FUNCTION}(${EMAIL_PARAMETER}: string): Promise<string>`
    : `${CONTACT_TOKEN_FUNCTION}(${EMAIL_PARAMETER})`;
  return [
    "/**",
    ` * Calls POST ${AUTHENTICATE_USER_PATH} for the signed-in user and returns their contact token.`,
    ` * \`${EMAIL_PARAMETER}\` is that user's email from your session, never one the browser sends.`,
    " * Send only this token to that user's browser, where it becomes the widget's user.token.",
    " */",
    `${opts.exported ? "export " : ""}async function ${signature} {`,
    `  if (!${EMAIL_PARAMETER}) throw new Error('${CONTACT_TOKEN_FUNCTION} needs the email of the signed-in user');`,
    indent(authenticateUserCall(config, { typed: opts.typed }), 2),
    "  return token;",
    "}",
  ].join("\n");
}

/** The Node module: `getContactToken(email)`, and a main guard that prints one user's token. */
function nodeTokenFile(config: PlaygroundConfig): SnippetFile {
  const code = [
    `// ${snippetVersionNote(majorOfConfig(config))}: mint a contact token for the signed-in user.`,
    `// Server only (Node 18+): ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    "import { pathToFileURL } from 'node:url';",
    "",
    API_URL_CONST,
    "",
    contactTokenFunction(config, { typed: false, exported: true }),
    "",
    `// Run directly, it prints that user's token: ${NODE_RUN_USAGE}`,
    "// (a quick check of your key and the body, e.g. against the playground's sandbox).",
    "if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {",
    "  const args = process.argv.slice(2);",
    "  if (args.length !== 1 || !args[0]) {",
    `    console.error(${jsString(`Usage: ${NODE_RUN_USAGE}`)});`,
    "    process.exitCode = 1;",
    "  } else {",
    "    try {",
    `      console.log(await ${CONTACT_TOKEN_FUNCTION}(args[0]));`,
    "    } catch (error) {",
    "      console.error(String(error));",
    "      process.exitCode = 1;",
    "    }",
    "  }",
    "}",
    "",
  ].join("\n");
  return { path: NODE_TOKEN_FILE, language: "js", code };
}

export function generateNodeSnippet(config: PlaygroundConfig): Snippet {
  return {
    target: "node",
    label: SNIPPET_TARGET_LABELS.node,
    files: [nodeTokenFile(config)],
  };
}

export function generateExpressSnippet(config: PlaygroundConfig): Snippet {
  const code = [
    `// ${snippetVersionNote(majorOfConfig(config))}: the endpoint your page calls for the contact token.`,
    `// POST ${CONTACT_TOKEN_ENDPOINT} → { token } for the signed-in user, 401 otherwise.`,
    `// Server only: ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    "// Mount it with app.use(opencxRouter), after your session middleware.",
    "import { Router } from 'express';",
    `import { ${CONTACT_TOKEN_FUNCTION} } from '${NODE_TOKEN_IMPORT}';`,
    "",
    "// TODO: return the signed-in user for this request from YOUR auth (e.g. Passport's req.user),",
    "// or null when nobody is signed in.",
    "async function getSignedInUser(req) {",
    "  return req.user ?? null;",
    "}",
    "",
    "export const opencxRouter = Router();",
    "",
    `opencxRouter.post('${CONTACT_TOKEN_ENDPOINT}', async (req, res, next) => {`,
    "  try {",
    "    const user = await getSignedInUser(req);",
    "    if (!user) {",
    "      res.status(401).json({ error: 'Not signed in' });",
    "      return;",
    "    }",
    `    const token = await ${CONTACT_TOKEN_FUNCTION}(user.${EMAIL_PARAMETER});`,
    "    res.set('Cache-Control', 'no-store').json({ token });",
    "  } catch (error) {",
    "    next(error);",
    "  }",
    "});",
    "",
  ].join("\n");
  return {
    target: "express",
    label: SNIPPET_TARGET_LABELS.express,
    install: "npm install express",
    files: [nodeTokenFile(config), { path: EXPRESS_ROUTES_FILE, language: "js", code }],
  };
}
