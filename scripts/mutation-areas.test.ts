import { describe, expect, it } from "vitest";
import {
  AREA_NAMES,
  AREAS,
  BASELINE,
  areaOf,
  incrementalFileFor,
  runName,
  selectedAreas,
} from "../mutation/areas.mjs";

describe("mutation areas", () => {
  it("holds the issue's targets: 90 % for identity, rules, url and config, 95 % for snippets", () => {
    expect(Object.fromEntries(AREA_NAMES.map((n) => [n, AREAS[n].threshold]))).toEqual({
      identity: 90,
      rules: 90,
      url: 90,
      config: 90,
      snippets: 95,
    });
  });

  it("mutates each area's own folder, never its tests, test support or fixtures", () => {
    for (const name of AREA_NAMES) {
      const { dir, mutate } = AREAS[name];
      expect(mutate[0]).toBe(`${dir}/**/*.ts`);
      expect(mutate).toContain(`!${dir}/**/*.test.ts`);
      expect(mutate).toContain(`!${dir}/**/test-support/**`);
    }
    expect(AREAS.config.mutate).toContain("!lib/config/arbitraries.ts");
    expect(AREAS.snippets.mutate).toContain("!lib/snippets/__fixtures__/**");
  });

  it("scores a mutated file in the area whose folder holds it", () => {
    expect(areaOf("lib/identity/simulate.ts")).toBe("identity");
    expect(areaOf("lib/snippets/print/js.ts")).toBe("snippets");
    expect(areaOf("lib\\url\\codec.ts")).toBe("url");
    expect(areaOf("lib/identityx/a.ts")).toBeUndefined();
    expect(areaOf("lib/preview/devices.ts")).toBeUndefined();
  });

  it("runs every area when none is named, and names the choices when one is unknown", () => {
    expect(selectedAreas("")).toEqual(AREA_NAMES);
    expect(selectedAreas("url,rules")).toEqual(["url", "rules"]);
    expect(() => selectedAreas("url,nope")).toThrow(/Unknown area nope: choose from identity/);
  });

  it("keeps the committed baseline for the run over every area, a local file otherwise", () => {
    expect(BASELINE).toBe("mutation/incremental.json");
    expect(incrementalFileFor(AREA_NAMES)).toBe(BASELINE);
    expect(runName(AREA_NAMES)).toBe("all");
    expect(incrementalFileFor(["url", "identity"])).toBe("mutation/incremental/identity-url.json");
    expect(runName(["url", "identity"])).toBe("identity-url");
  });
});
