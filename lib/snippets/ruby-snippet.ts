/**
 * The server half of the verified model in Ruby 3.1, standard library only (`net/http`,
 * `json`; domain.md §10.4):
 * - `opencx_contact_token.rb`: `opencx_contact_token(email)` calls
 *   `POST /widget/authenticate-user` for the signed-in user whose email the caller passes, with
 *   the body `toAuthenticateRequest(config)` (a Hash sent with `JSON.generate`, `email` the
 *   parameter), accepts any 2xx (domain-v5.md §10.4) and returns only the token. Run directly
 *   (`ruby opencx_contact_token.rb <email>`, `RUBY_RUN_USAGE`) it prints that user's token;
 *   without the email it prints `Usage: …` to stderr and exits 1, and any error is one line on
 *   stderr and exit status 1.
 * - `opencx_routes.rb`: a Sinatra route for the endpoint the page calls
 *   (`CONTACT_TOKEN_ENDPOINT`), `{ token }` for the signed-in user, 401 otherwise, the way the
 *   Express route sits beside the Node function.
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
import { loneSurrogateNote, printRuby, raw, rubyString, type PrintableObject } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet, type SnippetFile } from "./types";

/** The function file, the method it defines, and the Sinatra file. */
export const RUBY_FUNCTION = "opencx_contact_token";
export const RUBY_FUNCTION_FILE = `${RUBY_FUNCTION}.rb`;
export const RUBY_ROUTES_FILE = "opencx_routes.rb";

/** The command that runs the function file directly (its command-line entry). */
export const RUBY_RUN_USAGE = `ruby ${RUBY_FUNCTION_FILE} <${EMAIL_PARAMETER}>`;

/** What the Sinatra route needs (Sinatra 4 leaves the server and `rackup` to the app). */
export const RUBY_INSTALL = "gem install sinatra rackup puma";

function functionFile(config: PlaygroundConfig): SnippetFile {
  const bodyPrefix = "  body = ";
  const sample = authenticateBodyValue(config) as Record<string, unknown>;
  // Assigning the existing key keeps its place: email stays the body's first member.
  const bodyValue = { ...sample, email: raw(EMAIL_PARAMETER) } as PrintableObject;
  const body = printRuby(bodyValue, { level: 1, column: bodyPrefix.length, breakTopLevel: true });
  const code = [
    "# frozen_string_literal: true",
    "",
    `# ${snippetVersionNote(majorOfConfig(config))}: mint a contact token for the signed-in user.`,
    `# Server only (Ruby 3.1+, standard library): ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    "require 'json'",
    "require 'net/http'",
    "",
    `# Calls POST ${AUTHENTICATE_USER_PATH} for the signed-in user and returns their contact token.`,
    "# Send only this token to that user's browser, where it becomes the widget's user.token.",
    "# email is that user's email from your session, never one the browser sends.",
    `def ${RUBY_FUNCTION}(${EMAIL_PARAMETER})`,
    `  raise ArgumentError, ${rubyString(`${RUBY_FUNCTION} needs the email of the signed-in user`)} if ${EMAIL_PARAMETER}.to_s.empty?`,
    "",
    `  api_key = ENV.fetch(${rubyString(API_KEY_ENV)}, '')`,
    `  raise ${rubyString(`${API_KEY_ENV} is not set`)} if api_key.empty?`,
    "",
    `  api_url = ENV.fetch(${rubyString(API_URL_ENV)}, '')`,
    `  api_url = ${rubyString(OPENCX_API_URL)} if api_url.empty?`,
    "",
    "  # Sample values from the playground: build the rest of the body from the signed-in user's",
    "  # data (your session), never from anything the browser sends.",
    ...languageNote(config).map((line) => `  # ${line}`),
    ...mcpAccessNote(config).map((line) => `  # ${line}`),
    ...loneSurrogateNote(bodyValue, "JSON.generate").map((line) => `  # ${line}`),
    bodyPrefix + body,
    "",
    `  uri = URI("#{api_url}${AUTHENTICATE_USER_PATH}")`,
    "  request = Net::HTTP::Post.new(uri)",
    "  request['Authorization'] = \"Bearer #{api_key}\"",
    "  request['Content-Type'] = 'application/json'",
    "  request.body = JSON.generate(body)",
    "  options = { use_ssl: uri.scheme == 'https', open_timeout: 10, read_timeout: 10 }",
    "  response = Net::HTTP.start(uri.host, uri.port, **options) { |http| http.request(request) }",
    '  raise "OpenCX authenticate-user failed: HTTP #{response.code}" unless response.is_a?(Net::HTTPSuccess)',
    "",
    "  # The response also has contact.id; the browser needs only the token.",
    "  JSON.parse(response.body).fetch('token')",
    "end",
    "",
    `# Run directly, it prints that user's token: ${RUBY_RUN_USAGE}`,
    "# (a quick check of your key and the body, e.g. against the playground's sandbox).",
    "if $PROGRAM_NAME == __FILE__",
    `  abort ${rubyString(`Usage: ${RUBY_RUN_USAGE}`)} if ARGV.length != 1 || ARGV.first.empty?`,
    "  begin",
    `    puts ${RUBY_FUNCTION}(ARGV.first)`,
    "  rescue StandardError => e",
    "    abort e.message",
    "  end",
    "end",
    "",
  ].join("\n");
  return { path: RUBY_FUNCTION_FILE, language: "ruby", code };
}

function routesFile(config: PlaygroundConfig): SnippetFile {
  const code = [
    "# frozen_string_literal: true",
    "",
    `# ${snippetVersionNote(majorOfConfig(config))}: the endpoint your page calls for the contact token.`,
    `# POST ${CONTACT_TOKEN_ENDPOINT} → { token } for the signed-in user, 401 otherwise.`,
    `# Server only: ${API_KEY_ENV} comes from the environment and never reaches a browser.`,
    `# A Sinatra app beside ${RUBY_FUNCTION_FILE}; sessions as your app has them (enable :sessions, Rack).`,
    "require 'json'",
    "require 'sinatra'",
    `require_relative ${rubyString(RUBY_FUNCTION)}`,
    "",
    "helpers do",
    "  # TODO: return the signed-in user's email from YOUR auth (here: what your login code put",
    "  # in session[:user_email]), or nil (or an empty string) when nobody is signed in.",
    "  def signed_in_email",
    "    session[:user_email]",
    "  end",
    "end",
    "",
    `post ${rubyString(CONTACT_TOKEN_ENDPOINT)} do`,
    "  email = signed_in_email",
    "  halt 401, { 'Content-Type' => 'application/json' }, JSON.generate('error' => 'Not signed in') if email.to_s.empty?",
    "",
    "  content_type :json",
    "  cache_control :no_store",
    `  JSON.generate('token' => ${RUBY_FUNCTION}(email))`,
    "end",
    "",
  ].join("\n");
  return { path: RUBY_ROUTES_FILE, language: "ruby", code };
}

export function generateRubySnippet(config: PlaygroundConfig): Snippet {
  return {
    target: "ruby",
    label: SNIPPET_TARGET_LABELS.ruby,
    install: RUBY_INSTALL,
    files: [functionFile(config), routesFile(config)],
  };
}
