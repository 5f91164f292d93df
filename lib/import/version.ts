/**
 * Which widget version a pasted snippet is for, read from its pin (domain-v5.md §10, §14,
 * §17.1): the embed script's URL (`…/@opencx/widget@5.0.0/dist-embed/script.js`), an
 * install line (`npm install --save-exact @opencx/widget-react@5.0.0`, yarn, pnpm, bun) or a
 * package.json dependency. An import path (`from '@opencx/widget-react'`) says nothing
 * about the version, and neither does the code's shape.
 *
 * What is not an exact pin is named with what to write instead: `@latest` (it moved to v5
 * and will move again), another dist-tag, a range (`^5.0.0`, `~4`, `5`), no version at all,
 * a v4 older than the last one, a 5.0.0 prerelease, a release newer than the one modelled,
 * a major the playground does not model, and two pins that disagree.
 */
import {
  compareVersions,
  LAST_V4,
  majorOfVersion,
  WIDGET_MAJOR_INFO,
  WIDGET_MAJORS,
  WIDGET_PINS,
  type WidgetMajor,
} from "../config/versions";
import type { ImportKind, ImportProblem, SourceRange } from "./types";

export const EMBED_PACKAGE = "@opencx/widget";
export const REACT_PACKAGE = "@opencx/widget-react";

type PinPlace = "script" | "install" | "package.json";

export interface Pin {
  place: PinPlace;
  package: string;
  /** The version or range as written; `null` when none is written. */
  spec: string | null;
  /** The package manager's exact flag is on the install line (`--save-exact`, `--exact`, `-E`). */
  exactFlag: boolean;
  /** The install command (`npm`, `yarn`, …) for an install line. */
  manager?: string;
  range: SourceRange;
}

/** What the text says about its version. */
export interface SnippetVersion {
  /** The major the pin names (an exact version, or a range inside one major); `null` otherwise. */
  major: WidgetMajor | null;
  /** The exact version pinned, when there is one. */
  pin: string | null;
  pins: Pin[];
}

// A package name ends at anything that cannot continue it: `@opencx/widget` is not `@opencx/widget-react`.
const END = String.raw`(?![\w-])`;
const SPEC = String.raw`(?:@([^\s/'"\`<>?#,;)]+))?`;

/** An embed URL on a CDN: `https://unpkg.com/@opencx/widget@5.0.0/dist-embed/script.js`. */
const SCRIPT_URL = new RegExp(
  String.raw`https?:\/\/[^\s'"\`<>]*?\/@opencx\/widget${END}${SPEC}(?=[/'"\`\s?#]|$)[^\s'"\`<>]*`,
  "g",
);
/** `npm install …`, `npm i`, `yarn add`, `pnpm add`, `bun add`, on one line. */
const INSTALL_LINE = /\b(npm|pnpm|yarn|bun)\s+(?:install|i|add)\b([^\n]*)/g;
const INSTALL_PACKAGE = new RegExp(
  String.raw`(?:^|\s)(@opencx\/widget(?:-react)?)${END}${SPEC}(?=\s|$|['"\`;&|)])`,
  "g",
);
const EXACT_FLAG = /(?:^|\s)(?:--save-exact|--exact|-E)(?=\s|$)/;
/** A package.json dependency: `"@opencx/widget-react": "5.0.0"`. */
const DEPENDENCY = /"(@opencx\/widget(?:-react)?)"\s*:\s*"([^"\n]*)"/g;

/** Every pin the text writes, in text order. */
export function findPins(text: string): Pin[] {
  const pins: Pin[] = [];
  for (const m of text.matchAll(SCRIPT_URL)) {
    pins.push({
      place: "script",
      package: EMBED_PACKAGE,
      spec: m[1] ?? null,
      exactFlag: false,
      range: { start: m.index, end: m.index + m[0].length },
    });
  }
  for (const line of text.matchAll(INSTALL_LINE)) {
    const args = line[2]!;
    const argsStart = line.index + line[0].length - args.length;
    for (const m of args.matchAll(INSTALL_PACKAGE)) {
      const start = argsStart + m.index + m[0].indexOf("@");
      pins.push({
        place: "install",
        package: m[1]!,
        spec: m[2] ?? null,
        exactFlag: EXACT_FLAG.test(args),
        manager: line[1]!,
        range: { start, end: argsStart + m.index + m[0].length },
      });
    }
  }
  for (const m of text.matchAll(DEPENDENCY)) {
    pins.push({
      place: "package.json",
      package: m[1]!,
      spec: m[2]!.trim() === "" ? null : m[2]!.trim(),
      exactFlag: false,
      range: { start: m.index, end: m.index + m[0].length },
    });
  }
  return pins.sort((a, b) => a.range.start - b.range.start);
}

