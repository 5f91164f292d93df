/**
 * The server half of the verified model in PHP 8.2 with the curl extension, standard library
 * only (domain.md §10.4):
 * - `opencx_contact_token.php`: `opencx_contact_token(string $email)` calls
 *   `POST /widget/authenticate-user` for the signed-in user whose email the caller passes, with
 *   the body `toAuthenticateRequest(config)` (a PHP array sent with `json_encode`, `email` the
 *   parameter), accepts any 2xx (domain-v5.md §10.4) and returns only the token. Run directly
 *   (`php opencx_contact_token.php <email>`, `PHP_RUN_USAGE`) it prints that user's token;
 *   without the email it prints `Usage: …` to stderr and exits 1, and any error is one line on
 *   stderr and exit status 1.
 * - `api/opencx/contact-token.php`: the endpoint the page calls (`CONTACT_TOKEN_ENDPOINT`),
 *   `{ token }` for the user signed in through the PHP session, 401 otherwise.
 *
 * Invariants: the API key is read from `OPENCX_API_KEY` and never printed; the base URL is
 * `OPENCX_API_URL` or `https://api.open.cx` (empty counts as unset).
 */
import type { PlaygroundConfig } from "../config/options";
import {
  API_KEY_ENV,
  API_URL_ENV,
  authenticateBodyValue,
  AUTHENTICATE_USER_PATH,
  CONTACT_TOKEN_ENDPOINT,
  EMAIL_PARAMETER,
  languageNote,
  majorOfConfig,
  mcpAccessNote,
  OPENCX_API_URL,
  snippetVersionNote,
} from "./model";
import {
  loneSurrogateNote,
  phpCastsObject,
  phpString,
  printPhp,
  raw,
  type PrintableObject,
} from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet, type SnippetFile } from "./types";

/** The function file, and the function it defines. */
export const PHP_FUNCTION = "opencx_contact_token";
export const PHP_FUNCTION_FILE = `${PHP_FUNCTION}.php`;
/** The endpoint file: `CONTACT_TOKEN_ENDPOINT` plus `.php`, two folders below the function file. */
export const PHP_ENDPOINT_FILE = `${CONTACT_TOKEN_ENDPOINT.slice(1)}.php`;

/** The command that runs the function file directly (its command-line entry). */
export const PHP_RUN_USAGE = `php ${PHP_FUNCTION_FILE} <${EMAIL_PARAMETER}>`;

/** The flags every `json_encode` of the body uses: fail loudly, keep `/` and text as typed. */
export const PHP_JSON_FLAGS =
  "JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE";

/** Why a body holds `(object) [ … ]`: `json_encode` writes `[]` and `['0' => …]` as JSON lists. */
export const OBJECT_CAST_NOTE =
  "(object) [...] makes json_encode send a JSON object: [] alone would be sent as a list.";

