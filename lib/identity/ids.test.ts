/**
 * The simulator's ids (never Math.random): hash ids are deterministic, differ per situation,
 * and look like the widget's (a v4 UUID for the device id, a marked token for the contact);
 * counter ids are readable and count per generator.
 */
import { describe, expect, it } from "vitest";
import { counterIds, hashIds } from "./ids";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SIM_TOKEN = /^sim-unverified-[0-9a-f]{24}$/;
const contexts = Array.from({ length: 64 }, (_, i) => `situation-${i}`);

describe("hashIds", () => {
  it("device ids are v4 UUIDs and contact tokens are marked as simulated, in every situation", () => {
    const ids = hashIds("seed");
    for (const context of contexts) {
      expect(ids("external-id", context)).toMatch(UUID_V4);
      expect(ids("contact-token", context)).toMatch(SIM_TOKEN);
    }
  });

  it("the variant digit comes from the hash, as in random UUIDs: it is not always the same", () => {
    const ids = hashIds("seed");
    const variants = new Set(contexts.map((c) => ids("external-id", c).split("-")[3]?.[0]));
    expect(variants.size).toBeGreaterThan(1);
  });

  it("the same situation gives the same id; another situation, seed or kind another one", () => {
    const ids = hashIds("seed");
    expect(ids("external-id", "x")).toBe(hashIds("seed")("external-id", "x"));
    const tokens = new Set(contexts.map((c) => ids("contact-token", c)));
    expect(tokens.size).toBe(contexts.length);
    expect(hashIds("other")("contact-token", "x")).not.toBe(ids("contact-token", "x"));
    const token = ids("contact-token", "x").slice("sim-unverified-".length);
    const device = ids("external-id", "x").replaceAll("-", "");
    expect(device.slice(0, 8)).not.toBe(token.slice(0, 8));
  });

  it("no seed is the empty seed", () => {
    expect(hashIds()("contact-token", "x")).toBe(hashIds("")("contact-token", "x"));
  });
});

describe("counterIds", () => {
  it("counts across both kinds: sim-unverified-1, then the UUID of 2, and so on", () => {
    const ids = counterIds();
    expect(ids("contact-token", "ignored")).toBe("sim-unverified-1");
    expect(ids("external-id", "ignored")).toBe("00000000-0000-4000-8000-000000000002");
    for (let i = 3; i < 27; i++) ids("contact-token", "");
    expect(ids("external-id", "")).toBe("00000000-0000-4000-8000-00000000001b");
  });

  it("each generator starts its own count", () => {
    const a = counterIds();
    a("contact-token", "");
    expect(counterIds()("contact-token", "")).toBe("sim-unverified-1");
  });
});
