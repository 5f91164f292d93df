/**
 * The Express starter: the HTML snippet as it is, inside a small page Express serves statically;
 * in the verified model the Express snippet's two files as they are (the token module and the
 * router, whose `getSignedInUser(req)` reads `req.user`) mounted after a demo sign-in that sets
 * `req.user` from a cookie holding an email (`server/demo-session.mjs`, plain Node: it needs
 * nothing from Express, so it can be tested without it). When the widget loads on consent, a
 * demo consent banner stands in for the site's consent tool: its button calls the snippet's
 * consent function (on click the snippet's own launcher needs nothing from the page).
 */
import type { PlaygroundConfig } from "../config/options";
import { CONSENT_FUNCTION, generateHtmlSnippet } from "../snippets/html-snippet";
import { CLEAR_STORAGE_FUNCTION } from "../snippets/lifecycle";
import { CONTACT_TOKEN_ENDPOINT, isVerified } from "../snippets/model";
import { jsString, printJson } from "../snippets/print";
import { EXPRESS_ROUTES_FILE, generateExpressSnippet } from "../snippets/server-snippets";
import {
  DEMO_SIGN_IN_PATH,
  DEMO_SIGN_OUT_PATH,
  DEMO_USER_COOKIE,
  envExample,
  MODEL_SENTENCE,
  productionSettings,
  SANDBOX_ENV_FILES,
  STARTER_PORT,
  WIDGET_TOKEN_NOTE,
  type PlaygroundLink,
  readmeHead,
} from "./common";
import type { StarterFile } from "./types";
import { STARTER_NODE_ENGINES, STARTER_VERSIONS } from "./versions";

export const DEMO_SESSION_FILE = "server/demo-session.mjs";
/** Where the page asks who is signed in (the demo's status line). */
export const DEMO_SESSION_PATH = "/demo/session";
const PAGE_FILE = "public/index.html";
const KEY_NOTE: readonly string[] = [];
/** The sandbox settings, which the dev script passes to Node's `--env-file`. */
const ENV_EXAMPLE_FILE = SANDBOX_ENV_FILES.express;

function packageJson(config: PlaygroundConfig): string {
  const manifest = {
    name: "opencx-starter-express",
    version: "0.1.0",
    private: true,
    type: "module",
    engines: { node: STARTER_NODE_ENGINES },
    scripts: {
      // Node's --env-file sets the sandbox settings; a variable set in the environment wins.
      dev: isVerified(config)
        ? `node --env-file=${ENV_EXAMPLE_FILE} server.mjs`
        : "node server.mjs",
      start: "node server.mjs",
    },
    dependencies: { express: STARTER_VERSIONS.express },
  };
  return printJson(manifest) + "\n";
}

function serverFile(config: PlaygroundConfig): string {
  const verified = isVerified(config);
  return [
    "// The starter's server: serves public/index.html" +
      (verified ? ", the demo sign-in and the contact-token route." : "."),
    "import express from 'express';",
    "import { fileURLToPath } from 'node:url';",
    ...(verified
      ? [
          `import { demoSession, demoSessionInfo, demoSignIn, demoSignOut } from './${DEMO_SESSION_FILE}';`,
          `import { opencxRouter } from './${EXPRESS_ROUTES_FILE}';`,
        ]
      : []),
    "",
    `const port = Number(process.env.PORT) || ${STARTER_PORT};`,
    "const app = express();",
    "",
    ...(verified
      ? [
          "// DEMO ONLY: a cookie holding an email stands in for your sign-in. Replace these four lines",
          "// with your session middleware (it sets req.user) and your own sign-in and sign-out.",
          "app.use(demoSession);",
          `app.post(${jsString(DEMO_SIGN_IN_PATH)}, express.urlencoded({ extended: false }), demoSignIn);`,
          `app.post(${jsString(DEMO_SIGN_OUT_PATH)}, demoSignOut);`,
          `app.get(${jsString(DEMO_SESSION_PATH)}, demoSessionInfo);`,
          "",
          `// POST ${CONTACT_TOKEN_ENDPOINT}: the signed-in user's contact token, after the session.`,
          "app.use(opencxRouter);",
          "",
        ]
      : []),
    "app.use(express.static(fileURLToPath(new URL('./public/', import.meta.url))));",
    "",
    "app.listen(port, () => {",
    "  console.log(`Listening on http://localhost:${port}`);",
    "});",
    "",
  ].join("\n");
}

