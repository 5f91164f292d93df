/** Test support: reading a starter's settings file (`SANDBOX_ENV_FILES`) as Node's `--env-file` does. */
import * as util from "node:util";

/** Node's own dotenv parser (Node 20.12+; the @types/node this repository pins does not declare it). */
export function parseEnvFile(text: string): Record<string, string> {
  const parse = (util as unknown as { parseEnv?: (text: string) => Record<string, string> })
    .parseEnv;
  if (!parse) throw new Error("This Node has no util.parseEnv (Node 20.12 and later have it).");
  return { ...parse(text) };
}
