import { describe, expect, it } from "vitest";
import { fakeJwt, fakeKey } from "../lib/secrets/test-support/fake-keys";
import {
  baselineIsCurrent,
  fingerprintOf,
  mutantsByArea,
  redactStatusReasons,
  score,
  withHeap,
} from "./mutation.mjs";

const mutants = (...statuses: string[]) => statuses.map((status) => ({ status }));

describe("the mutation script's score", () => {
  it("counts killed and timed-out mutants as detected, survivors and uncovered ones as missed", () => {
    expect(score(mutants("Killed", "Killed", "Timeout", "Survived", "NoCoverage"))).toEqual({
      killed: 2,
      timeout: 1,
      survived: 1,
      noCoverage: 1,
      score: 60,
    });
  });

  it("leaves out mutants that could not run (compile errors, runtime errors, ignored)", () => {
    expect(score(mutants("Killed", "CompileError", "RuntimeError", "Ignored")).score).toBe(100);
    expect(score(mutants("Survived", "Ignored")).score).toBe(0);
  });

  it("scores an area with no mutant at 100 %", () => {
    expect(score([]).score).toBe(100);
  });

  it("groups a report's mutants by area and ignores files outside every area", () => {
    const byArea = mutantsByArea({
      files: {
        "lib/url/codec.ts": { mutants: mutants("Killed", "Survived") },
        "lib/url/read-payload.ts": { mutants: mutants("Timeout") },
        "lib/rules/index.ts": { mutants: mutants("NoCoverage") },
        "lib/preview/devices.ts": { mutants: mutants("Survived") },
      },
    });
    expect(byArea.url.map((m) => m.status)).toEqual(["Killed", "Survived", "Timeout"]);
    expect(byArea.rules).toHaveLength(1);
    expect(byArea.identity).toEqual([]);
    expect(Object.values(byArea).flat()).toHaveLength(4);
  });
});

describe("the committed baseline keeps no key-shaped text", () => {
  it("redacts fake keys and JWTs from a mutant's status reason, and leaves the rest", () => {
    const key = fakeKey("live", "PROPERTY_SECRET_7f3a9c");
    const jwt = fakeJwt({ alg: "HS256" }, { sub: "1" }, "sig");
    const baseline = {
      files: {
        "lib/a.ts": {
          mutants: [
            { status: "Killed", statusReason: `expected "${key}" not to appear in the snippet` },
            { status: "Killed", statusReason: `got Bearer ${jwt} back` },
            { status: "Killed", statusReason: "expected 2 to be 3" },
            { status: "Survived" },
          ],
        },
      },
    };
    expect(redactStatusReasons(baseline)).toBe(true);
    const reasons = baseline.files["lib/a.ts"].mutants.map((m) => m.statusReason);
    expect(reasons).toEqual([
      'expected "[key-shaped value redacted]" not to appear in the snippet',
      "got Bearer [key-shaped value redacted] back",
      "expected 2 to be 3",
      undefined,
    ]);
    expect(redactStatusReasons(baseline)).toBe(false);
  });
});

describe("withHeap", () => {
  it("adds a larger heap to the options Stryker and its runners inherit", () => {
    expect(withHeap({})).toBe("--max-old-space-size=8192");
    expect(withHeap({ NODE_OPTIONS: "--enable-source-maps" })).toBe(
      "--enable-source-maps --max-old-space-size=8192",
    );
  });

  it("keeps a heap size the caller chose", () => {
    expect(withHeap({ NODE_OPTIONS: "--max-old-space-size=2048" })).toBe(
      "--max-old-space-size=2048",
    );
  });
});

describe("the baseline's fingerprint", () => {
  const files: Record<string, string | null> = {
    "lib/url/codec.ts": "export const a = 1;",
    "lib/url/codec.test.ts": "it('a', () => {});",
  };
  const read = (path: string) => files[path] ?? null;
  const base = fingerprintOf(Object.keys(files), read);

  it("does not depend on the order git lists the files in", () => {
    expect(fingerprintOf(Object.keys(files).reverse(), read)).toBe(base);
  });

  it("changes when a file's content, a file's name or the set of files changes", () => {
    const edited: Record<string, string | null> = {
      ...files,
      "lib/url/codec.ts": "export const a = 2;",
    };
    expect(fingerprintOf(Object.keys(edited), (p) => edited[p] ?? null)).not.toBe(base);
    const renamed = {
      "lib/url/codec2.ts": files["lib/url/codec.ts"]!,
      "lib/url/codec.test.ts": files["lib/url/codec.test.ts"]!,
    };
    expect(
      fingerprintOf(Object.keys(renamed), (p) => renamed[p as keyof typeof renamed] ?? null),
    ).not.toBe(base);
    const added = [...Object.keys(files), "lib/url/new.test.ts"];
    expect(fingerprintOf(added, (p) => files[p] ?? "it('b', () => {});")).not.toBe(base);
    expect(fingerprintOf(["lib/url/codec.ts"], read)).not.toBe(base);
  });

  it("a listed file that is gone is not the same as an empty one", () => {
    expect(fingerprintOf(["lib/x.ts"], () => null)).not.toBe(fingerprintOf(["lib/x.ts"], () => ""));
  });

  it("the baseline is current only when a fingerprint was recorded and it matches", () => {
    expect(baselineIsCurrent(base, { inputs: base })).toBe(true);
    expect(baselineIsCurrent(base, { inputs: `${base.slice(1)}0` })).toBe(false);
    expect(baselineIsCurrent(base, null)).toBe(false);
    expect(baselineIsCurrent(null, { inputs: base })).toBe(false);
    expect(baselineIsCurrent(null, null)).toBe(false);
  });
});
