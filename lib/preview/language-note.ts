/**
 * The preview's language label. The replica shows the widget's English strings
 * only (its translations are the widget's own text and are not copied here), so
 * for any other language the preview says, in English, what the real widget does.
 */
import { LANGUAGE_NAMES } from "../config/languages";

/** The sentence to show for a widget `language`, or `null` for English. */
export function languageNote(language: string): string | null {
  if (language === "en") return null;
  const name = LANGUAGE_NAMES[language] ?? language;
  return `Preview in English: the real widget shows these screens in ${name}.`;
}
