/** Test support: the named configs in `__fixtures__/<name>/config.json`. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultConfig, type PlaygroundConfig } from "../../config/options";
import { parseConfig } from "../../config/schema";

export const FIXTURES_DIR = fileURLToPath(new URL("../__fixtures__", import.meta.url));

export interface NamedConfig {
  name: string;
  config: PlaygroundConfig;
}

/** Every fixture config: its overrides on top of the defaults, validated by the real schema. */
export function loadFixtureConfigs(): NamedConfig[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => statSync(join(FIXTURES_DIR, name)).isDirectory())
    .sort()
    .map((name) => {
      const overrides = JSON.parse(
        readFileSync(join(FIXTURES_DIR, name, "config.json"), "utf8"),
      ) as object;
      const parsed = parseConfig({ ...defaultConfig(), ...overrides });
      if (!parsed.success) {
        throw new Error(`Fixture ${name} is not a valid config: ${JSON.stringify(parsed.issues)}`);
      }
      return { name, config: parsed.data };
    });
}
