/** The explained diff, loaded by the page on its first change (`components/code/use-explained-change`). */
export { explainSnippetChange, type FileChange, type SnippetChange } from "./explain";
export { changeSummary, reasonsFor } from "./reasons";
