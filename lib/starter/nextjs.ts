/**
 * The Next.js starter (App Router): the Next.js snippet's client component as it is, mounted in
 * the root layout as its comment says; in the verified model the snippet's route handler, printed
 * by the same generator with the session imported from the demo sign-in (`lib/session.ts`), and
 * that sign-in: two route handlers setting and clearing a cookie with an email. When the widget
 * loads on consent, a demo consent banner (`components/demo-consent.tsx`) stands in for the
 * site's consent tool and passes the component its required `consented`. Everything else is the
 * smallest idiomatic project around them.
 */
import type { PlaygroundConfig } from "../config/options";
import { isVerified, majorOfConfig, REACT_PACKAGE } from "../snippets/model";
import { generateNextjsSnippet, nextRouteFile } from "../snippets/nextjs-snippet";
import { jsString, printJson } from "../snippets/print";
import { WIDGET_PINS } from "../config/versions";
import { CLEAR_STORAGE_FUNCTION } from "../snippets/lifecycle";
import {
  DEMO_SIGN_IN_PATH,
  DEMO_SIGN_OUT_PATH,
  DEMO_USER_COOKIE,
  envExample,
  MODEL_SENTENCE,
  productionSettings,
  SANDBOX_ENV_FILES,
  WIDGET_TOKEN_NOTE,
  type PlaygroundLink,
  readmeHead,
} from "./common";
import { STARTER_NODE_ENGINES, STARTER_VERSIONS } from "./versions";
import type { StarterFile } from "./types";

/** The module the route handler and the layout import the session from. */
const SESSION_MODULE = "@/lib/session";
const SESSION_FILE = "lib/session.ts";
const COMPONENT_FILE = "components/support-widget.tsx";
const SUBMIT_BUTTON_FILE = "components/demo-submit-button.tsx";
/** Consent mode: the demo consent banner around `<SupportWidget>`. */
const CONSENT_FILE = "components/demo-consent.tsx";
/** The sandbox settings, which `next dev` loads itself (see `SANDBOX_ENV_FILES`). */
const ENV_FILE = SANDBOX_ENV_FILES.nextjs;
/** Where the org API key must never go in Next.js. */
const KEY_NOTE: readonly string[] = [
  "Never give it a NEXT_PUBLIC_ prefix: Next.js would send it to the browser.",
];

function packageJson(config: PlaygroundConfig): string {
  const manifest = {
    name: "opencx-starter-nextjs",
    version: "0.1.0",
    private: true,
    engines: { node: STARTER_NODE_ENGINES },
    scripts: {
      // In the verified model `next dev` reads the sandbox settings from .env.development.
      dev: "next dev",
      build: "next build",
      start: "next start",
    },
    dependencies: {
      [REACT_PACKAGE]: WIDGET_PINS[majorOfConfig(config)],
      next: STARTER_VERSIONS.next,
      react: STARTER_VERSIONS.react,
      "react-dom": STARTER_VERSIONS["react-dom"],
    },
    devDependencies: {
      "@types/node": STARTER_VERSIONS["@types/node"],
      "@types/react": STARTER_VERSIONS["@types/react"],
      "@types/react-dom": STARTER_VERSIONS["@types/react-dom"],
      typescript: STARTER_VERSIONS.typescript,
    },
  };
  return printJson(manifest) + "\n";
}

/** create-next-app's tsconfig, which `next build` leaves as it is. */
function tsconfigJson(): string {
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      lib: ["dom", "dom.iterable", "esnext"],
      allowJs: false,
      skipLibCheck: true,
      strict: true,
      noEmit: true,
      esModuleInterop: true,
      module: "esnext",
      moduleResolution: "bundler",
      resolveJsonModule: true,
      isolatedModules: true,
      jsx: "react-jsx",
      incremental: true,
      plugins: [{ name: "next" }],
      paths: { "@/*": ["./*"] },
    },
    include: [
      "next-env.d.ts",
      "**/*.ts",
      "**/*.tsx",
      ".next/types/**/*.ts",
      ".next/dev/types/**/*.ts",
    ],
    exclude: ["node_modules"],
  };
  return printJson(tsconfig) + "\n";
}

