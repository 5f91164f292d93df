/**
 * The `/embed` query string: which state, which panels, which code tab, whether
 * the settings can be edited, and the colour theme.
 *
 *     /embed?preset=server&panels=preview,code&tab=node&mode=readonly&theme=auto&version=v5&s=2.…
 *
 * | parameter | values                                            | default          |
 * | --------- | ------------------------------------------------- | ---------------- |
 * | `s`       | a share-link state (`lib/url/codec.ts`)           | the defaults     |
 * | `preset`  | a preset id (`lib/config/presets.ts`)             | none             |
 * | `panels`  | `controls`, `preview`, `code`, comma separated    | `preview,code`   |
 * | `tab`     | a snippet target: `html`, `react`, `nextjs`, …    | the first tab    |
 * | `mode`    | `edit` or `readonly`                              | `edit`           |
 * | `theme`   | `light`, `dark` or `auto`                         | `auto`           |
 * | `version` | the widget major: `v5` or `v4`                    | `s`'s, else v5   |
 *
 * `version` also takes the bare major (`5`, `4`) and the exact pins (`5.0.0`, `4.0.63`). Another
 * exact release of a known major (`4.0.57`) opens that major at its pin, with a message naming
 * the pin; anything else (`latest`, a range, `v3`) is ignored with a message, and the version
 * from `s` (a format-1 link's v4, else the default v5) is used. `embedQuery` always writes
 * `version`, so an embed pasted into docs keeps its widget version whatever the default becomes.
 *
 * Invariants:
 * - Parsing never throws. A bad value falls back to that parameter's default
 *   with one sentence saying what was ignored; the other parameters are kept.
 * - Names are matched exactly; values are trimmed and case-insensitive.
 *   A repeated parameter uses its first value (as `URLSearchParams.get` does).
 * - `preset` is applied after `s`, exactly as choosing it in the Preset menu:
 *   identity settings from the preset, widget token and appearance from `s`.
 * - `embedQuery(options, config)` writes what `parseEmbedParams` reads back,
 *   leaving out defaults, in a fixed parameter order.
 * - The embed's first paint reads `theme` before React does
 *   (`EMBED_THEME_BOOT_SCRIPT`): keep both readings alike.
 */
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import {
  DEFAULT_WIDGET_MAJOR,
  WIDGET_MAJORS,
  WIDGET_MAJOR_INFO,
  WIDGET_PINS,
  majorOfVersion,
  type WidgetMajor,
} from "../config/versions";
import { PRESETS, findPreset, withPresetValues } from "../config/presets";
import { applicableTargets } from "../snippets/targets";
import { SNIPPET_TARGETS, SNIPPET_TARGET_LABELS } from "../snippets/types";
import { SHARE_PARAM, decodeConfig, encodeConfig, type SearchParamsLike } from "../url/codec";
import {
  DEFAULT_EMBED_OPTIONS,
  EMBED_MODES,
  EMBED_PANELS,
  EMBED_THEMES,
  type EmbedOptions,
  type EmbedPanel,
} from "./options";

export * from "./options";

/** Every parameter the embed reads, in the order `embedQuery` writes them (all but `preset`: it writes the state as `s`). */
export const EMBED_PARAMS = [
  "preset",
  "panels",
  "tab",
  "mode",
  "theme",
  "version",
  SHARE_PARAM,
] as const;

export interface EmbedParseResult {
  /** Always a valid config: `s`, then `preset`, over the defaults. */
  config: PlaygroundConfig;
  options: EmbedOptions;
  /** The preset that was applied, if any. */
  preset: string | null;
  /** One sentence per problem; empty when every parameter was read as given. */
  issues: string[];
}

const MAX_ISSUES = 12;

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
function choices(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length < 2
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

/** A short, quoted, printable rendering of what was in the URL. */
function shown(value: string, max = 32): string {
  const points = Array.from(value.replace(/[\u0000-\u001f\u007f]/g, "?"));
  return JSON.stringify(
    points.length > max ? `${points.slice(0, max - 1).join("")}…` : points.join(""),
  );
}

/** The first value of each parameter, and which names came more than once. */
function readAll(params: SearchParamsLike): { values: Map<string, string>; repeated: Set<string> } {
  const values = new Map<string, string>();
  const repeated = new Set<string>();
  const add = (name: string, value: unknown) => {
    if (typeof value !== "string") return;
    if (values.has(name)) repeated.add(name);
    else values.set(name, value);
  };
  if (params instanceof URLSearchParams) {
    for (const [name, value] of params) add(name, value);
  } else {
    for (const name of Object.keys(params)) {
      const value = params[name];
      if (Array.isArray(value)) value.forEach((v) => add(name, v));
      else add(name, value);
    }
  }
  return { values, repeated };
}

const normal = (value: string) => value.trim().toLowerCase();

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  const v = normal(value);
  return allowed.find((a) => a === v);
}

