/**
 * Journey 5: someone opens a damaged, future or hand-edited link. The page
 * still opens, says what was wrong, keeps what it could, and logs no errors.
 */
import { expect, test, TRACE } from "./support/fixtures";
import { shareLink } from "./support/share-link";

test.use(TRACE);

const DEFAULT_COLOR = "hsl(0 0% 9%)";

test.afterEach(async ({ pageErrors }) => {
  expect(pageErrors).toEqual([]);
});

test("a link that is not a share link at all: defaults and a notice", async ({
  playground,
  page,
}) => {
  await playground.open("/?s=garbage");
  await expect(page.getByRole("heading", { level: 1, name: "Identity Playground" })).toBeVisible();
  await expect(playground.linkNotice).toContainText("This link could not be opened as it was.");
  await expect(playground.linkNotice).toContainText("does not start with a format version");
  await playground.controls.expectModel("anonymous");
  await playground.preview.expectScreen("chat");
});

test("a link from a newer version: defaults, and the notice says to reload", async ({
  playground,
}) => {
  await playground.open("/?s=9.abc");
  await expect(playground.linkNotice).toContainText("made by a newer version of the playground");
  await expect(playground.linkNotice).toContainText("link format 9");
  await playground.controls.expectModel("anonymous");
});

test("a link cut short when copied: defaults and a notice", async ({ playground }) => {
  const full = shareLink({ m: "collect", t: "wt_cut", x: ["Company", "Order #"] });
  await playground.open(full.slice(0, full.length - 12));
  await expect(playground.linkNotice).toContainText("damaged");
  await playground.controls.expectModel("anonymous");
});

test("one bad field is dropped by name and the rest of the link is kept", async ({
  playground,
}) => {
  await playground.open(
    shareLink({ m: "collect", t: "wt_kept", x: ["Company"], pc: "not-a-colour" }),
  );
  await expect(playground.linkNotice).toContainText('primary colour "not-a-colour"');
  await expect(playground.linkNotice.getByRole("listitem")).toHaveCount(1);

  await playground.controls.expectModel("collect");
  await expect(playground.controls.option("identity", "widgetToken")).toHaveValue("wt_kept");
  await expect(playground.controls.option("appearance", "primaryColor")).toHaveValue(DEFAULT_COLOR);
  await playground.controls.expectExtraFields(["Company"]);
  await playground.preview.expectScreen("welcome");
  await expect(playground.preview.welcomeInput("extra.0")).toHaveAttribute(
    "placeholder",
    "Company (Optional)",
  );

  // The notice can be dismissed.
  await playground.linkNotice.getByRole("button", { name: "Dismiss" }).click();
  await expect(playground.linkNotice).toHaveCount(0);
});

test("a secret written into a link by hand is refused, never loaded", async ({ playground }) => {
  await playground.open(
    shareLink({ m: "server", se: "jane@example.com", apiKey: "sk_live_fake_handmade" }),
  );
  await expect(playground.linkNotice).toContainText("secrets are never read from a share link");
  await playground.controls.expectModel("server");
  await expect(playground.controls.option("server", "serverEmail")).toHaveValue("jane@example.com");
  await expect(playground.controls.option("server", "apiKey")).toHaveValue("");
  expect(await playground.code.text("node", 0)).not.toContain("sk_live_fake_handmade");
});

test("unknown settings and a bad extra field are reported, the rest is kept", async ({
  playground,
}) => {
  await playground.open(shareLink({ m: "collect", x: ["Company", "email", 42], zz: 1 }));
  await playground.controls.expectModel("collect");
  await playground.controls.expectExtraFields(["Company"]);
  await expect(playground.linkNotice).toContainText('"zz"');
  await expect(playground.linkNotice).toContainText('"email"');
  await expect(playground.linkNotice).toContainText("42");
});
