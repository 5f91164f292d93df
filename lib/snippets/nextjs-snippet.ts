/**
 * Next.js (App Router): a `'use client'` component that loads the React widget
 * in the browser only (it reads window and localStorage), to mount once in the
 * root layout. The verified model adds the route handler the component calls, which is also
 * the "Next.js route" server target on its own.
 */
import type { PlaygroundConfig } from "../config/options";
import {
  API_KEY_ENV,
  CONTACT_TOKEN_ENDPOINT,
  EMAIL_PARAMETER,
  isVerified,
  majorOfConfig,
  reactInstall,
  REACT_PACKAGE,
  snippetVersionNote,
} from "./model";
import { jsString } from "./print";
import {
  LAUNCHER_COMPONENT,
  mountNote,
  reactImport,
  supportWidgetComponent,
  UNAVAILABLE_FUNCTION,
  UNAVAILABLE_SOURCE,
  versionLine,
} from "./react-snippet";
import { API_URL_CONST, CONTACT_TOKEN_FUNCTION, contactTokenFunction } from "./server-snippets";
import { SNIPPET_TARGET_LABELS, type Snippet, type SnippetFile } from "./types";

/** Where the route handler lives: the App Router path of `CONTACT_TOKEN_ENDPOINT`. */
export const NEXT_ROUTE_PATH = `app${CONTACT_TOKEN_ENDPOINT}/route.ts`;

/** `next/dynamic` loads the package in the browser only, and (on consent or click) when first rendered. */
function dynamicWidget(config: PlaygroundConfig): string[] {
  const why = "// The widget reads window and localStorage: load it in the browser only";
  if (config.loading === "page-load")
    return [
      `${why}.`,
      `const Widget = dynamic(() => import('${REACT_PACKAGE}').then((mod) => mod.Widget), {`,
      "  ssr: false,",
      "});",
    ];
  return [
    ...UNAVAILABLE_SOURCE,
    "",
    `${why}, when it first renders.`,
    `const Widget = dynamic<ComponentProps<typeof OpenCxWidget>>(`,
    `  () => import('${REACT_PACKAGE}').then((mod) => mod.Widget, ${UNAVAILABLE_FUNCTION}),`,
    "  {",
    "    ssr: false,",
    // The look-alike launcher stays, busy, while the package loads after a click.
    ...(config.loading === "click" ? [`    loading: () => <${LAUNCHER_COMPONENT} busy />,`] : []),
    "  },",
    ");",
  ];
}

function componentFile(config: PlaygroundConfig): SnippetFile {
  const code = [
    "'use client';",
    "",
    versionLine(config),
    ...mountNote(config, "inside <body> in app/layout.tsx"),
    "import dynamic from 'next/dynamic';",
    reactImport(config, true),
    `import type { Widget as OpenCxWidget } from '${REACT_PACKAGE}';`,
    "",
    ...dynamicWidget(config),
    "",
    "type WidgetOptions = ComponentProps<typeof OpenCxWidget>['options'];",
    "",
    supportWidgetComponent(config, true),
    "",
  ].join("\n");
  return { path: "components/support-widget.tsx", language: "tsx", code };
}

/** The session helper the route handler calls: `async getSignedInUser(): Promise<{ email } | null>`. */
export const SIGNED_IN_USER_FUNCTION = "getSignedInUser";

/** Where the route handler's `getSignedInUser()` comes from. */
export interface NextRouteOptions {
  /**
   * The module that exports `getSignedInUser()` (e.g. a starter project's `@/lib/session`): the
   * route imports it instead of declaring the placeholder the customer implements.
   */
  sessionModule?: string;
}

/** The placeholder `getSignedInUser()` the customer implements with their auth library. */
const SIGNED_IN_USER_PLACEHOLDER = [
  "interface SignedInUser {",
  `  ${EMAIL_PARAMETER}: string;`,
  "}",
  "",
  "// TODO: implement with YOUR auth, e.g. `(await auth())?.user` with Auth.js or",
  "// `await currentUser()` with Clerk. Return null when nobody is signed in.",
  `async function ${SIGNED_IN_USER_FUNCTION}(): Promise<SignedInUser | null> {`,
  `  throw new Error('Implement ${SIGNED_IN_USER_FUNCTION}() with your auth library');`,
  "}",
  "",
];

/**
 * The route handler: `POST` answers `{ token }` for the signed-in user (from the app's session,
 * through the `getSignedInUser()` placeholder the customer implements, or imported from
 * `opts.sessionModule`), 401 otherwise. The Next.js page target shows it beside the component;
 * the "Next.js route" server target alone.
 */
export function nextRouteFile(config: PlaygroundConfig, opts: NextRouteOptions = {}): SnippetFile {
  // The import goes above the constant; the placeholder, like any helper, below it.
  const session =
    opts.sessionModule === undefined
      ? [API_URL_CONST, "", ...SIGNED_IN_USER_PLACEHOLDER]
      : [
          `import { ${SIGNED_IN_USER_FUNCTION} } from ${jsString(opts.sessionModule)};`,
          "",
          API_URL_CONST,
          "",
        ];
  const code = [
    `// ${snippetVersionNote(majorOfConfig(config))}: the endpoint your page calls for the contact token.`,
    `// POST ${CONTACT_TOKEN_ENDPOINT} → { token } for the signed-in user, 401 otherwise.`,
    `// Server only: set ${API_KEY_ENV} in the server environment (never with a NEXT_PUBLIC_ prefix).`,
    ...session,
    contactTokenFunction(config, { typed: true, exported: false }),
    "",
    "export async function POST() {",
    `  const user = await ${SIGNED_IN_USER_FUNCTION}();`,
    "  if (!user) {",
    "    return Response.json({ error: 'Not signed in' }, { status: 401 });",
    "  }",
    `  const token = await ${CONTACT_TOKEN_FUNCTION}(user.${EMAIL_PARAMETER});`,
    "  return Response.json({ token }, { headers: { 'Cache-Control': 'no-store' } });",
    "}",
    "",
  ].join("\n");
  return { path: NEXT_ROUTE_PATH, language: "ts", code };
}

export function generateNextjsSnippet(config: PlaygroundConfig): Snippet {
  const files = [componentFile(config)];
  if (isVerified(config)) files.push(nextRouteFile(config));
  const install = reactInstall(majorOfConfig(config));
  return { target: "nextjs", label: SNIPPET_TARGET_LABELS.nextjs, install, files };
}

/** The "Next.js route" server target: the route handler alone, for an app whose page is elsewhere. */
export function generateNextjsRouteSnippet(config: PlaygroundConfig): Snippet {
  return {
    target: "nextjs-route",
    label: SNIPPET_TARGET_LABELS["nextjs-route"],
    files: [nextRouteFile(config)],
  };
}
