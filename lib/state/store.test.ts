import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "@/lib/config/options";
import { createPlaygroundStore, undoable } from "./store";

const opened: PlaygroundConfig = {
  ...defaultConfig(),
  model: "server",
  widgetToken: "wt_link",
  serverEmail: "jane@example.com",
};

describe("Undo after Reset and presets", () => {
  it("Reset can be undone, back to the exact config before (secrets included)", () => {
    const store = createPlaygroundStore(opened);
    store.getState().setOption("apiKey", "sk_secret");
    const before = store.getState().config;
    store.getState().resetToDefaults();
    expect(store.getState().config).toEqual(defaultConfig());
    expect(undoable(store.getState())?.message).toBe("Reset to the defaults.");
    store.getState().undoReplacement();
    expect(store.getState().config).toBe(before);
    expect(undoable(store.getState())).toBeNull();
  });

  it("a preset and Reset to opened link can be undone too", () => {
    const store = createPlaygroundStore(opened);
    store.getState().applyPreset("collect");
    expect(undoable(store.getState())?.message).toBe("Preset applied: Collect in the widget.");
    store.getState().resetToOpened();
    expect(store.getState().config).toEqual(opened);
    expect(undoable(store.getState())?.message).toBe(
      "Back to the state this page was opened with.",
    );
    store.getState().undoReplacement();
    expect(store.getState().config.model).toBe("collect");
  });

  it("any later change ends the offer, and Undo then does nothing", () => {
    const store = createPlaygroundStore(opened);
    store.getState().resetToDefaults();
    store.getState().setOption("widgetToken", "wt_new");
    expect(undoable(store.getState())).toBeNull();
    const now = store.getState().config;
    store.getState().undoReplacement();
    expect(store.getState().config).toBe(now);
  });

  it("a Reset that changes nothing records nothing and keeps the earlier offer", () => {
    const store = createPlaygroundStore(opened);
    store.getState().resetToDefaults();
    const offer = undoable(store.getState());
    store.getState().resetToDefaults();
    expect(undoable(store.getState())).toBe(offer);
    store.getState().undoReplacement();
    expect(store.getState().config).toEqual(opened);
  });
});