/** `5.0.0` and `5.0.0-beta.3` are exact; a range, a tag or nothing is not. */
function isExact(spec: string): boolean {
  return /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(spec.trim());
}

/** The one major a range stays inside (`^5.0.0`, `~4.0.1`, `5`, `5.x`, `=5.0.0`), else null. */
export function majorOfRange(spec: string): WidgetMajor | null {
  const m = /^(?:[\^~=]|~>)?\s*v?(\d+)(?:\.(?:\d+|x|\*)){0,2}(?:-[0-9A-Za-z.-]+)?$/i.exec(
    spec.trim(),
  );
  if (!m) return null;
  return WIDGET_MAJORS.find((major) => WIDGET_MAJOR_INFO[major].major === Number(m[1])) ?? null;
}

/** What to write instead, for the place the pin is in: both majors' exact pins. */
function exactFor(pin: Pin | null, pkg: string): string {
  const [v5, v4] = [WIDGET_PINS.v5, WIDGET_PINS.v4];
  if (pin?.place === "package.json") return `\`"${pkg}": "${v5}"\` (v5) or \`"${v4}"\` (v4)`;
  if (pin?.place === "install" || pkg === REACT_PACKAGE)
    return `\`npm install --save-exact ${pkg}@${v5}\` (v5) or \`@${v4}\` (v4)`;
  return `\`${pkg}@${v5}\` (v5) or \`${pkg}@${v4}\` (v4) in the script URL`;
}

/** Each package manager's install command that records the exact version. */
const EXACT_INSTALL: Readonly<Record<string, string>> = {
  npm: "npm install --save-exact",
  pnpm: "pnpm add --save-exact",
  yarn: "yarn add --exact",
  bun: "bun add --exact",
};

const label = (major: WidgetMajor) => WIDGET_MAJOR_INFO[major].label;

/** "Imported as v5, the playground's version." / "Imported as v4." */
function importedAs(applied: WidgetMajor, fromText: boolean): string {
  return fromText
    ? `Imported as ${label(applied)}.`
    : `Imported as ${label(applied)}, the playground's current version.`;
}

function problem(message: string, range: SourceRange | null): ImportProblem {
  return { severity: "warning", path: "version", message, range };
}

/**
 * Reads the version a snippet is for; `major` is null when no pin names one. Text inside
 * `values` (the widget options, the server body) is data, not a pin: a URL typed as an
 * option value says nothing about the page's widget.
 */
export function readSnippetVersion(
  text: string,
  values: readonly SourceRange[] = [],
): SnippetVersion {
  const pins = findPins(text).filter(
    (p) => !values.some((v) => p.range.start >= v.start && p.range.end <= v.end),
  );
  for (const pin of pins) {
    if (pin.spec === null) continue;
    if (isExact(pin.spec)) {
      const major = majorOfVersion(pin.spec);
      if (major) return { major, pin: pin.spec.trim(), pins };
      continue;
    }
    const major = majorOfRange(pin.spec);
    if (major) return { major, pin: null, pins };
  }
  return { major: null, pin: null, pins };
}

/** What a pin amounts to, for the installation doctor: exact and current, or what is wrong with it. */
export type PinStatus =
  | "current"
  | "no-version"
  | "latest"
  | "dist-tag"
  | "range"
  | "old-v4"
  | "prerelease"
  | "newer"
  | "other-major";

export function pinStatus(pin: Pin): PinStatus {
  if (pin.spec === null) return "no-version";
  const spec = pin.spec.trim();
  if (!isExact(spec)) {
    if (spec === "latest") return "latest";
    return /^[a-z][\w.-]*$/i.test(spec) && majorOfRange(spec) === null ? "dist-tag" : "range";
  }
  const major = majorOfVersion(spec);
  if (major === null) return "other-major";
  const order = compareVersions(spec, WIDGET_PINS[major]);
  if (order < 0) return major === "v4" ? "old-v4" : "prerelease";
  return order > 0 ? "newer" : "current";
}

/** The kinds of text that load the embed script themselves (a page, a Vue, Svelte or Angular component, a Nuxt plugin). */
const EMBED_KINDS: ReadonlySet<ImportKind | null> = new Set<ImportKind>([
  "html",
  "vue",
  "nuxt",
  "svelte",
  "angular",
]);

/** Where the text integrates the widget without a pin: an embed call or a React import. */
export interface Integration {
  kind: ImportKind | null;
  /** The text calls initOpenScript. */
  embed: boolean;
  /** Where the text imports `@opencx/widget-react`, if it does. */
  reactImport: SourceRange | null;
}

