/**
 * The welcome form's two checks (domain.md §6.3): first the browser's native
 * validation (`required`, `type="email"`), then the widget's zod check
 * (`name: min(2)`, `email: email()`). The zod check fails silently.
 *
 * We use zod's own email patterns: its HTML5 pattern for the browser's
 * `type="email"` rule, and its default pattern for the widget's zod check.
 */
import "../config/zod"; // jitless: no eval under the CSP
import { z } from "zod";

/** The widget's minimum name length (zod `min(2)`, counted in UTF-16 code units, untrimmed). */
export const MIN_NAME_LENGTH = 2;

const browserEmail = z.regexes.html5Email;
const zodEmail = z.regexes.email;

/** An `<input type="email">` value as the browser submits it: newlines removed, outer whitespace stripped. */
export function sanitizeEmailInput(value: string): string {
  return value.replace(/[\r\n]/g, "").replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "");
}

/** The browser's native `type="email"` check (on the sanitized value). */
export function passesBrowserEmailCheck(value: string): boolean {
  return browserEmail.test(sanitizeEmailInput(value));
}

/** The widget's zod email check (on the sanitized value). */
export function passesWidgetEmailCheck(value: string): boolean {
  return zodEmail.test(sanitizeEmailInput(value));
}

/** An email both the browser and the widget accept on the welcome form. */
export function isValidEmail(value: string): boolean {
  return passesBrowserEmailCheck(value) && passesWidgetEmailCheck(value);
}

/** A name the widget's zod check accepts. */
export function isValidName(value: string): boolean {
  return value.length >= MIN_NAME_LENGTH;
}
