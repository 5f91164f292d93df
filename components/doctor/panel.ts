import type { PlaygroundConfig } from "@/lib/config/options";
import type { SnippetTarget } from "@/lib/snippets/types";

/** What each of the doctor's panels gets from the dialog. */
export interface PanelProps {
  /** Says a result in the dialog's status and the page's announcer. */
  say: (message: string) => void;
  /** "Open in playground": loads a config (and a code tab), closes the dialog; Undo is offered. */
  onOpen: (config: PlaygroundConfig, summary: string, tab?: SnippetTarget) => void;
}

export const textareaClass =
  "w-full resize-y rounded-md border border-neutral-300 bg-neutral-50 p-2 font-mono text-[0.75rem] leading-snug text-neutral-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100";
