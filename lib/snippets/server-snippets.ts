/**
 * The server half of the verified model in JavaScript: a Node function and an
 * Express route that call `POST /widget/authenticate-user` (domain.md §10.4)
 * and hand only `{ token }` to the browser. The Next.js route handler reuses
 * `authenticateUserCall`.
 *
 * Invariants: the API key is read from `OPENCX_API_KEY` and never printed; the
 * base URL is `OPENCX_API_URL` or `https://api.open.cx`; the body is exactly
 * `toAuthenticateRequest(config)`.
 */
import type { PlaygroundConfig } from "../config/options";
import {
  API_KEY_ENV,
  API_URL_ENV,
  authenticateBodyValue,
  AUTHENTICATE_USER_PATH,
  CONTACT_TOKEN_ENDPOINT,
  indent,
  languageNote,
  majorOfConfig,
  mcpAccessNote,
  OPENCX_API_URL,
  snippetVersionNote,
} from "./model";
import { jsString, printJs } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/**
 * `const OPENCX_API_URL = …;` (an empty variable counts as unset), read from `env`: Node's
 * `process.env`, or the object a framework hands out (SvelteKit's `$env/dynamic/private`).
 */
export const apiUrlConst = (env = "process.env") =>
  `const ${API_URL_ENV} = ${env}.${API_URL_ENV} || ${jsString(OPENCX_API_URL)};`;

/** `const OPENCX_API_URL = process.env.OPENCX_API_URL || …;` */
export const API_URL_CONST = apiUrlConst();

/**
 * The statements that build the body, call authenticate-user and leave the
 * token in `token`; they throw when the key is missing or the call fails.
 * `typed` adds the TypeScript annotation on the response; `env` is where the key is read
 * (`process.env` unless a framework gives its own environment object).
 */
export function authenticateUserCall(
  config: PlaygroundConfig,
  opts: { typed: boolean; userVariable?: string; env?: string },
): string {
  const body = printJs(authenticateBodyValue(config), { breakTopLevel: true });
  const source = opts.userVariable
    ? `build the body from \`${opts.userVariable}\``
    : "build the body from the signed-in user's data (your session)";
  const json = opts.typed
    ? "(await response.json()) as { token: string }"
    : "await response.json()";
  return [
    `const apiKey = ${opts.env ?? "process.env"}.${API_KEY_ENV};`,
    `if (!apiKey) throw new Error('${API_KEY_ENV} is not set');`,
    "",
    `// Sample values from the playground: ${source},`,
    "// never from anything the browser sends.",
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

export function generateNodeSnippet(config: PlaygroundConfig): Snippet {
  const code = [
    `// ${snippetVersionNote(majorOfConfig(config))}: mint a contact token for the signed-in user.`,
    `// Server only (Node 18+): ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    API_URL_CONST,
    "",
    "/**",
    ` * Calls POST ${AUTHENTICATE_USER_PATH} for the signed-in user and returns their contact token.`,
    " * Send only this token to that user's browser, where it becomes the widget's user.token.",
    " */",
    "export async function getContactToken() {",
    indent(authenticateUserCall(config, { typed: false }), 2),
    "  return token;",
    "}",
    "",
  ].join("\n");
  return {
    target: "node",
    label: SNIPPET_TARGET_LABELS.node,
    files: [{ path: "server/opencx-contact-token.mjs", language: "js", code }],
  };
}

export function generateExpressSnippet(config: PlaygroundConfig): Snippet {
  const code = [
    `// ${snippetVersionNote(majorOfConfig(config))}: the endpoint your page calls for the contact token.`,
    `// POST ${CONTACT_TOKEN_ENDPOINT} → { token } for the signed-in user, 401 otherwise.`,
    `// Server only: ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    "// Mount it with app.use(opencxRouter), after your session middleware.",
    "import { Router } from 'express';",
    "",
    API_URL_CONST,
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
    "",
    indent(authenticateUserCall(config, { typed: false, userVariable: "user" }), 4),
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
    files: [{ path: "server/opencx-routes.mjs", language: "js", code }],
  };
}
