/** The options editor (Monaco), opened from the code pane by "Edit options as code". */
import { expect, type Locator } from "@playwright/test";
import { Region } from "./layout";

export type EditorState = "synced" | "pending" | "applied" | "invalid";

export class OptionsEditor extends Region {
  get root(): Locator {
    return this.page.getByTestId("editor.root");
  }

  get message(): Locator {
    return this.page.getByTestId("editor.message");
  }

  /** The element Monaco types into (a textarea or an EditContext element, depending on the browser). */
  get input(): Locator {
    return this.root.locator('[role="textbox"]').first();
  }

  /** Clicks "Edit options as code" and waits until the editor shows the options and has focus. */
  async open(): Promise<void> {
    await this.layout.reveal("code");
    await this.page.getByTestId("code.editOptions").click();
    // Monaco is ~2 MB of JavaScript fetched on this click: allow for a slow, shared machine.
    await expect(this.root).toHaveAttribute("data-ready", "", { timeout: 30_000 });
    await expect(this.root.locator(".view-line").first()).toBeVisible();
  }

  /** Waits until the TypeScript worker has answered (completion, hover and markers work). */
  async waitForLanguage(): Promise<void> {
    await expect(this.root).toHaveAttribute("data-language-ready", "", { timeout: 30_000 });
  }

  /** The editor's text as shown (every line is on screen: the options are short). */
  async text(): Promise<string> {
    return this.root.evaluate((root) => {
      const lines = [...root.querySelectorAll<HTMLElement>(".view-lines .view-line")];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      const text = (line: HTMLElement) => {
        // Inline decorations (the colour swatch before a colour) are not text.
        const copy = line.cloneNode(true) as HTMLElement;
        for (const deco of copy.querySelectorAll(".colorpicker-color-decoration")) deco.remove();
        return (copy.textContent ?? "").replace(/\u00a0/g, " ");
      };
      return lines.map(text).join("\n");
    });
  }

  /** Double-clicks a word in the editor's text (which selects it), e.g. to type over it. */
  async selectWord(word: string): Promise<void> {
    // Found and measured in one step: Monaco re-renders lines (tokens, colour boxes) at will.
    const findWord = () =>
      this.root.evaluate((root, w) => {
        const walker = document.createTreeWalker(
          root.querySelector(".view-lines") ?? root,
          NodeFilter.SHOW_TEXT,
        );
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(w) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + w.length);
          const r = range.getBoundingClientRect();
          if (r.width > 0) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        return null;
      }, word);
    await expect.poll(findWord, { message: `"${word}" on screen in the editor` }).not.toBeNull();
    // On a busy machine the two clicks can arrive as two single clicks: check, and try again.
    const selection = this.root.locator(".selected-text");
    for (let attempt = 0; attempt < 3; attempt++) {
      const point = await findWord();
      if (!point) throw new Error(`"${word}" is not on screen in the editor`);
      await this.page.mouse.dblclick(point.x, point.y);
      if (await selection.first().isVisible()) return;
      await this.page.waitForTimeout(200);
      if (await selection.first().isVisible()) return;
    }
    throw new Error(`double-clicking "${word}" did not select it`);
  }

  /** Puts the caret at the end of the editor line that contains `text`. */
  async caretAfterLine(text: string): Promise<void> {
    await this.root.locator(".view-line", { hasText: text }).first().click();
    await this.page.keyboard.press("End");
  }

  /** The editor's text was read and is in the store (as typed, or exactly as the controls would print it). */
  async expectApplied(): Promise<void> {
    await expect(this.root).toHaveAttribute("data-state", /^(applied|synced)$/);
  }

  /** The editor's state after reading the text: `synced`, `pending`, `applied` or `invalid`. */
  async expectState(state: EditorState): Promise<void> {
    await expect(this.root).toHaveAttribute("data-state", state);
  }
}
