/**
 * How the page loads the widget: whether it loads it at all, which version, how many times, and
 * whether `initOpenScript` runs before the script has defined it.
 */
import { LAST_V4, WIDGET_PINS } from "../../config/versions";
import { pinStatus, type Pin, type PinStatus } from "../../import/version";
import type { PageFacts } from "../page-facts";
import type { DoctorRuleId } from "../rule-ids";
import { finding, type PageRule } from "./rule";

const PAGE_KINDS = new Set(["html", "vue", "nuxt", "svelte", "angular"]);

/** The text loads the widget somehow: a script tag or URL, an install line, a React import. */
function loadsWidget(facts: PageFacts): boolean {
  return (
    facts.scripts.some((s) => s.widget) ||
    facts.pins.length > 0 ||
    facts.found?.reactImport != null ||
    /@opencx\/widget-react\b/.test(facts.text)
  );
}

export const noWidgetScript: PageRule = {
  id: "no-widget-script",
  check(facts) {
    // A page is checked as a whole; a component only when it mounts the widget itself (a layout
    // that renders the widget's component loads nothing of its own).
    const mounts = facts.kind === "html" || facts.options !== null;
    if (!PAGE_KINDS.has(facts.kind ?? "") || !mounts || loadsWidget(facts)) return [];
    return [
      finding("no-widget-script", "error", null, {
        title: "The widget script is not loaded",
        visitor:
          "No chat button appears: nothing on the page loads the widget's script, so `initOpenScript` is never defined (the console shows a ReferenceError if the page calls it).",
        fix: NO_SCRIPT_FIX,
      }),
    ];
  },
};

const NO_SCRIPT_FIX = `Add \`<script defer src="https://unpkg.com/@opencx/widget@${WIDGET_PINS.v5}/dist-embed/script.js"></script>\` before the script that calls \`window.initOpenScript\` (or \`@${LAST_V4}\` to stay on v4).`;

function exactFix(pin: Pin): string {
  const [v5, v4] = [WIDGET_PINS.v5, WIDGET_PINS.v4];
  if (pin.place === "package.json")
    return `Write \`"${pin.package}": "${v5}"\` (or \`"${v4}"\` to stay on v4).`;
  if (pin.place === "install")
    return `Run \`npm install --save-exact ${pin.package}@${v5}\` (or \`@${v4}\` to stay on v4).`;
  return `Load \`${pin.package}@${v5}\` (or \`@${v4}\` to stay on v4) in the script URL.`;
}

type PinFinding = { rule: DoctorRuleId; title: string; visitor: string; fix: string };

/** What is wrong with a pin, in the report's words; `null` for an exact, current pin. */
export function pinText(pin: Pin, status: PinStatus = pinStatus(pin)): PinFinding | null {
  const fix = exactFix(pin);
  switch (status) {
    case "current":
      return null;
    case "no-version":
      return {
        rule: "script-not-pinned",
        title: `\`${pin.package}\` is loaded without a version`,
        visitor:
          "Visitors get whatever the CDN calls latest, which follows each new major (5.0.0 has been stable since 2026-09-30): the widget can change under your page without a deploy.",
        fix,
      };
    case "latest":
      return {
        rule: "pin-latest",
        title: `\`${pin.package}@latest\` is not a pin`,
        visitor:
          "`latest` follows each new major (5.0.0 has been stable since 2026-09-30): visitors can get a different widget from one day to the next, without a deploy.",
        fix,
      };
    case "dist-tag":
      return {
        rule: "script-not-pinned",
        title: `\`${pin.spec}\` is a dist-tag, not a version`,
        visitor:
          "A tag moves whenever a release is published: what visitors get changes without a deploy.",
        fix,
      };
    case "range":
      return {
        rule: "script-not-pinned",
        title: `\`${pin.spec}\` is a range, not a pin`,
        visitor:
          "Each install or CDN request can resolve to a newer release than the one you tested.",
        fix,
      };
    case "old-v4":
      return {
        rule: "v4-pin-outdated",
        title: `${pin.spec} is older than ${LAST_V4}, the last v4 release`,
        visitor:
          "Visitors miss the fixes up to 4.0.63 (video attachments, custom status badges, the trigger-side fix, rating surveys withdrawn in time); none of them changes identity.",
        fix: `Pin \`${pin.package}@${LAST_V4}\`, or migrate to v5 (${WIDGET_PINS.v5}): the migration helper does it.`,
      };
    case "prerelease":
      return {
        rule: "version-not-modelled",
        title: `${pin.spec} is a prerelease of ${WIDGET_PINS.v5}`,
        visitor:
          "Beta builds turned streaming and personal connections on by default; 5.0.0 needs `streaming: true` and `capabilities: { connections: true }` set to keep them.",
        fix,
      };
    case "newer":
    case "other-major":
      return {
        rule: "version-not-modelled",
        title:
          status === "newer"
            ? `${pin.spec} is newer than the releases this doctor knows`
            : `${pin.spec} is neither v4 nor v5`,
        visitor: `The doctor's advice is for ${WIDGET_PINS.v5} and ${LAST_V4}: what changed in this version is not known here.`,
        fix,
      };
  }
}

