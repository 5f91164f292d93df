import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "@/lib/config/arbitraries";
import { PRESETS } from "@/lib/config/presets";
import { withPreset } from "@/lib/embed/params";
import { createPlaygroundStore } from "@/components/playground/store";

describe("the embed's preset parameter", () => {
  it("gives what the playground's Preset menu gives, from any state", () => {
    fc.assert(
      fc.property(configArbitrary(), fc.constantFrom(...PRESETS.map((p) => p.id)), (config, id) => {
        const store = createPlaygroundStore(config);
        store.getState().applyPreset(id);
        expect(withPreset(config, id)).toEqual(store.getState().config);
      }),
      { numRuns: 200 },
    );
  });
});
