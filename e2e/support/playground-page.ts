/**
 * The playground page as a user sees it, region by region: intents such as
 * `playground.controls.chooseModel("server")`, `playground.code.text("html")` or
 * `playground.preview.expectScreen("chat")` over the page's test ids. Specs talk
 * to these objects, never to raw selectors, so a markup change is fixed once, in
 * the region's file under `page/`. Panes, the keyboard, the clipboard and the
 * page's notices are on the page itself (`playground.reveal("code")`).
 */
import { Code } from "./page/code";
import { Controls } from "./page/controls";
import { OptionsEditor } from "./page/editor";
import { Header } from "./page/header";
import { PlaygroundLayout } from "./page/layout";
import { Preview } from "./page/preview";

export class PlaygroundPage extends PlaygroundLayout {
  readonly header = new Header(this);
  readonly controls = new Controls(this);
  readonly preview = new Preview(this);
  readonly code = new Code(this);
  readonly editor = new OptionsEditor(this);

  /** Opens the playground (optionally a share link) and waits until both documents are live. */
  async open(path = "/"): Promise<void> {
    await this.page.goto(path);
    await this.preview.waitUntilLive();
  }
}
