/**
 * Import: pasted code → playground config, without executing anything.
 *
 * Accepts an options object (JSON or JavaScript: single quotes, trailing
 * commas, unquoted keys, comments), an HTML embed snippet, a React or Next.js
 * component, a Vue single-file component or a Nuxt plugin (the embed script driven
 * from code), a Svelte component (its scripts), an Angular component, or server code that calls authenticate-user. Everything that
 * cannot be mapped is reported with its place in the text.
 *
 * The widget version is the pin's major (`version.ts`); with no pin the text keeps
 * `base.widgetVersion`, and `options.as` imports as a chosen one. What one version cannot
 * say (v5's options in a v4 snippet) keeps its value from `base`. Version-specific
 * advice is reported here: v5's `key={token}` and `mcp_access` without renewal, v4's
 * repeated `initOpenScript`.
 *
 * Lifecycle switches (preview settings, the lifecycle card) are kept from `base`, except where
 * the text shows the page skipping its part: a v5 widget keyed by the token turns `keepMounted`
 * off, a v5 body with `mcp_access` and no renewal anywhere in the text turns `renewsToken` off
 * (both listed in `settings`, so the summary can say what was set and why). A snippet never turns
 * one on (the right code may live elsewhere in the app, and a generated snippet must import back
 * to the config that generated it), and sign-out is never guessed: it lives elsewhere in an app.
 *
 * When the page loads the widget (on page load, after consent, on click) is read from the names
 * the playground's snippets use (`loading.ts`); on click the widget's `isOpen: true` is part of
 * that pattern and not reported.
 *
 * Round trip (a property test, for both versions): importing a snippet this playground
 * generated, with the generating config as `base`, gives back that config.
 */
import type { PlaygroundConfig } from "../config/options";
import { playgroundConfigSchema } from "../config/schema";
import type { WidgetMajor } from "../config/versions";
import { findOptions, type FindResult } from "./find";
import { readLoading } from "./loading";
import { rangeOf, readLiteral, type LiteralNode } from "./literal";
import { Report } from "./report";
import { mapServerBody } from "./server-body";
import { readSources } from "./sources";
import { readSnippetVersion, versionProblems } from "./version";
import { mapWidgetOptions } from "./widget-options";
import { KEYED_BY_TOKEN, NO_RENEWAL, settingNote } from "./settings";
import type { ImportedSetting, ImportProblem, ImportResult, ImportVersion } from "./types";

export type {
  ImportedSetting,
  ImportKind,
  ImportProblem,
  ImportResult,
  ImportVersion,
  SourceRange,
} from "./types";
export { settingsSummary } from "./settings";

export interface ImportOptions {
  /**
   * Import as this major instead of the one the text's pin names (the dialog's "keep the
   * current version"). Without it: the pin's major, else `base.widgetVersion`.
   */
  as?: WidgetMajor;
}

function failed(
  base: PlaygroundConfig,
  kind: ImportResult["kind"],
  problems: ImportProblem[],
  version: ImportVersion,
): ImportResult {
  return {
    ok: false,
    kind,
    config: base,
    problems,
    mapped: [],
    settings: [],
    version: { ...version, applied: base.widgetVersion },
  };
}

/** More than one place mounts the widget: what that means in the version imported as. */
function repeatedMounts(found: FindResult, applied: WidgetMajor, report: Report) {
  if (found.widgetCount <= 1) return;
  const elements = found.widgetCount - found.initCalls;
  if (elements > 0 && found.initCalls > 0) {
    report.warn(
      "",
      "The text mounts the widget both with initOpenScript and with <Widget>: mount only one integration on a page. The first one was imported.",
      null,
    );
  } else if (elements > 0) {
    report.warn(
      "",
      `The text passes options to the widget ${found.widgetCount} times; the first one was imported.`,
      null,
    );
  } else if (applied === "v4") {
    report.warn(
      "",
      `The text calls initOpenScript ${found.initCalls} times: widget v4 mounts a second root on a later call, which it does not support. To change identity on v4, reload the page. The first call was imported.`,
      null,
    );
  }
  // v5: a later initOpenScript call re-renders the one widget with new options (a renewed
  // token keeps the conversation, domain-v5.md §3.7); the first call holds the setup.
}

/**
 * v5 snippets keep the widget mounted across a token renewal (domain-v5.md §3.7, §17.6). Returns
 * whether the text keys the widget by the token (the preview then shows what that costs).
 */
function tokenKeys(found: FindResult, report: Report): boolean {
  for (const key of found.tokenKeys) {
    report.warn(
      "key",
      `\`${key.text}\` remounts the widget whenever the token changes. In v5, keep the widget mounted and pass the renewed token in \`options.user.token\`: a renewal then keeps the conversation, and a different user still resets it by itself. Remove the key. ${settingNote("keepMounted")}`,
      key.range,
    );
  }
  return found.tokenKeys.length > 0;
}

