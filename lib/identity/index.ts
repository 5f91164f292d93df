/**
 * The widget's identity behaviour as pure functions (domain.md §3–§6): the
 * preview, the advisories and the tests all run on these.
 */
export * from "./types";
export {
  STORAGE_KEY_PREFIX,
  storageKeys,
  readStorage,
  persistedIdentity,
  clearWidgetStorage,
  applyWrites,
  widgetNamespace,
  visitorKeys,
  resetVisitor,
} from "./storage";
export type { WidgetStorageKeys } from "./storage";
export { hashIds, counterIds } from "./ids";
export { simulateLoad } from "./simulate";
export { screenAfterResolution, historyScopeOf, welcomeFormOf } from "./contact";
export { submitWelcomeForm, composeFirstMessage } from "./welcome";
export { trustSummary } from "./trust";
export {
  MIN_NAME_LENGTH,
  isValidEmail,
  isValidName,
  passesBrowserEmailCheck,
  passesWidgetEmailCheck,
  sanitizeEmailInput,
} from "./validation";
export { rejectedTokenOutcome, rejectionSentence } from "./recovery";
export type { RejectedTokenOutcome, RejectionReason } from "./recovery";
export { tokenChangeOutcome } from "./token-change";
export type { TokenChange, TokenChangeContext } from "./token-change";
export { emailOfCall, sameVerifiedContact, visibleSessions } from "./history";
export type { ListedSession, SessionOwner } from "./history";
// The lifecycle simulator (./lifecycle) is not re-exported: only the shared-computer story uses it,
// and it loads on demand. Through this module it would join the first load of every page.
export type * from "./lifecycle-types";
