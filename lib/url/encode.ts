/**
 * `encodeURIComponent` that never throws. It throws a URIError on a lone
 * surrogate, and any text field can hold one: a share link's JSON may say
 * `"\ud800"`, and the schema counts UTF-16 code units without asking for
 * well-formed text. A lone surrogate is encoded as U+FFFD, as `URL` does.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function encodeUriComponentSafe(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, "\uFFFD"));
}