/** Plain Node (`req`, `res` of node:http, which Express extends): no Express import. */
const DEMO_SESSION = [
  '// DEMO ONLY: a fake sign-in, so the verified model works end to end. Anyone can "sign in" as',
  "// any email: the cookie is neither signed nor checked. Replace it with your auth (Passport,",
  "// express-session, your identity provider); the contact-token route needs only req.user.email.",
  "",
  `export const DEMO_USER_COOKIE = ${jsString(DEMO_USER_COOKIE)};`,
  "",
  "/** The value of cookie `name` in a Cookie header, or null. */",
  "function readCookie(header, name) {",
  "  for (const part of header.split(';')) {",
  "    const [key, ...value] = part.trim().split('=');",
  "    if (key !== name) continue;",
  "    try {",
  "      return decodeURIComponent(value.join('='));",
  "    } catch {",
  "      return null;",
  "    }",
  "  }",
  "  return null;",
  "}",
  "",
  "/** What the demo sign-in accepts: something@something, at most 254 characters. */",
  "export function isDemoEmail(value) {",
  "  return value.length <= 254 && /^[^\\s@]+@[^\\s@]+$/.test(value);",
  "}",
  "",
  "/** Middleware: req.user is { email } when somebody signed in, null otherwise. */",
  "export function demoSession(req, _res, next) {",
  `  const email = readCookie(req.headers.cookie ?? '', DEMO_USER_COOKIE);`,
  "  req.user = email && isDemoEmail(email) ? { email } : null;",
  "  next();",
  "}",
  "",
  "function backToThePage(res) {",
  "  res.statusCode = 303;",
  "  res.setHeader('Location', '/');",
  "  res.end();",
  "}",
  "",
  `/** POST ${DEMO_SIGN_IN_PATH} with a form field email: remembers it in the cookie. */`,
  "export function demoSignIn(req, res) {",
  "  const email = String(req.body?.email ?? '').trim();",
  "  if (isDemoEmail(email)) {",
  "    res.setHeader(",
  "      'Set-Cookie',",
  "      `${DEMO_USER_COOKIE}=${encodeURIComponent(email)}; Path=/; HttpOnly; SameSite=Lax`,",
  "    );",
  "  }",
  "  backToThePage(res);",
  "}",
  "",
  `/** POST ${DEMO_SIGN_OUT_PATH}: forgets the email. */`,
  "export function demoSignOut(_req, res) {",
  "  res.setHeader('Set-Cookie', `${DEMO_USER_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);",
  "  backToThePage(res);",
  "}",
  "",
  `/** GET ${DEMO_SESSION_PATH}: { email } of the signed-in user, or { email: null }. */`,
  "export function demoSessionInfo(req, res) {",
  "  res.setHeader('Content-Type', 'application/json');",
  "  res.setHeader('Cache-Control', 'no-store');",
  "  res.end(JSON.stringify({ email: req.user?.email ?? null }));",
  "}",
  "",
].join("\n");

/** The demo sign-in's part of the page, and its script (after the snippet, whose function it calls). */
const SIGN_IN_SECTION = [
  '<section aria-labelledby="demo-sign-in">',
  '  <h2 id="demo-sign-in">Demo sign-in</h2>',
  "  <p><strong>Demo only:</strong> anyone can sign in as any email. Replace it with your own sign-in (see README.md).</p>",
  '  <p id="demo-status">Checking who is signed in…</p>',
  `  <form method="post" action="${DEMO_SIGN_IN_PATH}" id="demo-sign-in-form">`,
  '    <label>Email <input type="email" name="email" required autocomplete="email" placeholder="ada@example.com"></label>',
  '    <button type="submit">Sign in</button>',
  "  </form>",
  `  <form method="post" action="${DEMO_SIGN_OUT_PATH}" id="demo-sign-out-form">`,
  '    <button type="submit">Sign out</button>',
  "  </form>",
  "</section>",
];

const SIGN_IN_SCRIPT = [
  "<script>",
  "  // DEMO ONLY: says who is signed in.",
  `  fetch(${jsString(DEMO_SESSION_PATH)})`,
  "    .then((response) => response.json())",
  "    .then(({ email }) => {",
  "      document.getElementById('demo-status').textContent = email",
  "        ? `Signed in as ${email}.`",
  "        : 'Not signed in.';",
  "    });",
  "  // The widget has no sign-out of its own: clear its keys before the user signs out or another",
  "  // one signs in (the page reloads, so the next identity starts clean).",
  "  for (const id of ['demo-sign-in-form', 'demo-sign-out-form']) {",
  "    document.getElementById(id).addEventListener('submit', () => {",
  `      ${CLEAR_STORAGE_FUNCTION}();`,
  "    });",
  "  }",
  "</script>",
];

/** The demo consent banner's ids: the banner (removed on accept) and its button. */
const DEMO_CONSENT_BANNER_ID = "demo-consent-banner";
const DEMO_CONSENT_BUTTON_ID = "demo-consent-accept";

/**
 * Consent mode: the demo consent banner, standing in for the site's consent tool, and its script
 * (after the snippet, whose consent function it calls when the button is pressed, and only then).
 */
