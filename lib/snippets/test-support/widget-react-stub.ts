/**
 * Test support: the part of `@opencx/widget-react`'s public types that the React and Next.js
 * snippets rely on (domain.md §2, §10.2; domain-v5.md §10.2), one stub per widget major, so
 * the golden files of each major type-check against that major's declaration without the
 * package. Strict where the real types are strict: `language` is the 38-code union and `user`
 * is the token-or-data union.
 *
 * The options are the editor's declarations for that major as a module (`widgetTypesSource`,
 * built from the option table), so a new widget option needs no edit here and a v5-only option
 * in a v4 snippet fails the v4 check; `widget-config-agreement.test.ts` checks them against the
 * `WidgetConfig` that `toWidgetConfig` returns. Written here is only what is the package's own:
 * the component, its props (v5 adds `errorComponent`, domain-v5.md §3.1), and the theme's
 * `palette`, an option the playground does not model.
 */
import type { WidgetMajor } from "../../config/versions";
import { widgetTypesSource } from "../../editor/widget-types";

/** The stub's module text for `major`, served to the compiler as `@opencx/widget-react`. */
export function widgetReactStubSource(major: WidgetMajor): string {
  return [
    'import type { ReactNode } from "react";',
    "",
    widgetTypesSource({ module: true, version: major }),
    "/** The package's theme also takes a palette (the playground never sets it). */",
    'type PackageTheme = { palette?: "neutral" | "stone" | "zinc" | "slate" };',
    "",
    "/** The package's initial open state (the playground's click-loaded page sets it). */",
    "type PackageDisplay = { isOpen?: boolean };",
    "",
    "export interface WidgetProps {",
    "  options: WidgetConfig & { theme?: PackageTheme } & PackageDisplay;",
    "  loadingComponent?: ReactNode;",
    ...(major === "v5"
      ? [
          "  /** v5: what to render when the widget cannot start (it renders nothing otherwise). */",
          "  errorComponent?: (error: Error) => ReactNode;",
        ]
      : []),
    "}",
    "",
    "/** A React function component (its element type is irrelevant to the snippets). */",
    "export declare function Widget(props: WidgetProps): null;",
    "",
  ].join("\n");
}
