import { describe, expect, it } from "vitest";
import { fakeJwt } from "../secrets/test-support/fake-keys";
import { SANDBOX_API_KEY } from "../sandbox/settings";
import { fakeKey } from "../secrets/test-support/fake-keys";
import { judgeSwap } from "./swap";

const jwt = (claims: Record<string, unknown>) =>
  fakeJwt({ alg: "HS256", typ: "JWT" }, claims, "sig");
const owner = (contact: string, iat: number) =>
  jwt({
    sub: {
      type: "widget-contact",
      payload: { org_id: "org_1", contact: { id: contact, verified: true } },
    },
    iat,
  });

describe("judgeSwap", () => {
  it("waits until both boxes hold something", () => {
    expect(judgeSwap("", owner("ct_1", 1)).status).toBe("waiting");
    expect(judgeSwap(owner("ct_1", 1), "  ").status).toBe("waiting");
  });

  it("calls a re-mint for the same owner a renewal, and another contact a reset, with why", () => {
    const renewal = judgeSwap(owner("ct_1", 1), owner("ct_1", 2));
    expect(renewal).toMatchObject({ status: "renewal", why: expect.stringMatching(/same/) });
    expect(renewal.text).toMatch(/keeps the session and the conversation/);
    const reset = judgeSwap(owner("ct_1", 1), owner("ct_2", 1));
    expect(reset).toMatchObject({ status: "reset", why: expect.stringMatching(/contact/) });
    expect(reset.text).toMatch(/starts over/);
  });

  it("reads tokens the way the inspector does (Bearer, quotes, header lines)", () => {
    expect(
      judgeSwap(`Bearer ${owner("ct_1", 1)}`, `Authorization: "${owner("ct_1", 9)}"`).status,
    ).toBe("renewal");
  });

  it("compares a broken JWT as an opaque token: a reset", () => {
    const v = judgeSwap(owner("ct_1", 1), "eyJhbGciOiJIUzI1NiJ9.broken");
    expect(v).toMatchObject({ status: "reset", why: expect.stringMatching(/second token/) });
  });

  it("refuses to compare what is not a contact token, naming which box, never the value", () => {
    for (const [first, second, which] of [
      [owner("ct_1", 1), fakeKey("live", "fake_abcdef123456"), "second"],
      ["wt_3f9a2c7e", owner("ct_1", 1), "first"],
      [owner("ct_1", 1), SANDBOX_API_KEY, "second"],
    ] as const) {
      const v = judgeSwap(first, second);
      expect(v.status).toBe("not-a-contact-token");
      expect(v.text).toContain(`The ${which} paste`);
      expect(JSON.stringify(v)).not.toContain(which === "first" ? first : second);
    }
  });
});