const CONSENT_SECTION = [
  `<section aria-labelledby="demo-consent" id="${DEMO_CONSENT_BANNER_ID}">`,
  '  <h2 id="demo-consent">Demo consent banner</h2>',
  "  <p><strong>Demo only:</strong> this banner stands in for your consent tool (a cookie banner). The chat loads once you accept (see README.md).</p>",
  `  <button type="button" id="${DEMO_CONSENT_BUTTON_ID}">Accept chat</button>`,
  "</section>",
];

const CONSENT_SCRIPT = [
  "<script>",
  `  // DEMO ONLY: stands in for your consent tool, which calls ${CONSENT_FUNCTION}() when the`,
  "  // visitor agrees. Replace the banner and this script with your consent tool (see README.md).",
  `  document.getElementById(${jsString(DEMO_CONSENT_BUTTON_ID)}).addEventListener('click', () => {`,
  `    document.getElementById(${jsString(DEMO_CONSENT_BANNER_ID)}).remove();`,
  `    ${CONSENT_FUNCTION}();`,
  "  });",
  "</script>",
];

/** The HTML snippet, unchanged (not even indented), at the end of a small page's body. */
function pageFile(config: PlaygroundConfig): string {
  const snippet = generateHtmlSnippet(config).files[0]!.code;
  const verified = isVerified(config);
  const consent = config.loading === "consent";
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>OpenCX support chat starter</title>",
    '<link rel="icon" href="data:,">',
    "<style>body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 40rem; }</style>",
    "</head>",
    "<body>",
    "<main>",
    "<h1>OpenCX support chat</h1>",
    `<p>${MODEL_SENTENCE[config.model]}</p>`,
    ...(verified ? SIGN_IN_SECTION : []),
    ...(consent ? CONSENT_SECTION : []),
    "</main>",
    "",
    snippet.trimEnd(),
    ...(verified ? ["", ...SIGN_IN_SCRIPT] : []),
    ...(consent ? ["", ...CONSENT_SCRIPT] : []),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

const GITIGNORE = ["node_modules/", ".env", ""].join("\n");

function readme(config: PlaygroundConfig, link: PlaygroundLink): string {
  const verified = isVerified(config);
  const files = [
    `| \`${PAGE_FILE}\` | the page: the playground's HTML snippet, unchanged, at the end of \`<body>\`` +
      (config.loading === "consent"
        ? "; the DEMO consent banner and its script: replace them |"
        : " |"),
    "| `server.mjs` | Express: serves `public/`" +
      (verified ? ", the demo sign-in and the contact-token route |" : " |"),
    ...(verified
      ? [
          "| `server/opencx-contact-token.mjs` | mints a contact token (the playground's Node snippet) |",
          `| \`${EXPRESS_ROUTES_FILE}\` | \`POST ${CONTACT_TOKEN_ENDPOINT}\` for \`req.user\` (the playground's Express snippet) |`,
          `| \`${DEMO_SESSION_FILE}\` | the DEMO sign-in: replace it |`,
          `| \`${ENV_EXAMPLE_FILE}\` | the sandbox settings \`npm run dev\` reads |`,
        ]
      : []),
  ];
  return [
    ...readmeHead(config, link, {
      stack: "Express",
      verifiedRun:
        "Sign in with any email (a demo sign-in): the page asks this server for your contact token, which it mints from the playground's sandbox, and starts the widget with it.",
      tokenFile: PAGE_FILE,
      consentInProduction: `call \`${CONSENT_FUNCTION}()\` from your consent tool's callback when the visitor agrees, and remove the banner and its script from \`${PAGE_FILE}\``,
      files,
    }),
    ...(verified
      ? [
          `- Replace the demo sign-in (\`${DEMO_SESSION_FILE}\` and its four lines in \`server.mjs\`) with`,
          "  your session middleware: the contact-token route needs `req.user.email`.",
          ...productionSettings(KEY_NOTE, ENV_EXAMPLE_FILE),
        ]
      : []),
    ...WIDGET_TOKEN_NOTE,
    verified
      ? "- `npm start` runs the server without the development settings."
      : "- `npm start` runs the same server (the starter has no development settings).",
    "",
  ].join("\n");
}

export function expressStarterFiles(config: PlaygroundConfig, link: PlaygroundLink): StarterFile[] {
  const files: StarterFile[] = [
    { path: ".gitignore", contents: GITIGNORE },
    { path: "README.md", contents: readme(config, link) },
    { path: "package.json", contents: packageJson(config) },
    { path: PAGE_FILE, contents: pageFile(config) },
    { path: "server.mjs", contents: serverFile(config) },
  ];
  if (isVerified(config)) {
    for (const file of generateExpressSnippet(config).files) {
      files.push({ path: file.path, contents: file.code });
    }
    files.push(
      { path: ENV_EXAMPLE_FILE, contents: envExample(link, KEY_NOTE) },
      { path: DEMO_SESSION_FILE, contents: DEMO_SESSION },
    );
  }
  return files;
}
