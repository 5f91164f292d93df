/**
 * Support for `e2e/loading-react-next.spec.ts`: generated React and Next.js components, bundled
 * in Node with rolldown into browser ES modules, the way an integrator's bundler would, so a
 * plain page in Chromium can run them without a dev server.
 *
 * - `@opencx/widget-react` (not on this machine's registry) is a stub whose `<Widget>` records
 *   its options once per mount into `window.__inits` (`JSON.stringify(options)`), writes the
 *   `opencx-widget:org-token-<token>:contact-token` key the real widget would write, and renders
 *   `<div data-testid="widget-stub">`.
 * - `next/dynamic` is a small shim: `React.lazy` under `<Suspense>`, whose fallback is the
 *   `loading` option. The real `next/dynamic` (with `ssr: false`) is exercised by the starter
 *   e2e (`e2e/starter-run.spec.ts`), which runs a generated Next.js project for real.
 * - React and react-dom come from this project's node_modules, bundled in, production builds.
 *
 * All pages go into ONE build (one input each), with code splitting: what pages share (React,
 * the shim) becomes shared chunks, and the widget stub is a chunk of its own, reached only by
 * the snippets' dynamic `import('@opencx/widget-react')`. A request for that chunk is "the page
 * loaded the widget". Sources are written to a folder under the system's temporary folder
 * (removed afterwards), never into the repository; the output is kept in memory.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { rolldown } from "rolldown";

/** The global the widget stub pushes each mount's `JSON.stringify(options)` onto. */
export const WIDGET_INITS_GLOBAL = "__inits";
/** The `data-testid` of the element the widget stub renders. */
export const WIDGET_STUB_TEST_ID = "widget-stub";

/** The stand-in for `@opencx/widget-react`: one record and one storage key per mount. */
const WIDGET_REACT_STUB = `import { useEffect } from 'react';

type Options = { token: string } & Record<string, unknown>;

export function Widget({ options }: { options: Options }) {
  useEffect(() => {
    const w = window as unknown as Record<string, string[] | undefined>;
    (w[${JSON.stringify(WIDGET_INITS_GLOBAL)}] ??= []).push(JSON.stringify(options));
    // What the real widget writes once it starts (its contact token, under the widget token).
    localStorage.setItem('opencx-widget:org-token-' + options.token + ':contact-token', 'x');
    // Once per mount, with the options it mounted with: a remount is a second initialisation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return <div data-testid=${JSON.stringify(WIDGET_STUB_TEST_ID)} />;
}
`;

/**
 * The stand-in for `next/dynamic`: the loader runs when the component first renders (never
 * before), through React.lazy; until it resolves, Suspense shows `loading()`. `ssr` does not
 * matter here: nothing renders on a server. The real next/dynamic is exercised by the starter
 * e2e (e2e/starter-run.spec.ts).
 */
const NEXT_DYNAMIC_SHIM = `import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

type Loaded<P> = ComponentType<P> | { default: ComponentType<P> };
interface DynamicOptions {
  ssr?: boolean;
  loading?: (props: { error: Error | null; isLoading: boolean; pastDelay: boolean }) => ReactNode;
}

export default function dynamic<P extends object>(
  loader: () => Promise<Loaded<P>>,
  options: DynamicOptions = {},
): ComponentType<P> {
  const Lazy = lazy(() =>
    loader().then((loaded) => ({
      default: typeof loaded === 'object' && loaded !== null && 'default' in loaded ? loaded.default : loaded,
    })),
  );
  function DynamicComponent(props: P) {
    const fallback = options.loading?.({ error: null, isLoading: true, pastDelay: true }) ?? null;
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return DynamicComponent;
}
`;

/** One page to bundle. */
export interface SnippetPageSource {
  /** Its name: letters, digits and hyphens; also the name of its entry file (`<name>.js`). */
  name: string;
  /**
   * Its own modules by relative path (e.g. `support-widget.tsx`), with `entry.tsx`, the module
   * that mounts the page, among them.
   */
  files: Readonly<Record<string, string>>;
}

