/**
 * The React widget: `<Widget options={…} />` from `@opencx/widget-react`
 * (domain.md §10.2, domain-v5.md §10.2). In the verified model the component
 * fetches the contact token from the integrator's backend and renders nothing
 * until it has one. Every snippet ends with `clearOpenCxWidgetStorage()` for the
 * app's sign-out (domain-v5.md §18).
 *
 * - v4 initialises once per mount, so the page keys `<SupportWidget>` by the
 *   signed-in user (or a counter for a visitor), never by the token: a new
 *   identity needs a new instance (domain.md §5.11).
 * - v5 follows its options: a new token for the same user keeps the
 *   conversation, another user resets it in place (domain-v5.md §3.7). So the
 *   verified component takes the user's id, is never keyed by the token, a token
 *   minted with `mcp_access` is renewed into the same mounted widget, and
 *   `errorComponent` shows what v5 would otherwise hide: a failed start renders
 *   nothing (§3.1). Without a verified token the identity fingerprint ignores
 *   `user.data`, so those models remount with a new key, as on v4.
 */
import type { PlaygroundConfig } from "../config/options";
import {
  CLEAR_STORAGE_FUNCTION,
  clearStorageFunction,
  commentLines,
  FETCH_TOKEN_FUNCTION,
  fetchTokenFunction,
  chatOnlyNote,
  remountKeyText,
  RENEW_FUNCTION,
  renewalFunction,
  v4NoRenewalNote,
} from "./lifecycle";
import {
  CONTACT_TOKEN_ENDPOINT,
  CONTACT_TOKEN_VARIABLE,
  connectionSwitchesNote,
  isVerified,
  majorOfConfig,
  reactInstall,
  REACT_PACKAGE,
  rendersRenewal,
  snippetVersionNote,
} from "./model";
import {
  LAUNCHER_ICON_PATH,
  LAUNCHER_LABEL,
  launcherStyleObject,
  loadingHeadline,
  loadingOptionsValue,
} from "./loading";
import { printJs } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/** The name of the options type alias both React snippets declare. */
const OPTIONS_TYPE = "WidgetOptions";
/** The v5 snippets' `errorComponent`. */
const ERROR_RENDERER = "renderWidgetError";

const SETTER = "set" + CONTACT_TOKEN_VARIABLE[0]!.toUpperCase() + CONTACT_TOKEN_VARIABLE.slice(1);

/** The `<Widget>` element, per version: never keyed (v4 is keyed from outside, by the user). */
function widgetElement(config: PlaygroundConfig): string {
  return majorOfConfig(config) === "v5"
    ? `<Widget options={options} errorComponent={${ERROR_RENDERER}} />`
    : "<Widget options={options} />";
}

/** v5 only: what to render when the widget cannot start (v5 renders nothing by itself). */
const ERROR_RENDERER_SOURCE = [
  "// v5 renders nothing when it cannot start (a wrong widget token, say): show something instead.",
  `function ${ERROR_RENDERER}(error: Error) {`,
  "  console.error('The OpenCX widget could not start:', error);",
  '  return <p role="status">Chat is unavailable right now.</p>;',
  "}",
];

/** v4, verified: fetch the token once per mount (the component is keyed by the user from outside). */
function fetchOnceEffect(settles: boolean): string[] {
  // On click the busy launcher shows until the answer: a 401 or a failure settles it to null.
  const keep = settles
    ? [`        if (!cancelled) ${SETTER}(data ? data.token : null);`]
    : [`        if (!cancelled && data) ${SETTER}(data.token);`];
  return [
    "  useEffect(() => {",
    "    let cancelled = false;",
    "    // The contact token comes from YOUR backend; the org API key never leaves it.",
    `    fetch('${CONTACT_TOKEN_ENDPOINT}', { method: 'POST', credentials: 'same-origin' })`,
    "      .then((response) => {",
    "        if (response.status === 401) return null; // Not signed in: no verified widget.",
    "        if (!response.ok) throw new Error(`Contact token request failed (${response.status})`);",
    "        return response.json() as Promise<{ token: string }>;",
    "      })",
    "      .then((data) => {",
    ...keep,
    "      })",
    "      .catch((error: unknown) => {",
    "        // The widget stays hidden; the console says why.",
    "        console.error('The OpenCX contact token could not be fetched:', error);",
    ...(settles ? [`        if (!cancelled) ${SETTER}(null);`] : []),
    "      });",
    "    return () => {",
    "      cancelled = true;",
    "    };",
    "  }, []);",
  ];
}

/**
 * v5, verified: fetch the signed-in user's token whenever `userId` changes, into the same
 * `<Widget>` (domain-v5.md §3.7); with `mcp_access`, renew it until the user changes or the
 * component unmounts (one renewal at a time).
 */