const NEXT_CONFIG = [
  "// Next.js settings: the starter needs none.",
  "/** @type {import('next').NextConfig} */",
  "const nextConfig = {};",
  "",
  "export default nextConfig;",
  "",
].join("\n");

/**
 * What the layout passes on: v5 verified the user's id, v4 verified a key per user (widget v4
 * reads its options once per mount), otherwise nothing (no sign-in, so the identity never changes).
 */
type WidgetMount = "none" | "userId" | "key";

function widgetMount(config: PlaygroundConfig): WidgetMount {
  if (!isVerified(config)) return "none";
  return majorOfConfig(config) === "v5" ? "userId" : "key";
}

/**
 * Consent mode: the demo consent banner (a client component) holds the consent state and renders
 * `<SupportWidget consented={consented}>` with what the layout passes it, the banner until then.
 * v4 keys the widget inside it, so its consent survives a user switch.
 */
function consentFile(config: PlaygroundConfig): string {
  const mount = widgetMount(config);
  const props =
    mount === "userId"
      ? "{ userId }: { userId: string | null }"
      : mount === "key"
        ? "{ widgetKey }: { widgetKey: string }"
        : "";
  const widget =
    mount === "userId"
      ? "<SupportWidget consented={consented} userId={userId} />"
      : mount === "key"
        ? "<SupportWidget key={widgetKey} consented={consented} />"
        : "<SupportWidget consented={consented} />";
  return [
    "'use client';",
    "",
    "// DEMO ONLY: this banner stands in for your consent tool (a cookie banner). In production render",
    "// <SupportWidget consented={…} /> with your consent tool's state (true once the visitor agrees, on",
    "// every page load where consent is stored) and delete this file.",
    "import { useState } from 'react';",
    "import { SupportWidget } from './support-widget';",
    "",
    `export function DemoConsent(${props}) {`,
    "  const [consented, setConsented] = useState(false);",
    "  return (",
    "    <>",
    "      {!consented && (",
    '        <section aria-labelledby="demo-consent">',
    '          <h2 id="demo-consent">Demo consent banner</h2>',
    "          <p>",
    "            <strong>Demo only:</strong> this banner stands in for your consent tool (a cookie",
    "            banner). The chat loads once you accept (see README.md).",
    "          </p>",
    '          <button type="button" onClick={() => setConsented(true)}>',
    "            Accept chat",
    "          </button>",
    "        </section>",
    "      )}",
    `      ${widget}`,
    "    </>",
    "  );",
    "}",
    "",
  ].join("\n");
}

/**
 * The root layout: the page, then `<SupportWidget>` once inside `<body>`, as its note says (in
 * consent mode inside the demo consent banner, `<DemoConsent>`).
 */
function layoutFile(config: PlaygroundConfig): string {
  const verified = isVerified(config);
  const consent = config.loading === "consent";
  const widget = consent ? consentMount(config) : supportWidgetMount(config);
  return [
    "import type { Metadata } from 'next';",
    "import type { ReactNode } from 'react';",
    consent
      ? "import { DemoConsent } from '@/components/demo-consent';"
      : "import { SupportWidget } from '@/components/support-widget';",
    ...(verified ? [`import { getSignedInUser } from ${jsString(SESSION_MODULE)};`] : []),
    "",
    "export const metadata: Metadata = { title: 'OpenCX support chat starter' };",
    "",
    `export default ${verified ? "async " : ""}function RootLayout({ children }: { children: ReactNode }) {`,
    ...(verified ? ["  const user = await getSignedInUser();"] : []),
    "  return (",
    '    <html lang="en">',
    "      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', maxWidth: '40rem' }}>",
    "        {children}",
    ...widget,
    "      </body>",
    "    </html>",
    "  );",
    "}",
    "",
  ].join("\n");
}

