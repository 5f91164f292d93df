/**
 * Properties of the starter over random and hostile configs and playground links: every file
 * parses with the real toolchain (TypeScript's parser for .ts/.tsx/.mjs and the inline scripts,
 * Babel for the .mjs modules, JSON.parse, parse5 for the page, Node's dotenv parser), the
 * snippet files are the generators' own, and nothing secret-shaped reaches a file but the
 * sandbox's labelled demo key in the settings file (`SANDBOX_ENV_FILES`).
 */
import { parse as babelParse } from "@babel/parser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../config/arbitraries";
import { LOADING_MODES, withoutSecrets, type PlaygroundConfig } from "../config/options";
import { usableConfig } from "../config/usable";
import { SANDBOX_API_KEY } from "../sandbox/settings";
import { secretKind } from "../secrets/detect";
import { generateHtmlSnippet } from "../snippets/html-snippet";
import { generateNextjsSnippet } from "../snippets/nextjs-snippet";
import { generateExpressSnippet } from "../snippets/server-snippets";
import { parseHtml } from "../snippets/test-support/html";
import { transpileErrors } from "../snippets/test-support/literal-eval";
import {
  configsWithSecrets,
  SECRET_API_KEY,
  SECRET_CONTACT_TOKEN,
} from "../snippets/test-support/property";
import { parseEnvFile } from "./test-support/env";
import {
  SANDBOX_ENV_FILES,
  STARTER_STACKS,
  starterFiles,
  type StarterFile,
  type StarterStack,
} from "./index";

// Each run parses about 15 files (8 through TypeScript): 15 runs per case (8 cases, 120 starters)
// keep the file near 5 s on a busy 2-core machine.
const RUNS = propertyRuns(15);

/** Playground links: any http(s) URL fast-check makes, with queries and fragments. */
const links = fc
  .webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ["http", "https"] })
  .filter((url) => {
    const parsed = new URL(url);
    return parsed.username === "" && parsed.password === "";
  });

/** Configs with the sensitive sentinels, in every loading mode (consent adds the demo banner). */
const configs = (hostile: boolean) =>
  fc
    .tuple(configsWithSecrets(hostile), fc.constantFrom(...LOADING_MODES))
    .map(([config, loading]) => ({ ...config, loading }));

/**
 * Parsed texts: the scaffolding around the snippet files is the same text for many configs, so
 * each distinct file is parsed once (the snippet files differ nearly every run).
 */
const parsed = new Map<string, string[]>();

/** The syntax errors of one file, as its toolchain reports them; [] when it parses. */
function syntaxErrors(file: StarterFile): string[] {
  const key = `${file.path}\0${file.contents}`;
  let errors = parsed.get(key);
  if (!errors) {
    errors = parse(file);
    parsed.set(key, errors);
  }
  return errors;
}

function parse(file: StarterFile): string[] {
  const { path, contents } = file;
  if (/\.(ts|tsx)$/.test(path)) return transpileErrors(contents, path);
  if (path.endsWith(".mjs")) {
    const errors = transpileErrors(contents, path);
    try {
      babelParse(contents, { sourceType: "module" });
    } catch (error) {
      errors.push(`babel: ${String(error)}`);
    }
    return errors;
  }
  if (path.endsWith(".json")) {
    try {
      JSON.parse(contents);
      return [];
    } catch (error) {
      return [String(error)];
    }
  }
  if (path.endsWith(".html")) {
    const html = parseHtml(contents);
    return [
      ...html.errors,
      ...html.scripts
        .filter((s) => s.src === null)
        .flatMap((s, i) => transpileErrors(s.text, `inline-${i}.js`)),
    ];
  }
  return [];
}

/** Lines that look like an org API key or a JWT, once the sandbox's demo key is taken out. */
function secretShapedLines(file: StarterFile): string[] {
  return file.contents
    .split("\n")
    .filter((line) => secretKind(line.replaceAll(SANDBOX_API_KEY, ""), "") !== null);
}

function checkStarter(config: PlaygroundConfig, stack: StarterStack, link: string): void {
  const files = starterFiles(config, stack, { playgroundUrl: link });
  const paths = files.map((f) => f.path);
  expect(paths).toEqual([...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const file of files) {
    expect(syntaxErrors(file), file.path).toEqual([]);
    expect(file.contents, file.path).not.toContain(SECRET_API_KEY);
    expect(file.contents, file.path).not.toContain(SECRET_CONTACT_TOKEN);
    expect(secretShapedLines(file), file.path).toEqual([]);
    expect(file.contents.includes(SANDBOX_API_KEY), file.path).toBe(
      file.path === SANDBOX_ENV_FILES[stack],
    );
  }
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  const { href, origin } = new URL(link);
  expect(byPath.get("README.md")).toContain(`<${href}>`);
  const env = byPath.get(SANDBOX_ENV_FILES[stack]);
  if (config.model === "server") {
    expect(parseEnvFile(env ?? "")).toEqual({
      OPENCX_API_URL: `${origin}/api`,
      OPENCX_API_KEY: SANDBOX_API_KEY,
    });
  } else expect(env).toBeUndefined();

  // The snippet files, from the config the snippets see.
  const clean = withoutSecrets(usableConfig(config).config);
  if (stack === "nextjs") {
    const component = generateNextjsSnippet(clean).files[0]!;
    expect(byPath.get(component.path)).toBe(component.code);
  } else {
    expect(byPath.get("public/index.html")).toContain(generateHtmlSnippet(clean).files[0]!.code);
    if (config.model === "server")
      for (const f of generateExpressSnippet(clean).files) expect(byPath.get(f.path)).toBe(f.code);
  }
}

describe.each([
  ["ordinary", false],
  ["hostile", true],
])("%s configs", (_, hostile) => {
  it.each(STARTER_STACKS)(
    "%s: every file parses, the snippet files are the generators', no secret reaches a file",
    (stack) => {
      fc.assert(
        fc.property(configs(hostile), links, (config, link) => {
          checkStarter(config, stack, link);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each(STARTER_STACKS)(
    "%s: verified configs (the server half and the demo sign-in)",
    (stack) => {
      fc.assert(
        fc.property(
          configs(hostile).map((c) => ({ ...c, model: "server" as const })),
          links,
          (config, link) => {
            checkStarter(config, stack, link);
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});
