/** The controls pane: the identity model, each option's control, extra fields, advisories. */
import { expect, type Locator } from "@playwright/test";
import { Region } from "./layout";

export type IdentityModel = "anonymous" | "collect" | "browser" | "server";
export const IDENTITY_MODELS: readonly IdentityModel[] = [
  "anonymous",
  "collect",
  "browser",
  "server",
];

export class Controls extends Region {
  modelRadio(model: IdentityModel): Locator {
    return this.page.getByTestId(`controls.identity.model.${model}`);
  }

  async chooseModel(model: IdentityModel): Promise<void> {
    await this.layout.reveal("controls");
    await this.modelRadio(model).check();
    await expect(this.modelRadio(model)).toBeChecked();
  }

  async expectModel(model: IdentityModel): Promise<void> {
    await expect(this.modelRadio(model)).toBeChecked();
  }

  /** A control bound to one option, e.g. `option('identity', 'widgetToken')`. */
  option(section: string, key: string): Locator {
    return this.page.getByTestId(`controls.${section}.${key}`);
  }

  async setOption(section: string, key: string, value: string): Promise<void> {
    await this.layout.reveal("controls");
    const control = this.option(section, key);
    await control.fill(value);
    await expect(control).toHaveValue(value);
  }

  /** Picks the widget language (a select). */
  async setLanguage(code: string): Promise<void> {
    await this.layout.reveal("controls");
    const control = this.option("appearance", "language");
    await control.selectOption(code);
    await expect(control).toHaveValue(code);
  }

  async setWidgetToken(token: string): Promise<void> {
    await this.setOption("identity", "widgetToken", token);
  }

  async setPrimaryColor(color: string): Promise<void> {
    await this.setOption("appearance", "primaryColor", color);
  }

  /** "Also set collectUserData" for the browser and server models. */
  async alsoCollect(model: "browser" | "server", on = true): Promise<void> {
    await this.layout.reveal("controls");
    await this.option(model, "collectUserData").setChecked(on);
  }

  extraField(index: number): Locator {
    return this.page.getByTestId(`controls.collect.extraFields.${index}`);
  }

  get newExtraField(): Locator {
    return this.page.getByTestId("controls.collect.extraFields.new");
  }

  /** Types a name into the "new field" box and presses "Add field". */
  async addExtraField(name: string): Promise<void> {
    await this.layout.reveal("controls");
    const before = await this.extraFieldInputs().count();
    await this.newExtraField.fill(name);
    await this.page.getByTestId("controls.collect.extraFields.add").click();
    await expect(this.extraField(before)).toHaveValue(name);
  }

  /** The name inputs of the extra fields, in order (not the "new" box, not the buttons). */
  extraFieldInputs(): Locator {
    return this.page
      .getByTestId("controls.collect.extraFields")
      .locator(
        '[data-testid^="controls.collect.extraFields."]:not([data-testid$=".remove"]):not([data-testid$=".new"]):not([data-testid$=".add"])',
      );
  }

  async expectExtraFields(names: readonly string[]): Promise<void> {
    const inputs = this.extraFieldInputs();
    await expect(inputs).toHaveCount(names.length);
    for (const [i, name] of names.entries()) await expect(this.extraField(i)).toHaveValue(name);
  }

  /** An advisory as listed in the summary (each also shows inline next to its control). */
  advisory(id: string): Locator {
    return this.page.getByTestId("advisories.summary").getByTestId(`advisory.${id}`);
  }

  get trustKind(): Locator {
    return this.page.getByTestId("trust.kind");
  }

  /** Turns personal connections (the server card's mcp_access switch) on or off. */
  async personalConnections(on = true): Promise<void> {
    await this.layout.reveal("controls");
    await this.option("server", "personalConnections").setChecked(on);
  }

  /** The features card's switches: `streaming`, `capabilitiesConnections`. */
  feature(key: "streaming" | "capabilitiesConnections"): Locator {
    return this.option("features", key);
  }

  /** The server_ids list editor. */
  get serverIds(): Locator {
    return this.option("server", "mcpServerIds");
  }

  /** Adds server ids with the keyboard (type, Enter), one after another. */
  async addServerIds(ids: readonly string[]): Promise<void> {
    await this.layout.reveal("controls");
    const box = this.page.getByTestId("controls.server.mcpServerIds.new");
    for (const id of ids) {
      await box.fill(id);
      await box.press("Enter");
      await expect(box).toHaveValue("");
    }
  }

  async expectServerIds(ids: readonly string[]): Promise<void> {
    const entries = this.serverIds.locator("li input");
    await expect
      .poll(() => entries.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value)))
      .toEqual(ids);
  }
}
