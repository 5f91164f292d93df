/**
 * The share-link codec: a playground config ⇄ the `s` query parameter.
 *
 * Format (version 2):
 *
 *     ?s=2.<payload>
 *
 * `2.` is the format version. `<payload>` is lz-string's
 * `compressToEncodedURIComponent` of a JSON object that maps each option's
 * short `urlKey` (from the option table) to its value, in the same JSON shape
 * the config holds it. Only values that differ from their default are written,
 * in table order, so the same config always gives the same string and the
 * defaults give `""` (no parameter at all). The payload alphabet is
 * `A-Z a-z 0-9 + -` (lz-string's 6-bit URI alphabet); it is written into the
 * URL as is, and a `+` that a query parser turned into a space is turned back
 * on reading. Encodings longer than `MAX_LINK_LENGTH` are refused whole.
 *
 * Compatibility rules (share links are forever):
 * - A `urlKey` is never renamed and never reused, not even after its option is
 *   removed; a value's JSON shape under a key never changes meaning (a new
 *   meaning gets a new key).
 * - Unknown keys are ignored with a message, so adding an option needs no new
 *   version: older pages simply skip the new key.
 * - Each value is checked with its row's schema (and the config schema's rules)
 *   on its own; a bad value falls back to its default with a message naming the
 *   field, and the rest of the link is kept.
 * - Sensitive rows have no key and are never written. A key naming a secret
 *   (`apiKey`, `contactToken`, …) is refused with a message and never loaded.
 * - The version changes only when the envelope changes (compression, payload
 *   structure) or when what an absent key means changes. A version newer than
 *   this page reads is refused with a message; a decoder for every older
 *   version is kept.
 *
 * History:
 * - Format 1 (until the widget-version axis): the same payload, written when
 *   the playground targeted widget v4 only. A format-1 link is read with the
 *   same keys and opens as v4 (`madeForV4`), whatever the default major is now.
 * - Format 2: adds the widget version (`v`, default v5). Bumped because the
 *   default changed: a format-1 link without `v` meant v4.
 * - Defaults are not in the link, so changing an option's default changes what
 *   old links show for that option: treat a default change like a format change.
 *
 * `decodeConfig` never throws: whatever it is given, it returns a config that
 * `parseConfig` accepts, plus sentences a person can act on.
 */
// lz-string is CommonJS; its default export is the whole API in Node and in the bundler.
import LZString from "lz-string";
import { OPTION_KEYS, OPTIONS, type PlaygroundConfig } from "../config/options";
import { usableConfig } from "../config/usable";
import { damaged, defaults, readPayload, type DecodeResult } from "./read-payload";

export type { DecodeResult } from "./read-payload";

/** The query parameter that carries a shared config. */
export const SHARE_PARAM = "s";

/** The link format this page writes, and the newest it reads. */
export const LINK_FORMAT_VERSION = 2;

/** The format written before the widget-version axis: its links were made for v4. */
export const LEGACY_V4_FORMAT = 1;

/**
 * Longer encodings are refused before unpacking: lz-string can unpack 8 K
 * characters into ≈ 10 M (about 70 ms), and the server page decodes every
 * request. Links this long rarely survive anyway (nginx's default header line
 * is 8 KB); a typical full config is about 1 K. The UI can compare
 * `encodeConfig(c).length` with this to warn before sharing.
 */
export const MAX_LINK_LENGTH = 8192;

/** More unpacked text than any config within `LIMITS` produces. */
const MAX_PAYLOAD_LENGTH = 256 * 1024;

const PAYLOAD_ALPHABET = /^[A-Za-z0-9+-]*$/;
const VERSIONED = /^(\d{1,9})\.(.*)$/s;
/** Next's `searchParams` object form, or a `URLSearchParams`. */
export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Sorted object keys so equal values always serialise alike. */
function canonical(value: unknown): Json | undefined {
  // Stryker disable next-line ConditionalExpression: a valid config holds no null (no field's schema allows one)
  if (value === null) return null;
  if (typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => canonical(item) ?? null);
  // Stryker disable next-line ConditionalExpression: only objects reach here; a valid config holds no undefined, function or bigint
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const item = canonical((value as Record<string, unknown>)[key]);
      // Stryker disable next-line ConditionalExpression: JSON.stringify drops an undefined property anyway, and a valid config has none
      if (item !== undefined) out[key] = item;
    }
    return out;
  }
  return undefined;
}

