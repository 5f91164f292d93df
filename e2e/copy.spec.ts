/**
 * Journey 3: a developer copies a snippet. What lands on the clipboard is
 * exactly what the block shows; the button and the page's live region say so.
 */
import { expect, test, TRACE } from "./support/fixtures";
import { defaultConfig } from "../lib/config/options";
import { shareQuery } from "../lib/url/codec";
import { reactInstall } from "./support/page/code";
import { shareLink } from "./support/share-link";

test.use(TRACE);

test("copying a code block puts exactly its text on the clipboard and announces it", async ({
  playground,
}) => {
  await playground.open(shareLink({ m: "collect", t: "wt_copy_test", x: ["Company"] }));
  const shown = await playground.code.text("html", 0);
  expect(shown).toContain("wt_copy_test");

  const button = playground.code.copyButton("html", 0);
  await expect(button).toHaveText("Copy");
  await button.click();

  await expect(button).toHaveText("Copied");
  await expect(button).toHaveAttribute("data-state", "copied");
  expect(await playground.readClipboard()).toBe(shown);
  // The button's name becomes "Copied <file>"; the page's one live region says the same.
  await expect(button).toHaveAccessibleName(/^Copied \S/);
  const name = await button.getAttribute("aria-label");
  await expect(playground.liveRegion).toHaveText(`${name} to the clipboard`);
  // The label goes back after a moment (the button's own 2 s timer).
  await expect(button).toHaveText("Copy", { timeout: 5_000 });
});

test("copying the install command and a server file", async ({ playground }) => {
  // A link made now (format 2): v5, the default.
  await playground.open(
    `/${shareQuery({ ...defaultConfig(), model: "server", serverEmail: "jane@example.com" })}`,
  );

  await playground.code.show("react");
  await playground.code.copyButton("react", "install").click();
  await expect(playground.code.copyButton("react", "install")).toHaveText("Copied");
  expect(await playground.readClipboard()).toBe(reactInstall("v5"));
  await expect(playground.liveRegion).toHaveText("Copied the install command to the clipboard");
  expect(reactInstall("v5")).toBe("npm install --save-exact @opencx/widget-react@5.0.0");

  const python = await playground.code.text("python", 0);
  await playground.code.copyButton("python", 0).click();
  await expect(playground.code.copyButton("python", 0)).toHaveText("Copied");
  expect(await playground.readClipboard()).toBe(python);
  // Python's indentation and blank lines survive the round trip.
  expect(python.split("\n").length).toBeGreaterThan(5);
});

test("a copy that the browser refuses says so instead of claiming success", async ({
  playground,
  page,
}) => {
  await playground.open();
  await playground.code.show("html");
  await page.evaluate(() => {
    Object.defineProperty(navigator.clipboard, "writeText", {
      configurable: true,
      value: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")),
    });
  });
  await playground.code.copyButton("html", 0).click();
  await expect(playground.code.copyButton("html", 0)).toHaveText("Copy failed");
  await expect(playground.liveRegion).toContainText("Could not copy");
});
