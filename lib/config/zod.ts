/**
 * Import this module (for its effect) before `zod` in every module that builds
 * a schema:
 *
 *     import "./zod"; // jitless: no eval under the CSP
 *     import { z } from "zod";
 *
 * zod 4 compiles object parsers with `new Function` unless told not to, and it
 * probes for that when the first object schema is built. Under this app's
 * Content-Security-Policy (no 'unsafe-eval') the probe fails quietly but the
 * browser still reports a `securitypolicyviolation`. `jitless` skips both.
 *
 * Why not re-export `z` from here: Turbopack then keeps all of zod (locales
 * included) in the first load of `/`, 59 KB gzip more than importing `z` from
 * "zod" where it is used (291.5 KB against 232.1 KB, measured). `zod.test.ts`
 * checks that every module importing zod imports this one first.
 */
import { config } from "zod";

config({ jitless: true });
