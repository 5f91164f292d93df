/**
 * Shared class names for the playground's small toolbar buttons. A module of
 * its own, so a pane that needs the style does not pull in the header (and,
 * through it, the Embed dialog) in the docs embed.
 */
export const headerButton =
  "rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-xs font-medium text-neutral-800 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:hover:bg-neutral-800";