function userTokenEffect(renews: boolean): string[] {
  return [
    "  useEffect(() => {",
    "    if (userId === null) {",
    `      ${SETTER}(null); // Signed out: no verified widget.`,
    "      return;",
    "    }",
    "    // A user signed in, or another one replaced them: fetch their token for the same <Widget>.",
    "    let cancelled = false;",
    ...(renews ? ["    let stopRenewal = () => {};"] : []),
    `    ${FETCH_TOKEN_FUNCTION}()`,
    "      .then((token) => {",
    "        if (cancelled) return;",
    `        ${SETTER}(token);`,
    ...(renews
      ? [`        if (token !== null) stopRenewal = ${RENEW_FUNCTION}(token, ${SETTER});`]
      : []),
    "      })",
    "      .catch(() => {",
    "        // Network error: no widget rather than the previous user's.",
    `        if (!cancelled) ${SETTER}(null);`,
    "      });",
    "    return () => {",
    "      cancelled = true;",
    ...(renews ? ["      stopRenewal();"] : []),
    "    };",
    "  }, [userId]);",
  ];
}

/** The key the page gives `<SupportWidget>` where the identity changes by remounting. */
function remountKey(config: PlaygroundConfig): string {
  return config.model === "browser" || isVerified(config) ? "userId" : "visit";
}

/** v5 verified: `<SupportWidget>` takes the signed-in user's id instead of a key. */
const PROPS_SOURCE = [
  "interface SupportWidgetProps {",
  "  /** Your signed-in user's id, or null when nobody is signed in. */",
  "  userId: string | null;",
  "}",
];

/**
 * Everything after the imports and the `WidgetOptions` alias: the options, the
 * `SupportWidget` component and the sign-out helper. Shared by the React and Next.js snippets.
 */
export function supportWidgetComponent(config: PlaygroundConfig, nextjs = false): string {
  const v5 = majorOfConfig(config) === "v5";
  const onDemand = config.loading !== "page-load";
  // On consent or on click the exported SupportWidget is the gate, which renders this one.
  const opening = onDemand ? `function ${LOADED_COMPONENT}(` : "export function SupportWidget(";
  const gate = onDemand ? ["", ...loadingGate(config, nextjs)] : [];
  const errorRenderer = v5 ? [...ERROR_RENDERER_SOURCE, ""] : [];
  const clear = ["", ...clearStorageFunction(config, true, nextjs ? NEXT_SIGN_OUT : "")];
  if (!isVerified(config)) {
    const options = printJs(loadingOptionsValue(config, config.loading), { breakTopLevel: true });
    return [
      `const options: ${OPTIONS_TYPE} = ${options};`,
      "",
      ...errorRenderer,
      `${opening}) {`,
      `  return ${widgetElement(config)};`,
      "}",
      ...gate,
      ...clear,
    ].join("\n");
  }
  // Stryker disable next-line BooleanLiteral: verified options always hold the user object, so they never fit on one line anyway.
  const options = printJs(loadingOptionsValue(config, config.loading), {
    level: 1,
    breakTopLevel: true,
  });
  const renews = rendersRenewal(config);
  // On click the press shows the busy launcher until the token request answers (no gap).
  const pending = config.loading === "click";
  const before = v5
    ? [...fetchTokenFunction(true), "", ...(renews ? renewalFunction(true) : chatOnlyNote())]
    : v4NoRenewalNote(true);
  const keepMounted = v5
    ? "  // A new token goes to this same <Widget> through its options: never key it by the token."
    : "  // v4 reads these options once per mount: a new identity needs a new key on <SupportWidget>.";
  return [
    ...before,
    ...(v5 ? ["", ...errorRenderer, ...PROPS_SOURCE, ""] : []),
    v5 ? `${opening}{ userId }: SupportWidgetProps) {` : `${opening}) {`,
    pending
      ? `  const [${CONTACT_TOKEN_VARIABLE}, ${SETTER}] = useState<string | null | undefined>(undefined);`
      : `  const [${CONTACT_TOKEN_VARIABLE}, ${SETTER}] = useState<string | null>(null);`,
    "",
    ...(v5 ? userTokenEffect(renews) : fetchOnceEffect(pending)),
    "",
    ...(pending
      ? [
          "  // Still asking your backend: the busy launcher keeps the widget's place until it answers.",
          `  if (${CONTACT_TOKEN_VARIABLE} === undefined) return <${LAUNCHER_COMPONENT} busy />;`,
          "  // Not signed in (401) or no answer: a verified widget needs its token first.",
        ]
      : ["  // Not signed in (401) or still loading: a verified widget needs its token first."]),
    `  if (${CONTACT_TOKEN_VARIABLE} === null) return null;`,
    "",
    ...connectionSwitchesNote(config).map((line) => `  // ${line}`),
    `  const options: ${OPTIONS_TYPE} = ${options};`,
    "",
    keepMounted,
    `  return ${widgetElement(config)};`,
    "}",
    ...gate,
    ...clear,
  ].join("\n");
}

