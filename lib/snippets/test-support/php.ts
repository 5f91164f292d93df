/**
 * Test support: run generated PHP in one `php` process per batch.
 *
 * - `runPhpSnippets`: each case is a snippet file's code. The runner writes each file, includes
 *   it once and deletes it, each inside its own namespace (one line, `namespace OpencxCaseN;`,
 *   added after the file's `declare(strict_types=1);`), so a thousand files can each define
 *   `opencx_contact_token` in one process. In `cli` mode `$_SERVER['argv']` (and `$argv`) is `[the file, ...args]`, so
 *   the file's own command-line entry runs and its output is recorded; in `call` mode the
 *   entry stays quiet and the runner calls the function with `args`, recording what it
 *   returned or threw. A case whose file exits (`exit(1)` after its usage line) ends the
 *   process as it would end `php file`: its result line says `exited`, what it wrote to STDERR
 *   is the batch's stderr and its exit status the batch's status; put such a case last.
 * - `evaluatePhpLiterals`: evaluates printed literals (`eval('return …;')`) and returns
 *   `json_encode` of each value, with the flags the snippet sends its body with.
 */
import { spawnSync } from "node:child_process";
import { PHP_FUNCTION } from "../php-snippet";
import { runBatchProcess, type BatchRun } from "./batch-process";

export interface SnippetCase {
  /** The snippet file's code and name; the runner writes it beside its cases, loads it, deletes it. */
  code: string;
  name: string;
  mode: "cli" | "call";
  args: string[];
}

export interface SnippetResult {
  ok: boolean;
  /** What the function returned (`call` mode). */
  value?: unknown;
  error?: string;
  /** What the file printed. */
  stdout: string;
  /** The file ended the process (`exit`): the batch's status and stderr are its own. */
  exited?: true;
}

const SNIPPET_RUNNER = String.raw`<?php
declare(strict_types=1);
$__cases = json_decode(file_get_contents($argv[1]), true, 512, JSON_THROW_ON_ERROR);
$__results = fopen($argv[2], 'w');
$__runner = $argv[0];
$__dir = dirname($argv[1]);
$__marker = "\ndeclare(strict_types=1);\n";
$__running = false;
register_shutdown_function(function () use (&$__running, $__results) {
    if ($__running) {
        $__exited = ['ok' => false, 'exited' => true, 'stdout' => ob_get_clean()];
        fwrite($__results, json_encode($__exited, JSON_THROW_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE) . "\n");
    }
});
foreach ($__cases as $__i => $__case) {
    $__namespace = 'OpencxCase' . $__i;
    $__file = $__dir . '/' . $__i . '-' . $__case['name'];
    ob_start();
    $__running = true;
    try {
        if (substr_count($__case['code'], $__marker) !== 1) {
            throw new RuntimeException('expected one declare(strict_types=1) line');
        }
        file_put_contents($__file, str_replace($__marker, $__marker . "namespace $__namespace;\n", $__case['code']));
        $argv = $__case['mode'] === 'cli' ? array_merge([$__file], $__case['args']) : [$__runner];
        $argc = count($argv);
        // What \`php <file> <args>\` gives a script, where the snippet reads it.
        $_SERVER['argv'] = $argv;
        $_SERVER['argc'] = $argc;
        include $__file;
        $__result = ['ok' => true];
        if ($__case['mode'] === 'call') {
            $__result['value'] = ($__namespace . '\\' . '${PHP_FUNCTION}')(...$__case['args']);
        }
    } catch (Throwable $__error) {
        $__result = ['ok' => false, 'error' => get_class($__error) . ': ' . $__error->getMessage()];
    } finally {
        @unlink($__file);
    }
    $__running = false;
    $__result['stdout'] = ob_get_clean();
    fwrite($__results, json_encode($__result, JSON_THROW_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE) . "\n");
    fflush($__results);
}
`;

export function runPhpSnippets(
  cases: readonly SnippetCase[],
  env: Record<string, string>,
): Promise<BatchRun<SnippetResult>> {
  return runBatchProcess<SnippetResult>({
    command: "php",
    runner: SNIPPET_RUNNER,
    extension: ".php",
    cases,
    env,
  });
}

export type LiteralResult = { ok: true; json: string } | { ok: false; error: string };

const LITERAL_RUNNER = String.raw`<?php
declare(strict_types=1);
$results = [];
foreach (json_decode(stream_get_contents(STDIN), true, 512, JSON_THROW_ON_ERROR) as $literal) {
    try {
        $value = eval('return ' . $literal . ';');
        $results[] = [
            'ok' => true,
            'json' => json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE),
        ];
    } catch (Throwable $error) {
        $results[] = ['ok' => false, 'error' => get_class($error) . ': ' . $error->getMessage()];
    }
}
echo json_encode($results, JSON_THROW_ON_ERROR);
`;

/** `json_encode` of each printed literal, evaluated by one `php` process. */
export function evaluatePhpLiterals(literals: readonly string[]): {
  results: LiteralResult[];
  stderr: string;
} {
  const run = spawnSync("php", ["-r", LITERAL_RUNNER.replace(/^<\?php\n/, "")], {
    input: JSON.stringify(literals),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`php failed (${run.status}): ${run.stderr}`);
  return { results: JSON.parse(run.stdout) as LiteralResult[], stderr: run.stderr };
}
