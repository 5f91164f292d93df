/**
 * Every finding the doctor can report, with the one line the report's legend and the README
 * show. The corpus test (`corpus.test.ts`) holds each id to a fixture that triggers it and one
 * that does not.
 */
export const DOCTOR_RULES = {
  "no-widget-script": "Nothing on the page loads the widget script.",
  "widget-not-running": "A widget script tag is on the live page, but the widget never started.",
  "script-not-pinned": "The widget is loaded or installed without an exact version.",
  "pin-latest": "The widget is loaded as `@latest`, which follows each new major.",
  "v4-pin-outdated": "A v4 pin older than 4.0.63, the last v4 release.",
  "version-not-modelled": "A prerelease, a newer release or another major than the doctor knows.",
  "widget-loaded-twice": "Two widget scripts, two integrations, or repeated v4 initialisation.",
  "init-before-script": "`initOpenScript` runs before the widget script has defined it.",
  "secret-in-page": "An org API key, or a public variable named for one, in the text.",
  "authenticate-from-page":
    "The page calls authenticate-user itself (the key would be in the browser).",
  "csp-blocks-widget":
    "The Content-Security-Policy blocks the widget's script, its initialiser or its API.",
  "legacy-create-config": "`createConfig`, the pre-v4 API.",
  "legacy-designs-package": "`@opencx/widget/designs`, the old README's entry point.",
  "legacy-contact-token": "`contactToken`, the pre-v4 name of `user.token`.",
  "legacy-collect-user-info": "`collectUserInfo`, the stale docs' name of `collectUserData`.",
  "legacy-external-id": "`user.external_id`, the pre-v4 name of `user.externalId`.",
  "legacy-settings": "`settings.persistSession` or `theme.triggerOffset`, pre-v4 options.",
  "legacy-custom-data": "`custom_data` in the authenticate-user body (the API reads `customData`).",
  "server-without-authorization": "authenticate-user called without the `Authorization` header.",
  "identity-model": "The identity model the page sets up, explained.",
  "token-and-data": "`user.token` and `user.data` together.",
  "collect-overridden": "`collectUserData` with a token or an email that overrides it.",
  "form-options-without-collect": "Prefill or extra fields without `collectUserData: true`.",
  "contact-token-as-widget-token": "A JWT (a contact token) given as the widget token.",
  "widget-token-as-contact-token": "The widget token (or another non-JWT) given as `user.token`.",
  "hard-coded-contact-token": "One person's contact token written into the page.",
  "option-not-in-version": "An option the pinned version does not have, or no option at all.",
  "option-problem": "An option with a misspelt name or a value of the wrong type.",
  "stored-token-other-owner":
    "The browser holds another contact than the page's signed-in user (sign-out risk).",
  "stored-contact": "The browser holds a non-verified contact the next person would continue.",
  "server-code": "Server code in a language the doctor reads as text only.",
  "nothing-found": "No widget integration in the text.",
  unreadable: "The text could not be read.",
} as const;

export type DoctorRuleId = keyof typeof DOCTOR_RULES;

export const DOCTOR_RULE_IDS = Object.keys(DOCTOR_RULES) as DoctorRuleId[];
