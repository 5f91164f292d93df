/**
 * The preview's "Shared computer story" (components/preview/host/lifecycle-timeline.tsx): open
 * it, step through it, flip its switches, and read what the preview lists at each step.
 */
import { expect, type Locator } from "@playwright/test";
import type { PlaygroundPage } from "../playground-page";

export type StorySwitch = "signOutClearsKeys" | "remountOnIdentityChange" | "keepMounted";

export class LifecycleStory {
  constructor(readonly playground: PlaygroundPage) {}

  private get page() {
    return this.playground.page;
  }

  toggle(): Locator {
    return this.page.getByTestId("preview.story.toggle");
  }

  panel(): Locator {
    return this.page.getByTestId("preview.story");
  }

  /** Opens the story and waits for its (on-demand) panel. */
  async open(): Promise<void> {
    await this.playground.reveal("preview");
    await this.toggle().click();
    await expect(this.toggle()).toHaveAttribute("aria-expanded", "true");
    await expect(this.panel()).toBeVisible();
  }

  steps(): Locator {
    return this.page.getByTestId("preview.story.steps").getByRole("button");
  }

  step(index: number): Locator {
    return this.page.getByTestId(`preview.story.step.${index}`);
  }

  /** The step with this label (e.g. "B signs in"); `nth` picks among repeats ("A signs in" twice). */
  stepNamed(label: string, nth = 0): Locator {
    return this.steps()
      .filter({ hasText: `. ${label}` })
      .nth(nth);
  }

  current(): Locator {
    return this.page.locator('[data-testid="preview.story.steps"] [aria-current="step"]');
  }

  async goTo(step: Locator): Promise<void> {
    await step.click();
    await expect(step).toHaveAttribute("aria-current", "step");
  }

  async next(): Promise<void> {
    await this.page.getByTestId("preview.story.next").click();
  }

  sentence(): Locator {
    return this.page.getByTestId("preview.story.sentence");
  }

  leak(): Locator {
    return this.page.getByTestId("preview.story.leak");
  }

  switch(name: StorySwitch): Locator {
    return this.page.getByTestId(`preview.story.${name}`);
  }

  async setSwitch(name: StorySwitch, on: boolean): Promise<void> {
    await this.switch(name).setChecked(on);
  }

  /**
   * The conversations the replica lists, by their last message. At every step the replica is a
   * fresh page load, open on the sessions list when the contact has conversations, on a new
   * chat when it has none.
   */
  listedMessages(): Locator {
    return this.playground.preview
      .frame()
      .getByRole("list", { name: "Open conversations" })
      .getByRole("listitem");
  }

  /**
   * The replica lists exactly these conversations, by their last message, in this order (each
   * card reads "<assignee><last message>").
   */
  async expectListed(messages: readonly string[]): Promise<void> {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await expect(this.listedMessages()).toHaveText(
      messages.map((m) => new RegExp(`${escape(m)}$`)),
    );
  }

  /** Waits until the replica shows this step's page: the widget is mounted and settled on a screen. */
  async expectReplicaOn(screen: "sessions" | "chat" | "welcome"): Promise<void> {
    await this.playground.preview.expectScreen(screen);
  }
}
