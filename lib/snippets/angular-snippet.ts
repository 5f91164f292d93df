/**
 * Angular (17 and later; written for 21): a standalone component, `src/app/opencx-widget.ts`,
 * that starts the widget through the pinned embed script (`embed-module.ts`, as the Vue
 * component and the Nuxt plugin do: there is no Angular package of the widget) from
 * `afterNextRender`, which Angular never runs during server-side rendering or prerendering.
 *
 * The module's top level holds what belongs to the page: the loader, the options (or the
 * function that builds them around the token fetched from the integrator's backend), the start,
 * and the sign-out functions, exported so the app's sign-out code imports them. The embed keeps
 * one widget per page until a reload and has no unmount, so a module-level flag starts it once
 * however often the component is created; a component destroyed before its first render starts
 * nothing (Angular destroys the pending `afterNextRender` callback with it).
 *
 * Nothing from the config is written into the template (it is empty) or the decorator: every
 * user string sits in the TypeScript module, printed by `printJs` like the Vue component's.
 */
import type { PlaygroundConfig } from "../config/options";
import { embedModule, START_FAILED, updatesInPlace } from "./embed-module";
import { commentLines, RESTART_FUNCTION, START_FUNCTION, UPDATE_USER_FUNCTION } from "./lifecycle";
import { majorOfConfig, snippetVersionNote } from "./model";
import { jsString } from "./print";
import { SNIPPET_TARGET_LABELS, type Snippet } from "./types";

/** Where the component goes in an Angular CLI project (Angular 20+ file naming). */
export const ANGULAR_COMPONENT_PATH = "src/app/opencx-widget.ts";
/** The component's class, as the root component imports it. */
export const ANGULAR_COMPONENT_CLASS = "OpenCxWidget";
/** The element the root component's template renders once. */
export const ANGULAR_SELECTOR = "app-opencx-widget";
/** Angular's hook that runs in the browser only, once, after the component's first render. */
export const ANGULAR_CLIENT_HOOK = "afterNextRender";
/** The module-level flag that keeps a second component from starting the widget again. */
export const ANGULAR_STARTED_FLAG = "openCxWidgetStarted";

/** The comment lines at the top: the version and pin, where to render it, what to import. */
function header(config: PlaygroundConfig): string[] {
  const v5 = majorOfConfig(config) === "v5";
  const pin = v5 ? "Keep the exact pin." : "Keep the pin: the latest release is v5.";
  const single = v5 ? " One integration per page: not beside the HTML embed." : "";
  const names = updatesInPlace(config)
    ? `${RESTART_FUNCTION} (sign-out) and ${UPDATE_USER_FUNCTION} (a user signs in without a page load)`
    : `${RESTART_FUNCTION} (sign-out)`;
  return [
    `// ${snippetVersionNote(majorOfConfig(config))}, from its embed script: there is no Angular package.`,
    ...commentLines(
      `${pin} Render <${ANGULAR_SELECTOR} /> once, in your root component's template (src/app/app.html) outside <router-outlet>, and add ${ANGULAR_COMPONENT_CLASS} to that component's imports: it starts the page's one widget, which stays on the page when the component is destroyed.${single} Your app imports ${names} from this file: see below.`,
    ),
  ];
}

/** The standalone component: an empty template, the start in `afterNextRender` only. */
function component(): string[] {
  return [
    "@Component({",
    `  selector: ${jsString(ANGULAR_SELECTOR)},`,
    "  standalone: true, // The default since Angular 19; needed on 17 and 18.",
    "  // Nothing to render here: the embed script adds the widget to the page itself.",
    "  template: '',",
    "})",
    `export class ${ANGULAR_COMPONENT_CLASS} {`,
    "  constructor() {",
    ...commentLines(
      `The widget reads window and localStorage, so it starts in the browser only: ${ANGULAR_CLIENT_HOOK} never runs during server-side rendering or prerendering. Once per page load, however often this component is created (${START_FUNCTION} is the page's, not the component's).`,
    ).map((line) => `    ${line}`),
    `    ${ANGULAR_CLIENT_HOOK}(() => {`,
    `      if (${ANGULAR_STARTED_FLAG}) return;`,
    `      ${ANGULAR_STARTED_FLAG} = true;`,
    `      ${START_FUNCTION}().catch((error: unknown) => {`,
    "        // Offline, or the script was blocked: the next component tries again.",
    `        ${ANGULAR_STARTED_FLAG} = false;`,
    `        console.error(${jsString(START_FAILED)}, error);`,
    "      });",
    "    });",
    "  }",
    "}",
  ];
}

export function generateAngularSnippet(config: PlaygroundConfig): Snippet {
  const code = [
    ...header(config),
    `import { ${ANGULAR_CLIENT_HOOK}, Component } from '@angular/core';`,
    "",
    ...embedModule(config, true),
    "",
    `let ${ANGULAR_STARTED_FLAG} = false;`,
    "",
    ...component(),
    "",
  ].join("\n");
  return {
    target: "angular",
    label: SNIPPET_TARGET_LABELS.angular,
    files: [{ path: ANGULAR_COMPONENT_PATH, language: "ts", code }],
  };
}