/** On consent or on click: the component that renders `<Widget>`, behind the exported gate. */
const LOADED_COMPONENT = "LoadedSupportWidget";
/** On click: the look-alike launcher component. */
export const LAUNCHER_COMPONENT = "ChatLauncher";

/** On click: the look-alike launcher, in the widget's place and colours (loading.ts). */
function chatLauncherSource(config: PlaygroundConfig): string[] {
  const style = launcherStyleObject(config);
  return [
    ...commentLines(
      "Looks like the widget's launcher (48px, in your primary colour, in its corner); pressing it loads the real widget, which opens in its place.",
    ),
    `const launcherStyle: CSSProperties = ${printJs(style, { breakTopLevel: true })};`,
    "",
    `function ${LAUNCHER_COMPONENT}({ onPress, busy = false }: { onPress?: () => void; busy?: boolean }) {`,
    "  return (",
    "    <button",
    '      type="button"',
    `      aria-label=${jsxAttribute(LAUNCHER_LABEL)}`,
    `      title=${jsxAttribute(LAUNCHER_LABEL)}`,
    "      aria-busy={busy}",
    "      disabled={busy}",
    "      onClick={onPress}",
    "      style={launcherStyle}",
    "    >",
    '      <svg width={24} height={24} viewBox="0 0 24 24" aria-hidden="true" focusable="false">',
    "        <path",
    '          fill="currentColor"',
    `          d=${jsxAttribute(LAUNCHER_ICON_PATH)}`,
    "        />",
    "      </svg>",
    "    </button>",
    "  );",
    "}",
  ];
}

/** A fixed, quote-free text as a JSX attribute value. */
const jsxAttribute = (text: string) => `"${text}"`;

/**
 * On consent or on click: the exported `SupportWidget` renders nothing (consent) or the
 * look-alike launcher (click) until the trigger, then the loaded component. React loads the
 * package with `lazy` under `Suspense`; Next.js with `dynamic`, whose `loading` shows the busy
 * launcher.
 */
function loadingGate(config: PlaygroundConfig, nextjs: boolean): string[] {
  const v5Verified = majorOfConfig(config) === "v5" && isVerified(config);
  const inner = `<${LOADED_COMPONENT}${v5Verified ? " userId={userId}" : ""} />`;
  const render = (fallback: string) =>
    nextjs
      ? [`  return ${inner};`]
      : [
          "  return (",
          `    <Suspense fallback={${fallback}}>`,
          `      ${inner}`,
          "    </Suspense>",
          "  );",
        ];
  if (config.loading === "consent") {
    const props = v5Verified
      ? "{ consented, userId }: SupportWidgetProps & ConsentProps"
      : "{ consented }: ConsentProps";
    return [
      "interface ConsentProps {",
      "  /** True once your consent tool says yes: until then the widget's package is not loaded. */",
      "  consented: boolean;",
      "}",
      "",
      `export function SupportWidget(${props}) {`,
      "  // Before consent: no request to the widget's host and no opencx-widget:* key.",
      "  if (!consented) return null;",
      ...render("null"),
      "}",
    ];
  }
  return [
    `export function SupportWidget(${v5Verified ? "{ userId }: SupportWidgetProps" : ""}) {`,
    "  const [pressed, setPressed] = useState(false);",
    ...(v5Verified
      ? ["  if (userId === null) return null; // Signed out: no verified widget, no launcher."]
      : []),
    "  // Until it is pressed: no request to the widget's host and no opencx-widget:* key.",
    `  if (!pressed) return <${LAUNCHER_COMPONENT} onPress={() => setPressed(true)} />;`,
    ...render(`<${LAUNCHER_COMPONENT} busy />`),
    "}",
    "",
    ...chatLauncherSource(config),
  ];
}

/** Next.js: where the sign-out code runs, and how the layout learns about a new user. */
const NEXT_SIGN_OUT =
  "In Next.js call it from client code (your sign-out button's handler) before you sign out, and after signing in or out without a full page load call router.refresh() so the layout passes the new user.";

/** The comment lines under the version line, saying where to mount the component and how. */
export function mountNote(config: PlaygroundConfig, where: string): string[] {
  const v5 = majorOfConfig(config) === "v5";
  const single = v5 ? ["// One integration per page: not beside the HTML embed."] : [];
  const consent = config.loading === "consent" ? " consented={consented}" : "";
  if (v5 && isVerified(config)) {
    return [
      `// Render <SupportWidget userId={userId}${consent} /> once, ${where}.`,
      ...single,
      ...commentLines(
        "Pass your signed-in user's id (null when signed out). v5 keeps the conversation when the same user's token is renewed and resets itself for another user, so the widget stays mounted.",
      ),
      ...loadingNote(config),
    ];
  }
  const why = v5
    ? "a new identity needs a new key"
    : "widget v4 reads its options once per mount, so a new identity needs a new key";
  return [
    `// Render <SupportWidget key={${remountKey(config)}}${consent} /> once, ${where}.`,
    ...single,
    ...commentLines(
      `Key it by ${remountKeyText(config, false)}: ${why} (see ${CLEAR_STORAGE_FUNCTION} below).`,
    ),
    ...loadingNote(config),
  ];
}

