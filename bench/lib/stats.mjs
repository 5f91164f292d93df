/** Nearest-rank percentile of numbers (nulls dropped); null when there are none. */
export function percentile(values, p) {
  const sorted = values
    .filter((v) => typeof v === "number" && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function summary(values) {
  const kept = values.filter((v) => typeof v === "number" && Number.isFinite(v));
  return {
    n: kept.length,
    p50: percentile(kept, 50),
    p95: percentile(kept, 95),
    p99: percentile(kept, 99),
    max: kept.length ? Math.max(...kept) : null,
  };
}

export function median(values) {
  const sorted = values
    .filter((v) => typeof v === "number" && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const kb = (bytes) => (bytes == null ? "n/a" : `${(bytes / 1024).toFixed(1)} KB`);
export const ms = (v, digits = 1) => (v == null ? "n/a" : `${v.toFixed(digits)} ms`);
