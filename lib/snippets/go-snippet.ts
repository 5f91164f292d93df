/**
 * The server half of the verified model in Go 1.19+, standard library only (domain.md §10.4):
 * `ContactToken(email)` calls `POST /widget/authenticate-user` with the body built as a
 * `map[string]any` literal and encoded by `json.Marshal`, and returns only the token;
 * `HandleContactToken` is the `net/http` handler the page fetches the token from; `main`
 * prints the token of the user whose email is the first argument (`go run … <email>`,
 * `GO_RUN_USAGE`); without it, `Usage: …` on stderr and exit status 1; any error is one line on
 * stderr and exit status 1.
 *
 * Invariants: the API key is read from `OPENCX_API_KEY` and never printed; the base URL is
 * `OPENCX_API_URL` or `https://api.open.cx`; the body is `toAuthenticateRequest(config)` with
 * `email` taken from the function's argument (the signed-in user's, from the caller's session).
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
import { goComment, goString, printGoValue, raw, type PrintableObject } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

export const GO_FILE = "opencx_contact_token.go";
/** The function that mints a token, and the handler: exported, so another package can use them. */
export const GO_FUNCTION = "ContactToken";
export const GO_HANDLER = "HandleContactToken";

/** The command that runs the file directly (its `main`). */
export const GO_RUN_USAGE = `go run ${GO_FILE} <${EMAIL_PARAMETER}>`;

/** The body with `email` read from the function's `email` parameter. */
export function bodyWithEmailParameter(config: PlaygroundConfig): PrintableObject {
  const body = authenticateBodyValue(config) as Record<string, unknown>;
  return { ...body, email: raw(EMAIL_PARAMETER) } as PrintableObject;
}