/** The layout's `<SupportWidget>` (on page load or on click). */
function supportWidgetMount(config: PlaygroundConfig): string[] {
  switch (widgetMount(config)) {
    case "none":
      return [
        "        {/* No sign-in here, so the identity never changes and the widget needs no key. */}",
        "        <SupportWidget />",
      ];
    case "userId":
      return [
        "        {/* The demo uses the email as the user's id: pass your user's id. */}",
        "        <SupportWidget userId={user?.email ?? null} />",
      ];
    case "key":
      return [
        "        {/* Keyed by the user: widget v4 needs a new instance for a new identity. */}",
        "        <SupportWidget key={user?.email ?? 'signed-out'} />",
      ];
  }
}

/** Consent mode: the layout's `<DemoConsent>`, passing on what it passed `<SupportWidget>`. */
function consentMount(config: PlaygroundConfig): string[] {
  const note =
    "        {/* DEMO: a consent banner standing in for your consent tool renders <SupportWidget consented={…} />. */}";
  switch (widgetMount(config)) {
    case "none":
      return [note, "        <DemoConsent />"];
    case "userId":
      return [
        note,
        "        {/* The demo uses the email as the user's id: pass your user's id. */}",
        "        <DemoConsent userId={user?.email ?? null} />",
      ];
    case "key":
      return [
        note,
        "        {/* It keys the widget by the user: widget v4 needs a new instance for a new identity. */}",
        "        <DemoConsent widgetKey={user?.email ?? 'signed-out'} />",
      ];
  }
}

function pageFile(config: PlaygroundConfig): string {
  if (!isVerified(config)) {
    return [
      "export default function Home() {",
      "  return (",
      "    <main>",
      "      <h1>OpenCX support chat</h1>",
      `      <p>${MODEL_SENTENCE[config.model]}</p>`,
      "    </main>",
      "  );",
      "}",
      "",
    ].join("\n");
  }
  return [
    "import { DemoSubmitButton } from '@/components/demo-submit-button';",
    `import { getSignedInUser } from ${jsString(SESSION_MODULE)};`,
    "",
    "export default async function Home() {",
    "  const user = await getSignedInUser();",
    "  return (",
    "    <main>",
    "      <h1>OpenCX support chat</h1>",
    `      <p>${MODEL_SENTENCE.server}</p>`,
    '      <section aria-labelledby="demo-sign-in">',
    '        <h2 id="demo-sign-in">Demo sign-in</h2>',
    "        <p>",
    "          <strong>Demo only:</strong> anyone can sign in as any email. Replace it with your own",
    "          sign-in (see README.md).",
    "        </p>",
    "        {user ? (",
    `          <form method="post" action="${DEMO_SIGN_OUT_PATH}">`,
    "            <p>Signed in as {user.email}.</p>",
    "            <DemoSubmitButton>Sign out</DemoSubmitButton>",
    "          </form>",
    "        ) : (",
    `          <form method="post" action="${DEMO_SIGN_IN_PATH}">`,
    "            <label>",
    "              Email{' '}",
    '              <input type="email" name="email" required autoComplete="email" placeholder="ada@example.com" />',
    "            </label>{' '}",
    "            <DemoSubmitButton>Sign in</DemoSubmitButton>",
    "          </form>",
    "        )}",
    "      </section>",
    "    </main>",
    "  );",
    "}",
    "",
  ].join("\n");
}

