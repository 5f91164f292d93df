/**
 * The React widget: `<Widget options={…} />` from `@opencx/widget-react`
 * (domain.md §10.2, domain-v5.md §10.2). In the verified model the component
 * fetches the contact token from the integrator's backend and renders nothing
 * until it has one.
 *
 * - v4 initialises once per mount, so the widget is keyed on the token: a new
 *   token (a new identity) needs a new instance (domain.md §5.11).
 * - v5 follows its options: a new token for the same user keeps the
 *   conversation, another user starts over (domain-v5.md §3.7). So the widget
 *   is never keyed by the token, a token minted with `mcp_access` is renewed
 *   into the same mounted widget, and `errorComponent` shows what v5 would
 *   otherwise hide: a failed start renders nothing (§3.1).
 */
import type { PlaygroundConfig } from "../config/options";
import {
  CONTACT_TOKEN_ENDPOINT,
  CONTACT_TOKEN_VARIABLE,
  connectionSwitchesNote,
  isVerified,
  majorOfConfig,
  reactInstall,
  REACT_PACKAGE,
  RENEW_AFTER_MINUTES,
  rendersRenewal,
  snippetVersionNote,
  widgetOptionsValue,
} from "./model";
import { printJs } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/** The name of the options type alias both React snippets declare. */
const OPTIONS_TYPE = "WidgetOptions";
/** The v5 snippets' `errorComponent`. */
const ERROR_RENDERER = "renderWidgetError";

const SETTER = "set" + CONTACT_TOKEN_VARIABLE[0]!.toUpperCase() + CONTACT_TOKEN_VARIABLE.slice(1);

