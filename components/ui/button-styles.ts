/**
 * Shared class names for the playground's buttons, compact selects and dialogs (not the
 * code panel's `--cp-*` themed controls, nor the widget replica's). A module of its own, so
 * a pane that needs a style does not pull in the header (and, through it, the Embed dialog)
 * in the docs embed.
 *
 * Only literal, complete class names: Tailwind finds them by scanning this file. A caller that
 * needs more (a width, `disabled:` styles) appends its classes.
 */

export const buttonClass = {
  /** The everyday bordered button: header actions, dialog actions, Copy. */
  secondary:
    "rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-xs font-medium text-neutral-800 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:hover:bg-neutral-800",
  /** The one main action of a dialog (Apply). */
  primary:
    "rounded-md border border-neutral-900 bg-neutral-900 px-2.5 py-1 text-xs font-medium text-white hover:bg-neutral-700 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-neutral-100 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300",
  /** Disabled look for `secondary` where the button can be disabled. */
  disabled: "disabled:cursor-not-allowed disabled:opacity-50",
  /** Transparent bordered button of the list editors (add, remove); the caller sets its size. */
  outline:
    "rounded-md border border-neutral-300 font-medium hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:opacity-40 dark:border-neutral-700 dark:hover:bg-neutral-800",
  /** One button of a `toggleGroupClass` group; pressed shows as filled. */
  toggle:
    "px-2.5 py-1 text-xs font-medium text-neutral-700 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 aria-pressed:bg-neutral-900 aria-pressed:text-white dark:text-neutral-300 dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900",
  /** The underlined action in an amber notice bar (Dismiss). */
  notice:
    "rounded px-2 py-0.5 text-xs underline focus-visible:outline-2 focus-visible:outline-blue-600",
} as const;

/** The bordered row that holds `buttonClass.toggle` buttons. */
export const toggleGroupClass =
  "flex overflow-hidden rounded-md border border-neutral-300 dark:border-neutral-700";

/** A small select or number input beside `buttonClass.secondary` buttons. */
export const compactFieldClass =
  "rounded-md border border-neutral-300 bg-white px-1.5 py-1 text-xs text-neutral-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100";

/** A modal `<dialog>`: the centred panel, and the backdrop behind it. */
export const dialogPanelClass =
  "m-auto max-h-[calc(100dvh-2rem)] w-[min(46rem,calc(100%-2rem))] overflow-y-auto rounded-lg border border-neutral-300 bg-white p-0 text-neutral-900 shadow-xl backdrop:bg-neutral-950/50 dark:border-neutral-700 dark:bg-neutral-950 dark:text-neutral-100";