const SUBMIT_BUTTON = [
  "'use client';",
  "",
  "import type { ReactNode } from 'react';",
  `import { ${CLEAR_STORAGE_FUNCTION} } from './support-widget';`,
  "",
  "// The demo sign-in's submit buttons. The widget has no sign-out of its own: clear its keys in",
  "// this browser before a user signs in or out (the page reloads, so the next identity starts clean).",
  "export function DemoSubmitButton({ children }: { children: ReactNode }) {",
  "  return (",
  `    <button type="submit" onClick={() => ${CLEAR_STORAGE_FUNCTION}()}>`,
  "      {children}",
  "    </button>",
  "  );",
  "}",
  "",
].join("\n");

const SESSION = [
  '// DEMO ONLY: a fake sign-in, so the verified model works end to end. Anyone can "sign in" as',
  "// any email: the cookie is neither signed nor checked. Replace getSignedInUser() with your auth",
  "// (Auth.js, Clerk, your own sessions) and delete app/demo/.",
  "import { cookies } from 'next/headers';",
  "",
  `export const DEMO_USER_COOKIE = ${jsString(DEMO_USER_COOKIE)};`,
  "",
  "export interface SignedInUser {",
  "  email: string;",
  "}",
  "",
  "/** The signed-in user, or null when nobody is signed in. */",
  "export async function getSignedInUser(): Promise<SignedInUser | null> {",
  "  const email = (await cookies()).get(DEMO_USER_COOKIE)?.value;",
  "  return email && isDemoEmail(email) ? { email } : null;",
  "}",
  "",
  "/** What the demo sign-in accepts: something@something, at most 254 characters. */",
  "export function isDemoEmail(value: string): boolean {",
  "  return value.length <= 254 && /^[^\\s@]+@[^\\s@]+$/.test(value);",
  "}",
  "",
].join("\n");

const SIGN_IN_ROUTE = [
  "// DEMO ONLY (see lib/session.ts): remembers the posted email in a cookie, then back to the page.",
  "import { NextResponse, type NextRequest } from 'next/server';",
  `import { DEMO_USER_COOKIE, isDemoEmail } from ${jsString(SESSION_MODULE)};`,
  "",
  "export async function POST(request: NextRequest) {",
  "  const form = await request.formData();",
  "  const email = String(form.get('email') ?? '').trim();",
  "  const response = NextResponse.redirect(new URL('/', request.url), 303);",
  "  if (isDemoEmail(email)) {",
  "    response.cookies.set(DEMO_USER_COOKIE, email, { httpOnly: true, sameSite: 'lax', path: '/' });",
  "  }",
  "  return response;",
  "}",
  "",
].join("\n");

const SIGN_OUT_ROUTE = [
  "// DEMO ONLY (see lib/session.ts): forgets the signed-in email, then back to the page.",
  "import { NextResponse, type NextRequest } from 'next/server';",
  `import { DEMO_USER_COOKIE } from ${jsString(SESSION_MODULE)};`,
  "",
  "export function POST(request: NextRequest) {",
  "  const response = NextResponse.redirect(new URL('/', request.url), 303);",
  "  response.cookies.delete(DEMO_USER_COOKIE);",
  "  return response;",
  "}",
  "",
].join("\n");

const ICON = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
  '  <circle cx="16" cy="16" r="14" fill="#171717" />',
  "</svg>",
  "",
].join("\n");

const GITIGNORE = [
  "node_modules/",
  ".next/",
  "next-env.d.ts",
  "*.tsbuildinfo",
  ".env",
  ".env*.local",
  "",
].join("\n");

