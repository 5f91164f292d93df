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

describe("personal connections turn on what they need", () => {
  const server: PlaygroundConfig = { ...defaultConfig(), model: "server" };

  it("switching personal connections on also switches on streaming and capabilities.connections, and says which", () => {
    const store = createPlaygroundStore(server);
    expect(store.getState().setPersonalConnections(true)).toEqual([
      "streaming",
      "capabilitiesConnections",
    ]);
    const { config } = store.getState();
    expect([config.personalConnections, config.streaming, config.capabilitiesConnections]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it("names only what it had to switch on", () => {
    const store = createPlaygroundStore({ ...server, streaming: true });
    expect(store.getState().setPersonalConnections(true)).toEqual(["capabilitiesConnections"]);
    expect(store.getState().setPersonalConnections(true)).toEqual([]);
  });

  it("switching it off leaves streaming and connections as they are, and they can be turned off later", () => {
    const store = createPlaygroundStore(server);
    store.getState().setPersonalConnections(true);
    expect(store.getState().setPersonalConnections(false)).toEqual([]);
    expect(store.getState().config).toMatchObject({
      personalConnections: false,
      streaming: true,
      capabilitiesConnections: true,
    });
    store.getState().setPersonalConnections(true);
    store.getState().setOption("streaming", false);
    expect(store.getState().config).toMatchObject({ personalConnections: true, streaming: false });
  });
});

describe("switching the widget version from a link's note", () => {
  const v4Link: PlaygroundConfig = { ...opened, widgetVersion: "v4", extraFields: ["Plan"] };

  it("switches to v5 keeping every other setting, and Undo goes back to v4", () => {
    const store = createPlaygroundStore(v4Link);
    store.getState().switchVersion("v5");
    expect(store.getState().config).toEqual({ ...v4Link, widgetVersion: "v5" });
    expect(undoable(store.getState())?.message).toBe(
      "Switched to widget v5 (5.0.0); every other setting is kept.",
    );
    store.getState().undoReplacement();
    expect(store.getState().config).toBe(v4Link);
  });

  it("records nothing when the version is already the one asked for", () => {
    const store = createPlaygroundStore(v4Link);
    store.getState().switchVersion("v4");
    expect(undoable(store.getState())).toBeNull();
  });
});

describe("the chosen code tab", () => {
  it("starts as the link's tab (or the first) and is not a setting: presets, Reset and Undo keep it", () => {
    expect(createPlaygroundStore(opened).getState().codeTab).toBeNull();
    const store = createPlaygroundStore(opened, "go");
    expect(store.getState().codeTab).toBe("go");
    store.getState().setCodeTab("php");
    expect(store.getState().codeTab).toBe("php");
    store.getState().applyPreset("collect");
    store.getState().resetToDefaults();
    store.getState().undoReplacement();
    expect(store.getState().codeTab).toBe("php");
    expect(store.getState().config).not.toHaveProperty("codeTab");
  });
});
