/**
 * Import: pasted code → playground config, without executing anything.
 *
 * Accepts an options object (JSON or JavaScript: single quotes, trailing
 * commas, unquoted keys, comments), an HTML embed snippet, a React or Next.js
 * component, or server code that calls authenticate-user. Everything that
 * cannot be mapped is reported with its place in the text.
 *
 * Round trip (a property test): importing a snippet this playground generated,
 * with the generating config as `base`, gives back that config.
 */
import type { PlaygroundConfig } from "../config/options";
import { playgroundConfigSchema } from "../config/schema";
import { WIDGET_PINS } from "../config/versions";
const WIDGET_VERSION = WIDGET_PINS.v4; // TEMPORARY: the import work makes this per version
import { findOptions } from "./find";
import { readLiteral } from "./literal";
import { Report } from "./report";
import { mapServerBody } from "./server-body";
import { readSources, type ScriptTag } from "./sources";
import { mapWidgetOptions } from "./widget-options";
import type { ImportProblem, ImportResult } from "./types";

export type { ImportKind, ImportProblem, ImportResult, SourceRange } from "./types";

function failed(
  base: PlaygroundConfig,
  kind: ImportResult["kind"],
  problems: ImportProblem[],
): ImportResult {
  return { ok: false, kind, config: base, problems, mapped: [] };
}

/** Notes about the embed script's version: the playground models v4.0.57. */
function scriptProblems(scripts: readonly ScriptTag[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const script of scripts) {
    const match = /@opencx\/widget@([^/]+)\//.exec(script.src);
    if (!match) continue;
    const version = match[1]!;
    const range = { start: script.start, end: script.end };
    if (version === "latest") {
      problems.push({
        severity: "warning",
        path: "script",
        message: `The script loads @opencx/widget@latest, which is v5 now; this playground and its snippets are for v4 (pinned to ${WIDGET_VERSION}).`,
        range,
      });
    } else if (!version.startsWith("4.")) {
      problems.push({
        severity: "warning",
        path: "script",
        message: `The script loads @opencx/widget@${version}; this playground models v4 (${WIDGET_VERSION}). Options may differ.`,
        range,
      });
    }
  }
  return problems;
}

/** Reads `text` and maps it onto `base`; never throws. */
export function importSnippet(text: string, base: PlaygroundConfig): ImportResult {
  try {
    return importUnsafe(text, base);
  } catch (error) {
    // A parser bug must not lose the user's work: report it and keep the config.
    return failed(base, null, [
      {
        severity: "error",
        path: "",
        message: `This text could not be read (${String((error as Error)?.message ?? error).slice(0, 120)}).`,
        range: null,
      },
    ]);
  }
}

function importUnsafe(text: string, base: PlaygroundConfig): ImportResult {
  const read = readSources(text);
  if (!read.ok) return failed(base, read.kind, read.problems);
  const found = findOptions(read.programs);
  const report = new Report(base.apiKey);
  let config: PlaygroundConfig = { ...base };

  if (found.options) {
    const { node, program } = found.options;
    const literal = readLiteral(node, { source: program.source, offset: program.offset });
    const client = mapWidgetOptions(literal, base, report);
    config = { ...config, ...client.values, model: client.model };
    if (found.widgetCount > 1) {
      report.warn(
        "",
        `The text passes options to the widget ${found.widgetCount} times; the first one was imported.`,
        null,
      );
    }
  }
  if (found.serverBody) {
    const { node, program } = found.serverBody;
    const literal = readLiteral(node, { source: program.source, offset: program.offset });
    config = { ...config, ...mapServerBody(literal, base, report) };
    if (!found.options) {
      config.model = "server";
      report.warn(
        "",
        "No widget options found: imported the authenticate-user body and chose the Verified model.",
        null,
      );
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
                "No widget options found: expected an options object, initOpenScript(options) or <Widget options={…} />.",
              range: null,
            },
          ];
    return failed(base, read.kind, problems);
  }

  // Every field was checked on its own; this catches any rule across fields.
  const checked = playgroundConfigSchema.safeParse(config);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0]) as keyof PlaygroundConfig;
      report.error(String(issue.path.join(".")), `${issue.message} Not imported.`, null);
      (config as Record<string, unknown>)[key] = base[key];
    }
  }
  return {
    ok: true,
    kind: read.kind,
    config,
    problems: [...scriptProblems(read.scripts), ...report.problems],
    mapped: report.mapped,
  };
}
