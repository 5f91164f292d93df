import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { SANDBOX_API_KEY } from "@/lib/sandbox/settings";
import { fakeJwt, fakeKey } from "@/lib/secrets/test-support/fake-keys";
import { checkSignature, VERIFY_ENDPOINT, type FetchLike } from "./check-signature";

const JWT = fakeJwt({ alg: "HS256" }, { sub: "1" }, "signature");

function fakeFetch(status: number, body: unknown) {
  return vi.fn<FetchLike>(
    async () => new Response(typeof body === "string" ? body : JSON.stringify(body), { status }),
  );
}

describe("checkSignature", () => {
  // Named by what each input is, never by its value: test names are stored in the committed
  // mutation baseline, and a key-shaped name would trip a secret scanner there.
  it.each([
    ["an org API key", fakeKey("live", "fake_abcdef123456")],
    ["the sandbox API key", SANDBOX_API_KEY],
    ["a widget token", "wt_3f9a2c7e"],
    ["an empty string", ""],
    ["a JWT after a space", ` ${JWT}`],
    ["a Bearer header", `Bearer ${JWT}`],
    ["a JWT header alone", "eyJhbGciOiJIUzI1NiJ9"],
    ["a JWT with a fourth part", `${JWT}.x`],
  ])("never sends a non-JWT (%s)", async (_label, input) => {
    const spy = fakeFetch(200, { verified: true, claims: {} });
    const result = await checkSignature(input, { fetch: spy });
    expect(spy).not.toHaveBeenCalled();
    expect(result?.status).toBe("error");
  });

  it("never sends anything that is not JWT-shaped (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), async (input) => {
        fc.pre(!/^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(input));
        const spy = fakeFetch(200, { verified: true, claims: {} });
        await checkSignature(input, { fetch: spy });
        expect(spy).not.toHaveBeenCalled();
      }),
      { numRuns: 500 },
    );
  });

  it("POSTs only { token } as JSON to the verify route", async () => {
    const spy = fakeFetch(200, { verified: true, claims: { sub: "ct_1" } });
    expect(await checkSignature(JWT, { fetch: spy })).toEqual({
      status: "verified",
      claims: { sub: "ct_1" },
    });
    const [url, init] = spy.mock.calls[0] ?? [];
    expect(url).toBe(VERIFY_ENDPOINT);
    expect(init?.method).toBe("POST");
    expect(new Headers(init?.headers).get("content-type")).toBe("application/json");
    expect(JSON.parse(String(init?.body))).toEqual({ token: JWT });
    expect(init?.cache).toBe("no-store");
  });

  it("reports why a token is not verified", async () => {
    const spy = fakeFetch(200, { verified: false, reason: "The signature does not match." });
    expect(await checkSignature(JWT, { fetch: spy })).toEqual({
      status: "not-verified",
      reason: "The signature does not match.",
    });
  });

  it("turns 4xx answers, garbage and network failures into errors", async () => {
    expect(
      await checkSignature(JWT, {
        fetch: fakeFetch(400, { verified: false, reason: "Only JWTs." }),
      }),
    ).toEqual({
      status: "error",
      reason: "Only JWTs.",
    });
    expect((await checkSignature(JWT, { fetch: fakeFetch(502, "<html>") }))?.status).toBe("error");
    const failing = vi.fn<FetchLike>(async () => {
      throw new TypeError("network");
    });
    expect((await checkSignature(JWT, { fetch: failing }))?.status).toBe("error");
  });

  it("resolves to null when aborted", async () => {
    const controller = new AbortController();
    const slow = vi.fn<FetchLike>(
      (_url, init) =>
        new Promise((_, reject) => {
          init?.signal?.addEventListener("abort", () =>
            reject(new DOMException("aborted", "AbortError")),
          );
        }),
    );
    const pending = checkSignature(JWT, { fetch: slow, signal: controller.signal });
    controller.abort();
    expect(await pending).toBeNull();
  });
});
