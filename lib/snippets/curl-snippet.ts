/**
 * The server half of the verified model as a shell script around cURL
 * (domain.md §10.4). The key comes from `$OPENCX_API_KEY`; the JSON body is
 * exactly `toAuthenticateRequest(config)`, single-quoted for the shell.
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
import { printJson, shellQuote } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

export function generateCurlSnippet(config: PlaygroundConfig): Snippet {
  const body = shellQuote(printJson(authenticateBodyValue(config), { level: 1 }));
  const code = [
    "#!/usr/bin/env bash",
    `# ${snippetVersionNote(majorOfConfig(config))}: mint a contact token for one user. Run it on your server only.`,
    "# Sample values from the playground: send the signed-in user's data. Prints only the token (uses jq).",
    ...languageNote(config).map((line) => `# ${line}`),
    ...mcpAccessNote(config).map((line) => `# ${line}`),
    "set -euo pipefail",
    `: "\${${API_KEY_ENV}:?Set ${API_KEY_ENV} to your org API key}"`,
    "",
    "curl --fail --silent --show-error \\",
    `  --request POST "\${${API_URL_ENV}:-${OPENCX_API_URL}}${AUTHENTICATE_USER_PATH}" \\`,
    `  --header "Authorization: Bearer \${${API_KEY_ENV}}" \\`,
    "  --header 'Content-Type: application/json' \\",
    `  --data-raw ${body} \\`,
    "  | jq -r '.token'",
    "",
  ].join("\n");
  return {
    target: "curl",
    label: SNIPPET_TARGET_LABELS.curl,
    files: [{ path: "opencx-contact-token.sh", language: "bash", code }],
  };
}