/** Every spelling of each major the `version` parameter takes as is: `v5`, `5`, `5.0.0`. */
const VERSION_SPELLINGS = new Map<string, WidgetMajor>(
  WIDGET_MAJORS.flatMap((m) => [
    [WIDGET_MAJOR_INFO[m].label.toLowerCase(), m],
    [String(WIDGET_MAJOR_INFO[m].major), m],
    [WIDGET_PINS[m], m],
  ]),
);

/** "widget v4 (4.0.63)". */
const versionName = (m: WidgetMajor) => `widget ${WIDGET_MAJOR_INFO[m].label} (${WIDGET_PINS[m]})`;

/** The major the `version` parameter asks for, or `fallback` (the state's) with a message. */
export function readVersion(value: string, fallback: WidgetMajor, issues: string[]): WidgetMajor {
  const v = normal(value);
  const exact = VERSION_SPELLINGS.get(v);
  if (exact) return exact;
  const major = majorOfVersion(v.replace(/^v/, ""));
  if (major) {
    issues.push(
      `The playground pins ${WIDGET_MAJOR_INFO[major].label} to ${WIDGET_PINS[major]}; the embed's version ${shown(value)} opens as ${versionName(major)}.`,
    );
    return major;
  }
  const spellings = WIDGET_MAJORS.flatMap((m) => [WIDGET_MAJOR_INFO[m].label.toLowerCase()]);
  issues.push(
    `The embed's version ${shown(value)} is not one the playground offers; use ${choices(spellings)} ` +
      `(or ${choices(WIDGET_MAJORS.map((m) => WIDGET_PINS[m]))}). Showing ${versionName(fallback)}.`,
  );
  return fallback;
}

function readPanels(value: string, issues: string[]): EmbedPanel[] {
  // A `+` in a query becomes a space, so `panels=preview+code` works too.
  const tokens = value.split(/[\s,]+/).filter((t) => t !== "");
  const chosen = new Set<EmbedPanel>();
  const unknown: string[] = [];
  for (const token of tokens) {
    const panel = oneOf(token, EMBED_PANELS);
    if (panel) chosen.add(panel);
    else unknown.push(token);
  }
  const named = unknown
    .slice(0, 4)
    .map((u) => shown(u))
    .join(", ");
  if (chosen.size === 0) {
    issues.push(
      `The embed's panels parameter names no panel that exists (${named}); the panels are ${choices(EMBED_PANELS)}. ` +
        `Showing the default panels (${DEFAULT_EMBED_OPTIONS.panels.join(", ")}).`,
    );
    return [...DEFAULT_EMBED_OPTIONS.panels];
  }
  if (unknown.length > 0) {
    issues.push(
      `The embed's panels parameter names ${unknown.length > 1 ? "panels that do" : "a panel that does"} not exist ` +
        `(${named}); the panels are ${choices(EMBED_PANELS)}.`,
    );
  }
  return EMBED_PANELS.filter((p) => chosen.has(p));
}

/**
 * Reads the embed's query parameters (a `URLSearchParams` or Next's
 * `searchParams` object). Never throws: a bad value gives that parameter's
 * default and a message.
 */
export function parseEmbedParams(params: SearchParamsLike | null | undefined): EmbedParseResult {
  try {
    return parseUnsafe(params ?? {});
  } catch {
    // Every known problem is handled below; this is the promise that no URL can break the embed.
    return {
      config: defaultConfig(),
      options: { ...DEFAULT_EMBED_OPTIONS, panels: [...DEFAULT_EMBED_OPTIONS.panels] },
      preset: null,
      issues: ["The embed's address could not be read; showing the default playground."],
    };
  }
}

