/**
 * What the page's options make of the visitor (domain.md §3.2, §4, §5): the identity model,
 * and the combinations the widget resolves differently from what the page seems to intend.
 */
import { MODEL_INFO, OPTIONS, OPTION_KEYS, type IdentityModel } from "../../config/options";
import { WIDGET_PINS } from "../../config/versions";
import { NOT_MODELLED } from "../../import/not-modelled";
import { MODELLED } from "../../import/option-tree";
import { suggestion } from "../../import/report";
import type { LiteralNode } from "../../import/literal";
import { looksLikeJwt } from "../../secrets/detect";
import { entryAt, valueAt, type PageFacts } from "../page-facts";
import { finding, type PageRule } from "./rule";
import { LEGACY_OPTION_KEYS } from "./legacy";

const MODEL_VISITOR: Readonly<Record<IdentityModel, string>> = {
  anonymous:
    "Every visitor starts as an anonymous contact kept in this browser's localStorage: their history stays on this browser profile, and the next person on a shared computer continues it.",
  collect:
    "First-time visitors fill in the welcome form (name and email); the contact is non-verified (anyone can type any email) and its history is bound to this browser.",
  browser:
    "The page tells the widget who the visitor is (`user.data`): a non-verified contact, upserted on each load when an email is given; history is bound to this browser, and anyone can send another email from the console.",
  server:
    "Your backend vouches for the visitor (`user.token`, minted with the org API key): a verified contact whose history follows them to every device.",
};

const MODEL_FIX: Readonly<Record<IdentityModel, string>> = {
  anonymous:
    "If your visitors sign in to your site, identify them: verified (`user.token` from your backend) is the only way history follows them across devices.",
  collect:
    "If your visitors are already signed in, pass them in instead of asking: verified (`user.token`), or at least `user.data`.",
  browser:
    "Move to verified identity (`user.token` minted on your server) where agents may share private data; clear the widget's keys when the user signs out.",
  server:
    "Renew the token through your backend when it changes, and clear the widget's stored keys on sign-out.",
};

export const identityModel: PageRule = {
  id: "identity-model",
  check(facts) {
    if (!facts.options) return [];
    const model = facts.imported.config.model;
    return [
      finding("identity-model", "info", facts.options.range, {
        title: `Identity model: ${MODEL_INFO[model].title}`,
        visitor: MODEL_VISITOR[model],
        fix: MODEL_FIX[model],
      }),
    ];
  },
};

const isTrue = (node: LiteralNode | undefined) => node?.kind === "boolean" && node.value;
const written = (node: LiteralNode | undefined) => node !== undefined && node.kind !== "undefined";

export const tokenAndData: PageRule = {
  id: "token-and-data",
  check(facts) {
    const token = entryAt(facts.options, "user.token");
    const data = entryAt(facts.options, "user.data");
    if (!token || !data || !written(token.value) || !written(data.value)) return [];
    return [
      finding("token-and-data", "error", data.keyRange, {
        title: "`user.token` and `user.data` together",
        visitor:
          "The widget uses the token and ignores `user.data` entirely (the name, email and custom data never reach the contact); TypeScript refuses the pair.",
        fix: "Pass one: `user.token` for a signed-in user (put name, email and custom data in the authenticate-user body on your server), or `user.data` without a token.",
      }),
    ];
  },
};

export const collectOverridden: PageRule = {
  id: "collect-overridden",
  check(facts) {
    const collect = entryAt(facts.options, "collectUserData");
    if (!collect || !isTrue(collect.value)) return [];
    const token = written(valueAt(facts.options, "user.token"));
    const email = written(valueAt(facts.options, "user.data.email"));
    if (!token && !email) return [];
    return [
      finding("collect-overridden", "warning", collect.keyRange, {
        title: token
          ? "`collectUserData` is overridden by `user.token`"
          : "`collectUserData` is overridden by `user.data.email`",
        visitor: token
          ? "The welcome form never shows: the verified token always wins, so `prefillUserData` and the extra fields are never seen."
          : "The welcome form never shows: the email from the page wins, the contact is created from `user.data`, and `prefillUserData` and the extra fields are ignored.",
        fix: "Remove `collectUserData` (and its prefill and extra fields), or drop the identity you pass in if you want the form.",
      }),
    ];
  },
};

export const formOptionsWithoutCollect: PageRule = {
  id: "form-options-without-collect",
  check(facts) {
    if (isTrue(valueAt(facts.options, "collectUserData"))) return [];
    return (["prefillUserData", "extraDataCollectionFields"] as const).flatMap((key) => {
      const entry = entryAt(facts.options, key);
      if (!entry || !written(entry.value)) return [];
      return [
        finding("form-options-without-collect", "warning", entry.keyRange, {
          title: `\`${key}\` without \`collectUserData: true\``,
          visitor:
            key === "prefillUserData"
              ? "Nothing is prefilled: without `collectUserData: true` the welcome form never renders."
              : "The extra fields are never asked: without `collectUserData: true` the welcome form never renders.",
          fix: `Add \`collectUserData: true\` to show the form, or remove \`${key}\`.`,
        }),
      ];
    });
  },
};

