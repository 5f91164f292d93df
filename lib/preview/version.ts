/**
 * What the replica draws differently per widget major: only the deltas domain-v5.md §7 and
 * §15.17 know. Everything else (sizes, colours, strings, the welcome screen) is v4's in both;
 * where domain-v5 says UNKNOWN (the v5 welcome screen's classes and validation, the 5.0.0 attach
 * tooltip) the replica keeps v4's.
 */
import type { PlaygroundConfig } from "../config/options";
import { WIDGET_MAJOR_INFO, WIDGET_PINS, type WidgetMajor } from "../config/versions";

/** The label the preview shows: `Widget v5 · 5.0.0`. */
export function previewVersionLabel(major: WidgetMajor): string {
  return `Widget ${WIDGET_MAJOR_INFO[major].label} · ${WIDGET_PINS[major]}`;
}

/**
 * What the preview says it could not check for a major (domain-v5.md §6, §16.2): the v5 welcome
 * screen's source is not published, so the replica draws and validates it as v4 does.
 */
export function previewUnknownNote(major: WidgetMajor): string | null {
  if (major === "v4") return null;
  return "v5's welcome screen (its exact styling, validation and error text) is not published: the replica shows v4's, with the same fields and strings.";
}

export interface ReplicaLook {
  major: WidgetMajor;
  /** How the window opens: v4 eases an 8px slide; v5 drives it with a spring ("spring 500/45/1"). */
  openMotion: "ease" | "spring";
  /** v4: a white card; v5: a hairline border and the theme's background. */
  composer: "white" | "hairline-themed";
  /** The send button's tooltip and name: v4 hard-codes `send message`, v5 translates `Send message`. */
  sendLabel: string;
  /** The attach tooltip: 5.0.0's text is UNKNOWN (the newer en.ts may be later), so v4's in both. */
  attachLabel: string;
  /** The AI assignee's name in the sessions list. */
  aiAssignee: string;
}

export const V4_AI_ASSIGNEE = "AI Support Agent";
const V4_ATTACH = "attach images, PDFs, or spreadsheets (maximum size 5mb)";

/**
 * v4: `bot.name || 'AI Support Agent'` (the playground sets no bot name). v5: the org's agent
 * branding from the backend, played by `agentName`, else the organisation's name; with neither,
 * v4's literal (what v5 shows then is UNKNOWN).
 */
export function aiAssigneeName(config: PlaygroundConfig): string {
  if (config.widgetVersion === "v4") return V4_AI_ASSIGNEE;
  return config.agentName.trim() || config.orgName.trim() || V4_AI_ASSIGNEE;
}

export function replicaLook(config: PlaygroundConfig): ReplicaLook {
  const v5 = config.widgetVersion === "v5";
  return {
    major: config.widgetVersion,
    openMotion: v5 ? "spring" : "ease",
    composer: v5 ? "hairline-themed" : "white",
    sendLabel: v5 ? "Send message" : "send message",
    attachLabel: V4_ATTACH,
    aiAssignee: aiAssigneeName(config),
  };
}

/** v5's popover spring (packages/react/MOTION.md: "spring 500/45/1"). */
export const V5_OPEN_SPRING = { stiffness: 500, damping: 45, mass: 1 } as const;

/**
 * The position (0 → 1) of a damped spring released from 0 towards 1 at rest, at time `t`
 * seconds. Handles under-, critically and over-damped springs.
 */
export function springPosition(
  spring: { stiffness: number; damping: number; mass: number },
  t: number,
): number {
  const w0 = Math.sqrt(spring.stiffness / spring.mass);
  const zeta = spring.damping / (2 * Math.sqrt(spring.stiffness * spring.mass));
  if (zeta < 1) {
    const wd = w0 * Math.sqrt(1 - zeta * zeta);
    const e = Math.exp(-zeta * w0 * t);
    return 1 - e * (Math.cos(wd * t) + ((zeta * w0) / wd) * Math.sin(wd * t));
  }
  if (zeta === 1) return 1 - (1 + w0 * t) * Math.exp(-w0 * t);
  const s = w0 * Math.sqrt(zeta * zeta - 1);
  const r1 = -zeta * w0 + s;
  const r2 = -zeta * w0 - s;
  // x(t) = 1 + A e^{r1 t} + B e^{r2 t}, x(0) = 0, x'(0) = 0.
  const a = r2 / (r1 - r2);
  const b = -r1 / (r1 - r2);
  return 1 + a * Math.exp(r1 * t) + b * Math.exp(r2 * t);
}

/**
 * The spring as a CSS animation: how long it takes to settle within `tolerance` of rest, and a
 * `linear()` easing sampled from it (`steps` + 1 points).
 */
export function springAnimation(
  spring: { stiffness: number; damping: number; mass: number } = V5_OPEN_SPRING,
  { steps = 24, tolerance = 0.001 }: { steps?: number; tolerance?: number } = {},
): { durationMs: number; easing: string } {
  let t = 0;
  const dt = 0.001;
  // Settled once it stays within tolerance for 50ms.
  let calm = 0;
  while (t < 5 && calm < 0.05) {
    t += dt;
    calm = Math.abs(1 - springPosition(spring, t)) <= tolerance ? calm + dt : 0;
  }
  const duration = t - calm;
  const points: string[] = [];
  for (let i = 0; i <= steps; i++) {
    const x = i === steps ? 1 : springPosition(spring, (duration * i) / steps);
    points.push(String(Math.round(x * 10_000) / 10_000));
  }
  return { durationMs: Math.round(duration * 1000), easing: `linear(${points.join(", ")})` };
}
