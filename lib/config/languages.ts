/**
 * Language lists from domain.md §9. The widget UI and the authenticate-user
 * API accept different lists; `toApiLanguage` bridges them.
 */

/** The 38 codes the v4 widget UI accepts (`LANGUAGES` in the widget core). */
export const WIDGET_LANGUAGES = [
  "ar",
  "bn",
  "bg",
  "cs",
  "da",
  "de",
  "el",
  "en",
  "es",
  "et",
  "fi",
  "fil",
  "fr",
  "hi",
  "hr",
  "hu",
  "is",
  "it",
  "ja",
  "ko",
  "lb",
  "lt",
  "lv",
  "mt",
  "nb",
  "nl",
  "no",
  "pl",
  "pt",
  "ro",
  "ru",
  "sk",
  "sv",
  "th",
  "tr",
  "ur",
  "vi",
  "zh-cn",
] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

/** The 56 codes of the authenticate-user `language` enum. */
export const API_LANGUAGES = [
  "en",
  "fr",
  "de",
  "nl",
  "pl",
  "pt",
  "es",
  "it",
  "ru",
  "ja",
  "ko",
  "zh",
  "ar",
  "tr",
  "sv",
  "da",
  "no",
  "fi",
  "el",
  "cs",
  "hu",
  "th",
  "vi",
  "id",
  "he",
  "hi",
  "uk",
  "ro",
  "bg",
  "hr",
  "sk",
  "sl",
  "sr",
  "et",
  "lv",
  "lt",
  "is",
  "ga",
  "ms",
  "tl",
  "fa",
  "bn",
  "ta",
  "te",
  "ur",
  "sw",
  "zu",
  "af",
  "sq",
  "hy",
  "az",
  "eu",
  "be",
  "bs",
  "ca",
  "cy",
] as const;
export type ApiLanguage = (typeof API_LANGUAGES)[number];

/** Every code the server `language` control offers: the API enum plus the widget-only codes. */
export const SERVER_LANGUAGE_CHOICES = [
  ...API_LANGUAGES,
  ...WIDGET_LANGUAGES.filter((code) => !(API_LANGUAGES as readonly string[]).includes(code)),
] as const;

/** Widget codes the API spells differently. `lb` and `mt` have no API equivalent. */
const WIDGET_TO_API: Readonly<Record<string, ApiLanguage>> = { "zh-cn": "zh", fil: "tl", nb: "no" };

/** English names, for labels only. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  af: "Afrikaans",
  ar: "Arabic",
  az: "Azerbaijani",
  be: "Belarusian",
  bg: "Bulgarian",
  bn: "Bengali",
  bs: "Bosnian",
  ca: "Catalan",
  cs: "Czech",
  cy: "Welsh",
  da: "Danish",
  de: "German",
  el: "Greek",
  en: "English",
  es: "Spanish",
  et: "Estonian",
  eu: "Basque",
  fa: "Persian",
  fi: "Finnish",
  fil: "Filipino",
  fr: "French",
  ga: "Irish",
  he: "Hebrew",
  hi: "Hindi",
  hr: "Croatian",
  hu: "Hungarian",
  hy: "Armenian",
  id: "Indonesian",
  is: "Icelandic",
  it: "Italian",
  ja: "Japanese",
  ko: "Korean",
  lb: "Luxembourgish",
  lt: "Lithuanian",
  lv: "Latvian",
  ms: "Malay",
  mt: "Maltese",
  nb: "Norwegian Bokmål",
  nl: "Dutch",
  no: "Norwegian",
  pl: "Polish",
  pt: "Portuguese",
  ro: "Romanian",
  ru: "Russian",
  sk: "Slovak",
  sl: "Slovenian",
  sq: "Albanian",
  sr: "Serbian",
  sv: "Swedish",
  sw: "Swahili",
  ta: "Tamil",
  te: "Telugu",
  th: "Thai",
  tl: "Tagalog",
  tr: "Turkish",
  uk: "Ukrainian",
  ur: "Urdu",
  vi: "Vietnamese",
  "zh-cn": "Chinese (Simplified)",
  zh: "Chinese",
  zu: "Zulu",
};

export type ApiLanguageMapping =
  | { kind: "same"; code: ApiLanguage }
  | { kind: "mapped"; code: ApiLanguage; from: string }
  | { kind: "unsupported"; from: string };

/** How a language code is sent to authenticate-user: as is, renamed, or not at all. */
export function toApiLanguage(code: string): ApiLanguageMapping {
  if ((API_LANGUAGES as readonly string[]).includes(code)) {
    return { kind: "same", code: code as ApiLanguage };
  }
  const mapped = WIDGET_TO_API[code];
  return mapped
    ? { kind: "mapped", code: mapped, from: code }
    : { kind: "unsupported", from: code };
}

/** A choice in a select control: the stored value and what the control shows. */
export interface Choice {
  value: string;
  label: string;
}

/** The widget `language` select: every widget code with its English name. */
export const WIDGET_LANGUAGE_SELECT: readonly Choice[] = WIDGET_LANGUAGES.map((code) => ({
  value: code,
  label: `${code} · ${LANGUAGE_NAMES[code] ?? code}`,
}));

/** The server `language` select: "Not sent", then every code, saying how it reaches the API. */
export const SERVER_LANGUAGE_SELECT: readonly Choice[] = [
  { value: "", label: "Not sent" },
  ...SERVER_LANGUAGE_CHOICES.map((code) => {
    const mapping = toApiLanguage(code);
    const note =
      mapping.kind === "mapped"
        ? ` (widget code, sent as ${mapping.code})`
        : mapping.kind === "unsupported"
          ? " (widget only: not sent)"
          : "";
    return { value: code, label: `${code} · ${LANGUAGE_NAMES[code] ?? code}${note}` };
  }),
];
