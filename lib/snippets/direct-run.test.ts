/**
 * Every server snippet that can be run directly has ONE shape (without a toolchain; the runs
 * are in the per-language property and sandbox tests): its token function takes the signed-in
 * user's email and refuses an empty one; run directly, it reads the email from its one
 * argument, and without it prints `Usage: <the README's command>` to stderr and exits 1; any
 * error is one line on stderr and exit status 1. The body's email is the parameter, never the
 * playground's sample.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { GO_FILE, GO_RUN_USAGE } from "./go-snippet";
import { generateSnippet } from "./index";
import { JAVA_FILE, JAVA_RUN_USAGE } from "./java-snippet";
import { PHP_FUNCTION_FILE, PHP_RUN_USAGE } from "./php-snippet";
import { PYTHON_RUN_USAGE, PYTHON_TOKEN_FILE } from "./python-snippet";
import { RUBY_FUNCTION_FILE, RUBY_RUN_USAGE } from "./ruby-snippet";
import { NODE_RUN_USAGE, NODE_TOKEN_FILE } from "./server-snippets";
import { SERVER_TARGETS, type SnippetTarget } from "./types";

const SAMPLE_EMAIL = "sample-only@example.com";
const config: PlaygroundConfig = {
  ...defaultConfig(),
  model: "server",
  serverEmail: SAMPLE_EMAIL,
  serverName: "Jane",
};

/** The file a server target runs directly, and the command its usage line names. */
const ENTRIES = {
  node: { file: NODE_TOKEN_FILE, usage: NODE_RUN_USAGE },
  express: { file: NODE_TOKEN_FILE, usage: NODE_RUN_USAGE },
  python: { file: PYTHON_TOKEN_FILE, usage: PYTHON_RUN_USAGE },
  flask: { file: PYTHON_TOKEN_FILE, usage: PYTHON_RUN_USAGE },
  php: { file: PHP_FUNCTION_FILE, usage: PHP_RUN_USAGE },
  ruby: { file: RUBY_FUNCTION_FILE, usage: RUBY_RUN_USAGE },
  go: { file: GO_FILE, usage: GO_RUN_USAGE },
  java: { file: JAVA_FILE, usage: JAVA_RUN_USAGE },
} as const satisfies Partial<Record<SnippetTarget, { file: string; usage: string }>>;

/** Server targets with no direct run: a route handler (run by its framework) and a script for one user. */
const NOT_RUN_DIRECTLY: readonly SnippetTarget[] = ["nextjs-route", "curl"];

const codeOf = (target: keyof typeof ENTRIES) => {
  const file = generateSnippet(target, config).files.find((f) => f.path === ENTRIES[target].file);
  if (!file) throw new Error(`${target}: no ${ENTRIES[target].file}`);
  return file.code;
};

