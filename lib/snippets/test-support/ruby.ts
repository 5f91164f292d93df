/**
 * Test support: run generated Ruby in one `ruby` process per batch.
 *
 * - `runRubySnippets`: each case is a snippet file's code, written beside the cases, loaded
 *   unchanged with `load(path, Module.new)` and deleted (Ruby 3.1: the file's top-level methods
 *   go into that module, so a
 *   thousand files can each define `opencx_contact_token`). In `cli` mode `$PROGRAM_NAME` is the
 *   file and `ARGV` the args, so the file's own command-line entry runs and what it prints is
 *   recorded; in `call` mode the entry stays quiet and the runner calls the method with `args`,
 *   recording what it returned or raised. A case whose file exits (`abort` after its usage
 *   line) ends the process as it would end `ruby file`: its result line says `exited`, what it
 *   wrote to stderr is the batch's stderr and its exit status the batch's status; put such a
 *   case last.
 * - `evaluateRubyLiterals`: evaluates printed literals and returns `JSON.generate` of each value.
 */
import { spawnSync } from "node:child_process";
import { RUBY_FUNCTION } from "../ruby-snippet";
import { runBatchProcess, type BatchRun } from "./batch-process";
import type { LiteralResult, SnippetCase, SnippetResult } from "./php";

export type { LiteralResult };

const SNIPPET_RUNNER = String.raw`# frozen_string_literal: true
require 'json'
require 'stringio'

cases_path, results_path = ARGV.dup
runner = File.expand_path(__FILE__)
cases = JSON.parse(File.read(cases_path))
File.open(results_path, 'w') do |results|
  cases.each_with_index do |c, i|
    wrapper = Module.new
    out = StringIO.new
    path = File.join(File.dirname(cases_path), "#{i}-#{c['name']}")
    exited = nil
    begin
      File.write(path, c['code'])
      cli = c['mode'] == 'cli'
      $PROGRAM_NAME = cli ? path : runner
      ARGV.replace(cli ? c['args'] : [])
      $stdout = out
      load(path, wrapper)
      result = { 'ok' => true }
      result['value'] = Object.new.extend(wrapper).send(:${RUBY_FUNCTION}, *c['args']) unless cli
    rescue SystemExit => e
      exited = e.status
      result = { 'ok' => false, 'exited' => true }
    rescue Exception => e # rubocop:disable Lint/RescueException
      result = { 'ok' => false, 'error' => "#{e.class}: #{e.message}" }
    ensure
      $stdout = STDOUT
      File.delete(path) if File.exist?(path)
    end
    result['stdout'] = out.string
    results.puts(JSON.generate(result))
    results.flush
    exit(exited) unless exited.nil?
  end
end
`;

export function runRubySnippets(
  cases: readonly SnippetCase[],
  env: Record<string, string>,
): Promise<BatchRun<SnippetResult>> {
  return runBatchProcess<SnippetResult>({
    command: "ruby",
    runner: SNIPPET_RUNNER,
    extension: ".rb",
    cases,
    env,
  });
}

const LITERAL_RUNNER = String.raw`
require 'json'
results = JSON.parse($stdin.read).map do |literal|
  { 'ok' => true, 'json' => JSON.generate(eval(literal)) } # rubocop:disable Security/Eval
rescue Exception => e # rubocop:disable Lint/RescueException
  { 'ok' => false, 'error' => "#{e.class}: #{e.message}" }
end
print JSON.generate(results)
`;

/** `JSON.generate` of each printed literal, evaluated by one `ruby` process; `stderr` holds its warnings. */
export function evaluateRubyLiterals(literals: readonly string[]): {
  results: LiteralResult[];
  stderr: string;
} {
  const run = spawnSync("ruby", ["-e", LITERAL_RUNNER], {
    input: JSON.stringify(literals),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", LANG: "C.UTF-8" },
  });
  if (run.status !== 0) throw new Error(`ruby failed (${run.status}): ${run.stderr}`);
  return { results: JSON.parse(run.stdout) as LiteralResult[], stderr: run.stderr };
}