export const widgetTokenIsContactToken: PageRule = {
  id: "contact-token-as-widget-token",
  check(facts) {
    const token = valueAt(facts.options, "token");
    if (token?.kind !== "string" || !looksLikeJwt(token.value)) return [];
    return [
      finding("contact-token-as-widget-token", "error", token.range, {
        title: "`token` holds a JWT: a contact token, not the widget token",
        visitor:
          "The widget sends it as its `X-Bot-Token` and the config request fails: the widget renders nothing. If it is a real contact token, it is also one person's credential published to every visitor.",
        fix: "Set `token` to your widget token (Channels → AI Chat Widget in the dashboard; it is public), and pass a signed-in user's contact token in `user.token`, fetched from your backend.",
      }),
    ];
  },
};

/** Source text of a value, whitespace-collapsed, for comparing two expressions. */
function sourceOf(facts: PageFacts, node: LiteralNode): string {
  return facts.text.slice(node.range.start, node.range.end).replace(/\s+/g, "");
}

const WIDGET_TOKEN_NAME = /widget[_-]?token|bot[_-]?token|WIDGET_TOKEN/i;

export const contactTokenIsWidgetToken: PageRule = {
  id: "widget-token-as-contact-token",
  check(facts) {
    const userToken = valueAt(facts.options, "user.token");
    const token = valueAt(facts.options, "token");
    if (!userToken || userToken.kind === "undefined" || userToken.kind === "null") return [];
    const sameAsToken =
      token !== undefined && sourceOf(facts, token) === sourceOf(facts, userToken);
    const plainString = userToken.kind === "string" && !looksLikeJwt(userToken.value);
    const named = userToken.kind === "opaque" && WIDGET_TOKEN_NAME.test(sourceOf(facts, userToken));
    if (!sameAsToken && !plainString && !named) return [];
    return [
      finding("widget-token-as-contact-token", "error", userToken.range, {
        title: sameAsToken
          ? "`user.token` is the widget token"
          : plainString
            ? "`user.token` is not a contact token (a contact token is a JWT, `eyJ…`)"
            : "`user.token` reads the widget token",
        visitor:
          "The widget sends it as the contact's `Authorization: Bearer` token and the API rejects it: the visitor is not identified, and the widget does not recover a host-provided token by itself.",
        fix: "Mint the contact token on your server (`POST /widget/authenticate-user` with the org API key) and pass the `token` it returns to `user.token`; `token` stays the widget token.",
      }),
    ];
  },
};

export const hardCodedContactToken: PageRule = {
  id: "hard-coded-contact-token",
  check(facts) {
    const userToken = valueAt(facts.options, "user.token");
    if (userToken?.kind !== "string" || !looksLikeJwt(userToken.value)) return [];
    return [
      finding("hard-coded-contact-token", "error", userToken.range, {
        title: "A contact token is written into the page",
        visitor:
          "Every visitor is signed in as the one person this token belongs to, and sees that person's verified conversations on any device.",
        fix: "Fetch the token per signed-in user from your backend (which calls authenticate-user with the org API key), and pass it to `user.token` at run time. Revoke this one.",
      }),
    ];
  },
};

/** Top-level options only v5 has: the table's v5 rows, and v5's display and context options. */
export const V5_ONLY_KEYS: ReadonlySet<string> = new Set([
  ...OPTION_KEYS.filter((k) => OPTIONS[k].versions.length === 1 && OPTIONS[k].versions[0] === "v5")
    .map((k) => OPTIONS[k].widgetOption?.split(".")[0])
    .filter((k): k is string => k !== undefined),
  "displayMode",
  "companion",
  "presentation",
  "features",
  "messageActions",
  "mentions",
  "pageMarkHighlightDurationMs",
]);

const KNOWN_KEYS: readonly string[] = [...MODELLED, ...Object.keys(NOT_MODELLED)];

export const optionNotInVersion: PageRule = {
  id: "option-not-in-version",
  check(facts) {
    if (facts.options?.kind !== "object") return [];
    const major = facts.version.major;
    return facts.options.entries.flatMap((entry) => {
      const key = entry.key;
      if (key === null || LEGACY_OPTION_KEYS.has(key)) return [];
      if (major === "v4" && V5_ONLY_KEYS.has(key)) {
        return [
          finding("option-not-in-version", "warning", entry.keyRange, {
            title: `\`${key}\` does not exist in widget v4`,
            visitor: `The page pins v4, which ignores \`${key}\`: visitors get the v4 behaviour without it.`,
            fix: `Remove \`${key}\`, or migrate the page to v5 (${WIDGET_PINS.v5}) to use it.`,
          }),
        ];
      }
      if (KNOWN_KEYS.includes(key)) return [];
      return [
        finding("option-not-in-version", "warning", entry.keyRange, {
          title: `\`${key}\` is not a widget option`,
          visitor: `The widget ignores \`${key}\`: whatever it was meant to do does not happen.`,
          fix: `Remove it or correct its name.${suggestion(key, KNOWN_KEYS)}`,
        }),
      ];
    });
  },
};

export const IDENTITY_RULES: readonly PageRule[] = [
  identityModel,
  tokenAndData,
  collectOverridden,
  formOptionsWithoutCollect,
  widgetTokenIsContactToken,
  contactTokenIsWidgetToken,
  hardCodedContactToken,
  optionNotInVersion,
];
