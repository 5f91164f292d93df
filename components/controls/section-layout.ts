/**
 * Which option rows each controls card draws, in which order: derived from the option table,
 * so a new row shows up in its section's card without an edit here or in the components.
 *
 * - The panel shows the identity card, the chosen model's own card (none for anonymous), the
 *   features card (widget options such as `streaming`), the lifecycle card (what the page does on
 *   sign-out, identity changes and renewal), the appearance card, then the loading card (when
 *   the page loads the widget: on page load, after consent, on click).
 * - A card draws the rows of its section that apply to the model, in table order.
 * - Rows of the "header" section (the widget version) are drawn by the page header, never in a
 *   card.
 * - A row with `dependsOn` is drawn only while that boolean option is on (the personal
 *   connections scope, server ids and account id appear once personal connections is on).
 * - A preview setting the targeted widget version does not have is not drawn (`shownInVersion`):
 *   v4's remount switch on v5, v5's keep-mounted and renewal switches on v4. A v5 widget option
 *   on v4 is still drawn, with a note that the snippets leave it out.
 * - A row that applies to a model whose card for the row's section is not shown is drawn at the
 *   end of the model's own card. That is where `collectUserData` (section "collect", models
 *   browser and server) sits: after the browser and server cards' own rows.
 * - `DRAWN_BEFORE` moves a row up within its card without reordering the table (see there).
 */
import {
  OPTION_KEYS,
  OPTIONS,
  shownInVersion,
  type ControlDescriptor,
  type IdentityModel,
  type OptionKey,
  type OptionSection,
  type PlaygroundConfig,
} from "@/lib/config/options";

/** What the layout reads from the config: the model, the version, and the switches `dependsOn` names. */
export type LayoutConfig = Pick<PlaygroundConfig, "model" | "widgetVersion"> &
  Partial<PlaygroundConfig>;

export interface LayoutEntry {
  key: OptionKey;
  control: ControlDescriptor;
}

/** The cards shown for one model only. */
export type ModelSection = Exclude<
  OptionSection,
  "identity" | "features" | "lifecycle" | "appearance" | "loading" | "header"
>;

/** Each model's own card: the section named like it, none for anonymous. */
const MODEL_SECTION: Readonly<Record<IdentityModel, ModelSection | null>> = {
  anonymous: null,
  collect: "collect",
  browser: "browser",
  server: "server",
};

/**
 * Rows a card draws just before another row of the same card. The table cannot simply be
 * reordered: share links write their keys in table order, and advisories and held-back
 * messages are sorted by it, so moving `orgName` above `language` in the table would change
 * the link of every config that sets both.
 */
export const DRAWN_BEFORE: Readonly<Partial<Record<OptionKey, OptionKey>>> = {
  orgName: "language",
};

/** The model's own card, or `null` when the model has none. */
export function modelSection(model: IdentityModel): ModelSection | null {
  return MODEL_SECTION[model];
}

/** The cards the panel shows for a model, top to bottom (the header's rows are not in a card). */
export function visibleSections(model: IdentityModel): OptionSection[] {
  const own = MODEL_SECTION[model];
  return own
    ? ["identity", own, "features", "lifecycle", "appearance", "loading"]
    : ["identity", "features", "lifecycle", "appearance", "loading"];
}

/** The row's `dependsOn` switch is on (or it has none): only then is the row drawn. */
export function dependencyMet(key: OptionKey, config: Partial<PlaygroundConfig>): boolean {
  const on = OPTIONS[key].dependsOn as OptionKey | undefined;
  return on === undefined || config[on] === true;
}

function appliesTo(key: OptionKey, model: IdentityModel): boolean {
  const { models } = OPTIONS[key];
  return models.length === 0 || models.includes(model);
}

const TABLE_INDEX = new Map(OPTION_KEYS.map((key, i) => [key, i]));

function rank(key: OptionKey): number {
  const before = DRAWN_BEFORE[key];
  return before === undefined ? TABLE_INDEX.get(key)! : TABLE_INDEX.get(before)! - 0.5;
}

/** The rows the `section` card draws for `config`, in order (empty if the card is hidden). */
export function sectionLayout(section: OptionSection, config: LayoutConfig): LayoutEntry[] {
  const { model, widgetVersion } = config;
  const shown = visibleSections(model);
  if (!shown.includes(section)) return [];
  const applicable = OPTION_KEYS.filter(
    (key) =>
      OPTIONS[key].section !== "header" &&
      appliesTo(key, model) &&
      dependencyMet(key, config) &&
      shownInVersion(key, widgetVersion),
  );
  const own = applicable
    .filter((key) => OPTIONS[key].section === section)
    .sort((a, b) => rank(a) - rank(b));
  const guests =
    section === MODEL_SECTION[model]
      ? applicable.filter((key) => !shown.includes(OPTIONS[key].section))
      : [];
  return [...own, ...guests].map((key) => ({ key, control: OPTIONS[key].control }));
}
