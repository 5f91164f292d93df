/**
 * Test support: the named configs in `__fixtures__/<name>/config.json`, and the golden cases:
 * every config in every widget major, its files in `__fixtures__/<name>/<major>/<target>/`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultConfig, type PlaygroundConfig } from "../../config/options";
import { parseConfig } from "../../config/schema";
import { WIDGET_MAJORS, type WidgetMajor } from "../../config/versions";

export const FIXTURES_DIR = fileURLToPath(new URL("../__fixtures__", import.meta.url));

export interface NamedConfig {
  name: string;
  config: PlaygroundConfig;
}

export interface FixtureCase extends NamedConfig {
  major: WidgetMajor;
  /** Where its golden files live: `<name>/<major>`, relative to `FIXTURES_DIR`. */
  dir: string;
}

/**
 * Every fixture config: its overrides on top of the defaults (so the default major, v5),
 * validated by the real schema. A fixture never names a version: every one runs in both. Those
 * that load on consent or on click are left out unless `opts.withLoading` says otherwise.
 */
export function loadFixtureConfigs(opts: FixtureOptions = {}): NamedConfig[] {
  const all = readdirSync(FIXTURES_DIR)
    .filter((name) => statSync(join(FIXTURES_DIR, name)).isDirectory())
    .sort()
    .map((name) => {
      const overrides = JSON.parse(
        readFileSync(join(FIXTURES_DIR, name, "config.json"), "utf8"),
      ) as object;
      if ("widgetVersion" in overrides)
        throw new Error(`Fixture ${name} names a widget version; the golden tests run both`);
      const parsed = parseConfig({ ...defaultConfig(), ...overrides });
      if (!parsed.success) {
        throw new Error(`Fixture ${name} is not a valid config: ${JSON.stringify(parsed.issues)}`);
      }
      return { name, config: parsed.data };
    });
  return opts.withLoading ? all : all.filter(({ config }) => config.loading === "page-load");
}

export interface FixtureOptions {
  /**
   * Also the fixtures that load on consent or on click: their goldens are the HTML, React and
   * Next.js files only (the other targets ignore the option), so only the golden and type
   * checks of those targets ask for them.
   */
  withLoading?: boolean;
}

/** Every fixture config in every widget major. */
export function loadFixtureCases(opts: FixtureOptions = {}): FixtureCase[] {
  return loadFixtureConfigs(opts).flatMap(({ name, config }) =>
    WIDGET_MAJORS.map((major) => ({
      name,
      major,
      dir: join(name, major),
      config: { ...config, widgetVersion: major },
    })),
  );
}
