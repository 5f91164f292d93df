/**
 * The share-link codec: a playground config ⇄ the `s` query parameter.
 *
 * Format (version 1):
 *
 *     ?s=1.<payload>
 *
 * `1.` is the format version. `<payload>` is lz-string's
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
 *   structure). A version newer than this page reads is refused with a message;
 *   a decoder for every older version is kept.
 * - Defaults are not in the link, so changing an option's default changes what
 *   old links show for that option: treat a default change like a format change.
 *
 * `decodeConfig` never throws: whatever it is given, it returns a config that
 * `parseConfig` accepts, plus sentences a person can act on.
 */
// lz-string is CommonJS; its default export is the whole API in Node and in the bundler.
import LZString from "lz-string";
import {
  DEFAULT_CONFIG,
  LIMITS,
  OPTION_KEYS,
  OPTIONS,
  defaultConfig,
  type OptionKey,
  type PlaygroundConfig,
} from "../config/options";
import { describeIssues, extraFieldProblem, playgroundConfigSchema } from "../config/schema";
import { usableConfig } from "../config/usable";
import { SECRET_KIND_NAMES, secretIn } from "../secrets/detect";

/** The query parameter that carries a shared config. */
export const SHARE_PARAM = "s";

/** The link format this page writes, and the newest it reads. */
export const LINK_FORMAT_VERSION = 1;

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

/** At most this many messages; the rest are counted in one last sentence. */
const MAX_ISSUES = 10;

const PAYLOAD_ALPHABET = /^[A-Za-z0-9+-]*$/;
const VERSIONED = /^(\d{1,9})\.(.*)$/s;

export interface DecodeResult {
  /** Always a valid config (`parseConfig` accepts it); defaults where the link had nothing usable. */
  config: PlaygroundConfig;
  /** One sentence per problem, naming the field; empty when the link was read in full. */
  issues: string[];
  /** `true` when nothing in the link was dropped (`issues` is empty). */
  ok: boolean;
}

/** Next's `searchParams` object form, or a `URLSearchParams`. */
export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

const URL_KEY_TO_OPTION = new Map<string, OptionKey>();
for (const key of OPTION_KEYS) {
  const urlKey = OPTIONS[key].urlKey;
  if (urlKey !== null && !OPTIONS[key].sensitive) URL_KEY_TO_OPTION.set(urlKey, key);
}

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Spellings of a secret someone might hand-craft into a link: `apiKey`, `api_key`, `Org API key`. */
const SECRET_NAMES = new Map<string, OptionKey>();
for (const key of OPTION_KEYS) {
  if (!OPTIONS[key].sensitive) continue;
  SECRET_NAMES.set(squash(key), key);
  SECRET_NAMES.set(squash(OPTIONS[key].label), key);
}

const fieldName = (key: OptionKey) => OPTIONS[key].name;

const damaged = (why: string) => `This share link is damaged: ${why}; showing the defaults.`;

