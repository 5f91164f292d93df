/**
 * What both starter stacks share: the sandbox settings, the demo sign-in's names, the README's
 * common parts and the `.gitignore` lines.
 *
 * Invariants: the only key-like value a starter holds is the sandbox's public demo key, in its
 * settings file (`SANDBOX_ENV_FILES`) and the README; the only strings from outside the generator
 * are the playground link (README) and its origin (the settings file, README), both checked here
 * before they are printed; the config reaches the files only through the snippet generators.
 */
import type { IdentityModel, PlaygroundConfig } from "../config/options";
import { toWidgetConfig, WIDGET_TOKEN_PLACEHOLDER } from "../config/widget-config";
import { SANDBOX_API_KEY } from "../sandbox/settings";
import {
  API_KEY_ENV,
  API_URL_ENV,
  isVerified,
  majorOfConfig,
  OPENCX_API_URL,
} from "../snippets/model";
import type { StarterStack } from "./types";

/** The cookie the demo sign-in sets: the signed-in user's email, neither signed nor checked. */
export const DEMO_USER_COOKIE = "demo_user";
/** The demo sign-in's endpoints (a form posts `email`), the same in both stacks. */
export const DEMO_SIGN_IN_PATH = "/demo/sign-in";
export const DEMO_SIGN_OUT_PATH = "/demo/sign-out";

/** Where the starter's dev server listens. */
export const STARTER_PORT = 3000;
export const STARTER_LOCAL_URL = `http://localhost:${STARTER_PORT}`;

/**
 * The file `npm run dev` reads the sandbox settings from (verified model only), and nothing else
 * reads. Express: the dev script passes it to Node's `--env-file`. Next.js: `.env.development`,
 * which `next dev` loads itself (never `next build` or `next start`), with a variable set in the
 * environment or in `.env.local` winning over it. Not `--env-file` there: `next dev` copies its
 * own Node flags into `NODE_OPTIONS` for the server process it forks, and Node 20 refuses
 * `--env-file` in `NODE_OPTIONS`, so the server never started (found by the CI proof,
 * `e2e/starter-run.spec.ts`). Next's loader expands `$NAME` in values; the file's two values
 * (a checked origin + `/api`, the demo key) hold no `$`.
 */
export const SANDBOX_ENV_FILES: Readonly<Record<StarterStack, string>> = {
  nextjs: ".env.development",
  express: ".env.example",
};

/** The playground link a starter came from, checked: the README prints it, the env its origin. */
export interface PlaygroundLink {
  /** The link, normalised by the URL parser (spaces, `<`, `>` and quotes percent-encoded). */
  href: string;
  /** `scheme://host[:port]`, the sandbox's origin. */
  origin: string;
}

/**
 * Checks the playground link: absolute http(s), no user name or password. The URL parser's
 * serialisation percent-encodes whitespace, `<`, `>` and `"`, so the link fits a Markdown
 * autolink; the origin is only scheme, host (punycode or a bracketed IPv6) and port, so it fits
 * an unquoted dotenv value. Both are asserted, not assumed.
 */
export function playgroundLink(url: string): PlaygroundLink {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`The playground link must be an absolute URL, not ${JSON.stringify(url)}.`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error(`The playground link must be http(s), not ${parsed.protocol}`);
  if (parsed.username !== "" || parsed.password !== "")
    throw new Error("The playground link must not carry a user name or password.");
  const { href, origin } = parsed;
  if (!/^[\x21-\x7e]+$/.test(href) || /[<>]/.test(href))
    throw new Error("The playground link did not serialise to a printable URL.");
  if (!/^https?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(origin))
    throw new Error("The playground link's origin is not a plain host.");
  return { href, origin };
}

/** `<url>`: a Markdown autolink, for a link `playgroundLink` checked. */
export const markdownAutolink = (link: PlaygroundLink) => `<${link.href}>`;

/** The sandbox's API base URL: the playground's origin + `/api`, as its README says. */
export const sandboxApiUrl = (link: PlaygroundLink) => `${link.origin}/api`;

/**
 * The settings file (`SANDBOX_ENV_FILES`): the sandbox's URL and its public demo key, so
 * `npm run dev` works on the first try. Only the verified model has a server half that reads them. `keyNote` adds comment lines
 * on where the real key must never go in this stack.
 */
export function envExample(link: PlaygroundLink, keyNote: readonly string[]): string {
  return [
    "# Settings for the contact-token route. `npm run dev` reads this file; a variable already",
    "# set in your environment wins over it.",
    "#",
    `# ${API_URL_ENV}: where the server asks for contact tokens. This is the Identity Playground's`,
    "# sandbox: the same contract as OpenCX's API, and it accepts only the demo key below. Its",
    "# tokens are for trying things out; OpenCX accepts none of them.",
    `# In production use ${OPENCX_API_URL} (the default when the variable is unset).`,
    `${API_URL_ENV}=${sandboxApiUrl(link)}`,
    "#",
    `# ${API_KEY_ENV}: the sandbox's PUBLIC demo key. It is not a secret and works nowhere else.`,
    "# In production set your org API key in the server environment (your host's secret",
    "# settings), never in a file you commit.",
    ...keyNote.map((line) => `# ${line}`),
    `${API_KEY_ENV}=${SANDBOX_API_KEY}`,
    "",
  ].join("\n");
}

