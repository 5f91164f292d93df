/** What every snippet generator returns; the code panel renders these. */

export const SNIPPET_TARGETS = [
  "html",
  "react",
  "nextjs",
  "vue",
  "nuxt",
  "svelte",
  "sveltekit",
  "angular",
  "node",
  "express",
  "nextjs-route",
  "python",
  "flask",
  "php",
  "ruby",
  "go",
  "java",
  "curl",
] as const;
export type SnippetTarget = (typeof SNIPPET_TARGETS)[number];

/** Client targets run in the browser; server targets hold the API key (from the environment). */
export const CLIENT_TARGETS: readonly SnippetTarget[] = [
  "html",
  "react",
  "nextjs",
  "vue",
  "nuxt",
  "svelte",
  "sveltekit",
  "angular",
];
export const SERVER_TARGETS: readonly SnippetTarget[] = [
  "node",
  "express",
  "nextjs-route",
  "python",
  "flask",
  "php",
  "ruby",
  "go",
  "java",
  "curl",
];

/** Grammar names as shiki knows them. */
export type SnippetLanguage =
  | "html"
  | "tsx"
  | "ts"
  | "js"
  | "vue"
  | "svelte"
  | "python"
  | "php"
  | "ruby"
  | "go"
  | "java"
  | "bash"
  | "json";

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
  vue: "Vue",
  nuxt: "Nuxt",
  svelte: "Svelte",
  sveltekit: "SvelteKit",
  angular: "Angular",
  node: "Node.js",
  express: "Express",
  "nextjs-route": "Next.js route",
  python: "Python",
  flask: "Flask",
  php: "PHP",
  ruby: "Ruby",
  go: "Go",
  java: "Java",
  curl: "cURL",
};
