/** What every snippet generator returns; the code panel renders these. */

export const SNIPPET_TARGETS = [
  "html",
  "react",
  "nextjs",
  "svelte",
  "sveltekit",
  "node",
  "express",
  "python",
  "curl",
] as const;
export type SnippetTarget = (typeof SNIPPET_TARGETS)[number];

/** Client targets run in the browser; server targets hold the API key (from the environment). */
export const CLIENT_TARGETS: readonly SnippetTarget[] = [
  "html",
  "react",
  "nextjs",
  "svelte",
  "sveltekit",
];
export const SERVER_TARGETS: readonly SnippetTarget[] = ["node", "express", "python", "curl"];

/** Grammar names as shiki knows them. */
export type SnippetLanguage = "html" | "tsx" | "ts" | "js" | "python" | "bash" | "json" | "svelte";

export interface SnippetFile {
  /** Suggested path, e.g. `app/components/support-widget.tsx`. */
  path: string;
  language: SnippetLanguage;
  code: string;
}

export interface Snippet {
  target: SnippetTarget;
  /** Tab label, e.g. "Next.js". */
  label: string;
  /** Shell command to install what the snippet imports, if anything. */
  install?: string;
  /** One or more files; the verified model adds a server half to client targets. */
  files: SnippetFile[];
}

/** Tab labels, in `SNIPPET_TARGETS` order. */
export const SNIPPET_TARGET_LABELS: Readonly<Record<SnippetTarget, string>> = {
  html: "HTML",
  react: "React",
  nextjs: "Next.js",
  svelte: "Svelte",
  sveltekit: "SvelteKit",
  node: "Node.js",
  express: "Express",
  python: "Python",
  curl: "cURL",
};
