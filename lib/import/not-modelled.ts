/**
 * Widget options the playground knows but does not model (domain.md §11, §12; v5's from
 * domain-v5.md §12), with the reason it gives when a pasted snippet sets one. None of them
 * identifies the visitor.
 */
export const NOT_MODELLED: Readonly<Record<string, string>> = {
  headers: "AI-action plumbing, not authentication: it never identifies the visitor",
  queryParams: "AI-action plumbing, not authentication: it never identifies the visitor",
  bodyProperties: "AI-action plumbing, not authentication: it never identifies the visitor",
  context: "AI context per message, not identity",
  messageCustomData: "per-message data for humans, not identity",
  sessionCustomData: "per-session data for humans, not identity",
  bot: "appearance",
  initialMessages: "appearance",
  initialQuestions: "appearance",
  initialQuestionsPosition: "appearance",
  textContent: "appearance",
  assets: "appearance",
  router: "navigation",
  oneOpenSessionAllowed: "navigation",
  isOpen: "display",
  openAfterNSeconds: "display",
  inline: "display",
  translationOverrides: "text",
  cssOverrides: "appearance",
  customComponents: "custom rendering",
  components: "custom rendering",
  hooks: "callbacks",
  apiUrl: "endpoint",
  socketUrl: "endpoint",
  displayMode: "a v5 display option (popover or companion)",
  companion: "v5's companion layout",
  presentation: "a v5 display option that can only narrow your organisation's defaults",
  features: "a v5 switch that can only narrow what your organisation enabled",
  requireInitialQuestion: "a starter-question option (v5, and 4.0.63)",
  messageActions: "a v5 display option",
  mentions: "v5 page context",
  pageMarkHighlightDurationMs: "v5 page context",
};
