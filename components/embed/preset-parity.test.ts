import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "@/lib/config/arbitraries";
import { PRESETS } from "@/lib/config/presets";
import { parseEmbedParams } from "@/lib/embed/params";
import { decodeConfig, encodeConfig } from "@/lib/url/codec";
import { createPlaygroundStore } from "@/lib/state/store";

describe("the embed's preset parameter", () => {
  it("gives what the playground's Preset menu gives, from any shared state", () => {
    fc.assert(
      fc.property(configArbitrary(), fc.constantFrom(...PRESETS.map((p) => p.id)), (config, id) => {
        const state = encodeConfig(config);
        const store = createPlaygroundStore(decodeConfig(state).config);
        store.getState().applyPreset(id);
        const embed = parseEmbedParams(
          new URLSearchParams(state === "" ? `preset=${id}` : `s=${state}&preset=${id}`),
        );
        expect(embed.config).toEqual(store.getState().config);
      }),
      { numRuns: 200 },
    );
  });
});
