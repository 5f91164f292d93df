/**
 * Test support: evaluate Python snippets in one `python3` process per batch.
 * Each case is parsed with `ast`; the one assignment to `variable` is read
 * with `ast.literal_eval` (so nothing in the snippet runs), after the names in
 * `names` (e.g. a function's parameter) are replaced by the values given.
 * A case without `variable` is only parsed.
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMAIL_PARAMETER } from "../model";
import { EMAIL_ARGUMENT } from "./snippet-checks";

export type PythonResult = { ok: true; value: unknown } | { ok: false; error: string };

export interface PythonCase {
  code: string;
  /** The variable whose one assignment is evaluated; `null` parses the code only (value `null`). */
  variable: string | null;
  /** Names the assignment may use, bound to these values. */
  names?: Readonly<Record<string, string>>;
}

const RUNNER = String.raw`
import ast, json, sys

class Bind(ast.NodeTransformer):
    def __init__(self, names):
        self.names = names

    def visit_Name(self, node):
        if node.id in self.names:
            return ast.copy_location(ast.Constant(self.names[node.id]), node)
        return node

def evaluate(case):
    tree = ast.parse(case["code"])
    if case.get("variable") is None:
        return None
    values = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id == case["variable"]
    ]
    if len(values) != 1:
        raise ValueError(f"expected one assignment to {case['variable']}, found {len(values)}")
    return ast.literal_eval(Bind(case.get("names") or {}).visit(values[0]))

results = []
for case in json.load(sys.stdin):
    try:
        results.append({"ok": True, "value": evaluate(case)})
    except Exception as error:
        results.append({"ok": False, "error": f"{type(error).__name__}: {error}"})
json.dump(results, sys.stdout, ensure_ascii=True, allow_nan=False)
`;

export function evaluatePythonBatch(cases: readonly PythonCase[]): PythonResult[] {
  const run = spawnSync("python3", ["-c", RUNNER], {
    input: JSON.stringify(cases),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`python3 failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as PythonResult[];
}

/**
 * The same, without blocking: python3 reads its cases from a file and writes
 * its results to a file, so it keeps working on the other core while this
 * thread is busy (no pipe for the event loop to drain).
 */
export async function evaluatePythonBatchAsync(
  cases: readonly PythonCase[],
): Promise<PythonResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "snippet-python-"));
  try {
    writeFileSync(join(dir, "cases.json"), JSON.stringify(cases));
    const input = openSync(join(dir, "cases.json"), "r");
    const output = openSync(join(dir, "results.json"), "w");
    const errors = openSync(join(dir, "stderr"), "w");
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn("python3", ["-c", RUNNER], { stdio: [input, output, errors] });
      child.on("error", reject);
      child.on("exit", (code) => resolve(code));
    }).finally(() => [input, output, errors].forEach((fd) => closeSync(fd)));
    if (status !== 0) {
      throw new Error(`python3 failed (${status}): ${readFileSync(join(dir, "stderr"), "utf8")}`);
    }
    return JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as PythonResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The case that reads a token module's `body`, its `email` parameter bound to `EMAIL_ARGUMENT`
 * (compare with `bodyForEmail(config)`).
 */
export function pythonBodyCase(code: string): PythonCase {
  return { code, variable: "body", names: { [EMAIL_PARAMETER]: EMAIL_ARGUMENT } };
}
