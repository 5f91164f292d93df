/**
 * The server half of the verified model in Python, with `requests`
 * (domain.md §10.4). The API key is read from `OPENCX_API_KEY`; the body is
 * exactly `toAuthenticateRequest(config)`; only the token is returned.
 */
import type { PlaygroundConfig } from "../config/options";
import {
  API_KEY_ENV,
  API_URL_ENV,
  authenticateBodyValue,
  languageNote,
  AUTHENTICATE_USER_PATH,
  majorOfConfig,
  mcpAccessNote,
  OPENCX_API_URL,
  snippetVersionNote,
} from "./model";
import { printPython, pythonString } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

export function generatePythonSnippet(config: PlaygroundConfig): Snippet {
  const bodyPrefix = "    body = ";
  const body = printPython(authenticateBodyValue(config), {
    level: 1,
    column: bodyPrefix.length,
    breakTopLevel: true,
  });
  const code = [
    `# ${snippetVersionNote(majorOfConfig(config))}: mint a contact token for the signed-in user.`,
    `# Server only: ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    "import os",
    "",
    "import requests",
    "",
    `${API_URL_ENV} = os.environ.get(${pythonString(API_URL_ENV)}) or ${pythonString(OPENCX_API_URL)}`,
    "",
    "",
    "def get_contact_token() -> str:",
    `    """Call POST ${AUTHENTICATE_USER_PATH} for the signed-in user and return their contact token.`,
    "",
    "    Send only this token to that user's browser, where it becomes the widget's user.token.",
    '    """',
    `    api_key = os.environ[${pythonString(API_KEY_ENV)}]`,
    "",
    "    # Sample values from the playground: build the body from the signed-in user's data",
    "    # (your session), never from anything the browser sends.",
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
    "    )",
    "    response.raise_for_status()",
    "    # The response also has contact.id; the browser needs only the token.",
    '    return response.json()["token"]',
    "",
  ].join("\n");
  return {
    target: "python",
    label: SNIPPET_TARGET_LABELS.python,
    install: "pip install requests",
    files: [{ path: "opencx_contact_token.py", language: "python", code }],
  };
}