function parseUnsafe(params: SearchParamsLike): EmbedParseResult {
  const issues: string[] = [];
  const { values, repeated } = readAll(params);
  const known = new Set<string>(EMBED_PARAMS);

  const unknown = [...values.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    issues.push(
      `The embed ignored ${unknown.length > 1 ? "parameters it does" : "a parameter it does"} not know ` +
        `(${unknown
          .slice(0, 4)
          .map((u) => shown(u, 24))
          .join(", ")}${unknown.length > 4 ? ", …" : ""}); it reads ${choices(EMBED_PARAMS)}.`,
    );
  }
  for (const name of EMBED_PARAMS) {
    if (repeated.has(name))
      issues.push(`The embed's ${name} parameter was given more than once; used the first.`);
  }

  const present = (name: (typeof EMBED_PARAMS)[number]): string | undefined => {
    const value = values.get(name);
    return value === undefined || value.trim() === "" ? undefined : value;
  };

  // State: the share-link codec, then the preset over it.
  const decoded = decodeConfig(values.get(SHARE_PARAM));
  issues.push(...decoded.issues);
  let config = decoded.config;
  let preset: string | null = null;
  const presetValue = present("preset");
  if (presetValue !== undefined) {
    const found = findPreset(normal(presetValue));
    if (found) {
      config = withPresetValues(config, found);
      preset = found.id;
    } else {
      issues.push(
        `The embed has no preset called ${shown(presetValue)}; the presets are ${choices(PRESETS.map((p) => p.id))}.`,
      );
    }
  }

  const versionValue = present("version");
  if (versionValue !== undefined) {
    config = { ...config, widgetVersion: readVersion(versionValue, config.widgetVersion, issues) };
  }

  const options: EmbedOptions = {
    ...DEFAULT_EMBED_OPTIONS,
    panels: [...DEFAULT_EMBED_OPTIONS.panels],
  };

  const panelsValue = present("panels");
  if (panelsValue !== undefined) options.panels = readPanels(panelsValue, issues);

  const tabValue = present("tab");
  if (tabValue !== undefined) {
    const tab = oneOf(tabValue, SNIPPET_TARGETS);
    if (!tab) {
      issues.push(
        `The embed has no code tab called ${shown(tabValue)}; the tabs are ${choices(SNIPPET_TARGETS)}. Opened the first tab.`,
      );
    } else if (!applicableTargets(config).includes(tab)) {
      issues.push(
        `The ${SNIPPET_TARGET_LABELS[tab]} tab shows server code, which only the verified model has; opened the first tab.`,
      );
    } else {
      options.tab = tab;
    }
  }

  const modeValue = present("mode");
  if (modeValue !== undefined) {
    const mode = oneOf(modeValue, EMBED_MODES);
    if (mode) options.mode = mode;
    else
      issues.push(
        `The embed's mode ${shown(modeValue)} does not exist; use ${choices(EMBED_MODES)}. The settings can be edited.`,
      );
  }

  const themeValue = present("theme");
  if (themeValue !== undefined) {
    const theme = oneOf(themeValue, EMBED_THEMES);
    if (theme) options.theme = theme;
    else
      issues.push(
        `The embed's theme ${shown(themeValue)} does not exist; use ${choices(EMBED_THEMES)}. Following the page's theme.`,
      );
  }

  const capped =
    issues.length > MAX_ISSUES
      ? [
          ...issues.slice(0, MAX_ISSUES),
          `…and ${issues.length - MAX_ISSUES} more problems with the embed's address.`,
        ]
      : issues;
  return { config, options, preset, issues: capped };
}

/**
 * The query string that opens the embed on `options` and `config`: non-default
 * options only, then the widget version (always), then the state as a share
 * link (no secrets; its version is the `version` parameter's, so `s` leaves it out).
 */
export function embedQuery(options: EmbedOptions, config: PlaygroundConfig): string {
  const parts: string[] = [];
  const panels = EMBED_PANELS.filter((p) => options.panels.includes(p));
  if (panels.length > 0 && panels.join(",") !== DEFAULT_EMBED_OPTIONS.panels.join(","))
    parts.push(`panels=${panels.join(",")}`);
  if (options.tab !== null && applicableTargets(config).includes(options.tab))
    parts.push(`tab=${options.tab}`);
  if (options.mode !== DEFAULT_EMBED_OPTIONS.mode) parts.push(`mode=${options.mode}`);
  if (options.theme !== DEFAULT_EMBED_OPTIONS.theme) parts.push(`theme=${options.theme}`);
  parts.push(`version=${config.widgetVersion}`);
  const state = encodeConfig({ ...config, widgetVersion: DEFAULT_WIDGET_MAJOR });
  if (state !== "") parts.push(`${SHARE_PARAM}=${state}`);
  return `?${parts.join("&")}`;
}
