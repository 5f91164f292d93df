/**
 * Pasted PHP or Ruby server code: the import cannot read it, and says so by name instead of
 * reporting a JavaScript syntax error, keeping the config.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { generateSnippet } from "../snippets";
import { loadFixtureCases } from "../snippets/test-support/fixtures";
import { importSnippet } from "./index";
import { unreadableServerCode, unreadableServerCodeMessage } from "./server-languages";

const base = (): PlaygroundConfig => ({ ...defaultConfig(), orgName: "Kept Org" });
const PHP =
  "PHP server code can't be imported yet: paste the widget options or the HTML/React snippet.";
const RUBY =
  "Ruby server code can't be imported yet: paste the widget options or the HTML/React snippet.";

describe("server code in a language the import cannot read", () => {
  it("names the language in the sentence the user reads", () => {
    expect(unreadableServerCodeMessage("PHP")).toBe(PHP);
    expect(unreadableServerCodeMessage("Ruby")).toBe(RUBY);
  });

  it("every generated PHP and Ruby file, in every verified fixture and version, is named and loses nothing", () => {
    const verified = loadFixtureCases().filter((f) => f.config.model === "server");
    expect(verified.length).toBeGreaterThan(0);
    for (const { dir, config } of verified) {
      for (const [target, message] of [
        ["php", PHP],
        ["ruby", RUBY],
      ] as const) {
        for (const file of generateSnippet(target, config).files) {
          const start = { ...base(), widgetToken: "kept" };
          const result = importSnippet(file.code, start);
          const where = `${dir} ${file.path}`;
          expect(result.ok, where).toBe(false);
          expect(result.kind, where).toBeNull();
          expect(result.config, where).toBe(start);
          expect(result.problems, where).toEqual([
            { severity: "error", path: "", message, range: expect.any(Object) },
          ]);
        }
      }
    }
  });

  it("points at the first mark of the language", () => {
    const php = "<?php\n$body = ['email' => 'a@b.co'];\necho json_encode($body);\n";
    expect(unreadableServerCode(php)?.range).toEqual({ start: 0, end: 5 });
    const phpNoTag = "$curl = curl_init($url);";
    const range = unreadableServerCode(phpNoTag)!.range!;
    expect(phpNoTag.slice(range.start, range.end)).toBe("curl_init(");
    const ruby = "# a comment\nrequire 'json'\nbody = { 'email' => 'a@b.co' }\n";
    const rubyRange = unreadableServerCode(ruby)!.range!;
    expect(ruby.slice(rubyRange.start, rubyRange.end)).toBe("require '");
    // The earliest mark decides, whichever language lists it.
    const both = "uri = URI(url)\nNet::HTTP.start(uri.host)\n<?php";
    expect(unreadableServerCode(both)?.message).toBe(RUBY);
  });

  it("recognises each mark on its own", () => {
    const named = (text: string) => unreadableServerCode(text)?.message ?? null;
    expect(named("<?php")).toBe(PHP);
    expect(named("curl_setopt_array($c, [])")).toBe(PHP);
    expect(named("curl_exec($c)")).toBe(PHP);
    expect(named("echo json_encode($x);")).toBe(PHP);
    expect(named('require "net/http"')).toBe(RUBY);
    expect(named("require_relative 'opencx_contact_token'")).toBe(RUBY);
    expect(named("res = Net::HTTP.post(uri, body)")).toBe(RUBY);
    expect(named("JSON.generate(body)")).toBe(RUBY);
    expect(named("key = ENV.fetch('OPENCX_API_KEY')")).toBe(RUBY);
    expect(named("def token\n  1\nend")).toBe(RUBY);
    expect(named("def token(email = nil)")).toBe(RUBY);
    expect(named("def valid?\nend")).toBe(RUBY);
    // Not marks: what JavaScript (or prose) may say.
    expect(named("const require = 1; define(x)")).toBeNull();
    expect(named("{ token: 'a', user: { data: { name: 'x' }")).toBeNull();
    expect(named("default token")).toBeNull();
  });

  it("leaves JavaScript that mentions these marks alone, and a JavaScript syntax error as one", () => {
    const js = `// Ported from our <?php and Net::HTTP code
initOpenScript({ token: 'wt_1', language: 'fr' });`;
    const imported = importSnippet(js, base());
    expect(imported.ok).toBe(true);
    expect(imported.config.widgetToken).toBe("wt_1");

    const broken = importSnippet(`{ token: 'a', user: { data: { name: 'x' }`, base());
    expect(broken.ok).toBe(false);
    expect(broken.kind).toBe("options");
    expect(broken.problems[0]?.message).toMatch(/^Syntax error/);
  });

  it("names a Ruby hash pasted on its own when it shows a mark, else reports the syntax error", () => {
    const hash = importSnippet(`{ 'email' => ENV.fetch('EMAIL') }`, base());
    expect(hash.problems.map((p) => p.message)).toEqual([RUBY]);
    expect(hash.kind).toBeNull();
    const plain = importSnippet(`{ 'email' => 'a@b.co' }`, base());
    expect(plain.problems[0]?.message).toMatch(/^Syntax error/);
  });
});
