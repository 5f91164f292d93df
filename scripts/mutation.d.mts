import type { AreaName } from "../mutation/areas.mjs";

export interface Mutant {
  status: string;
}
export interface Score {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  score: number;
}
export function score(mutants: readonly Mutant[]): Score;
export function mutantsByArea(report: {
  files?: Record<string, { mutants?: Mutant[] }>;
}): Record<AreaName, Mutant[]>;
export function redactStatusReasons(baseline: {
  files?: Record<string, { mutants?: (Mutant & { statusReason?: string })[] }>;
}): boolean;
export function withHeap(env: { NODE_OPTIONS?: string }): string;
export const FINGERPRINT_PATHS: readonly string[];
export const FINGERPRINT: string;
export function fingerprintOf(
  paths: readonly string[],
  read: (path: string) => string | Uint8Array | null,
): string;
export function currentFingerprint(): string | null;
export function baselineIsCurrent(
  fingerprint: string | null,
  recorded: { inputs?: string } | null | undefined,
): boolean;
