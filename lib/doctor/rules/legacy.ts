/**
 * Forms from the old and stale docs (domain.md §13) that still circulate in copied snippets:
 * each is silently ignored by the widget or the API, so the page looks configured and is not.
 */
import { entryAt, type PageFacts } from "../page-facts";
import type { DoctorRuleId } from "../rule-ids";
import { finding, type PageRule } from "./rule";

/** The API's authenticate-user path; the app's own `/api/…/authenticate-user` route is not it. */
export const AUTHENTICATE_USER = /(?<!\/api)\/widget\/authenticate-user\b/;

/** Top-level option names of the pre-v4 API and the stale getting-started page. */
export const LEGACY_OPTION_KEYS: ReadonlySet<string> = new Set([
  "contactToken",
  "collectUserInfo",
  "settings",
]);

/** Where `pattern` matches the text outside comments. */
export function textMatches(facts: PageFacts, pattern: RegExp) {
  return [...facts.scan.matchAll(new RegExp(pattern.source, "g"))].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export const legacyCreateConfig: PageRule = {
  id: "legacy-create-config",
  check(facts) {
    // Other libraries have a `createConfig` (wagmi does): only the widget's counts, imported
    // from `@opencx/widget`, or called with the widget's options.
    const imported =
      /import\s*\{[^}]*\bcreateConfig\b[^}]*\}\s*from\s*['"]@opencx\/widget['"]/.test(facts.scan);
    const options = facts.options?.range.start ?? -1;
    return textMatches(facts, /\bcreateConfig\s*\(/)
      .filter((m) => imported || /^\s*$/.test(facts.scan.slice(m.end, options)))
      .slice(0, 1)
      .map((range) =>
        finding("legacy-create-config", "error", range, {
          title: "`createConfig` is the pre-v4 API",
          visitor:
            "Current widget packages do not export `createConfig`: the import fails or the call throws, and no widget appears.",
          fix: "Pass a plain options object: `window.initOpenScript({ token, … })` on a page, `<Widget options={{ token, … }} />` in React.",
        }),
      );
  },
};

export const legacyDesignsPackage: PageRule = {
  id: "legacy-designs-package",
  check(facts) {
    return textMatches(facts, /@opencx\/widget\/designs\b/)
      .slice(0, 1)
      .map((range) =>
        finding("legacy-designs-package", "error", range, {
          title: "`@opencx/widget/designs` is from the old README",
          visitor:
            "That entry point is gone: the build fails to resolve it, so the widget never ships. Since v4, `@opencx/widget` is only the embed script.",
          fix: "Import `Widget` from `@opencx/widget-react`, installed with `npm install --save-exact @opencx/widget-react@5.0.0`.",
        }),
      );
  },
};

const LEGACY_KEYS: readonly {
  rule: DoctorRuleId;
  path: string;
  severity: "error" | "warning";
  title: string;
  visitor: string;
  fix: string;
}[] = [
  {
    rule: "legacy-contact-token",
    path: "contactToken",
    severity: "error",
    title: "`contactToken` is the pre-v4 name of `user.token`",
    visitor:
      "The widget ignores it: the visitor is never verified and gets an anonymous contact instead, with history on this browser only.",
    fix: "Pass the contact token as `user: { token }`.",
  },
  {
    rule: "legacy-collect-user-info",
    path: "collectUserInfo",
    severity: "error",
    title: "`collectUserInfo` is not an option (the stale docs' name)",
    visitor: "The welcome form never shows: every visitor stays anonymous.",
    fix: "Write `collectUserData: true`.",
  },
  {
    rule: "legacy-external-id",
    path: "user.external_id",
    severity: "warning",
    title: "`user.external_id` is the pre-v4 name of `user.externalId`",
    visitor:
      "The widget ignores it: sessions are not scoped to your id (non-verified visitors get a device id instead).",
    fix: "Write `user: { externalId }`.",
  },
  {
    rule: "legacy-settings",
    path: "settings",
    severity: "warning",
    title: "`settings` (such as `persistSession`) is from the pre-v4 API",
    visitor:
      "The widget ignores it. Non-verified contacts are always kept in localStorage; verified ones are never stored.",
    fix: "Remove `settings`; to forget a visitor on sign-out, clear the widget's `opencx-widget:` keys.",
  },
  {
    rule: "legacy-settings",
    path: "theme.triggerOffset",
    severity: "warning",
    title: "`theme.triggerOffset` is from the pre-v4 API",
    visitor: "The widget ignores it: the button keeps its default place.",
    fix: "Use `theme.widgetTrigger.offset` (v4 and v5).",
  },
];

export const legacyOptions: PageRule = {
  id: "legacy-options",
  check(facts) {
    return LEGACY_KEYS.flatMap((legacy) => {
      const entry = entryAt(facts.options, legacy.path);
      if (!entry) return [];
      const { rule, severity, title, visitor, fix } = legacy;
      return [finding(rule, severity, entry.keyRange, { title, visitor, fix })];
    });
  },
};

export const legacyCustomData: PageRule = {
  id: "legacy-custom-data",
  check(facts) {
    // Server code in another language is not parsed: its body's key is found in the text.
    const range =
      entryAt(facts.body, "custom_data")?.keyRange ??
      (facts.programs.length === 0 && AUTHENTICATE_USER.test(facts.scan)
        ? textMatches(facts, /(?<![\w-])custom_data(?![\w-])/)[0]
        : undefined);
    if (!range) return [];
    return [
      finding("legacy-custom-data", "warning", range, {
        title: "`custom_data` is the old recipe's name: the API documents `customData`",
        visitor:
          "The contact's trusted custom data may not be saved, so agents and automations do not see it.",
        fix: "Send `customData` in the authenticate-user body.",
      }),
    ];
  },
};

export const serverWithoutAuthorization: PageRule = {
  id: "server-without-authorization",
  check(facts) {
    const call = textMatches(facts, AUTHENTICATE_USER)[0];
    if (!call || /authorization/i.test(facts.scan)) return [];
    return [
      finding("server-without-authorization", "error", call, {
        title: "authenticate-user is called without an `Authorization` header",
        visitor:
          "The API answers 401, no contact token is minted, and signed-in visitors are never verified (the old recipe omitted the header).",
        fix: "Send `Authorization: Bearer <org API key>`, read from the server's environment (`OPENCX_API_KEY`).",
      }),
    ];
  },
};

export const LEGACY_RULES: readonly PageRule[] = [
  legacyCreateConfig,
  legacyDesignsPackage,
  legacyOptions,
  legacyCustomData,
  serverWithoutAuthorization,
];
