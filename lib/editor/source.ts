/**
 * The text of the options editor: the widget options of a config as a typed
 * TypeScript constant, naming the widget version and pin the config targets.
 * `importSnippet` (lib/import) reads it back.
 */
import type { PlaygroundConfig } from "../config/options";
import { WIDGET_PINS } from "../config/versions";
import { widgetOptionsValue } from "../snippets/model";
import { printJs } from "../snippets/print";
import { WIDGET_CONFIG_TYPE } from "./widget-types";

/** The type the editor's declarations file defines for the options. */
export const EDITOR_TYPE_NAME = WIDGET_CONFIG_TYPE;

export function editorSource(config: PlaygroundConfig): string {
  const value = printJs(widgetOptionsValue(config), { breakTopLevel: true });
  return [
    `// Widget options for @opencx/widget ${WIDGET_PINS[config.widgetVersion]}. Edits here update the playground.`,
    `const options: ${EDITOR_TYPE_NAME} = ${value};`,
    "",
  ].join("\n");
}