function functionFile(config: PlaygroundConfig): SnippetFile {
  const bodyPrefix = "    $body = ";
  const sample = authenticateBodyValue(config) as Record<string, unknown>;
  // Assigning the existing key keeps its place: email stays the body's first member.
  const bodyValue = { ...sample, email: raw(`$${EMAIL_PARAMETER}`) } as PrintableObject;
  const body = printPhp(bodyValue, { level: 1, column: bodyPrefix.length, breakTopLevel: true });
  const code = [
    "<?php",
    `// ${snippetVersionNote(majorOfConfig(config))}: mint a contact token for the signed-in user.`,
    `// Server only (PHP 8.2+, curl extension): ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    `// Under PHP-FPM, pass it in the pool config (env[${API_KEY_ENV}] = …) or set clear_env = no.`,
    "declare(strict_types=1);",
    "",
    "/**",
    ` * Calls POST ${AUTHENTICATE_USER_PATH} for the signed-in user and returns their contact token.`,
    " * Send only this token to that user's browser, where it becomes the widget's user.token.",
    " * $email is that user's email from your session, never one the browser sends.",
    " */",
    `function ${PHP_FUNCTION}(string $email): string`,
    "{",
    "    if ($email === '') {",
    `        throw new \\InvalidArgumentException(${phpString(`${PHP_FUNCTION} needs the email of the signed-in user`)});`,
    "    }",
    `    $apiKey = getenv(${phpString(API_KEY_ENV)});`,
    "    if ($apiKey === false || $apiKey === '') {",
    `        throw new \\RuntimeException(${phpString(`${API_KEY_ENV} is not set`)});`,
    "    }",
    `    $apiUrl = getenv(${phpString(API_URL_ENV)}) ?: ${phpString(OPENCX_API_URL)};`,
    "",
    "    // Sample values from the playground: build the rest of the body from the signed-in user's",
    "    // data (your session), never from anything the browser sends.",
    ...languageNote(config).map((line) => `    // ${line}`),
    ...mcpAccessNote(config).map((line) => `    // ${line}`),
    ...loneSurrogateNote(bodyValue, "json_encode").map((line) => `    // ${line}`),
    ...(phpCastsObject(bodyValue) ? [`    // ${OBJECT_CAST_NOTE}`] : []),
    `${bodyPrefix}${body};`,
    "",
    `    $json = json_encode($body, ${PHP_JSON_FLAGS});`,
    `    $curl = curl_init($apiUrl . ${phpString(AUTHENTICATE_USER_PATH)});`,
    "    curl_setopt_array($curl, [",
    "        CURLOPT_POST => true,",
    "        CURLOPT_HTTPHEADER => [",
    "            'Authorization: Bearer ' . $apiKey,",
    "            'Content-Type: application/json',",
    "        ],",
    "        CURLOPT_POSTFIELDS => $json,",
    "        CURLOPT_RETURNTRANSFER => true,",
    "        CURLOPT_TIMEOUT => 10,",
    "    ]);",
    "    $response = curl_exec($curl);",
    "    if ($response === false) {",
    "        throw new \\RuntimeException('OpenCX authenticate-user failed: ' . curl_error($curl));",
    "    }",
    "    $status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);",
    "    if ($status < 200 || $status > 299) {",
    "        throw new \\RuntimeException('OpenCX authenticate-user failed: HTTP ' . $status);",
    "    }",
    "    // The response also has contact.id; the browser needs only the token.",
    "    return json_decode($response, true, 512, JSON_THROW_ON_ERROR)['token'];",
    "}",
    "",
    `// Run directly, it prints that user's token: ${PHP_RUN_USAGE}`,
    "// (a quick check of your key and the body, e.g. against the playground's sandbox).",
    "// $_SERVER['argv'], not $argv: $argv exists only in the global scope, and Composer, artisan,",
    "// PHPUnit and queue workers require files from inside a function.",
    "$opencxArgs = PHP_SAPI === 'cli' ? ($_SERVER['argv'] ?? []) : [];",
    "if (isset($opencxArgs[0]) && realpath($opencxArgs[0]) === __FILE__) {",
    "    if (count($opencxArgs) !== 2 || $opencxArgs[1] === '') {",
    `        fwrite(STDERR, ${phpString(`Usage: ${PHP_RUN_USAGE}`)} . PHP_EOL);`,
    "        exit(1);",
    "    }",
    "    try {",
    `        echo ${PHP_FUNCTION}($opencxArgs[1]), PHP_EOL;`,
    "    } catch (\\Throwable $error) {",
    "        fwrite(STDERR, $error->getMessage() . PHP_EOL);",
    "        exit(1);",
    "    }",
    "}",
    "",
  ].join("\n");
  return { path: PHP_FUNCTION_FILE, language: "php", code };
}

function endpointFile(config: PlaygroundConfig): SnippetFile {
  const code = [
    "<?php",
    `// ${snippetVersionNote(majorOfConfig(config))}: the endpoint your page calls for the contact token.`,
    `// POST ${CONTACT_TOKEN_ENDPOINT} → { token } for the signed-in user, 401 otherwise.`,
    `// Server only: ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    "// Serve this file at that path (one rewrite rule, or a route in your router).",
    "declare(strict_types=1);",
    "",
    `require_once __DIR__ . ${phpString(`/../../${PHP_FUNCTION_FILE}`)};`,
    "",
    "// TODO: return the signed-in user's email from YOUR auth (here: what your login code put",
    "// in $_SESSION['user_email']), or null when nobody is signed in.",
    "function opencx_signed_in_email(): ?string",
    "{",
    "    if (session_status() !== PHP_SESSION_ACTIVE) {",
    "        session_start();",
    "    }",
    "    $email = $_SESSION['user_email'] ?? null;",
    "    return is_string($email) && $email !== '' ? $email : null;",
    "}",
    "",
    "header('Content-Type: application/json');",
    "if (($_SERVER['REQUEST_METHOD'] ?? '') !== 'POST') {",
    "    http_response_code(405);",
    "    header('Allow: POST');",
    "    echo json_encode(['error' => 'Use POST']);",
    "    exit;",
    "}",
    "$email = opencx_signed_in_email();",
    "// Set after session_start(), which sends cache headers of its own: no cache may keep the token.",
    "header('Cache-Control: no-store');",
    "if ($email === null) {",
    "    http_response_code(401);",
    "    echo json_encode(['error' => 'Not signed in']);",
    "    exit;",
    "}",
    "try {",
    `    $token = ${PHP_FUNCTION}($email);`,
    "} catch (\\Throwable $error) {",
    "    error_log('OpenCX contact token: ' . $error->getMessage());",
    "    http_response_code(502);",
    "    echo json_encode(['error' => 'Could not get a contact token']);",
    "    exit;",
    "}",
    "echo json_encode(['token' => $token], JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);",
    "",
  ].join("\n");
  return { path: PHP_ENDPOINT_FILE, language: "php", code };
}

export function generatePhpSnippet(config: PlaygroundConfig): Snippet {
  return {
    target: "php",
    label: SNIPPET_TARGET_LABELS.php,
    files: [functionFile(config), endpointFile(config)],
  };
}
