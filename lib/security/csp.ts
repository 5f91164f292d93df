/**
 * The Content-Security-Policy of every response (docs/security.md).
 *
 * Documents (pages, 404s) get a per-request nonce from `proxy.ts`: Next.js puts
 * it on its own inline bootstrap scripts and chunks, the layouts on their theme
 * boot scripts. Nothing else may run: no 'unsafe-inline' scripts, no
 * 'unsafe-eval' (except under `next dev`, where React needs eval for its
 * error overlays), nothing from another origin.
 *
 * Everything else (API routes, `/_next/static`, public files) gets
 * `RESOURCE_POLICY`: it matters only for a worker script, which runs under the
 * policy of its own response, so it lets a same-origin worker load its chunks
 * and call home, and nothing more.
 */
import { webcrypto } from "node:crypto";

/** Directive name → its source list, in the order written. */
export type Policy = ReadonlyArray<readonly [directive: string, sources: readonly string[]]>;

export function serializePolicy(policy: Policy): string {
  return policy.map(([name, sources]) => [name, ...sources].join(" ")).join("; ");
}

/**
 * Parses one header value into its policies (a header may carry several,
 * separated by commas), each a map of directive → sources. Directive names
 * are lower-cased; a repeated directive is ignored, as browsers do.
 */
export function parseCsp(header: string): Map<string, string[]>[] {
  return header
    .split(",")
    .map((policy) => {
      const out = new Map<string, string[]>();
      for (const part of policy.split(";")) {
        const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
        if (name === undefined) continue;
        const key = name.toLowerCase();
        if (!out.has(key)) out.set(key, sources);
      }
      return out;
    })
    .filter((policy) => policy.size > 0);
}

export interface DocumentPolicyOptions {
  /** Base64, fresh for every response. */
  nonce: string;
  /** `'self'`, `*`, or `'self'` plus origins (see `embedFrameAncestors`). */
  frameAncestors: string;
  /** `next dev`: React's dev build needs eval, and the HMR socket. */
  development?: boolean;
}

const NONCE = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function documentPolicy({
  nonce,
  frameAncestors,
  development = false,
}: DocumentPolicyOptions): Policy {
  if (!NONCE.test(nonce)) throw new Error("documentPolicy: the nonce must be base64");
  return [
    ["default-src", ["'self'"]],
    // 'strict-dynamic': only the nonced scripts and what they load (Next's chunks); 'self' is
    // ignored by browsers that know 'strict-dynamic' and kept for those that do not.
    [
      "script-src",
      ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ],
    // Style attributes (React `style`, shiki's token colours) and the editor's injected <style>
    // elements need 'unsafe-inline'; a nonce here would turn it off. Styles cannot run code.
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'", ...(development ? ["ws:", "wss:"] : [])]],
    // The highlight worker (and the editor's language workers) from /_next/static, or a blob: bootstrap.
    ["worker-src", ["'self'", "blob:"]],
    // The preview iframe (/preview) is this origin.
    ["frame-src", ["'self'"]],
    ["manifest-src", ["'self'"]],
    ["media-src", ["'none'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", frameAncestors.split(" ")],
  ];
}

/** API routes, static chunks, public files: see the module comment. */
export const RESOURCE_POLICY: Policy = [
  ["default-src", ["'none'"]],
  ["script-src", ["'self'"]],
  ["connect-src", ["'self'"]],
  ["worker-src", ["'self'", "blob:"]],
  ["base-uri", ["'none'"]],
  ["form-action", ["'none'"]],
  ["frame-ancestors", ["'self'"]],
];

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
