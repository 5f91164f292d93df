/**
 * Test support: the part of `@opencx/widget-react@4.0.57`'s public types that the React and
 * Next.js snippets rely on (domain.md §2, §10.2), so the golden files type-check without the
 * package. Strict where the real types are strict: `language` is the 38-code union and `user`
 * is the token-or-data union.
 *
 * The options are the editor's declarations as a module (`widgetTypesSource`, built from the
 * option table), so a new widget option needs no edit here; `widget-config-agreement.test.ts`
 * checks them against the `WidgetConfig` that `toWidgetConfig` returns. Written here is only
 * what is the package's own: the component, its props, and the theme's `palette`, an option
 * the playground does not model.
 */
import { widgetTypesSource } from "../../editor/widget-types";

/** The stub's module text, served to the compiler as `@opencx/widget-react`. */
export function widgetReactStubSource(): string {
  return [
    widgetTypesSource({ module: true }),
    "/** The package's theme also takes a palette (the playground never sets it). */",
    'type PackageTheme = { palette?: "neutral" | "stone" | "zinc" | "slate" };',
    "",
    "export interface WidgetProps {",
    "  options: WidgetConfig & { theme?: PackageTheme };",
    "  /** A React node; typed loosely because lib/ may not import React. */",
    "  loadingComponent?: unknown;",
    "}",
    "",
    "/** A React function component (its element type is irrelevant to the snippets). */",
    "export declare function Widget(props: WidgetProps): null;",
    "",
  ].join("\n");
}
