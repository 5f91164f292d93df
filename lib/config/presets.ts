/**
 * Named starting points. Each preset is a partial config applied over the
 * defaults, keeping the widget token, secrets and appearance the user already
 * chose (`PRESET_KEEPS`).
 */
import {
  DEFAULT_CONFIG,
  defaultConfig,
  OPTION_KEYS,
  OPTIONS,
  type OptionKey,
  type PlaygroundConfig,
} from "./options";

export interface Preset {
  id: string;
  label: string;
  description: string;
  values: Partial<PlaygroundConfig>;
}

export const PRESETS: readonly Preset[] = [
  {
    id: "anonymous",
    label: "Anonymous",
    description: "Only the widget token: history stays on this browser.",
    values: { model: "anonymous" },
  },
  {
    id: "collect",
    label: "Collect in the widget",
    description: "A welcome form asks for name and email; non-verified.",
    values: { model: "collect" },
  },
  {
    id: "collect-extra-fields",
    label: "Collect with extra fields",
    description: "Company and order number on the form; the form returns on every load.",
    values: {
      model: "collect",
      prefillName: "",
      prefillEmail: "",
      extraFields: ["Company", "Order #"],
    },
  },
  {
    id: "browser",
    label: "Pass from the browser",
    description: "Your page passes user.data; non-verified, no form.",
    values: {
      model: "browser",
      userName: "Jane Doe",
      userEmail: "jane@example.com",
      userCustomData: [{ key: "plan", value: "pro" }],
    },
  },
  {
    id: "server",
    label: "Verified by your server",
    description: "Your backend mints a contact token; history follows the user.",
    values: { model: "server", serverEmail: "jane@example.com", serverName: "Jane Doe" },
  },
  {
    id: "multi-tenant",
    label: "Multi-tenant with externalId",
    description: "Verified, with sessions scoped to one workspace.",
    values: {
      model: "server",
      serverEmail: "jane@example.com",
      serverName: "Jane Doe",
      externalId: "workspace_42",
      serverCustomData: [{ key: "workspace", value: "Acme EU" }],
    },
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/**
 * The fields a preset keeps from the config it is applied over (rows with `presetKeeps`): the
 * widget token and the secrets are the user's, and so is the appearance.
 */
export const PRESET_KEEPS: readonly OptionKey[] = OPTION_KEYS.filter(
  (key) => OPTIONS[key].presetKeeps,
);

/** `preset` applied over `config`, as the Preset menu does: its values over the defaults, keeping `PRESET_KEEPS`. */
export function withPresetValues(config: PlaygroundConfig, preset: Preset): PlaygroundConfig {
  const kept = Object.fromEntries(PRESET_KEEPS.map((key) => [key, config[key]]));
  return { ...defaultConfig(), ...kept, ...structuredClone(preset.values) };
}

/** Two JSON values with the same content (key order does not matter). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((v, i) => sameValue(v, b[i]))
    );
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/** `a` and `b` hold the same values in every option (key order does not matter). */
export function sameConfig(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return OPTION_KEYS.every((key) => sameValue(a[key], b[key]));
}

/**
 * The preset the config is exactly in (applying it again would change
 * nothing), or `null` once anything outside `PRESET_KEEPS` differs from every
 * preset: the menu then says "Custom". The defaults are the "Anonymous" preset.
 * The header asks on every change, so it compares in place: no config is built.
 */
export function presetInForce(config: PlaygroundConfig): Preset | null {
  const kept = new Set<OptionKey>(PRESET_KEEPS);
  const values = (preset: Preset) => preset.values as Partial<Record<OptionKey, unknown>>;
  return (
    PRESETS.find((preset) =>
      OPTION_KEYS.every(
        (key) =>
          kept.has(key) ||
          sameValue(
            config[key],
            Object.hasOwn(preset.values, key) ? values(preset)[key] : DEFAULT_CONFIG[key],
          ),
      ),
    ) ?? null
  );
}
