/**
 * The usable projection of what the user typed: the config the snippets, the
 * preview, the share link and the embed code are made from.
 *
 * The store holds exactly what was typed, so nothing is ever lost. Two kinds of
 * value are held back from everything that leaves the field:
 * - **secrets**: a value in a non-sensitive field that looks like an org API key
 *   (the sandbox key included) or a JWT, whatever field it was typed into;
 * - **invalid values**: whatever the config schema refuses (the same schema the
 *   share-link decoder uses), such as `notacolour` or a 250-character name.
 * A held scalar falls back to its default; in a list (extra fields, custom data)
 * only the offending entries are left out. Each held value gets a message for
 * its field. Sensitive fields (org API key, contact token) are not touched here:
 * they never reach a link by construction, and the preview needs the token.
 *
 * Pure and memoised per config object: the same config gives the same result
 * object, and a config with nothing to hold back is returned as is.
 */
import {
  DEFAULT_CONFIG,
  OPTION_KEYS,
  OPTIONS,
  type OptionKey,
  type PlaygroundConfig,
} from "./options";
import { describeIssues, playgroundConfigSchema } from "./schema";
import { SECRET_KIND_NAMES, secretIn } from "../secrets/detect";

export interface HeldBack {
  option: OptionKey;
  reason: "secret" | "invalid";
  /** The list entry left out, for list options; absent for a whole field. */
  index?: number;
  /** One or two sentences for the field. */
  message: string;
}

export interface Usable {
  /** Valid (`parseConfig` accepts it) and free of secret-looking values outside the sensitive fields. */
  config: PlaygroundConfig;
  /** What was held back, in option-table order; empty when `config` is the input itself. */
  held: HeldBack[];
}

const cache = new WeakMap<PlaygroundConfig, Usable>();

export function usableConfig(config: PlaygroundConfig): Usable {
  const hit = cache.get(config);
  if (hit) return hit;
  const result = compute(config);
  cache.set(config, result);
  return result;
}

/** Only the messages for one option. */
export function heldFor(usable: Usable, option: OptionKey): HeldBack[] {
  return usable.held.filter((h) => h.option === option);
}

const LEFT_OUT =
  "The share link, embed code, snippets and preview leave it out; it stays only in this field.";

function compute(input: PlaygroundConfig): Usable {
  const held: HeldBack[] = [];
  const values: Record<string, unknown> = { ...input };
  // Where each entry still in a list sat in the list as typed: messages number entries as the
  // user sees them, even after an earlier entry was held back.
  const typedAt = new Map<OptionKey, number[]>();

  // 1. Secrets, in every non-sensitive field.
  for (const key of OPTION_KEYS) {
    if (OPTIONS[key].sensitive) continue;
    const value = values[key];
    if (Array.isArray(value)) {
      const kept: unknown[] = [];
      const keptAt: number[] = [];
      value.forEach((entry, index) => {
        const kind = secretIn(entry, input.apiKey);
        if (kind === null) {
          kept.push(entry);
          keptAt.push(index);
        } else
          held.push({
            option: key,
            reason: "secret",
            index,
            message: `Entry ${index + 1} looks like ${SECRET_KIND_NAMES[kind]}. ${LEFT_OUT}`,
          });
      });
      values[key] = kept;
      typedAt.set(key, keptAt);
    } else {
      const kind = secretIn(value, input.apiKey);
      if (kind !== null) {
        held.push({
          option: key,
          reason: "secret",
          message: `This looks like ${SECRET_KIND_NAMES[kind]}. ${LEFT_OUT}`,
        });
        values[key] = structuredClone(OPTIONS[key].default);
      }
    }
  }

  // 2. What the schema refuses, field by field (list entries one by one), until it is valid.
  // A safety bound only: each round resets or removes every value refused, so a few rounds suffice.
  // Stryker disable next-line EqualityOperator,UpdateOperator: the bound is never reached
  for (let round = 0; round <= OPTION_KEYS.length; round++) {
    const parsed = playgroundConfigSchema.safeParse(values);
    if (parsed.success) break;
    const issues = describeIssues(parsed.error);
    // Per option, its first message, and the first message for each list entry (-1: the whole field).
    const byKey = new Map<OptionKey, { first: string; messages: Map<number, string> }>();
    for (const issue of issues) {
      const [head, second] = issue.path.split(".");
      const key = head as OptionKey;
      if (!Object.hasOwn(OPTIONS, key)) continue;
      const entry = byKey.get(key) ?? { first: issue.message, messages: new Map<number, string>() };
      // A second path part is always a list index: options are scalars or lists (of rows).
      const index = second === undefined ? -1 : Number(second);
      if (!entry.messages.has(index)) entry.messages.set(index, issue.message);
      byKey.set(key, entry);
    }
    if (byKey.size === 0)
      return { config: structuredClone(DEFAULT_CONFIG) as PlaygroundConfig, held };
    for (const [key, { first, messages }] of byKey) {
      const value = values[key];
      if (Array.isArray(value) && !messages.has(-1)) {
        // Stryker disable next-line ArrayDeclaration: step 1 recorded every list outside the sensitive fields, whose schemas have no list
        const at = typedAt.get(key) ?? [];
        for (const [index, message] of [...messages].sort(([a], [b]) => a - b)) {
          const typed = at[index] ?? index;
          held.push({
            option: key,
            reason: "invalid",
            index: typed,
            message: `Entry ${typed + 1}: ${asSentence(message).replace(/^[^:]*: /, "")} The snippets, preview and share link leave it out until it is fixed.`,
          });
        }
        values[key] = value.filter((_, i) => !messages.has(i));
        typedAt.set(
          key,
          at.filter((_, i) => !messages.has(i)),
        );
      } else {
        held.push({
          option: key,
          reason: "invalid",
          message: `${asSentence(first)} Until it is fixed, the snippets, preview and share link use the default${describeDefault(key)}.`,
        });
        values[key] = structuredClone(OPTIONS[key].default);
      }
    }
  }

  if (held.length === 0) return { config: input, held };
  const order = new Map(OPTION_KEYS.map((k, i) => [k, i]));
  held.sort(
    (a, b) =>
      (order.get(a.option) ?? 0) - (order.get(b.option) ?? 0) || (a.index ?? -1) - (b.index ?? -1),
  );
  return { config: values as PlaygroundConfig, held };
}

function asSentence(message: string): string {
  return message.endsWith(".") ? message : `${message}.`;
}

function describeDefault(key: OptionKey): string {
  const value = OPTIONS[key].default;
  if (typeof value === "string") return value === "" ? " (empty)" : ` (${value})`;
  return "";
}