/** A short, quoted rendering of a value for a message (never of a secret). */
function preview(value: unknown, max = 40): string {
  const cut = (text: string) => {
    const points = Array.from(text);
    return points.length > max ? `${points.slice(0, max - 1).join("")}…` : text;
  };
  if (typeof value === "string") return JSON.stringify(cut(value));
  try {
    return cut(JSON.stringify(value) ?? String(value));
  } catch {
    return "(unreadable)";
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Sorted object keys so equal values always serialise alike. */
function canonical(value: unknown): Json | undefined {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => canonical(item) ?? null);
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const item = canonical((value as Record<string, unknown>)[key]);
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
    if (row.sensitive || row.urlKey === null) continue;
    const value = canonical(config[key]);
    if (value === undefined || sameJson(value, row.default)) continue;
    payload[row.urlKey] = value;
    any = true;
  }
  if (!any) return "";
  return `${LINK_FORMAT_VERSION}.${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

/** Collects messages, folding any beyond `MAX_ISSUES` into a count. */
class Issues {
  readonly list: string[] = [];
  private extra = 0;
  add(message: string) {
    if (this.list.length < MAX_ISSUES) this.list.push(message);
    else this.extra++;
  }
  done(): string[] {
    if (this.extra === 0) return this.list;
    return [
      ...this.list,
      `…and ${this.extra} more problem${this.extra > 1 ? "s" : ""} with this link.`,
    ];
  }
}

const result = (config: PlaygroundConfig, issues: Issues): DecodeResult => {
  const list = issues.done();
  return { config, issues: list, ok: list.length === 0 };
};

const defaults = (message?: string): DecodeResult => ({
  config: defaultConfig(),
  issues: message ? [message] : [],
  ok: !message,
});

/** Turns a query value back into the payload: `+` read as space, stray line breaks, leftover %-escapes. */
function normalise(input: string): string {
  let text = input.trim().replace(/[\r\n\t]/g, "");
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
    return decodeUnsafe(input);
  } catch {
    // Every known failure is handled below; this is the promise that no input can break the page.
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
  if (!versioned) return defaults(damaged('it does not start with a format version such as "1."'));
  const version = Number(versioned[1]);
  const body = versioned[2] ?? "";
  if (version > LINK_FORMAT_VERSION) {
    return defaults(
      `This share link was made by a newer version of the playground (link format ${version}; ` +
        `this page reads format ${LINK_FORMAT_VERSION}); showing the defaults. Reload the page to get the latest version.`,
    );
  }
  if (version !== LINK_FORMAT_VERSION)
    return defaults(damaged(`link format ${version} does not exist`));
  if (body === "") return defaults();
  if (!PAYLOAD_ALPHABET.test(body))
    return defaults(damaged("it contains characters a share link never has"));

  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(body);
  } catch {
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
  return readPayload(payload as Record<string, unknown>);
}

const tooLong = (length: number) =>
  `This share link is too long to read (${length} characters; the limit is ${MAX_LINK_LENGTH}); showing the defaults.`;

function readPayload(payload: Record<string, unknown>): DecodeResult {
  const issues = new Issues();
  const values: Partial<Record<OptionKey, unknown>> = {};
  const unknown: string[] = [];
  const secrets = new Set<OptionKey>();

  for (const urlKey of Object.keys(payload)) {
    const key = URL_KEY_TO_OPTION.get(urlKey);
    if (key !== undefined) {
      values[key] = payload[urlKey];
      continue;
    }
    const secret = SECRET_NAMES.get(squash(urlKey));
    if (secret !== undefined) {
      if (secrets.has(secret)) continue;
      secrets.add(secret);
      issues.add(
        `The link tries to set the ${fieldName(secret)}; secrets are never read from a share link, so it was ignored.`,
      );
      continue;
    }
    unknown.push(urlKey);
  }
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).map((k) => preview(k, 24));
    const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : "";
    issues.add(
      `The link has ${unknown.length > 1 ? "settings" : "a setting"} this version does not know (${shown.join(", ")}${more}); ignored ${unknown.length > 1 ? "them" : "it"}.`,
    );
  }

  // A value shaped like a secret is never loaded from a link, whatever field it sits in.
  for (const key of Object.keys(values) as OptionKey[]) {
    const kind = secretIn(values[key], "");
    if (kind === null) continue;
    delete values[key];
    issues.add(
      `The link's ${fieldName(key)} looked like ${SECRET_KIND_NAMES[kind]}; secrets are never read from a share link, so it was left out.`,
    );
  }

  if ("extraFields" in values) values.extraFields = keepGoodExtraFields(values.extraFields, issues);
  return result(validateTogether(values, issues), issues);
}

/** Keeps every extra field the control panel would accept; drops the rest one by one. */
function keepGoodExtraFields(value: unknown, issues: Issues): unknown {
  if (!Array.isArray(value)) return value;
  const element = OPTIONS.extraFields.schema.element;
  const name = "extra welcome-form field";
  const kept: string[] = [];
  let overflow = 0;
  for (const entry of value) {
    const checked = element.safeParse(entry);
    if (!checked.success) {
      const why =
        typeof entry === "string"
          ? `keep it under ${LIMITS.shortText} characters`
          : "it is not text";
      issues.add(`The link's ${name} ${preview(entry)} was dropped: ${why}.`);
      continue;
    }
    const problem = extraFieldProblem(checked.data, kept);
    if (problem !== null) {
      issues.add(
        `The link's ${name} ${preview(entry)} was dropped: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`,
      );
      continue;
    }
    if (kept.length >= LIMITS.extraFields) overflow++;
    else kept.push(checked.data);
  }
  if (overflow > 0) {
    issues.add(
      `The link has ${LIMITS.extraFields + overflow} extra welcome-form fields; kept the first ${LIMITS.extraFields}.`,
    );
  }
  return kept;
}

/**
 * Checks the link's values with the whole config schema (each row's schema plus
 * the cross-field rules), dropping each refused field back to its default and
 * saying why, until what is left is valid.
 */
function validateTogether(
  values: Partial<Record<OptionKey, unknown>>,
  issues: Issues,
): PlaygroundConfig {
  for (let round = 0; round <= OPTION_KEYS.length; round++) {
    const parsed = playgroundConfigSchema.safeParse({ ...DEFAULT_CONFIG, ...values });
    if (parsed.success) return structuredClone(parsed.data) as PlaygroundConfig;

    const blamed = new Map<OptionKey, string>();
    for (const issue of describeIssues(parsed.error)) {
      const key = issue.path.split(".")[0] as OptionKey;
      if (Object.hasOwn(values, key) && !blamed.has(key)) blamed.set(key, issue.message);
    }
    if (blamed.size === 0) break;
    for (const [key, message] of blamed) {
      issues.add(refused(key, values[key], message));
      delete values[key];
    }
  }
  issues.add("The link's settings do not fit together; showing the defaults.");
  return defaultConfig();
}

function refused(key: OptionKey, value: unknown, message: string): string {
  if (key === "primaryColor") {
    return `The link's primary colour ${preview(value)} is not a colour the widget understands; kept the default.`;
  }
  const label = OPTIONS[key].label;
  const reason = (
    message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message
  ).replace(/\.$/, "");
  const why = reason.charAt(0).toLowerCase() + reason.slice(1);
  return `The link's ${fieldName(key)} ${preview(value)} could not be used (${why}); kept the default.`;
}

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
  const raw = part.split("=", 1)[0] ?? "";
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
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