/** What each language's entry and function say, exactly (the runs prove they behave so). */
const EXACT: Record<keyof typeof ENTRIES, readonly string[]> = {
  node: [
    `  if (!email) throw new Error('getContactToken needs the email of the signed-in user');`,
    [
      "  const args = process.argv.slice(2);",
      "  if (args.length !== 1 || !args[0]) {",
      "    console.error('Usage: node server/opencx-contact-token.mjs <email>');",
      "    process.exitCode = 1;",
      "  } else {",
      "    try {",
      "      console.log(await getContactToken(args[0]));",
      "    } catch (error) {",
      "      console.error(String(error));",
      "      process.exitCode = 1;",
    ].join("\n"),
  ],
  express: [],
  python: [
    [
      "    if not email:",
      '        raise ValueError("get_contact_token needs the email of the signed-in user")',
    ].join("\n"),
    [
      'if __name__ == "__main__":',
      "    if len(sys.argv) != 2 or not sys.argv[1]:",
      '        sys.exit("Usage: python3 opencx_contact_token.py <email>")',
      "    try:",
      "        print(get_contact_token(sys.argv[1]))",
      "    except (RuntimeError, requests.RequestException) as error:",
      "        sys.exit(str(error))",
    ].join("\n"),
  ],
  flask: [],
  php: [
    [
      "function opencx_contact_token(string $email): string",
      "{",
      "    if ($email === '') {",
      "        throw new \\InvalidArgumentException('opencx_contact_token needs the email of the signed-in user');",
      "    }",
    ].join("\n"),
    "        'email' => $email,\n",
    [
      "$opencxArgs = PHP_SAPI === 'cli' ? ($_SERVER['argv'] ?? []) : [];",
      "if (isset($opencxArgs[0]) && realpath($opencxArgs[0]) === __FILE__) {",
      "    if (count($opencxArgs) !== 2 || $opencxArgs[1] === '') {",
      "        fwrite(STDERR, 'Usage: php opencx_contact_token.php <email>' . PHP_EOL);",
      "        exit(1);",
      "    }",
      "    try {",
      "        echo opencx_contact_token($opencxArgs[1]), PHP_EOL;",
      "    } catch (\\Throwable $error) {",
      "        fwrite(STDERR, $error->getMessage() . PHP_EOL);",
      "        exit(1);",
      "    }",
      "}",
    ].join("\n"),
  ],
  ruby: [
    [
      "def opencx_contact_token(email)",
      "  raise ArgumentError, 'opencx_contact_token needs the email of the signed-in user' if email.to_s.empty?",
    ].join("\n"),
    "    'email' => email,\n",
    [
      "if $PROGRAM_NAME == __FILE__",
      "  abort 'Usage: ruby opencx_contact_token.rb <email>' if ARGV.length != 1 || ARGV.first.empty?",
      "  begin",
      "    puts opencx_contact_token(ARGV.first)",
      "  rescue StandardError => e",
      "    abort e.message",
      "  end",
      "end",
    ].join("\n"),
  ],
  go: [
    [
      "func ContactToken(email string) (string, error) {",
      '\tif email == "" {',
      '\t\treturn "", errors.New("ContactToken needs the email of the signed-in user")',
      "\t}",
    ].join("\n"),
    [
      "func main() {",
      '\tif len(os.Args) != 2 || os.Args[1] == "" {',
      '\t\tfmt.Fprintln(os.Stderr, "Usage: go run opencx_contact_token.go <email>")',
      "\t\tos.Exit(1)",
      "\t}",
      "\ttoken, err := ContactToken(os.Args[1])",
      "\tif err != nil {",
      "\t\tfmt.Fprintln(os.Stderr, err)",
      "\t\tos.Exit(1)",
      "\t}",
      "\tfmt.Println(token)",
      "}",
    ].join("\n"),
  ],
  java: [
    [
      "    public static String contactToken(String email) throws IOException, InterruptedException {",
      "        if (email == null || email.isEmpty()) {",
      '            throw new IllegalArgumentException("contactToken needs the email of the signed-in user");',
      "        }",
    ].join("\n"),
    [
      "    public static void main(String[] args) {",
      "        if (args.length != 1 || args[0].isEmpty()) {",
      '            System.err.println("Usage: java OpenCxContactToken.java <email>");',
      "            System.exit(1);",
      "        }",
      "        try {",
      "            System.out.println(contactToken(args[0]));",
      "        } catch (Exception e) {",
      "            System.err.println(e);",
      "            System.exit(1);",
      "        }",
      "    }",
    ].join("\n"),
  ],
};

describe("running a server snippet directly", () => {
  it("every server target is classified: run directly, or not runnable on its own", () => {
    expect([...Object.keys(ENTRIES), ...NOT_RUN_DIRECTLY].sort()).toEqual(
      [...SERVER_TARGETS].sort(),
    );
  });

  it("the usage commands are the README's, with <email> for the address", () => {
    expect({
      NODE_RUN_USAGE,
      PYTHON_RUN_USAGE,
      PHP_RUN_USAGE,
      RUBY_RUN_USAGE,
      GO_RUN_USAGE,
      JAVA_RUN_USAGE,
    }).toEqual({
      NODE_RUN_USAGE: "node server/opencx-contact-token.mjs <email>",
      PYTHON_RUN_USAGE: "python3 opencx_contact_token.py <email>",
      PHP_RUN_USAGE: "php opencx_contact_token.php <email>",
      RUBY_RUN_USAGE: "ruby opencx_contact_token.rb <email>",
      GO_RUN_USAGE: "go run opencx_contact_token.go <email>",
      JAVA_RUN_USAGE: "java OpenCxContactToken.java <email>",
    });
  });

  for (const target of Object.keys(ENTRIES) as (keyof typeof ENTRIES)[]) {
    it(`${target}: the entry reads one argument, prints the usage line without it, one error line otherwise`, () => {
      const code = codeOf(target);
      // The body's email is the function's parameter: the sample email is nowhere in the file.
      expect(code).not.toContain(SAMPLE_EMAIL);
      // Its comment names the command the usage line names.
      expect(code).toContain(ENTRIES[target].usage);
      expect(code.split(`Usage: ${ENTRIES[target].usage}`)).toHaveLength(2);
      const base = target === "express" ? "node" : target === "flask" ? "python" : target;
      for (const text of EXACT[base]) expect(code).toContain(text);
    });
  }
});
