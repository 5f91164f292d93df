/** Test support: what the server property tests share. */
import fc from "fast-check";
import { expect } from "vitest";
import { configArbitrary, propertyRuns } from "../../config/arbitraries";
import type { PlaygroundConfig } from "../../config/options";
import { mintsWithMcpAccess } from "../../config/widget-config";
import { WIDGET_MAJORS } from "../../config/versions";
import { fakeKey } from "../../secrets/test-support/fake-keys";

export const RUNS = propertyRuns(1000);
/** Sensitive values: unique strings that must never appear in any snippet. */
export const SECRET_API_KEY = fakeKey("live", "PROPERTY_SECRET_7f3a9c");
export const SECRET_CONTACT_TOKEN = "eyJ.PROPERTY_SECRET_CONTACT_TOKEN_b41e";

/**
 * Any config (ordinary or hostile strings) with the sensitive fields set to
 * the sentinels; `extreme` adds lone surrogates and values at their length limits.
 */
export function configsWithSecrets(
  hostile: boolean,
  extreme = false,
): fc.Arbitrary<PlaygroundConfig> {
  return configArbitrary({ hostile, extreme }).map((config) => ({
    ...config,
    apiKey: SECRET_API_KEY,
    contactToken: SECRET_CONTACT_TOKEN,
  }));
}

/** Verified-model configs, with the sensitive sentinels. */
export function verifiedConfigs(hostile: boolean, extreme = false): fc.Arbitrary<PlaygroundConfig> {
  return configsWithSecrets(hostile, extreme).map((config) => ({
    ...config,
    model: "server" as const,
  }));
}

export function expectNoSecrets(code: string): void {
  expect(code).not.toContain(SECRET_API_KEY);
  expect(code).not.toContain(SECRET_CONTACT_TOKEN);
}

/**
 * A fixed-size sample for the batch runners; the seed goes in failure messages, and
 * `SAMPLE_SEEDS="<ordinary>,<hostile>"` replays a failure's seeds: `slot` is the place of this
 * sample's seed in that list (0 for ordinary, 1 for hostile by default; a file with a third
 * sample gives it 2, `SAMPLE_SEEDS="<ordinary>,<hostile>,<extreme>"`).
 */
export function sampleConfigs(
  hostile: boolean,
  runs = RUNS,
  extreme = false,
  slot = hostile ? 1 : 0,
): { seed: number; configs: PlaygroundConfig[] } {
  const replay = process.env.SAMPLE_SEEDS?.split(",")[slot];
  const seed = replay ? Number(replay) : Math.floor(Math.random() * 2 ** 31);
  return { seed, configs: fc.sample(verifiedConfigs(hostile, extreme), { numRuns: runs, seed }) };
}

/**
 * That a sample exercised both widget majors, and v5's mcp_access where verified configs are
 * in it: the option table generates `widgetVersion` like any other row, so this proves the
 * properties ran for both versions rather than assuming it. A caller whose draw is too small to
 * hold `minMcpAccess` every time passes 0 and counts mcp_access over cases it fixes itself.
 */
export function expectBothMajors(
  configs: readonly PlaygroundConfig[],
  min = 10,
  minMcpAccess = Math.ceil(min / 4),
): void {
  for (const major of WIDGET_MAJORS) {
    const count = configs.filter((c) => c.widgetVersion === major).length;
    expect(count, `${major} configs in the sample`).toBeGreaterThanOrEqual(min);
  }
  if (configs.some((c) => c.model === "server")) {
    const minted = configs.filter(mintsWithMcpAccess).length;
    expect(minted, "configs minting with mcp_access").toBeGreaterThanOrEqual(minMcpAccess);
  }
}