/** The README's three commands, in a shell block. */
export function threeCommands(): string[] {
  return [
    "```sh",
    "npm install",
    "npm run dev",
    `open ${STARTER_LOCAL_URL}   # macOS; on Linux xdg-open, on Windows start`,
    "```",
  ];
}

/** The README's lines on the playground link. */
export function madeFrom(link: PlaygroundLink): string[] {
  return [
    "Generated by the Identity Playground from this configuration (open it to see or change it):",
    markdownAutolink(link),
  ];
}

/** The README's lines on production settings for the verified model's server half. */
export function productionSettings(keyNote: readonly string[], envFile: string): string[] {
  return [
    `- Set \`${API_URL_ENV}=${OPENCX_API_URL}\` (or leave it unset: that is the default) and`,
    `  \`${API_KEY_ENV}\` to your organisation's API key in the server environment (your host's`,
    "  secret settings). The key is a secret: never commit it, never send it to a browser.",
    ...keyNote.map((line) => `  ${line}`),
    `- \`${envFile}\` holds the sandbox's public demo key; \`npm start\` does not read it.`,
  ];
}

/**
 * The README's lines on what the sandbox proves: the sign-in, the route and the token reaching
 * the widget. Its tokens are not OpenCX's, and the widget never replaces a token the host gave it
 * (domain-v5.md §3.6), so a real conversation needs the organisation's key and API.
 */
export const SANDBOX_NOTE = [
  "The sandbox proves the flow: your sign-in, your route, the token reaching the widget. OpenCX",
  "accepts none of its tokens, so for a real conversation use your organisation's key and API",
  "(see Before production).",
];

/**
 * The README's warning when the options carry the placeholder widget token: the widget cannot
 * start until the organisation's token is in (empty when the config has one).
 */
export function widgetTokenWarning(config: PlaygroundConfig, where: string): string[] {
  if (toWidgetConfig(config).token !== WIDGET_TOKEN_PLACEHOLDER) return [];
  return [
    `This configuration has no widget token yet: the widget starts once \`${WIDGET_TOKEN_PLACEHOLDER}\` in`,
    `\`${where}\` is your organisation's (or set it in the playground and download again).`,
    "",
  ];
}

/** The README's note on the widget token in the options. */
export const WIDGET_TOKEN_NOTE = [
  "- The widget token in the options is public (it is sent from the browser). If it reads",
  "  `YOUR_WIDGET_TOKEN`, put your organisation's there (Channels → AI Chat Widget).",
];

/** What the page says the widget does, per model: fixed text (no apostrophes, for JSX), nothing from the config. */
export const MODEL_SENTENCE: Readonly<Record<IdentityModel, string>> = {
  anonymous: "Visitors chat anonymously: open the launcher in the bottom corner.",
  collect: "The widget asks for a name and an email before the chat: open the launcher.",
  browser:
    "The page passes the details of its user to the widget (not verified): open the launcher.",
  server:
    "Sign in, and the page starts the widget with a contact token for you, which the server mints from the sandbox.",
};

/** What a stack's README says of itself, for `readmeHead`. */
export interface ReadmeHead {
  /** "Express" or "Next.js", in the title. */
  stack: string;
  /** The sentence after the commands in the verified model: where the page gets its token. */
  verifiedRun: string;
  /** The file the placeholder-token warning points at. */
  tokenFile: string;
  /** Consent mode: what production does instead of the demo consent banner, to end a sentence. */
  consentInProduction: string;
  /** The rows of the "What is where" table. */
  files: readonly string[];
}

/**
 * The README's sentence on when the widget loads (the `loading` option): the demo consent banner
 * and what replaces it in production, or the launcher that loads it; none on page load.
 */
function loadingSentence(config: PlaygroundConfig, head: ReadmeHead): string[] {
  switch (config.loading) {
    case "page-load":
      return [];
    case "consent":
      return [
        `The page has a DEMO consent banner standing in for your consent tool (a cookie banner): the widget loads once you press Accept chat. In production ${head.consentInProduction}.`,
        "",
      ];
    case "click":
      return [
        "The widget loads when the visitor presses the launcher (a look-alike until then) and opens at once: before that press the page loads nothing of it.",
        "",
      ];
  }
}

/**
 * The README of either stack up to the "Before production" heading: title, the link back, the
 * three commands, the loading sentence, the sandbox note, the placeholder-token warning and the
 * file table.
 */
export function readmeHead(
  config: PlaygroundConfig,
  link: PlaygroundLink,
  head: ReadmeHead,
): string[] {
  const verified = isVerified(config);
  return [
    `# OpenCX support chat: ${head.stack} starter (widget ${majorOfConfig(config)}, ${verified ? "verified" : config.model} identity)`,
    "",
    ...madeFrom(link),
    "",
    "## Run it",
    "",
    ...threeCommands(),
    "",
    verified ? head.verifiedRun : "The widget's launcher is in the bottom corner of the page.",
    "",
    ...loadingSentence(config, head),
    ...(verified ? [...SANDBOX_NOTE, ""] : []),
    ...widgetTokenWarning(config, head.tokenFile),
    "## What is where",
    "",
    "| file | what it does |",
    "| --- | --- |",
    ...head.files,
    "",
    "## Before production",
    "",
  ];
}