/** The body's `mcp_access` entry, if it has one. */
function mcpEntry(body: LiteralNode) {
  return body.kind === "object" ? body.entries.find((e) => e.key === "mcp_access") : undefined;
}

/** Reads `text` and maps it onto `base`; never throws. */
export function importSnippet(
  text: string,
  base: PlaygroundConfig,
  options: ImportOptions = {},
): ImportResult {
  try {
    return importUnsafe(text, base, options);
  } catch (error) {
    // A parser bug must not lose the user's work: report it and keep the config.
    return failed(
      base,
      null,
      [
        {
          severity: "error",
          path: "",
          message: `This text could not be read (${String((error as Error)?.message ?? error).slice(0, 120)}).`,
          range: null,
        },
      ],
      { snippet: null, pin: null, applied: base.widgetVersion },
    );
  }
}

function importUnsafe(text: string, base: PlaygroundConfig, options: ImportOptions): ImportResult {
  const read = readSources(text);
  if (!read.ok) {
    const snippet = readSnippetVersion(text);
    return failed(base, read.kind, read.problems, {
      snippet: snippet.major,
      pin: snippet.pin,
      applied: base.widgetVersion,
    });
  }
  const found = findOptions(read.programs);
  const values = [found.options, found.serverBody].flatMap((f) =>
    f ? [rangeOf(f.node, f.program.offset)] : [],
  );
  const snippet = readSnippetVersion(text, values);
  const applied = options.as ?? snippet.major ?? base.widgetVersion;
  const version: ImportVersion = { snippet: snippet.major, pin: snippet.pin, applied };
  const majors = { text: snippet.major ?? applied, applied };
  const report = new Report(base.apiKey);
  const loading = readLoading(text) ?? base.loading;
  let config: PlaygroundConfig = { ...base, widgetVersion: applied, loading };
  const settings: ImportedSetting[] = [];

  if (found.options) {
    const { node, program } = found.options;
    const literal = readLiteral(node, { source: program.source, offset: program.offset });
    const client = mapWidgetOptions(literal, base, report, majors, loading);
    config = { ...config, ...client.values, model: client.model };
    repeatedMounts(found, applied, report);
  }
  if (found.serverBody) {
    const { node, program } = found.serverBody;
    const literal = readLiteral(node, { source: program.source, offset: program.offset });
    config = { ...config, ...mapServerBody(literal, base, report, majors) };
    if (!found.options) {
      config.model = "server";
      report.warn(
        "",
        "No widget options found: imported the authenticate-user body and chose the Verified model.",
        null,
      );
    }
    const mcp = mcpEntry(literal);
    if (mcp && applied === "v5" && !found.renews) {
      report.warn(
        "body.mcp_access",
        `This body mints the token with \`mcp_access\`, so it expires after one hour, but the text shows no renewal (no timer, no \`visibilitychange\` listener, no second fetch of the token). Renew it through your backend before it expires and when the tab becomes visible again, then pass the new token to the mounted widget. If your page renews elsewhere, turn the switch back on. ${settingNote("renewsToken")}`,
        mcp.keyRange,
      );
      settings.push({ option: "renewsToken", value: false, because: NO_RENEWAL });
    }
  }
  if (!found.options && !found.serverBody) {
    const problems =
      found.problems.length > 0
        ? found.problems
        : [
            {
              severity: "error" as const,
              path: "",
              message:
                read.kind === "svelte"
                  ? "No widget options found in this Svelte file: paste the component that calls initOpenScript(options) (OpenCxWidget.svelte), not the layout that renders it."
                  : read.kind === "angular"
                    ? "No widget options found in this Angular file: paste the component that calls initOpenScript(options) (src/app/opencx-widget.ts), not the component that renders it."
                    : "No widget options found: expected an options object, initOpenScript(options) or <Widget options={…} />.",
              range: null,
            },
          ];
    return failed(base, read.kind, problems, version);
  }
  if (applied === "v5" && tokenKeys(found, report)) {
    settings.unshift({ option: "keepMounted", value: false, because: KEYED_BY_TOKEN });
  }
  for (const { option, value } of settings) config[option] = value;

  // Every field was checked on its own; this catches any rule across fields.
  const checked = playgroundConfigSchema.safeParse(config);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0]) as keyof PlaygroundConfig;
      report.error(String(issue.path.join(".")), `${issue.message} Not imported.`, null);
      (config as Record<string, unknown>)[key] = base[key];
    }
  }
  const pinProblems = versionProblems(snippet, applied, {
    kind: read.kind,
    embed: found.initCalls > 0,
    reactImport: found.reactImport,
  });
  return {
    ok: true,
    kind: read.kind,
    config,
    problems: [...pinProblems, ...report.problems],
    mapped: report.mapped,
    settings,
    version,
  };
}
