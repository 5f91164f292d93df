/**
 * The React widget: `<Widget options={…} />` from `@opencx/widget-react`
 * (domain.md §10.2). In the verified model the component fetches the contact
 * token from the integrator's backend, renders nothing until it has one, and
 * keys the widget on it: the widget initialises once per mount (domain.md §5.11).
 */
import type { PlaygroundConfig } from "../config/options";
import {
  CONTACT_TOKEN_ENDPOINT,
  CONTACT_TOKEN_VARIABLE,
  isVerified,
  REACT_INSTALL,
  REACT_PACKAGE,
  VERSION_NOTE,
  widgetOptionsValue,
} from "./model";
import { printJs } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/** The name of the options type alias both React snippets declare. */
const OPTIONS_TYPE = "WidgetOptions";

/**
 * Everything after the imports and the `WidgetOptions` alias: the options and
 * the `SupportWidget` component. Shared by the React and Next.js snippets.
 */
export function supportWidgetComponent(config: PlaygroundConfig): string {
  if (!isVerified(config)) {
    const options = printJs(widgetOptionsValue(config), { breakTopLevel: true });
    return [
      `const options: ${OPTIONS_TYPE} = ${options};`,
      "",
      "export function SupportWidget() {",
      "  return <Widget options={options} />;",
      "}",
    ].join("\n");
  }
  const options = printJs(widgetOptionsValue(config), { level: 1, breakTopLevel: true });
  const setter = "set" + CONTACT_TOKEN_VARIABLE[0]!.toUpperCase() + CONTACT_TOKEN_VARIABLE.slice(1);
  return [
    "export function SupportWidget() {",
    `  const [${CONTACT_TOKEN_VARIABLE}, ${setter}] = useState<string | null>(null);`,
    "",
    "  useEffect(() => {",
    "    let cancelled = false;",
    "    // The contact token comes from YOUR backend; the org API key never leaves it.",
    `    fetch('${CONTACT_TOKEN_ENDPOINT}', { method: 'POST', credentials: 'same-origin' })`,
    "      .then((response) => (response.ok ? response.json() : null))",
    "      .then((data: { token: string } | null) => {",
    `        if (!cancelled && data) ${setter}(data.token);`,
    "      })",
    "      .catch(() => {",
    "        // Network error: the widget stays hidden.",
    "      });",
    "    return () => {",
    "      cancelled = true;",
    "    };",
    "  }, []);",
    "",
    "  // Not signed in (401) or still loading: a verified widget needs its token first.",
    `  if (${CONTACT_TOKEN_VARIABLE} === null) return null;`,
    "",
    `  const options: ${OPTIONS_TYPE} = ${options};`,
    "",
    "  // The widget initialises once per mount: a new token (a new identity) needs a new instance.",
    `  return <Widget key={${CONTACT_TOKEN_VARIABLE}} options={options} />;`,
    "}",
  ].join("\n");
}

/** The comment lines under the version line, saying where to mount the component. */
export function mountNote(config: PlaygroundConfig, where: string): string[] {
  const lines = [`// Render <SupportWidget /> once, ${where}.`];
  if (isVerified(config)) {
    lines.push(
      "// It fetches the token once per mount: when a user signs in or out without a page load,",
      "// remount it (e.g. <SupportWidget key={userId} />) so the widget gets the new identity.",
    );
  }
  return lines;
}

export function generateReactSnippet(config: PlaygroundConfig): Snippet {
  const reactImport = isVerified(config)
    ? "import { useEffect, useState, type ComponentProps } from 'react';"
    : "import type { ComponentProps } from 'react';";
  const code = [
    `// ${VERSION_NOTE}: ${REACT_INSTALL}`,
    ...mountNote(config, "near the root of your app"),
    reactImport,
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
    install: REACT_INSTALL,
    files: [{ path: "src/support-widget.tsx", language: "tsx", code }],
  };
}