/** The problems with the text's pins, given the major it is imported as. */
export function versionProblems(
  version: SnippetVersion,
  applied: WidgetMajor,
  integration: Integration,
): ImportProblem[] {
  const out: ImportProblem[] = [];
  const fromText = version.major === applied;
  for (const pin of version.pins) {
    const pkg = pin.package;
    const where = pin.range;
    if (pin.spec === null) {
      out.push(
        problem(
          pin.place === "script"
            ? `The script URL has no version, so the CDN serves whatever is latest, and that moves to each new major. Pin it: ${exactFor(pin, pkg)}. ${importedAs(applied, fromText)}`
            : `\`${pkg}\` is installed without a version: you get whatever is latest, and that moves to each new major. Pin it: ${exactFor(pin, pkg)}. ${importedAs(applied, fromText)}`,
          where,
        ),
      );
      continue;
    }
    const spec = pin.spec.trim();
    if (!isExact(spec)) {
      const isTag = /^[a-z][\w.-]*$/i.test(spec) && majorOfRange(spec) === null;
      out.push(
        problem(
          spec === "latest"
            ? `\`${pkg}@latest\` is not a pin: \`latest\` moved from v4 to v5 on 2026-09-30 and moves again with each new major, so your page can change under you. Write ${exactFor(pin, pkg)}. ${importedAs(applied, fromText)}`
            : isTag
              ? `\`${spec}\` is a dist-tag, not a version: it moves when a release is published. Write ${exactFor(pin, pkg)}. ${importedAs(applied, fromText)}`
              : `\`${spec}\` is a range, not a pin: the next install picks up whatever release matches. Write the exact version: ${exactFor(pin, pkg)}. ${importedAs(applied, fromText)}`,
          where,
        ),
      );
      continue;
    }
    const major = majorOfVersion(spec);
    if (major === null) {
      out.push(
        problem(
          `\`${pkg}@${spec}\` is neither v4 nor v5, the versions the playground models (${WIDGET_PINS.v5} and ${WIDGET_PINS.v4}). ${importedAs(applied, fromText)}`,
          where,
        ),
      );
      continue;
    }
    const modelled = WIDGET_PINS[major];
    const order = compareVersions(spec, modelled);
    if (major === "v4" && order < 0) {
      out.push(
        problem(
          `${spec} is older than ${LAST_V4}, the last v4 release: it misses the fixes in between (none of them touches identity). Pin \`${pkg}@${LAST_V4}\`, or move to v5 (${WIDGET_PINS.v5}).`,
          where,
        ),
      );
    } else if (order < 0) {
      out.push(
        problem(
          `${spec} is a prerelease of ${modelled}, the stable release: pin \`${pkg}@${modelled}\`. An integration from the betas must now set \`streaming: true\` and \`capabilities: { connections: true }\` itself to keep those features.`,
          where,
        ),
      );
    } else if (order > 0) {
      out.push(
        problem(
          `${spec} is newer than ${modelled}, the ${label(major)} release the playground models: what changed since is not known here, and options added since are reported as unknown.`,
          where,
        ),
      );
    }
    if (pin.place === "install" && !pin.exactFlag) {
      const manager = pin.manager ?? "npm";
      out.push(
        problem(
          `Without its exact flag, ${manager} records \`^${spec}\` in package.json, a range (unless your config sets save-exact). Write \`${EXACT_INSTALL[manager] ?? EXACT_INSTALL.npm} ${pkg}@${spec}\`.`,
          where,
        ),
      );
    }
  }

  const majors = [
    ...new Set(
      version.pins.flatMap((p) =>
        p.spec === null
          ? []
          : [isExact(p.spec) ? majorOfVersion(p.spec) : majorOfRange(p.spec)].filter(
              (m): m is WidgetMajor => m !== null,
            ),
      ),
    ),
  ];
  if (majors.length > 1) {
    out.push(
      problem(
        `The text pins both ${majors.map(label).join(" and ")}: a page runs one widget, of one version. ${importedAs(applied, fromText)}`,
        null,
      ),
    );
  }

  if (version.pins.length === 0) {
    if (integration.reactImport) {
      out.push(
        problem(
          `The text does not say which version of \`${REACT_PACKAGE}\` it uses (an import path is not a version). ${importedAs(applied, false)} Pin it: ${exactFor(null, REACT_PACKAGE)}.`,
          integration.reactImport,
        ),
      );
    } else if (EMBED_KINDS.has(integration.kind) && integration.embed) {
      out.push(
        problem(
          `The page calls initOpenScript, but no script URL names an \`${EMBED_PACKAGE}\` version (a self-hosted copy does not say which it is). ${importedAs(applied, false)} Load it pinned: ${exactFor(null, EMBED_PACKAGE)}.`,
          null,
        ),
      );
    }
  }
  return out;
}
