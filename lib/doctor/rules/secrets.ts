/**
 * Secrets where a visitor can read them. The org API key mints a verified token for any email,
 * so one copy in page code lets anyone sign in as any of your users. Messages never repeat the
 * value: they point at its place.
 */
import type { PageFacts } from "../page-facts";
import { AUTHENTICATE_USER } from "./legacy";
import { finding, type PageRule } from "./rule";

/**
 * An org API key (`sk_…`, `sk-…`) not glued to other identifier text: at least twelve characters
 * after the prefix, a digit among them (a CSS class such as `sk-folding-cube` has none).
 */
const API_KEY = /(?<![A-Za-z0-9_-])sk[_-](?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{12,}/g;

/**
 * Environment variables a front-end build inlines into the bundle (by their prefix, whatever
 * file reads them), named for the org's key: other services' public keys (maps, analytics) are
 * public by design.
 */
const PUBLIC_KEY_VARIABLE =
  /\b(?:NEXT_PUBLIC|VITE|NUXT_PUBLIC|PUBLIC|REACT_APP|NG_APP|EXPO_PUBLIC)_(?=[A-Z0-9_]*(?:OPENCX|OPEN_CX|ORG))[A-Z0-9_]*(?:API_KEY|API_TOKEN|SECRET|KEY)\b/g;

/**
 * A server-only read of the environment: the text holds server code too (a Next.js component
 * pasted with its route, a Svelte component with its `+server.ts`), and a call to
 * authenticate-user in it is taken to be in that part.
 */
const SERVER_ENV =
  /\bprocess\.env\b|\$env\/(?:dynamic|static)\/private|\bos\.environ\b|\bgetenv\(|\bENV(?:\[|\.fetch)|\bSystem\.getenv\(|\buseRuntimeConfig\(/;

/** Text that runs in a visitor's browser. */
function isPageCode(facts: PageFacts): boolean {
  return (
    facts.kind === "html" ||
    facts.kind === "vue" ||
    facts.kind === "svelte" ||
    facts.kind === "angular" ||
    /^\s*['"]use client['"]/m.test(facts.text)
  );
}

export const secretInPage: PageRule = {
  id: "secret-in-page",
  check(facts) {
    const page = isPageCode(facts);
    const keys = [...facts.text.matchAll(API_KEY)].map((m) =>
      finding(
        "secret-in-page",
        "error",
        { start: m.index, end: m.index + m[0].length },
        {
          title: page
            ? "An org API key is written into the page"
            : "An org API key is written into the code",
          visitor: page
            ? "Anyone who opens the page source can mint verified tokens for any email and read that person's conversations."
            : "Everyone with the source (and every copy of the repository) holds a key that mints verified tokens for any email.",
          fix: "Revoke this key in the dashboard now, create a new one, and read it on your server only from the environment (`OPENCX_API_KEY`).",
        },
      ),
    );
    const variables = [...facts.text.matchAll(PUBLIC_KEY_VARIABLE)].map((m) =>
      finding(
        "secret-in-page",
        "error",
        { start: m.index, end: m.index + m[0].length },
        {
          title: `\`${m[0]}\` puts a secret into the browser bundle`,
          visitor:
            "Build tools inline public variables into the JavaScript every visitor downloads: the key is readable by anyone.",
          fix: "Keep the org API key in a server-only variable (`OPENCX_API_KEY`) and call authenticate-user from your backend.",
        },
      ),
    );
    return [...keys, ...variables].slice(0, 5);
  },
};

export const apiCalledFromPage: PageRule = {
  id: "authenticate-from-page",
  check(facts) {
    if (!isPageCode(facts) || SERVER_ENV.test(facts.text)) return [];
    const at = facts.scan.search(AUTHENTICATE_USER);
    if (at < 0) return [];
    return [
      finding(
        "authenticate-from-page",
        "error",
        { start: at, end: at + 26 },
        {
          title: "The page calls authenticate-user itself",
          visitor:
            "That call needs the org API key, so the key ships to every visitor; and a token minted for whatever email the browser claims is not verified at all.",
          fix: "Call authenticate-user from your backend for the signed-in user only, and have the page fetch the token from your own route.",
        },
      ),
    ];
  },
};

export const SECRET_RULES: readonly PageRule[] = [secretInPage, apiCalledFromPage];
