import { describe, expect, it } from "vitest";
import { clientKeyFor, createRateLimiter } from "./rate-limit";
import { DEFAULT_RATE_LIMIT_PER_MINUTE, rateLimitFromEnv, SANDBOX_LIMITS } from "./settings";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("createRateLimiter", () => {
  it("allows a full bucket, then refuses with the seconds until one token is back", () => {
    const c = clock();
    const limiter = createRateLimiter({ limitPerMinute: 60, now: c.now });
    for (let i = 0; i < 60; i++) expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    c.advance(999);
    expect(limiter.take("a").allowed).toBe(false);
    c.advance(1);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("refills continuously up to the capacity, no more", () => {
    const c = clock();
    const limiter = createRateLimiter({ limitPerMinute: 6, now: c.now });
    for (let i = 0; i < 6; i++) limiter.take("a");
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 10 });
    c.advance(30_000);
    for (let i = 0; i < 3; i++) expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    c.advance(3_600_000);
    for (let i = 0; i < 6; i++) expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("keeps clients apart", () => {
    const limiter = createRateLimiter({ limitPerMinute: 1, now: clock().now });
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(true);
  });

  it("is off at 0 and remembers nobody", () => {
    const limiter = createRateLimiter({ limitPerMinute: 0, now: clock().now });
    for (let i = 0; i < 1000; i++) expect(limiter.take(`c${i}`).allowed).toBe(true);
    expect(limiter.size).toBe(0);
  });

  it("holds at most maxClients buckets, dropping the least recently seen", () => {
    const c = clock();
    const limiter = createRateLimiter({ limitPerMinute: 1, now: c.now, maxClients: 3 });
    limiter.take("a");
    limiter.take("b");
    limiter.take("c");
    expect(limiter.take("a").allowed).toBe(false); // touches a: b is now the oldest
    limiter.take("d");
    expect(limiter.size).toBe(3);
    expect(limiter.take("a").allowed).toBe(false); // a survived
    expect(limiter.take("b").allowed).toBe(true); // b was evicted, so it starts full
    for (let i = 0; i < 10_000; i++) limiter.take(`x${i}`);
    expect(limiter.size).toBe(3);
  });

  it("defaults to a bounded map", () => {
    const limiter = createRateLimiter({ limitPerMinute: 60, now: clock().now });
    for (let i = 0; i < SANDBOX_LIMITS.rateLimitClients + 500; i++) limiter.take(`ip${i}`);
    expect(limiter.size).toBe(SANDBOX_LIMITS.rateLimitClients);
  });

  it("does not drain a bucket when the clock goes backwards", () => {
    const c = clock();
    const limiter = createRateLimiter({ limitPerMinute: 2, now: c.now });
    limiter.take("a");
    c.advance(-60_000);
    expect(limiter.take("a").allowed).toBe(true);
  });
});

describe("clientKeyFor", () => {
  it("takes the first X-Forwarded-For address, then X-Real-IP, then local", () => {
    expect(clientKeyFor(new Headers({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1" }))).toBe(
      "203.0.113.7",
    );
    expect(clientKeyFor(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientKeyFor(new Headers({ "x-forwarded-for": " , " }))).toBe("local");
    expect(clientKeyFor(new Headers())).toBe("local");
  });

  it("bounds the key length", () => {
    expect(clientKeyFor(new Headers({ "x-forwarded-for": "a".repeat(5000) }))).toHaveLength(
      SANDBOX_LIMITS.clientKey,
    );
  });
});

describe("rateLimitFromEnv", () => {
  it.each([
    [undefined, DEFAULT_RATE_LIMIT_PER_MINUTE],
    ["", DEFAULT_RATE_LIMIT_PER_MINUTE],
    ["0", 0],
    [" 600 ", 600],
    ["-5", DEFAULT_RATE_LIMIT_PER_MINUTE],
    ["1.5", DEFAULT_RATE_LIMIT_PER_MINUTE],
    ["lots", DEFAULT_RATE_LIMIT_PER_MINUTE],
    ["99999999999", DEFAULT_RATE_LIMIT_PER_MINUTE],
  ])("reads %j as %d", (value, expected) => {
    expect(rateLimitFromEnv({ SANDBOX_RATE_LIMIT_PER_MINUTE: value })).toBe(expected);
  });
});
