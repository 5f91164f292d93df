/**
 * Advisories: one rule per file, all registered here; `lintConfig` runs them.
 *
 * Which rules fire (the relevance policy):
 * - Rules look only at the fields the current identity model uses. A value
 *   typed under another model and left behind is not reported: the snippet
 *   leaves it out and the control panel hides it.
 * - The welcome-form fields (prefill, extra fields) are checked for validity
 *   only in the Collect model. In the Browser and Server models they are
 *   reported as unused (`prefill-needs-collect`, `extra-fields-need-collect`)
 *   only when `collectUserData` is switched on, i.e. when the developer asked
 *   for the form there. In the Anonymous model they are silent leftovers.
 * - Fields that reach the page in every model (widget token, externalId) are
 *   always checked; `secret-in-client-field` checks exactly the fields the
 *   current model puts into the widget options (the contact token included).
 * - Widget versions: an option the targeted version does not have is reported
 *   once, at the option, when it is set and its model is current
 *   (`option-not-in-version`); the rows that depend on it are covered by that
 *   advisory. A rule about a version's own feature (personal connections) is
 *   silent on the other version. A preview setting of the other version (v4's
 *   remount switch on v5, v5's keep-mounted and renewal on v4) is not drawn
 *   and not reported: it means nothing there.
 * - The lifecycle rules (what the page does after the first load: sign-out,
 *   a change of user, renewal) read the lifecycle card's switches, each only
 *   in the version and models where its switch is drawn and means something:
 *   `sign-out-keeps-keys` in every model (a warning where a person can see
 *   another's conversations, a note where they cannot or where the model
 *   promises browser-bound history), `remount-missing-v4` on v4,
 *   `renewal-keyed-by-token` on v5 in the Server model, and
 *   `mcp-access-without-renewal` only while the token is minted with
 *   `mcp_access` (v5, Server, personal connections on).
 * - Each rule returns at most one advisory per option, so (id, option) is a
 *   unique key in the output.
 *
 * Output order: severity (error, warning, info), then the option's place in
 * the option table, then the rule id.
 */
import { OPTION_KEYS, type PlaygroundConfig } from "../config/options";
import { avatarUrlNotSent } from "./avatar-url-not-sent";
import { browserDataUnverified } from "./browser-data-unverified";
import { collectDropsUserData } from "./collect-drops-user-data";
import { collectOverriddenByBrowserEmail } from "./collect-overridden-by-browser-email";
import { collectOverriddenByVerifiedToken } from "./collect-overridden-by-verified-token";
import { customDataDuplicateKey } from "./custom-data-duplicate-key";
import { customDataEmptyKey } from "./custom-data-empty-key";
import { customDataValuesAreStrings } from "./custom-data-values-are-strings";
import { externalIdWeakensDeviceBinding } from "./external-id-weakens-device-binding";
import { extraFieldsEveryLoad } from "./extra-fields-every-load";
import { extraFieldsNeedCollect } from "./extra-fields-need-collect";
import { invalidEmail } from "./invalid-email";
import { jwtAsWidgetToken } from "./jwt-as-widget-token";
import { mcpAccessWithoutRenewal } from "./mcp-access-without-renewal";
import { optionNotInVersion } from "./option-not-in-version";
import { personalConnectionsNeedStreaming } from "./personal-connections-need-streaming";
import { prefillNameTooShort } from "./prefill-name-too-short";
import { prefillNeedsCollect } from "./prefill-needs-collect";
import { remountMissingV4 } from "./remount-missing-v4";
import { renewalKeyedByToken } from "./renewal-keyed-by-token";
import { secretInClientField } from "./secret-in-client-field";
import { serverEmailRequired } from "./server-email-required";
import { serverLanguageRenamed } from "./server-language-renamed";
import { serverLanguageUnsupported } from "./server-language-unsupported";
import { signOutKeepsKeys } from "./sign-out-keeps-keys";
import type { Advisory, Rule, Severity } from "./types";
import { widgetTokenEqualsContactToken } from "./widget-token-equals-contact-token";
import { widgetTokenMissing } from "./widget-token-missing";

export type { Advisory, Rule, Severity } from "./types";

export const RULES: readonly Rule[] = [
  secretInClientField,
  jwtAsWidgetToken,
  widgetTokenEqualsContactToken,
  widgetTokenMissing,
  serverEmailRequired,
  optionNotInVersion,
  personalConnectionsNeedStreaming,
  mcpAccessWithoutRenewal,
  signOutKeepsKeys,
  remountMissingV4,
  renewalKeyedByToken,
  collectOverriddenByVerifiedToken,
  collectOverriddenByBrowserEmail,
  collectDropsUserData,
  prefillNeedsCollect,
  extraFieldsNeedCollect,
  prefillNameTooShort,
  invalidEmail,
  extraFieldsEveryLoad,
  externalIdWeakensDeviceBinding,
  browserDataUnverified,
  avatarUrlNotSent,
  customDataEmptyKey,
  customDataDuplicateKey,
  customDataValuesAreStrings,
  serverLanguageUnsupported,
  serverLanguageRenamed,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

const OPTION_ORDER = new Map(OPTION_KEYS.map((key, i) => [key, i]));

function compareAdvisories(a: Advisory, b: Advisory): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (OPTION_ORDER.get(a.option) ?? 0) - (OPTION_ORDER.get(b.option) ?? 0) ||
    // Rule ids never tie here: (id, option) is unique in the output. So ids compare as less or greater.
    // Stryker disable next-line EqualityOperator: `<=` equals `<` since the ids never tie. (The line's other EqualityOperator mutant, `>=`, reverses the order of ties; it was run once with this comment removed and is killed by advisories.test.ts.)
    (a.id < b.id ? -1 : 1)
  );
}

/** Every advisory for `config`, most severe first. Pure; never throws for a valid config. */
export function lintConfig(config: PlaygroundConfig): Advisory[] {
  return RULES.flatMap((rule) => rule.check(config)).sort(compareAdvisories);
}