function readme(config: PlaygroundConfig, link: PlaygroundLink): string {
  const verified = isVerified(config);
  const consent = config.loading === "consent";
  const files = [
    `| \`${COMPONENT_FILE}\` | the widget (the playground's Next.js snippet, unchanged) |`,
    ...(consent
      ? [
          "| `app/layout.tsx` | mounts `<DemoConsent>` once, inside `<body>` |",
          `| \`${CONSENT_FILE}\` | the DEMO consent banner, rendering \`<SupportWidget consented={…}>\`: replace it with your consent tool |`,
        ]
      : ["| `app/layout.tsx` | mounts `<SupportWidget>` once, inside `<body>` |"]),
    "| `app/page.tsx` | the page |",
    ...(verified
      ? [
          "| `app/api/opencx/contact-token/route.ts` | mints the signed-in user's contact token (the playground's route snippet) |",
          `| \`${SESSION_FILE}\`, \`app/demo/\`, \`${SUBMIT_BUTTON_FILE}\` | the DEMO sign-in: replace it |`,
          `| \`${ENV_FILE}\` | the sandbox settings \`npm run dev\` reads (Next.js loads it in development only) |`,
        ]
      : []),
  ];
  return [
    ...readmeHead(config, link, {
      stack: "Next.js",
      verifiedRun:
        "Sign in with any email (a demo sign-in): the page asks this app's route for your contact token, which it mints from the playground's sandbox, and starts the widget with it.",
      tokenFile: COMPONENT_FILE,
      consentInProduction: `pass \`consented\` to \`<SupportWidget>\` from your consent state (true once the visitor agrees) and delete \`${CONSENT_FILE}\``,
      files,
    }),
    ...(verified
      ? [
          `- Replace the demo sign-in: \`getSignedInUser()\` in \`${SESSION_FILE}\` must return the user of your`,
          "  session (Auth.js, Clerk, your own), and `app/demo/` goes.",
          ...productionSettings(KEY_NOTE, ENV_FILE),
        ]
      : []),
    ...WIDGET_TOKEN_NOTE,
    ...(verified
      ? [
          "- To try your own key in development, put the two variables in `.env.local` (git-ignored) or",
          `  set them in your shell (\`OPENCX_API_KEY=… npm run dev\`): both win over \`${ENV_FILE}\`.`,
        ]
      : []),
    "- `npm run build && npm start` runs the production build.",
    "",
    "## Installing the widget package",
    "",
    `\`npm install\` fetches \`${REACT_PACKAGE}\` from the public npm registry. A registry or mirror`,
    "without the `@opencx` scope (some company mirrors and CI caches) answers 404, and the whole",
    "install fails: point the scope at the public registry with an `.npmrc` line",
    "`@opencx:registry=https://registry.npmjs.org/`.",
    "",
  ].join("\n");
}

export function nextjsStarterFiles(config: PlaygroundConfig, link: PlaygroundLink): StarterFile[] {
  const snippet = generateNextjsSnippet(config);
  const component = snippet.files.find((f) => f.path === COMPONENT_FILE);
  if (!component) throw new Error(`The Next.js snippet has no ${COMPONENT_FILE}`);
  const files: StarterFile[] = [
    { path: ".gitignore", contents: GITIGNORE },
    { path: "README.md", contents: readme(config, link) },
    { path: "app/icon.svg", contents: ICON },
    { path: "app/layout.tsx", contents: layoutFile(config) },
    { path: "app/page.tsx", contents: pageFile(config) },
    { path: COMPONENT_FILE, contents: component.code },
    { path: "next.config.mjs", contents: NEXT_CONFIG },
    { path: "package.json", contents: packageJson(config) },
    { path: "tsconfig.json", contents: tsconfigJson() },
  ];
  if (config.loading === "consent")
    files.push({ path: CONSENT_FILE, contents: consentFile(config) });
  if (isVerified(config)) {
    const route = nextRouteFile(config, { sessionModule: SESSION_MODULE });
    files.push(
      { path: ENV_FILE, contents: envExample(link, KEY_NOTE) },
      { path: route.path, contents: route.code },
      { path: "app/demo/sign-in/route.ts", contents: SIGN_IN_ROUTE },
      { path: "app/demo/sign-out/route.ts", contents: SIGN_OUT_ROUTE },
      { path: SUBMIT_BUTTON_FILE, contents: SUBMIT_BUTTON },
      { path: SESSION_FILE, contents: SESSION },
    );
  }
  return files;
}
