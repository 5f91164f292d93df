export interface MutationArea {
  dir: string;
  threshold: number;
  mutate: string[];
}
export type AreaName = "identity" | "rules" | "url" | "config" | "snippets";
export const AREAS: Record<AreaName, MutationArea>;
export const AREA_NAMES: AreaName[];
export const BASELINE: string;
export function selectedAreas(value?: string): AreaName[];
export function runName(names: readonly string[]): string;
export function incrementalFileFor(names: readonly string[]): string;
export function areaOf(path: string): AreaName | undefined;
