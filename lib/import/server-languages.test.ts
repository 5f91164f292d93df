/**
 * Pasted PHP, Ruby, Python, Go, Java or cURL server code: the import cannot read it, and says so
 * by name instead of reporting a JavaScript syntax error, keeping the config. (Every generated
 * server file is classified in server-targets.test.ts.)
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
const PYTHON = unreadableServerCodeMessage("Python");
const GO = unreadableServerCodeMessage("Go");
const JAVA = unreadableServerCodeMessage("Java");
const CURL = unreadableServerCodeMessage("cURL");

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
    expect(named("import os")).toBe(PYTHON);
    expect(named("import os, sys")).toBe(PYTHON);
    expect(named("  import requests  ")).toBe(PYTHON);
    expect(named("from flask import Blueprint, jsonify")).toBe(PYTHON);
    expect(named("from . import routes")).toBe(PYTHON);
    expect(named("def get_contact_token(email: str) -> str:")).toBe(PYTHON);
    expect(named("def contact_token():")).toBe(PYTHON);
    expect(named('if __name__ == "__main__":')).toBe(PYTHON);
    expect(named("if __name__ == '__main__':")).toBe(PYTHON);
    expect(named("package main")).toBe(GO);
    expect(named('import (\n\t"fmt"\n)')).toBe(GO);
    expect(named("func main() {")).toBe(GO);
    expect(named("func (s *Server) Token(email string) {")).toBe(GO);
    expect(named("import java.net.URI;")).toBe(JAVA);
    expect(named("import static java.util.Map.entry;")).toBe(JAVA);
    expect(named("import java.util.*;")).toBe(JAVA);
    expect(named("public final class OpenCxContactToken {")).toBe(JAVA);
    expect(named("public class A {")).toBe(JAVA);
    expect(named("    public static void main(String[] args) {")).toBe(JAVA);
    expect(named("public static Map<String, Object> object(Object... kv) {")).toBe(JAVA);
    expect(named("#!/usr/bin/env bash")).toBe(CURL);
    expect(named("#!/bin/sh")).toBe(CURL);
    expect(named("#!/usr/bin/zsh")).toBe(CURL);
    expect(named("curl --fail https://api.open.cx")).toBe(CURL);
    expect(named("  curl -X POST url")).toBe(CURL);
    expect(named("set -euo pipefail")).toBe(CURL);
    expect(named("set -e")).toBe(CURL);
    // Not marks: what JavaScript (or prose) may say.
    expect(named("const require = 1; define(x)")).toBeNull();
    expect(named("{ token: 'a', user: { data: { name: 'x' }")).toBeNull();
    expect(named("default token")).toBeNull();
    expect(named("import x from 'y'")).toBeNull();
    expect(named("import 'side-effect';")).toBeNull();
    expect(named('import { a } from "b";')).toBeNull();
    expect(named("#!/usr/bin/env node")).toBeNull();
    expect(named("const curl = 1; curl -x")).toBeNull();
    expect(named("set(-1)")).toBeNull();
    expect(named("function main() {")).toBeNull();
    expect(named("const packages = 1")).toBeNull();
    expect(named("class Foo {")).toBeNull();
    // Each mark is anchored where the language puts it, and ends where the language ends it.
    expect(named("x = 1; import os")).toBeNull();
    expect(named("import os.path x")).toBeNull();
    expect(named("import java;")).toBeNull();
    expect(named("from flask")).toBeNull();
    expect(named("  package main")).toBeNull();
    expect(named("package main x")).toBeNull();
    expect(named("xfunc main() {")).toBeNull();
    expect(named("import (x)")).toBeNull();
    expect(named("public class lower {")).toBeNull();
    expect(named("x #!/bin/sh")).toBeNull();
    expect(named("#!/usr/bin/env bashful")).toBeNull();
    expect(named("set -x")).toBeNull();
    expect(named("def f(x) -> int")).toBeNull();
    expect(named("if __name__ == '__main__'")).toBeNull();
    // A Python `def` line ends with a colon, a Ruby one does not.
    expect(named("def token(email):")).toBe(PYTHON);
    expect(named("def token(email)")).toBe(RUBY);
  });

  it("leaves JavaScript that mentions these marks alone, and a JavaScript syntax error as one", () => {
    const js = `// Ported from our <?php and Net::HTTP code
initOpenScript({ token: 'wt_1', language: 'fr' });`;
    const imported = importSnippet(js, base());
    expect(imported.ok).toBe(true);
    expect(imported.config.widgetToken).toBe("wt_1");

    // Every new language's marks in comments and strings, each at a line's start.
    const mentions = `#!/usr/bin/env node
// Ported from Python, Go, Java and a shell script:
/*
import os
from flask import Blueprint
def get_contact_token(email: str) -> str:
if __name__ == "__main__":
package main
import (
func main() {
import java.net.URI;
public final class OpenCxContactToken {
public static void main(String[] args) {
curl --fail url
set -euo pipefail
*/
const note = \`
package main
import java.net.URI;
curl -X POST url
\`;
initOpenScript({ token: 'wt_2', language: 'de' });`;
    const both = importSnippet(mentions, base());
    expect(both.problems).toEqual([]);
    expect(both.ok).toBe(true);
    expect(both.config.widgetToken).toBe("wt_2");

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