/** The `<Widget>` element, per version. */
function widgetElement(config: PlaygroundConfig): string {
  if (majorOfConfig(config) === "v5")
    return `<Widget options={options} errorComponent={${ERROR_RENDERER}} />`;
  return isVerified(config)
    ? `<Widget key={${CONTACT_TOKEN_VARIABLE}} options={options} />`
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

/** v4, and v5 with a chat-only token: fetch the token once per mount. */
function fetchOnceEffect(): string[] {
  return [
    "  useEffect(() => {",
    "    let cancelled = false;",
    "    // The contact token comes from YOUR backend; the org API key never leaves it.",
    `    fetch('${CONTACT_TOKEN_ENDPOINT}', { method: 'POST', credentials: 'same-origin' })`,
    "      .then((response) => (response.ok ? response.json() : null))",
    "      .then((data: { token: string } | null) => {",
    `        if (!cancelled && data) ${SETTER}(data.token);`,
    "      })",
    "      .catch(() => {",
    "        // Network error: the widget stays hidden.",
    "      });",
    "    return () => {",
    "      cancelled = true;",
    "    };",
    "  }, []);",
  ];
}

/** v5 with a token minted with `mcp_access`: fetch now, then renew before the hour is up. */
const FETCH_HELPER = [
  "/** Asks YOUR backend for the signed-in user's contact token; null when nobody is signed in. */",
  "async function fetchContactToken(): Promise<string | null> {",
  `  const response = await fetch('${CONTACT_TOKEN_ENDPOINT}', {`,
  "    method: 'POST',",
  "    credentials: 'same-origin',",
  "  });",
  "  if (!response.ok) return null;",
  "  const data = (await response.json()) as { token: string };",
  "  return data.token;",
  "}",
];

function renewingEffect(): string[] {
  return [
    "  useEffect(() => {",
    "    // The token was minted with mcp_access, so it expires after one hour. Fetch one now,",
    `    // a new one after ${RENEW_AFTER_MINUTES} minutes and when the tab is shown again (background`,
    "    // tabs pause timers); each goes to the same mounted <Widget>. The org API key never",
    "    // leaves your backend.",
    "    let cancelled = false;",
    "    let fetchedAt = 0;",
    "    const renewIfDue = () => {",
    "      if (Date.now() - fetchedAt < RENEW_AFTER_MS) return;",
    "      fetchedAt = Date.now();",
    "      fetchContactToken()",
    "        .then((token) => {",
    `          if (!cancelled && token !== null) ${SETTER}(token);`,
    "        })",
    "        .catch(() => {",
    "          fetchedAt = 0; // Network error: try again at the next check.",
    "        });",
    "    };",
    "    const onVisibilityChange = () => {",
    "      if (document.visibilityState === 'visible') renewIfDue();",
    "    };",
    "    renewIfDue();",
    "    const timer = setInterval(renewIfDue, 60 * 1000);",
    "    document.addEventListener('visibilitychange', onVisibilityChange);",
    "    return () => {",
    "      cancelled = true;",
    "      clearInterval(timer);",
    "      document.removeEventListener('visibilitychange', onVisibilityChange);",
    "    };",
    "  }, []);",
  ];
}

/**
 * Everything after the imports and the `WidgetOptions` alias: the options and
 * the `SupportWidget` component. Shared by the React and Next.js snippets.
 */
export function supportWidgetComponent(config: PlaygroundConfig): string {
  const v5 = majorOfConfig(config) === "v5";
  const errorRenderer = v5 ? [...ERROR_RENDERER_SOURCE, ""] : [];
  if (!isVerified(config)) {
    const options = printJs(widgetOptionsValue(config), { breakTopLevel: true });
    return [
      `const options: ${OPTIONS_TYPE} = ${options};`,
      "",
      ...errorRenderer,
      "export function SupportWidget() {",
      `  return ${widgetElement(config)};`,
      "}",
    ].join("\n");
  }
  const options = printJs(widgetOptionsValue(config), { level: 1, breakTopLevel: true });
  const renews = rendersRenewal(config);
  const keepMounted = v5
    ? [
        "  // A new token goes to this same <Widget> through its options: never key it by the token.",
        `  return ${widgetElement(config)};`,
      ]
    : [
        "  // The widget initialises once per mount: a new token (a new identity) needs a new instance.",
        `  return ${widgetElement(config)};`,
      ];
  return [
    ...(renews
      ? [`const RENEW_AFTER_MS = ${RENEW_AFTER_MINUTES} * 60 * 1000;`, "", ...FETCH_HELPER, ""]
      : []),
    ...errorRenderer,
    "export function SupportWidget() {",
    `  const [${CONTACT_TOKEN_VARIABLE}, ${SETTER}] = useState<string | null>(null);`,
    "",
    ...(renews ? renewingEffect() : fetchOnceEffect()),
    "",
    "  // Not signed in (401) or still loading: a verified widget needs its token first.",
    `  if (${CONTACT_TOKEN_VARIABLE} === null) return null;`,
    "",
    ...connectionSwitchesNote(config).map((line) => `  // ${line}`),
    `  const options: ${OPTIONS_TYPE} = ${options};`,
    "",
    ...keepMounted,
    "}",
  ].join("\n");
}

/** The comment lines under the version line, saying where to mount the component. */
export function mountNote(config: PlaygroundConfig, where: string): string[] {
  if (majorOfConfig(config) === "v4") {
    const lines = [`// Render <SupportWidget /> once, ${where}.`];
    if (isVerified(config)) {
      lines.push(
        "// It fetches the token once per mount: when a user signs in or out without a page load,",
        "// remount it (e.g. <SupportWidget key={userId} />) so the widget gets the new identity.",
      );
    }
    return lines;
  }
  const lines = [
    `// Render <SupportWidget /> once, ${where}: one integration per page, not beside the HTML embed.`,
  ];
  if (isVerified(config)) {
    lines.push(
      "// Render it while a user is signed in. v5 keeps the conversation when the same user's token",
      "// is renewed and starts over for another user, so the widget stays mounted.",
    );
  }
  return lines;
}

/** The first comment line: version, pin, install command (and React's versions for v5). */
export function versionLine(config: PlaygroundConfig): string {
  const major = majorOfConfig(config);
  const react = major === "v5" ? ", for React 18 or 19" : "";
  return `// ${snippetVersionNote(major)}${react}: ${reactInstall(major)}`;
}

/** The `react` import the component needs. */
export function reactImport(config: PlaygroundConfig): string {
  return isVerified(config)
    ? "import { useEffect, useState, type ComponentProps } from 'react';"
    : "import type { ComponentProps } from 'react';";
}

export function generateReactSnippet(config: PlaygroundConfig): Snippet {
  const install = reactInstall(majorOfConfig(config));
  const code = [
    versionLine(config),
    ...mountNote(config, "near the root of your app"),
    reactImport(config),
    `import { Widget } from '${REACT_PACKAGE}';`,
    "",
    `type ${OPTIONS_TYPE} = ComponentProps<typeof Widget>['options'];`,
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
