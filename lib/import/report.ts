/**
 * What an import found and could not take: the problems (each with its place in the
 * text) and the option paths it mapped. Also the generic readers every mapping
 * uses: a string value (secrets refused, length checked), an object literal's
 * entries, the unknown keys of an object with a "did you mean".
 */
import { LIMITS } from "../config/options";
import { looksLikeApiKey, looksLikeJwt } from "../secrets/detect";
import type { LiteralNode, ObjectEntry } from "./literal";
import type { ImportProblem, SourceRange } from "./types";

/** Edit distance, for "did you mean" on misspelt option names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(
        row[j]! + 1,
        row[j - 1]! + 1,
        previous + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length]!;
}

/** " Did you mean `x`?" when one of `known` is close to `key`, else "". */
export function suggestion(key: string, known: readonly string[]): string {
  const best = known.map((k) => ({ k, d: distance(key, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(key.length / 4))
    ? ` Did you mean \`${best.k}\`?`
    : "";
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The dotted path of `key` inside `path` (`""` is the options object itself). */
export function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/** What a literal is, for messages: "a string", "an array", "a call (`f()`)". */
export function kindName(node: LiteralNode): string {
  switch (node.kind) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "null":
      return "null";
    case "undefined":
      return "undefined";
    case "array":
      return "an array";
    case "object":
      return "an object";
    default:
      return node.what;
  }
}

export class Report {
  readonly problems: ImportProblem[] = [];
  readonly mapped: string[] = [];
  constructor(private readonly apiKey: string) {}

  error(path: string, message: string, range: SourceRange | null) {
    this.problems.push({ severity: "error", path, message, range });
  }
  warn(path: string, message: string, range: SourceRange | null) {
    this.problems.push({ severity: "warning", path, message, range });
  }

  /** A string value, or `undefined` after reporting why not. Secrets are refused. */
  string(
    path: string,
    node: LiteralNode | undefined,
    opts: {
      max?: number;
      sample?: string;
      /** A further rule for this value: the reason it is refused, or null. */
      check?: (value: string) => string | null;
    } = {},
  ): string | undefined {
    if (node === undefined || node.kind === "undefined") return undefined;
    if (node.kind === "opaque") {
      const sample =
        opts.sample && opts.sample.length > 40 ? `${opts.sample.slice(0, 39)}…` : opts.sample;
      const keep = sample ? ` The playground keeps its sample value "${sample}".` : " Left empty.";
      this.warn(
        path,
        `\`${path}\` is ${node.what}: its value is only known when your page runs.${keep}`,
        node.range,
      );
      return undefined;
    }
    if (node.kind !== "string") {
      this.error(path, `\`${path}\` must be a string, not ${kindName(node)}.`, node.range);
      return undefined;
    }
    if (looksLikeApiKey(node.value, this.apiKey)) {
      this.error(
        path,
        `\`${path}\` holds what looks like an org API key. It must never be in page code: rotate it, and keep it on your server. Not imported.`,
        node.range,
      );
      return undefined;
    }
    if (looksLikeJwt(node.value)) {
      this.error(
        path,
        `\`${path}\` holds a JWT, probably a contact token. Contact tokens are per user and come from your backend; not imported.`,
        node.range,
      );
      return undefined;
    }
    const max = opts.max ?? LIMITS.shortText;
    if (node.value.length > max) {
      this.error(
        path,
        `\`${path}\` is ${node.value.length} characters; the playground keeps at most ${max}. Not imported.`,
        node.range,
      );
      return undefined;
    }
    const refused = opts.check?.(node.value) ?? null;
    if (refused !== null) {
      this.error(path, refused, node.range);
      return undefined;
    }
    this.mapped.push(path);
    return node.value;
  }

  /** `true` or `false`, or `undefined` after reporting why not. */
  boolean(path: string, node: LiteralNode | undefined): boolean | undefined {
    if (node === undefined || node.kind === "undefined") return undefined;
    if (node.kind === "boolean") {
      this.mapped.push(path);
      return node.value;
    }
    if (node.kind === "opaque")
      this.warn(
        path,
        `\`${path}\` is ${node.what}: only true or false can be read. Left out.`,
        node.range,
      );
    else this.error(path, `\`${path}\` must be true or false, not ${kindName(node)}.`, node.range);
    return undefined;
  }

  /** An object's entries by key (last wins, as in JavaScript), reporting unreadable ones. */
  object(path: string, node: LiteralNode | undefined): Map<string, ObjectEntry> | undefined {
    if (node === undefined || node.kind === "undefined") return undefined;
    if (node.kind !== "object") {
      if (node.kind === "opaque")
        this.warn(
          path,
          `\`${path}\` is ${node.what}: only an object literal can be read. Left out.`,
          node.range,
        );
      else this.error(path, `\`${path}\` must be an object, not ${kindName(node)}.`, node.range);
      return undefined;
    }
    const out = new Map<string, ObjectEntry>();
    for (const entry of node.entries) {
      if (entry.key === null) {
        const what = entry.value.kind === "opaque" ? entry.value.what : "an entry";
        this.warn(
          path,
          `${capitalise(what)} in \`${path || "options"}\` cannot be read without running the code. Left out.`,
          entry.value.range,
        );
        continue;
      }
      if (out.has(entry.key)) {
        this.warn(
          join(path, entry.key),
          `\`${join(path, entry.key)}\` is set twice; the last one wins, as in JavaScript.`,
          entry.keyRange,
        );
      }
      out.set(entry.key, entry);
    }
    return out;
  }

  unknownKeys(path: string, entries: Map<string, ObjectEntry>, known: readonly string[]) {
    for (const [key, entry] of entries) {
      if (known.includes(key)) continue;
      this.warn(
        join(path, key),
        `\`${join(path, key)}\` is not an option here.${suggestion(key, known)} Left out.`,
        entry.keyRange,
      );
    }
  }
}