export interface SnippetBundle {
  /** Every output file (all in one folder: chunks import each other as `./<file>`), by name. */
  files: ReadonlyMap<string, string>;
  /** Each page's entry file, by page name. */
  entries: ReadonlyMap<string, string>;
  /** The chunk that holds the `@opencx/widget-react` stub, and nothing else. */
  widgetChunk: string;
  /** The files a page's entry loads before any of its code runs: the entry and its static imports. */
  staticFiles(name: string): string[];
  /** What rolldown warned about. */
  warnings: string[];
}

/** React and react-dom: from this project's node_modules, wherever the sources are written. */
const PROJECT_NODE_MODULES = resolve(__dirname, "../../node_modules");

/**
 * Bundles `pages` in one rolldown build (one input per page) into ES modules for the browser,
 * with code splitting, `@opencx/widget-react` aliased to the recording stub and `next/dynamic`
 * to the shim (see the top of this file). TSX with React's automatic JSX runtime;
 * `process.env.NODE_ENV` is "production". Throws when the stub did not end up in a chunk of
 * its own.
 */
export async function bundleSnippetPages(
  pages: readonly SnippetPageSource[],
): Promise<SnippetBundle> {
  const root = await mkdtemp(join(tmpdir(), "snippet-bundle-"));
  try {
    const stubFile = join(root, "_stand-ins", "widget-react.tsx");
    const dynamicFile = join(root, "_stand-ins", "next-dynamic.tsx");
    await write(stubFile, WIDGET_REACT_STUB);
    await write(dynamicFile, NEXT_DYNAMIC_SHIM);
    const input: Record<string, string> = {};
    for (const page of pages) {
      if (!/^[a-z0-9-]+$/i.test(page.name)) throw new Error(`Bad page name: ${page.name}`);
      if (!("entry.tsx" in page.files)) throw new Error(`Page ${page.name} has no entry.tsx`);
      for (const [path, source] of Object.entries(page.files))
        await write(join(root, page.name, path), source);
      input[page.name] = join(root, page.name, "entry.tsx");
    }

    const warnings: string[] = [];
    const build = await rolldown({
      input,
      cwd: root,
      platform: "browser",
      tsconfig: false,
      resolve: {
        alias: { "@opencx/widget-react": stubFile, "next/dynamic": dynamicFile },
        modules: ["node_modules", PROJECT_NODE_MODULES],
      },
      transform: {
        jsx: { runtime: "automatic", development: false },
        define: { "process.env.NODE_ENV": JSON.stringify("production") },
      },
      onLog: (level, log) => {
        if (level === "warn") warnings.push(`${log.code ?? ""} ${log.message}`.trim());
      },
    });
    try {
      const { output } = await build.generate({
        format: "es",
        entryFileNames: "[name].js",
        chunkFileNames: "chunk-[name]-[hash].js",
      });
      const chunks = output.flatMap((item) => (item.type === "chunk" ? [item] : []));
      const files = new Map(chunks.map((chunk) => [chunk.fileName, chunk.code]));
      const entries = new Map(
        chunks.flatMap((chunk) => (chunk.isEntry ? [[chunk.name, chunk.fileName] as const] : [])),
      );
      const holding = chunks.filter((chunk) => chunk.moduleIds.includes(stubFile));
      const [widget] = holding;
      if (holding.length !== 1 || !widget || widget.moduleIds.length !== 1)
        throw new Error(
          `The widget stub is not a chunk of its own: ${JSON.stringify(holding.map((c) => [c.fileName, c.moduleIds]))}`,
        );
      const imports = new Map(chunks.map((chunk) => [chunk.fileName, chunk.imports]));
      const staticFiles = (name: string): string[] => {
        const entry = entries.get(name);
        if (!entry) throw new Error(`No page named ${name}`);
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          for (const next of imports.get(file) ?? []) visit(next);
        };
        visit(entry);
        return [...seen];
      };
      return { files, entries, widgetChunk: widget.fileName, staticFiles, warnings };
    } finally {
      await build.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
