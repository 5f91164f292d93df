/**
 * Reading an unpacked share-link payload (`{ urlKey: value }`) into a config: each value is
 * checked with its row's schema and the config schema's rules, secrets and unknown keys are
 * refused, and every refusal becomes one sentence naming the field. See `codec.ts` for the
 * format and its compatibility rules.
 */
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
import { SECRET_KIND_NAMES, secretIn } from "../secrets/detect";

export interface DecodeResult {
  /** Always a valid config (`parseConfig` accepts it); defaults where the link had nothing usable. */
  config: PlaygroundConfig;
  /** One sentence per problem, naming the field; empty when the link was read in full. */
  issues: string[];
  /** `true` when nothing in the link was dropped (`issues` is empty). */
  ok: boolean;
  /**
   * `true` for a link made before the version axis (format 1): it was made for widget v4, so it
   * opens as v4 and the page offers to switch to v5. Not a problem with the link.
   */
  madeForV4: boolean;
}

/** At most this many messages; the rest are counted in one last sentence. */
const MAX_ISSUES = 10;

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

/** The sentence for a link that cannot be read at all. */
export const damaged = (why: string) => `This share link is damaged: ${why}; showing the defaults.`;

/** A short, quoted rendering of a value for a message (never of a secret). */
function preview(value: unknown, max = 40): string {
  const cut = (text: string) => {
    const points = Array.from(text);
    return points.length > max ? `${points.slice(0, max - 1).join("")}…` : text;
  };
  if (typeof value === "string") return JSON.stringify(cut(value));
  try {
    // Stryker disable BlockStatement: the catch below is unreachable for values parsed from JSON (they always stringify); kept so a message never throws
    return cut(JSON.stringify(value) ?? String(value));
  } catch {
    // Stryker restore BlockStatement
    // Stryker disable next-line StringLiteral: unreachable, as above
    return "(unreadable)";
  }
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
  return { config, issues: list, ok: list.length === 0, madeForV4: false };
};

/** The defaults, with the message that says why (none for an empty link). */
export const defaults = (message?: string): DecodeResult => ({
  config: defaultConfig(),
  issues: message ? [message] : [],
  ok: !message,
  madeForV4: false,
});

/** The config a payload object holds, with a sentence per value that could not be used. */
export function readPayload(payload: Record<string, unknown>): DecodeResult {
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
    // Stryker disable next-line StringLiteral: a link has no org API key of its own to compare with; a stand-in only matters for a value containing that very text
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
  // Stryker disable next-line EqualityOperator,UpdateOperator: a guard; every round drops at least one of the link's values or breaks, so it ends long before the bound
  for (let round = 0; round <= OPTION_KEYS.length; round++) {
    const parsed = playgroundConfigSchema.safeParse({ ...DEFAULT_CONFIG, ...values });
    if (parsed.success) return structuredClone(parsed.data) as PlaygroundConfig;

    const blamed = new Map<OptionKey, string>();
    for (const issue of describeIssues(parsed.error)) {
      const key = issue.path.split(".")[0] as OptionKey;
      if (Object.hasOwn(values, key) && !blamed.has(key)) blamed.set(key, issue.message);
    }
    // Stryker disable next-line ConditionalExpression: unreachable today (every refusal names a field the link set); without the break the bounded loop ends the same way
    if (blamed.size === 0) break;
    for (const [key, message] of blamed) {
      issues.add(refused(key, values[key], message));
      delete values[key];
    }
  }
  // Stryker disable next-line StringLiteral: unreachable today, kept for a future cross-field rule that blames a field the link did not set
  issues.add("The link's settings do not fit together; showing the defaults.");
  return defaultConfig();
}

function refused(key: OptionKey, value: unknown, message: string): string {
  if (key === "primaryColor") {
    return `The link's primary colour ${preview(value)} is not a colour the widget understands; kept the default.`;
  }
  const label = OPTIONS[key].label;
  const reason =
    // Stryker disable next-line StringLiteral: describeIssues starts every message about a field with "label: ", so the check is always true today
    (message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message).replace(
      /\.$/,
      "",
    );
  const why = reason.charAt(0).toLowerCase() + reason.slice(1);
  return `The link's ${fieldName(key)} ${preview(value)} could not be used (${why}); kept the default.`;
}
