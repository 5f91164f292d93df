/**
 * What the page needs to offer a starter before the generator loads: the stacks' folders and
 * labels, and the stack a code tab suggests. No generator and no fflate here, so the playground's
 * first load can import it; `starterFiles` and `starterZip` load on demand (`./index`).
 */
import type { SnippetTarget } from "../snippets/types";
import { STARTER_STACKS, type StarterStack } from "./types";

/** The folder everything in a starter's zip sits in; the zip is named after it. */
export const STARTER_FOLDERS: Readonly<Record<StarterStack, string>> = {
  nextjs: "opencx-starter-nextjs",
  express: "opencx-starter-express",
};

/** What the stack choice says. */
export const STARTER_STACK_LABELS: Readonly<Record<StarterStack, string>> = {
  nextjs: "Next.js",
  express: "Express + static HTML",
};

/** The download's file name: `<folder>.zip`. */
export const starterZipName = (stack: StarterStack) => `${STARTER_FOLDERS[stack]}.zip`;

/**
 * The code tabs whose files a starter holds as they are, by stack: the Next.js project's widget
 * component and route are the Next.js tabs' files (the React tab's component is the same kind of
 * file); the Express project's page is the HTML snippet and its server half the Node and Express
 * snippets.
 */
const TABS_OF: Readonly<Record<StarterStack, readonly SnippetTarget[]>> = {
  nextjs: ["nextjs", "nextjs-route", "react"],
  express: ["html", "node", "express"],
};

/**
 * The stack the download offers first for the code tab being read: the one whose project holds
 * that tab's code, else Next.js (no starter holds a Vue, Python… file; Next.js is the first stack).
 */
export function starterStackFor(tab: SnippetTarget | null | undefined): StarterStack {
  return STARTER_STACKS.find((stack) => tab && TABS_OF[stack].includes(tab)) ?? STARTER_STACKS[0];
}
