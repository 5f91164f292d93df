/**
 * Id generators for the simulator. `lib/` never uses Math.random: ids are
 * either derived from a hash of the situation (deterministic, the default) or
 * taken from a counter (readable ids for tests and demos).
 */
import type { IdKind, NewId } from "./types";

/** A 32-bit FNV-1a hash of `text`, started from `basis`. */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i !== text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** 128 bits of hash as 32 hex digits. */
function hex128(text: string): string {
  const bases = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x2545f491];
  return bases.map((basis) => fnv1a(text, basis).toString(16).padStart(8, "0")).join("");
}

/** Shapes 32 hex digits like a v4 UUID (version nibble 4, variant 8–b), as the widget's uuidv4. */
function asUuid(hex: string): string {
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join("-");
}

function format(kind: IdKind, hex: string): string {
  return kind === "external-id" ? asUuid(hex) : `sim-unverified-${hex.slice(0, 24)}`;
}

/**
 * The default generator: the id is a hash of the kind, `seed` and the
 * situation, so the same inputs always give the same id. External ids look
 * like the widget's UUIDs; contact tokens are marked as simulated.
 */
export function hashIds(seed = ""): NewId {
  return (kind, context) => format(kind, hex128(`${kind}\u0000${seed}\u0000${context}`));
}

/**
 * A counter-based generator: `sim-unverified-1`, `00000000-0000-4000-8000-000000000002`, …
 * Each call of `counterIds()` starts its own counter; the context is ignored.
 */
export function counterIds(): NewId {
  let n = 0;
  return (kind) => {
    n += 1;
    return kind === "external-id"
      ? asUuid(n.toString(16).padStart(32, "0"))
      : `sim-unverified-${n}`;
  };
}
