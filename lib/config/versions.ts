/**
 * The widget versions the playground targets: the one place the exact pins live
 * (domain-v5.md §14, §19). Snippets, the header, the import check and the
 * advisories read them from here; nothing else spells a version number.
 *
 * - v5 (`5.0.0`, stable since 2026-09-30) is the default.
 * - v4 is pinned to its last release, `4.0.63`. Nothing between 4.0.57 (the
 *   release the replica was checked against) and 4.0.63 touches identity or
 *   storage (domain-v5.md §14).
 * - Never `@latest` (it moved to v5) and never a range.
 */
export const WIDGET_MAJORS = ["v5", "v4"] as const;
export type WidgetMajor = (typeof WIDGET_MAJORS)[number];

/** What `/`, a new link and a reset open. */
export const DEFAULT_WIDGET_MAJOR: WidgetMajor = "v5";

/** The exact versions snippets pin, per major. */
export const WIDGET_PINS: Readonly<Record<WidgetMajor, string>> = {
  v5: "5.0.0",
  v4: "4.0.63",
};

/** How the UI names each major, and one line on what it is. */
export const WIDGET_MAJOR_INFO: Readonly<
  Record<WidgetMajor, { label: string; major: number; summary: string }>
> = {
  v5: {
    label: "v5",
    major: 5,
    summary:
      "The stable line since 2026-09-30. Same identity options as v4; a renewed token keeps the conversation.",
  },
  v4: {
    label: "v4",
    major: 4,
    summary:
      "The previous line; 4.0.63 is its last release. Remount the widget to change identity.",
  },
};

/** The newest v4 release; an older v4 pin misses its fixes (domain-v5.md §14). */
export const LAST_V4 = WIDGET_PINS.v4;

/** `5.0.0` → `v5`; `4.0.12` → `v4`; anything else (a range, `latest`, v3) → `null`. */
export function majorOfVersion(version: string): WidgetMajor | null {
  const match = /^(\d+)\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.exec(version.trim());
  if (!match) return null;
  const found = WIDGET_MAJORS.find((m) => WIDGET_MAJOR_INFO[m].major === Number(match[1]));
  return found ?? null;
}

/** Compares two plain `x.y.z` versions; prerelease tails sort before their release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.trim().split("-", 2) as [string, string | undefined];
    return { parts: core.split(".").map((n) => Number(n)), pre };
  };
  const x = parse(a);
  const y = parse(b);
  // Stryker disable next-line EqualityOperator: a fourth part is undefined on both sides and compares equal.
  for (let i = 0; i < 3; i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    // Stryker disable next-line EqualityOperator: d is not 0 here, so `<=` and `<` agree.
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (x.pre === y.pre) return 0;
  // Stryker disable next-line ConditionalExpression: without it the last line also answers 1 (undefined < text is false); kept for the reader.
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  // Stryker disable next-line EqualityOperator: equal prereleases returned 0 above, so `<=` and `<` agree.
  return x.pre < y.pre ? -1 : 1;
}

/** The one-line name snippets and the header use: `OpenCX widget v5 (pinned to 5.0.0)`. */
export function versionNote(major: WidgetMajor): string {
  return `OpenCX widget ${WIDGET_MAJOR_INFO[major].label} (pinned to ${WIDGET_PINS[major]})`;
}
