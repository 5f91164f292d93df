import type { PlaygroundConfig } from "../config/options";
import type { WidgetMajor } from "../config/versions";

/** What the pasted text was recognised as. */
export type ImportKind =
  "options" | "html" | "react" | "vue" | "nuxt" | "svelte" | "angular" | "script";

/** 0-based UTF-16 offsets into the imported text, end exclusive. */
export interface SourceRange {
  start: number;
  end: number;
}

export interface ImportProblem {
  /**
   * `error`: the text is wrong for the widget (syntax, a wrong type, a secret
   * in browser code, token and data together); that part was not imported.
   * `warning`: the text is valid but holds something the playground cannot
   * show (a variable, a function, an option it does not model); left out.
   */
  severity: "error" | "warning";
  /** Dotted option path, e.g. `user.data.email`; empty for the whole text. */
  path: string;
  message: string;
  range: SourceRange | null;
}

/** Which widget version the text is for, and which it was imported as. */
export interface ImportVersion {
  /** The major the text's pin names; `null` with no pin, `@latest`, or a range across majors. */
  snippet: WidgetMajor | null;
  /** The exact version pinned (`4.0.57`), when there is one. */
  pin: string | null;
  /** The major the config was imported as: its `widgetVersion`. */
  applied: WidgetMajor;
}

/**
 * A lifecycle switch (a preview setting: what the page does after the first load) the import
 * turned off because the pasted code shows the page skipping that part. Sign-out is never read
 * from a snippet: that code lives elsewhere in an app.
 */
export interface ImportedSetting {
  option: "keepMounted" | "renewsToken";
  value: false;
  /** What the text shows, for the import summary: "the widget is keyed by the token". */
  because: string;
}

export interface ImportResult {
  /** False when nothing could be imported (a syntax error, no options found); `config` is then `base`. */
  ok: boolean;
  kind: ImportKind | null;
  /**
   * `base` with the imported fields applied; secrets and preview-only fields are kept from `base`,
   * except the lifecycle switches listed in `settings`.
   */
  config: PlaygroundConfig;
  problems: ImportProblem[];
  /** Option paths taken from the text, e.g. `token`, `user.data.email`, `body.email`. */
  mapped: string[];
  /** Lifecycle switches the text shows off, set in `config` so the preview plays them. */
  settings: ImportedSetting[];
  version: ImportVersion;
}