export function generateGoSnippet(config: PlaygroundConfig): Snippet {
  const body = printGoValue(bodyWithEmailParameter(config), { level: 1, breakTopLevel: true });
  const code = [
    goComment(
      `${snippetVersionNote(majorOfConfig(config))}: mint a contact token for the signed-in user.`,
    ),
    `// Server only: ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    `// Go 1.19+, standard library only. Run it: ${GO_RUN_USAGE}`,
    "package main",
    "",
    "import (",
    '\t"bytes"',
    '\t"encoding/json"',
    '\t"errors"',
    '\t"fmt"',
    '\t"log"',
    '\t"net/http"',
    '\t"os"',
    '\t"time"',
    ")",
    "",
    `// apiURL is ${API_URL_ENV}, or ${OPENCX_API_URL} when it is unset or empty.`,
    "func apiURL() string {",
    `\tif url := os.Getenv(${goString(API_URL_ENV)}); url != "" {`,
    "\t\treturn url",
    "\t}",
    `\treturn ${goString(OPENCX_API_URL)}`,
    "}",
    "",
    "var httpClient = &http.Client{Timeout: 10 * time.Second}",
    "",
    `// ${GO_FUNCTION} calls POST ${AUTHENTICATE_USER_PATH} for the signed-in user and returns`,
    "// their contact token. Send only this token to that user's browser, where it becomes the",
    "// widget's user.token. email is that user's email from your session, never one the browser",
    "// sends.",
    `func ${GO_FUNCTION}(email string) (string, error) {`,
    '\tif email == "" {',
    `\t\treturn "", errors.New(${goString(`${GO_FUNCTION} needs the email of the signed-in user`)})`,
    "\t}",
    `\tapiKey := os.Getenv(${goString(API_KEY_ENV)})`,
    '\tif apiKey == "" {',
    `\t\treturn "", errors.New(${goString(`${API_KEY_ENV} is not set`)})`,
    "\t}",
    "",
    "\t// Sample values from the playground (the email is the argument): build the body from the",
    "\t// signed-in user's data (your session), never from anything the browser sends.",
    ...languageNote(config).map((line) => `\t${goComment(line)}`),
    ...mcpAccessNote(config).map((line) => `\t${goComment(line)}`),
    `\tbody := ${body}`,
    "\t// json.Marshal writes a map's keys in sorted order: JSON objects have no order, so the",
    "\t// API reads the same body.",
    "\tpayload, err := json.Marshal(body)",
    "\tif err != nil {",
    '\t\treturn "", err',
    "\t}",
    "",
    `\treq, err := http.NewRequest(http.MethodPost, apiURL()+${goString(AUTHENTICATE_USER_PATH)}, bytes.NewReader(payload))`,
    "\tif err != nil {",
    '\t\treturn "", err',
    "\t}",
    '\treq.Header.Set("Authorization", "Bearer "+apiKey)',
    '\treq.Header.Set("Content-Type", "application/json")',
    "\tres, err := httpClient.Do(req)",
    "\tif err != nil {",
    '\t\treturn "", err',
    "\t}",
    "\tdefer res.Body.Close()",
    "\tif res.StatusCode < 200 || res.StatusCode > 299 {",
    '\t\treturn "", fmt.Errorf("OpenCX authenticate-user failed: HTTP %d", res.StatusCode)',
    "\t}",
    "\t// The response also has contact.id; the browser needs only the token.",
    "\tvar result struct {",
    '\t\tToken string `json:"token"`',
    "\t}",
    "\tif err := json.NewDecoder(res.Body).Decode(&result); err != nil {",
    '\t\treturn "", err',
    "\t}",
    '\tif result.Token == "" {',
    '\t\treturn "", errors.New("OpenCX authenticate-user answered without a token")',
    "\t}",
    "\treturn result.Token, nil",
    "}",
    "",
    "// User is the signed-in user, as your auth knows them.",
    "type User struct {",
    "\tEmail string",
    "}",
    "",
    "// signedInUser returns the user signed in on this request, or nil when nobody is.",
    "// TODO: read the user from YOUR auth (session cookie, JWT, ...).",
    "func signedInUser(r *http.Request) *User {",
    "\treturn nil",
    "}",
    "",
    `// ${GO_HANDLER} answers POST ${CONTACT_TOKEN_ENDPOINT} with {"token": ...} for the`,
    "// signed-in user, and 401 when nobody is signed in. Mount it after your session middleware:",
    "//",
    `//\thttp.HandleFunc(${goString(CONTACT_TOKEN_ENDPOINT)}, ${GO_HANDLER})`,
    `func ${GO_HANDLER}(w http.ResponseWriter, r *http.Request) {`,
    "\tif r.Method != http.MethodPost {",
    '\t\tw.Header().Set("Allow", http.MethodPost)',
    '\t\twriteJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "Use POST"})',
    "\t\treturn",
    "\t}",
    "\tuser := signedInUser(r)",
    "\tif user == nil {",
    '\t\twriteJSON(w, http.StatusUnauthorized, map[string]string{"error": "Not signed in"})',
    "\t\treturn",
    "\t}",
    `\ttoken, err := ${GO_FUNCTION}(user.Email)`,
    "\tif err != nil {",
    '\t\tlog.Printf("OpenCX contact token: %v", err)',
    '\t\twriteJSON(w, http.StatusBadGateway, map[string]string{"error": "Could not get a contact token"})',
    "\t\treturn",
    "\t}",
    '\twriteJSON(w, http.StatusOK, map[string]string{"token": token})',
    "}",
    "",
    "func writeJSON(w http.ResponseWriter, status int, value map[string]string) {",
    '\tw.Header().Set("Content-Type", "application/json")',
    '\tw.Header().Set("Cache-Control", "no-store")',
    "\tw.WriteHeader(status)",
    "\tif err := json.NewEncoder(w).Encode(value); err != nil {",
    '\t\tlog.Printf("OpenCX contact token: %v", err)',
    "\t}",
    "}",
    "",
    `// main prints that user's token: ${GO_RUN_USAGE}`,
    "// (a quick check of your key and the body, e.g. against the playground's sandbox).",
    "func main() {",
    '\tif len(os.Args) != 2 || os.Args[1] == "" {',
    `\t\tfmt.Fprintln(os.Stderr, ${goString(`Usage: ${GO_RUN_USAGE}`)})`,
    "\t\tos.Exit(1)",
    "\t}",
    `\ttoken, err := ${GO_FUNCTION}(os.Args[1])`,
    "\tif err != nil {",
    "\t\tfmt.Fprintln(os.Stderr, err)",
    "\t\tos.Exit(1)",
    "\t}",
    "\tfmt.Println(token)",
    "}",
    "",
  ].join("\n");
  return {
    target: "go",
    label: SNIPPET_TARGET_LABELS.go,
    files: [{ path: GO_FILE, language: "go", code }],
  };
}
