import { describe, expect, it } from "vitest";
import {
  compareVersions,
  DEFAULT_WIDGET_MAJOR,
  LAST_V4,
  majorOfVersion,
  versionNote,
  WIDGET_MAJORS,
  WIDGET_PINS,
} from "./versions";

describe("widget versions (domain-v5.md §14, §19)", () => {
  it("pins v5 to 5.0.0 and v4 to its last release 4.0.63, exactly, and defaults to v5", () => {
    expect(WIDGET_PINS).toEqual({ v5: "5.0.0", v4: "4.0.63" });
    expect(DEFAULT_WIDGET_MAJOR).toBe("v5");
    expect(LAST_V4).toBe("4.0.63");
    for (const major of WIDGET_MAJORS) {
      expect(WIDGET_PINS[major]).toMatch(/^\d+\.\d+\.\d+$/);
      expect(majorOfVersion(WIDGET_PINS[major])).toBe(major);
    }
  });

  it("reads the major of an exact version, and nothing from a tag, a range or another major", () => {
    expect(majorOfVersion("5.0.0")).toBe("v5");
    expect(majorOfVersion("5.0.0-beta.10")).toBe("v5");
    expect(majorOfVersion(" 4.0.12 ")).toBe("v4");
    expect(majorOfVersion("5.10.0")).toBe("v5");
    expect(majorOfVersion("4.0.100")).toBe("v4");
    for (const v of [
      "5.0.0x",
      "5.0.0 || 4",
      "4.0.63.1",
      "latest",
      "^5.0.0",
      "~4.0.63",
      "5",
      "5.0",
      "3.9.9",
      "6.0.0",
      "",
      "v5.0.0",
    ]) {
      expect(majorOfVersion(v), v).toBeNull();
    }
  });

  it("orders versions numerically, a prerelease before its release", () => {
    expect(compareVersions("4.0.57", "4.0.63")).toBe(-1);
    expect(compareVersions("4.0.63", "4.0.63")).toBe(0);
    expect(compareVersions("4.0.100", "4.0.63")).toBe(1);
    expect(compareVersions("4.1.0", "4.0.63")).toBe(1);
    expect(compareVersions("5.0.0-beta.1", "5.0.0")).toBe(-1);
    expect(compareVersions("5.0.0", "5.0.0-beta.1")).toBe(1);
    expect(compareVersions("5.0.0-beta.1", "5.0.0-beta.2")).toBe(-1);
    expect(compareVersions("5.0.0-beta.2", "5.0.0-beta.1")).toBe(1);
    expect(compareVersions("3.9.9", "4.0.0")).toBe(-1);
  });

  it("names the major and its exact pin in one line", () => {
    expect(versionNote("v5")).toBe("OpenCX widget v5 (pinned to 5.0.0)");
    expect(versionNote("v4")).toBe("OpenCX widget v4 (pinned to 4.0.63)");
  });
});
