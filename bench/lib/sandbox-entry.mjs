// Bundled by bench/lib/sandbox.mjs: the sandbox's public demo key, read from the source of truth.
export { SANDBOX_API_KEY } from "../../lib/sandbox/index.ts";