const sameJson = (a: unknown, b: unknown) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
/**
 * The `s` parameter value for a config: `""` for the defaults, otherwise
 * `1.` plus the compressed non-default, non-secret values. Deterministic.
 *
 * What is written is the config's usable projection (`usableConfig`): a value
 * that looks like a secret, in whatever field, and a value the schema refuses
 * are left out (their field's default is used), so the link, the address bar
 * and the embed code never carry one.
 */
export function encodeConfig(typed: PlaygroundConfig): string {
  const config = usableConfig(typed).config;
  const payload: { [urlKey: string]: Json } = {};
  let any = false;
  for (const key of OPTION_KEYS) {
    const row = OPTIONS[key];
    // Stryker disable next-line LogicalOperator,ConditionalExpression: each half alone suffices today (sensitive rows have urlKey null, options.test); both are kept as defence in depth
    if (row.sensitive || row.urlKey === null) continue;
    const value = canonical(config[key]);
    // Stryker disable next-line ConditionalExpression: canonical() gives undefined only for non-JSON values, which a usable (schema-valid) config never holds
    if (value === undefined) continue;
    if (sameJson(value, row.default)) continue;
    payload[row.urlKey] = value;
    any = true;
  }
  if (!any) return "";
  return `${LINK_FORMAT_VERSION}.${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

/** Turns a query value back into the payload: `+` read as space, stray line breaks, leftover %-escapes. */
function normalise(input: string): string {
  let text = input.trim().replace(/[\r\n\t]/g, "");
  // Stryker disable next-line ConditionalExpression,StringLiteral: decoding text without a % returns it unchanged; the test only saves the work
  if (text.includes("%")) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // Not %-encoded after all; the alphabet check below reports it.
    }
  }
  return text.replace(/ /g, "+");
}

/** Reads the `s` parameter value of a share link. Never throws. */
export function decodeConfig(input: string | null | undefined): DecodeResult {
  try {
    // Stryker disable BlockStatement: the catch below is unreachable today (decodeUnsafe handles every known failure)
    return decodeUnsafe(input);
  } catch {
    // Every known failure is handled below; this is the promise that no input can break the page.
    // Stryker restore BlockStatement
    // Stryker disable next-line StringLiteral: unreachable today, as above
    return defaults(damaged("it could not be read"));
  }
}

function decodeUnsafe(input: unknown): DecodeResult {
  if (input === null || input === undefined) return defaults();
  if (typeof input !== "string") return defaults(damaged("it is not text"));
  if (input.length > MAX_LINK_LENGTH * 3) return defaults(tooLong(input.length));
  const text = normalise(input);
  if (text === "") return defaults();
  if (text.length > MAX_LINK_LENGTH) return defaults(tooLong(text.length));

  const versioned = VERSIONED.exec(text);
  if (!versioned)
    return defaults(
      damaged(`it does not start with a format version such as "${LINK_FORMAT_VERSION}."`),
    );
  const version = Number(versioned[1]);
  // Stryker disable next-line StringLiteral: the pattern's second group always matches (possibly empty)
  const body = versioned[2] ?? "";
  if (version > LINK_FORMAT_VERSION) {
    return defaults(
      `This share link was made by a newer version of the playground (link format ${version}; ` +
        `this page reads format ${LINK_FORMAT_VERSION}); showing the defaults. Reload the page to get the latest version.`,
    );
  }
  if (version !== LINK_FORMAT_VERSION && version !== LEGACY_V4_FORMAT)
    return defaults(damaged(`link format ${version} does not exist`));
  const unpacked = unpack(body);
  if (!("payload" in unpacked)) return unpacked;
  const read = readPayload(unpacked.payload);
  return version === LEGACY_V4_FORMAT ? asV4(read) : read;
}

/**
 * A format-1 link opens as widget v4, the only version the playground had when it was made.
 * (One that cannot be read at all, or holds nothing, shows the defaults like any other.)
 */
function asV4(result: DecodeResult): DecodeResult {
  return { ...result, config: { ...result.config, widgetVersion: "v4" }, madeForV4: true };
}

/** The settings object after the `<version>.` prefix (the same in formats 1 and 2), or why not. */
function unpack(body: string): { payload: Record<string, unknown> } | DecodeResult {
  if (body === "") return defaults();
  if (!PAYLOAD_ALPHABET.test(body))
    return defaults(damaged("it contains characters a share link never has"));

  let json: string | null;
  try {
    // Stryker disable BlockStatement: emptying the catch below leaves json undefined, which the check after it treats like null
    json = LZString.decompressFromEncodedURIComponent(body);
  } catch {
    // Stryker restore BlockStatement
    json = null;
  }
  if (!json)
    return defaults(
      damaged("its data could not be unpacked (it may have been cut short when copied)"),
    );
  if (json.length > MAX_PAYLOAD_LENGTH)
    return defaults(damaged("it unpacks to far more data than any settings"));

  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return defaults(damaged("its data is garbled (it may have been cut short or edited)"));
  }
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
    return defaults(damaged("its data is not a set of settings"));
  }
  return { payload: payload as Record<string, unknown> };
}

const tooLong = (length: number) =>
  `This share link is too long to read (${length} characters; the limit is ${MAX_LINK_LENGTH}); showing the defaults.`;

/** `?s=…` for a config, or `""` for the defaults: what the URL hook writes with `history.replaceState`. */
export function shareQuery(config: PlaygroundConfig): string {
  const encoded = encodeConfig(config);
  return encoded === "" ? "" : `?${SHARE_PARAM}=${encoded}`;
}

/**
 * `baseUrl` (absolute or relative) with its `s` parameter set to the config,
 * or removed for the defaults. Other parameters and the hash are kept as they are.
 */
export function shareUrl(baseUrl: string, config: PlaygroundConfig): string {
  const hashAt = baseUrl.indexOf("#");
  const hash = hashAt === -1 ? "" : baseUrl.slice(hashAt);
  const beforeHash = hashAt === -1 ? baseUrl : baseUrl.slice(0, hashAt);
  const queryAt = beforeHash.indexOf("?");
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt === -1 ? "" : beforeHash.slice(queryAt + 1);

  const params = query.split("&").filter((part) => part !== "" && paramName(part) !== SHARE_PARAM);
  const encoded = encodeConfig(config);
  if (encoded !== "") params.push(`${SHARE_PARAM}=${encoded}`);
  return `${path}${params.length > 0 ? `?${params.join("&")}` : ""}${hash}`;
}

function paramName(part: string): string {
  const equals = part.indexOf("=");
  const raw = equals === -1 ? part : part.slice(0, equals);
  try {
    // Stryker disable BlockStatement: a name that is not valid %-encoding is never "s", so returning it or nothing from the catch below keeps the parameter alike
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    // Stryker restore BlockStatement
    return raw;
  }
}

/** Decodes the share parameter from a `URLSearchParams` or Next's `searchParams` object. Never throws. */
export function configFromSearchParams(params: SearchParamsLike | null | undefined): DecodeResult {
  try {
    if (params === null || params === undefined) return defaults();
    if (params instanceof URLSearchParams) return decodeConfig(params.get(SHARE_PARAM));
    const value: unknown = Object.hasOwn(params, SHARE_PARAM) ? params[SHARE_PARAM] : undefined;
    if (Array.isArray(value))
      return decodeConfig(typeof value[0] === "string" ? value[0] : undefined);
    return decodeConfig(typeof value === "string" ? value : undefined);
  } catch {
    return defaults(damaged("it could not be read"));
  }
}
