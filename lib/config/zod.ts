/**
 * The app's one import of zod: every module takes `z` from here.
 *
 * zod 4 compiles object parsers with `new Function` unless told not to, and
 * it probes for that when the first object schema is built. Under this app's
 * Content-Security-Policy (no 'unsafe-eval') the probe fails quietly but the
 * browser still reports a `securitypolicyviolation`. `jitless` skips both the
 * probe and the compiler. It must run before any schema is built, which an
 * import of this module guarantees (a module's imports evaluate first).
 */
// eslint-disable-next-line no-restricted-imports -- the one place zod is imported
import { z } from "zod";

z.config({ jitless: true });

export { z };