/** On consent or on click: the headline (what waits, what it saves) and how the page triggers it. */
function loadingNote(config: PlaygroundConfig): string[] {
  if (config.loading === "page-load") return [];
  const how =
    config.loading === "consent"
      ? "Pass consented={true} when your consent tool says yes (on every page load where consent is stored)."
      : isVerified(config)
        ? "It shows a look-alike launcher (render it only while a user is signed in: a verified widget needs their token); pressing it loads the widget, which opens."
        : "It shows a look-alike launcher; pressing it loads the widget, which opens.";
  return commentLines(`${loadingHeadline(config.loading, config, false)} ${how}`);
}

/** The first comment line: version, pin, install command (and React's versions for v5). */
export function versionLine(config: PlaygroundConfig): string {
  const major = majorOfConfig(config);
  const react = major === "v5" ? ", for React 18 or 19" : "";
  return `// ${snippetVersionNote(major)}${react}: ${reactInstall(major)}`;
}

/** The `react` import the component needs (React's lazy loading on consent or click, not Next.js's). */
export function reactImport(config: PlaygroundConfig, nextjs = false): string {
  const onDemand = config.loading !== "page-load";
  const click = config.loading === "click";
  const values = [
    ...(onDemand && !nextjs ? ["lazy", "Suspense"] : []),
    ...(isVerified(config) ? ["useEffect"] : []),
    ...(isVerified(config) || click ? ["useState"] : []),
  ];
  const types = [
    "ComponentProps",
    ...(onDemand ? ["ComponentType"] : []),
    ...(click ? ["CSSProperties"] : []),
  ];
  return values.length === 0
    ? `import type { ${types.join(", ")} } from 'react';`
    : `import { ${[...values, ...types.map((t) => `type ${t}`)].join(", ")} } from 'react';`;
}

/** React on consent or on click: the package is its own chunk, loaded when first rendered. */
function widgetImport(config: PlaygroundConfig): string[] {
  if (config.loading === "page-load") return [`import { Widget } from '${REACT_PACKAGE}';`];
  return [
    `import type { Widget as OpenCxWidget } from '${REACT_PACKAGE}';`,
    "",
    ...UNAVAILABLE_SOURCE,
    "",
    "// The widget's package is a separate chunk, loaded when the widget first renders.",
    `const Widget = lazy<${LOADED_WIDGET_TYPE}>(() =>`,
    `  import('${REACT_PACKAGE}').then(`,
    "    (mod) => ({ default: mod.Widget }),",
    `    (error: unknown) => ({ default: ${UNAVAILABLE_FUNCTION}(error) }),`,
    "  ),",
    ");",
  ];
}

/** On consent or on click: the type of the lazily loaded `Widget`. */
const LOADED_WIDGET_TYPE = "ComponentType<ComponentProps<typeof OpenCxWidget>>";
/** On consent or on click: what stands in for `Widget` when the package cannot load. */
export const UNAVAILABLE_FUNCTION = "widgetUnavailable";

/**
 * On consent or on click the package loads late (after a deploy, an old tab asks for a chunk that
 * is gone): a failed import logs and renders nothing instead of unmounting the app with it.
 */
export const UNAVAILABLE_SOURCE = [
  "// If the package cannot load (offline, or an old tab after a deploy), log it and render nothing",
  "// rather than let the failed import take your app down with it.",
  `function ${UNAVAILABLE_FUNCTION}(error: unknown): ${LOADED_WIDGET_TYPE} {`,
  "  console.error('The OpenCX widget could not load:', error);",
  "  return () => null;",
  "}",
];

export function generateReactSnippet(config: PlaygroundConfig): Snippet {
  const install = reactInstall(majorOfConfig(config));
  const code = [
    versionLine(config),
    ...mountNote(config, "near the root of your app"),
    reactImport(config),
    ...widgetImport(config),
    "",
    `type ${OPTIONS_TYPE} = ComponentProps<typeof ${config.loading === "page-load" ? "Widget" : "OpenCxWidget"}>['options'];`,
    "",
    supportWidgetComponent(config),
    "",
  ].join("\n");
  return {
    target: "react",
    label: SNIPPET_TARGET_LABELS.react,
    install,
    files: [{ path: "src/support-widget.tsx", language: "tsx", code }],
  };
}
