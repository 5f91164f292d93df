/**
 * Per-client token buckets in memory.
 *
 * Each client has `limitPerMinute` tokens, refilled continuously at
 * `limitPerMinute / 60 s`; a request takes one. Memory stays bounded: the map
 * holds at most `maxClients` buckets and drops the least recently seen first
 * (a bucket idle for a minute is full again, so dropping it loses nothing).
 */
import { SANDBOX_LIMITS } from "./settings";

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until one token is back (≥ 1) when refused; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  take(clientKey: string): RateLimitDecision;
  /** Buckets currently remembered (for tests and monitoring). */
  readonly size: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const ALLOWED: RateLimitDecision = { allowed: true, retryAfterSeconds: 0 };

export function createRateLimiter(opts: {
  limitPerMinute: number;
  now: () => number;
  maxClients?: number;
}): RateLimiter {
  const capacity = opts.limitPerMinute;
  const maxClients = Math.max(1, opts.maxClients ?? SANDBOX_LIMITS.rateLimitClients);
  const perMs = capacity / 60_000;
  // Map keeps insertion order; re-inserting on every touch makes the first key the least recently seen.
  const buckets = new Map<string, Bucket>();

  return {
    get size() {
      return buckets.size;
    },
    take(clientKey) {
      if (capacity <= 0) return ALLOWED;
      const now = opts.now();
      const previous = buckets.get(clientKey);
      let tokens = capacity;
      if (previous) {
        buckets.delete(clientKey);
        // A clock that goes backwards refills nothing rather than draining the bucket.
        const elapsed = Math.max(0, now - previous.updatedAt);
        tokens = Math.min(capacity, previous.tokens + elapsed * perMs);
      } else {
        while (buckets.size >= maxClients) {
          const oldest = buckets.keys().next();
          if (oldest.done) break;
          buckets.delete(oldest.value);
        }
      }
      if (tokens >= 1) {
        buckets.set(clientKey, { tokens: tokens - 1, updatedAt: now });
        return ALLOWED;
      }
      buckets.set(clientKey, { tokens, updatedAt: now });
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)),
      };
    },
  };
}

/**
 * The client a request counts against: the first address in `X-Forwarded-For`
 * (what the nearest trusted proxy reports), else `X-Real-IP`, else "local".
 * Without a proxy that overwrites these headers a client can pick its own key;
 * acceptable for a sandbox whose limit only keeps it responsive.
 */
export function clientKeyFor(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const real = headers.get("x-real-ip")?.trim();
  const key = forwarded || real || "local";
  return key.slice(0, SANDBOX_LIMITS.clientKey);
}