export const LOADING_TEXT = { noScriptFix: NO_SCRIPT_FIX, pin: pinText };

export const pinRules: PageRule = {
  id: "pins",
  check(facts) {
    return facts.pins.flatMap((pin) => {
      const text = pinText(pin);
      return text ? [finding(text.rule, "warning", pin.range, text)] : [];
    });
  },
};

export const loadedTwice: PageRule = {
  id: "widget-loaded-twice",
  check(facts) {
    const out = [];
    const widgetScripts = facts.scripts.filter((s) => s.widget);
    const v4 = facts.version.major === "v4";
    if (widgetScripts.length > 1) {
      out.push(
        finding("widget-loaded-twice", v4 ? "error" : "warning", widgetScripts[1]!.range, {
          title: `The widget script is loaded ${widgetScripts.length} times`,
          visitor: v4
            ? "On v4 each copy installs its own widget runtime: visitors can see two chat buttons, or a widget that resets."
            : "v5 reuses the first runtime for a repeated load, but the page downloads the script again and has two pins to keep in step.",
          fix: "Keep one `<script>` for the widget, pinned to one version.",
        }),
      );
    }
    const found = facts.found;
    if (found && found.widgetCount > 1) {
      const elements = found.widgetCount - found.initCalls;
      const both = elements > 0 && found.initCalls > 0;
      const v4Repeat = elements === 0 && v4;
      // The text may render them in different branches (`user ? <Widget a/> : <Widget b/>`),
      // which a reader cannot rule out: a warning, not an error.
      if (both || elements > 1 || v4Repeat) {
        out.push(
          finding("widget-loaded-twice", "warning", null, {
            title: both
              ? "Two integrations in one text: `initOpenScript` and `<Widget>`"
              : elements > 1
                ? `\`<Widget>\` appears ${elements} times`
                : `\`initOpenScript\` is called ${found.initCalls} times on widget v4`,
            visitor: v4Repeat
              ? "If more than one call runs, v4 mounts a second React root into the same element instead of re-initialising: visitors can see two widgets, or one stuck on the first identity."
              : "If both run on one page, two widgets share one set of storage keys: visitors can see two chat buttons, each resolving the contact on its own.",
            fix: v4Repeat
              ? "Call `initOpenScript` once per page load. To change identity on v4, clear the widget's keys and reload the page."
              : "Mount one integration per page: the embed script for a plain page, `<Widget>` in a React app.",
          }),
        );
      }
    }
    return out;
  },
};

export const initBeforeScript: PageRule = {
  id: "init-before-script",
  check(facts) {
    const widgetAt = facts.scripts.findIndex((s) => s.widget);
    if (widgetAt < 0) return [];
    const widget = facts.scripts[widgetAt]!;
    const widgetWhen = widget.async
      ? "async"
      : widget.defer || widget.type === "module"
        ? "deferred"
        : "now";
    return facts.scripts.flatMap((script, index) => {
      const before = index < widgetAt;
      // An async script can run after DOMContentLoaded: only `load` waits for it.
      const waitsForLoad = /addEventListener\(\s*['"]load['"]|\bonload\s*=/.test(script.code ?? "");
      const asyncRace =
        widgetWhen === "async" && !waitsForLoad && /\binitOpenScript\s*\(/.test(script.code ?? "");
      if (script.immediateInits.length === 0 && !asyncRace) return [];
      // A classic inline script runs where it stands; an inline module waits, in order, with the
      // deferred scripts.
      const isModule = script.type === "module";
      const fails =
        asyncRace ||
        (isModule ? widgetWhen === "deferred" && before : before || widgetWhen === "deferred");
      if (!fails) return [];
      return [
        finding("init-before-script", "error", script.immediateInits[0] ?? script.range, {
          title:
            widgetWhen === "now" || before
              ? "`initOpenScript` runs before the widget script is loaded"
              : `\`initOpenScript\` runs before the ${widgetWhen} widget script has run`,
          visitor:
            widgetWhen === "async"
              ? "Whether the call finds `initOpenScript` depends on which arrives first: on a slow connection it throws `ReferenceError: initOpenScript is not defined` and no chat button appears."
              : "The call throws `ReferenceError: initOpenScript is not defined` and no chat button appears.",
          fix: "Load the widget with `<script defer src=…>` and call it once the page has loaded, in a script after it: `window.addEventListener('DOMContentLoaded', () => window.initOpenScript({ … }))`.",
        }),
      ];
    });
  },
};

export const LOADING_RULES: readonly PageRule[] = [
  noWidgetScript,
  pinRules,
  loadedTwice,
  initBeforeScript,
];
