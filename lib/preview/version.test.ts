import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import {
  aiAssigneeName,
  previewUnknownNote,
  previewVersionLabel,
  replicaLook,
  springAnimation,
  springPosition,
  V5_OPEN_SPRING,
} from "./version";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});

describe("the preview's version label", () => {
  it("names the major and its pin", () => {
    expect(previewVersionLabel("v5")).toBe("Widget v5 · 5.0.0");
    expect(previewVersionLabel("v4")).toBe("Widget v4 · 4.0.63");
  });
});

describe("the replica's per-version deltas (domain-v5 §7, §15.17)", () => {
  it("v4 keeps its white composer, eased opening, lower-case send tooltip and the literal AI name", () => {
    const look = replicaLook(make({ widgetVersion: "v4", agentName: "Ace", orgName: "Acme" }));
    expect(look).toEqual({
      major: "v4",
      openMotion: "ease",
      composer: "white",
      sendLabel: "send message",
      attachLabel: "attach images, PDFs, or spreadsheets (maximum size 5mb)",
      aiAssignee: "AI Support Agent",
    });
  });

  it("v5 springs open, has a hairline themed composer and translates the send tooltip; the attach tooltip stays v4's (UNKNOWN for 5.0.0)", () => {
    const look = replicaLook(make({ widgetVersion: "v5" }));
    expect(look.openMotion).toBe("spring");
    expect(look.composer).toBe("hairline-themed");
    expect(look.sendLabel).toBe("Send message");
    expect(look.attachLabel).toBe(replicaLook(make({ widgetVersion: "v4" })).attachLabel);
  });

  it("v5 names the AI after the org's agent, then the organisation, then v4's literal", () => {
    expect(aiAssigneeName(make({ widgetVersion: "v5", agentName: " Ace ", orgName: "Acme" }))).toBe(
      "Ace",
    );
    expect(aiAssigneeName(make({ widgetVersion: "v5", agentName: "", orgName: "Acme" }))).toBe(
      "Acme",
    );
    expect(aiAssigneeName(make({ widgetVersion: "v5", agentName: "", orgName: " " }))).toBe(
      "AI Support Agent",
    );
  });
});

describe("v5's opening spring", () => {
  it("starts at rest at 0 and settles at 1, for under-, critically and over-damped springs", () => {
    for (const damping of [10, 2 * Math.sqrt(500), 45, 80]) {
      const spring = { stiffness: 500, damping, mass: 1 };
      expect(springPosition(spring, 0)).toBeCloseTo(0, 10);
      expect(springPosition(spring, 3)).toBeCloseTo(1, 3);
    }
    // An underdamped spring overshoots; 500/45/1 (damping ratio ≈ 1.006) does not.
    const bouncy = { stiffness: 500, damping: 10, mass: 1 };
    expect(
      Math.max(...[0.05, 0.1, 0.15, 0.2].map((t) => springPosition(bouncy, t))),
    ).toBeGreaterThan(1);
    for (let t = 0; t < 1; t += 0.01)
      expect(springPosition(V5_OPEN_SPRING, t)).toBeLessThanOrEqual(1);
  });

  it("becomes a CSS linear() easing of the spring's settling time, monotonic from 0 to 1", () => {
    const { durationMs, easing } = springAnimation();
    // ω0 = √500 ≈ 22.4 rad/s: settles within 0.1% in roughly 0.4 s.
    expect(durationMs).toBeGreaterThan(300);
    expect(durationMs).toBeLessThan(600);
    const points = /^linear\((.*)\)$/.exec(easing)![1]!.split(", ").map(Number);
    expect(points).toHaveLength(25);
    expect(points[0]).toBe(0);
    expect(points.at(-1)).toBe(1);
    for (let i = 1; i < points.length; i++)
      expect(points[i]).toBeGreaterThanOrEqual(points[i - 1]!);
    // Not a straight line: the spring is fast at first.
    expect(points[6]).toBeGreaterThan(0.5);
  });
});

describe("what the preview says it could not check", () => {
  it("names v5's unpublished welcome screen, and nothing for v4", () => {
    expect(previewUnknownNote("v4")).toBeNull();
    expect(previewUnknownNote("v5")).toMatch(
      /^v5's welcome screen .* not published: the replica shows v4's/,
    );
  });
});
