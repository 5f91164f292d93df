/**
 * The server half of the verified model in Python, with `requests` (domain.md §10.4): a module
 * whose `get_contact_token(email)` mints the signed-in user's contact token, runnable directly
 * (`python3 opencx_contact_token.py <email>` prints the token), and the Flask target's route,
 * which imports it and hands only `{ token }` to the browser.
 *
 * Invariants: the API key is read from `OPENCX_API_KEY`; the base URL is `OPENCX_API_URL` or
 * `https://api.open.cx`; the body is `toAuthenticateRequest(config)` with `email` the function's
 * parameter; only the token is returned.
 */
import type { PlaygroundConfig } from "../config/options";
import {
  API_KEY_ENV,
  API_URL_ENV,
  authenticateBodyForEmailParameter,
  AUTHENTICATE_USER_PATH,
  CONTACT_TOKEN_ENDPOINT,
  EMAIL_PARAMETER,
  languageNote,
  majorOfConfig,
  mcpAccessNote,
  OPENCX_API_URL,
  snippetVersionNote,
} from "./model";
import { printPython, pythonString } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet, type SnippetFile } from "./types";

/** The module's file and name: the Flask route imports it by this name. */
export const PYTHON_TOKEN_FILE = "opencx_contact_token.py";
export const PYTHON_TOKEN_MODULE = "opencx_contact_token";
export const FLASK_ROUTES_FILE = "opencx_routes.py";

/** The function the Python snippets mint with: `get_contact_token(email)`. */
export const PYTHON_TOKEN_FUNCTION = "get_contact_token";

/** The command that runs the module directly (its main guard). */
export const PYTHON_RUN_USAGE = `python3 ${PYTHON_TOKEN_FILE} <${EMAIL_PARAMETER}>`;

function pythonTokenFile(config: PlaygroundConfig): SnippetFile {
  const bodyPrefix = "    body = ";
  const body = printPython(authenticateBodyForEmailParameter(config), {
    level: 1,
    column: bodyPrefix.length,
    breakTopLevel: true,
  });
  const code = [
    `# ${snippetVersionNote(majorOfConfig(config))}: mint a contact token for the signed-in user.`,
    `# Server only: ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    "import os",
    "import sys",
    "",
    "import requests",
    "",
    `${API_URL_ENV} = os.environ.get(${pythonString(API_URL_ENV)}) or ${pythonString(OPENCX_API_URL)}`,
    "",
    "",
    `def ${PYTHON_TOKEN_FUNCTION}(${EMAIL_PARAMETER}: str) -> str:`,
    `    """Call POST ${AUTHENTICATE_USER_PATH} for the signed-in user and return their contact token.`,
    "",
    `    ${EMAIL_PARAMETER} is that user's email from your session, never one the browser sends.`,
    "    Send only this token to that user's browser, where it becomes the widget's user.token.",
    '    """',
    `    if not ${EMAIL_PARAMETER}:`,
    `        raise ValueError(${pythonString(`${PYTHON_TOKEN_FUNCTION} needs the email of the signed-in user`)})`,
    `    api_key = os.environ.get(${pythonString(API_KEY_ENV)})`,
    "    if not api_key:",
    `        raise RuntimeError(${pythonString(`${API_KEY_ENV} is not set`)})`,
    "",
    "    # Sample values from the playground: build the rest of the body from the signed-in user's",
    "    # data (your session), never from anything the browser sends.",
    ...languageNote(config).map((line) => `    # ${line}`),
    ...mcpAccessNote(config).map((line) => `    # ${line}`),
    bodyPrefix + body,
    "",
    "    response = requests.post(",
    `        f"{${API_URL_ENV}}${AUTHENTICATE_USER_PATH}",`,
    "        headers={",
    '            "Authorization": f"Bearer {api_key}",',
    '            "Content-Type": "application/json",',
    "        },",
    "        json=body,",
    "        timeout=10,",
    "        # A redirect would turn this POST into a GET: treat it as the failure it is.",
    "        allow_redirects=False,",
    "    )",
    "    if not 200 <= response.status_code < 300:",
    "        raise RuntimeError(",
    '            f"OpenCX authenticate-user failed: HTTP {response.status_code}"',
    "        )",
    "    # The response also has contact.id; the browser needs only the token.",
    '    return response.json()["token"]',
    "",
    "",
    `# Run directly, it prints that user's token: ${PYTHON_RUN_USAGE}`,
    "# (a quick check of your key and the body, e.g. against the playground's sandbox).",
    'if __name__ == "__main__":',
    "    if len(sys.argv) != 2 or not sys.argv[1]:",
    `        sys.exit(${pythonString(`Usage: ${PYTHON_RUN_USAGE}`)})`,
    "    try:",
    `        print(${PYTHON_TOKEN_FUNCTION}(sys.argv[1]))`,
    "    except (RuntimeError, requests.RequestException) as error:",
    "        sys.exit(str(error))",
    "",
  ].join("\n");
  return { path: PYTHON_TOKEN_FILE, language: "python", code };
}

export function generatePythonSnippet(config: PlaygroundConfig): Snippet {
  return {
    target: "python",
    label: SNIPPET_TARGET_LABELS.python,
    install: "pip install requests",
    files: [pythonTokenFile(config)],
  };
}

/**
 * Flask: the Python module and a blueprint whose route answers `{ token }` for the signed-in
 * user (from the session, through the `get_signed_in_email()` placeholder), 401 otherwise: what
 * Express is for Node.
 */
export function generateFlaskSnippet(config: PlaygroundConfig): Snippet {
  const code = [
    `# ${snippetVersionNote(majorOfConfig(config))}: the endpoint your page calls for the contact token.`,
    `# POST ${CONTACT_TOKEN_ENDPOINT} → { token } for the signed-in user, 401 otherwise.`,
    `# Server only: ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    "# Register it with app.register_blueprint(opencx_routes), next to your login setup.",
    "from flask import Blueprint, jsonify, session",
    "",
    `from ${PYTHON_TOKEN_MODULE} import ${PYTHON_TOKEN_FUNCTION}`,
    "",
    'opencx_routes = Blueprint("opencx", __name__)',
    "",
    "",
    "# TODO: return the signed-in user's email from YOUR auth (here: what your login code put in",
    '# session["user_email"]; with Flask-Login, current_user.email when',
    "# current_user.is_authenticated), or None when nobody is signed in.",
    "def get_signed_in_email():",
    '    return session.get("user_email")',
    "",
    "",
    `@opencx_routes.post(${pythonString(CONTACT_TOKEN_ENDPOINT)})`,
    "def contact_token():",
    `    ${EMAIL_PARAMETER} = get_signed_in_email()`,
    `    if not ${EMAIL_PARAMETER}:`,
    '        return jsonify(error="Not signed in"), 401',
    `    response = jsonify(token=${PYTHON_TOKEN_FUNCTION}(${EMAIL_PARAMETER}))`,
    '    response.headers["Cache-Control"] = "no-store"',
    "    return response",
    "",
  ].join("\n");
  return {
    target: "flask",
    label: SNIPPET_TARGET_LABELS.flask,
    install: "pip install flask requests",
    files: [pythonTokenFile(config), { path: FLASK_ROUTES_FILE, language: "python", code }],
  };
}
