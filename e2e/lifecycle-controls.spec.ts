/**
 * Journey: the lifecycle card ("Sign-out and renewal (your page)"). It sits after the features
 * card, draws only the switches the chosen widget version has, is worked from the keyboard, says
 * what each switch now shows through the live region, and the advisory that names the fix appears
 * beside the switch. (What the preview plays is the timeline's journey, not checked here.)
 */
import { axe, violations } from "./support/axe";
import { expect, test, TRACE } from "./support/fixtures";
import { decodeShareLink, shareLink } from "./support/share-link";

test.use(TRACE);

test.afterEach(async ({ pageErrors }) => {
  expect(pageErrors).toEqual([]);
});

test("the card follows the version: v5 keeps mounted, v4 remounts; a switch is toggled from the keyboard, announced, advised on and shared", async ({
  playground,
  page,
}) => {
  await playground.open(shareLink({ m: "browser", ue: "jane@example.com" }));
  await playground.reveal("controls");
  const card = page.getByTestId("controls.lifecycle");
  await expect(
    card.getByRole("heading", { name: "Sign-out and renewal (your page)" }),
  ).toBeVisible();
  await expect(card).toContainText(
    "The snippets always include the right sign-out and renewal code.",
  );
  // After the features card, before appearance.
  const order = await page
    .locator(
      '[data-testid="controls.features"], [data-testid="controls.lifecycle"], [data-testid="controls.appearance"]',
    )
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-testid")));
  expect(order).toEqual(["controls.features", "controls.lifecycle", "controls.appearance"]);

  // v5, browser: one switch; v4's remount is not drawn.
  const signOut = playground.controls.option("lifecycle", "signOutClearsKeys");
  const remount = playground.controls.option("lifecycle", "remountOnIdentityChange");
  await expect(card.getByRole("checkbox")).toHaveCount(1);
  await expect(remount).toHaveCount(0);
  await expect(signOut).toBeChecked();
  await expect(signOut).toHaveAccessibleName("Sign-out clears the widget's keys");
  await expect(signOut).toHaveAccessibleDescription(/every opencx-widget:org-token-<TOKEN>: key/);

  await playground.tabTo(signOut);
  await page.keyboard.press("Space");
  await expect(signOut).not.toBeChecked();
  await expect(playground.liveRegion).toContainText(
    "Sign-out clears the widget's keys: off. The preview shows what the next person on this browser sees.",
  );
  const leak = playground.controls.advisory("sign-out-keeps-keys");
  await expect(leak).toHaveAttribute("data-severity", "warning");
  await expect(leak).toContainText(
    "the next person on this browser sees the previous user's conversations",
  );
  await expect(card.getByTestId("advisory.sign-out-keeps-keys")).toBeVisible();
  await expect.poll(() => decodeShareLink(page.url())).toMatchObject({ sk: false });

  // v4: the remount switch appears, v4's keys are named; off, its advisory says reload or remount.
  await playground.header.chooseVersion("v4");
  await expect(card).toContainText("Widget v4 reads its options once per mount");
  await expect(remount).toBeChecked();
  await expect(signOut).toHaveAccessibleDescription(/two keys/);
  await expect(page.getByTestId("version-note.remountOnIdentityChange")).toHaveCount(0);
  await playground.tabTo(remount);
  await page.keyboard.press("Space");
  await expect(playground.liveRegion).toContainText(
    "Remount on identity change: off. The v4 widget keeps the previous contact after a sign-in, sign-out or switch.",
  );
  await expect(playground.controls.advisory("remount-missing-v4")).toContainText(
    "Reload the page, or remount the widget with a new React key",
  );

  // Back to v5: the remount switch and its advisory go; the value stays in the link for v4.
  await playground.header.chooseVersion("v5");
  await expect(remount).toHaveCount(0);
  await expect(playground.controls.advisory("remount-missing-v4")).toHaveCount(0);
  await expect.poll(() => decodeShareLink(page.url())).toMatchObject({ sk: false, rm: false });
});

test("v5 verified with personal connections: keep mounted and renewal, a missed renewal is an error", async ({
  playground,
  page,
}) => {
  await playground.open(
    shareLink({ m: "server", se: "jane@example.com", mp: true, st: true, cc: true }),
  );
  await playground.reveal("controls");
  const card = page.getByTestId("controls.lifecycle");
  await expect(card.getByRole("checkbox")).toHaveCount(3);
  const renews = playground.controls.option("lifecycle", "renewsToken");
  await renews.uncheck();
  await expect(playground.liveRegion).toContainText(
    "After one hour the token expires and the next request fails with 401.",
  );
  await expect(playground.controls.advisory("mcp-access-without-renewal")).toHaveAttribute(
    "data-severity",
    "error",
  );
  await playground.controls.option("lifecycle", "keepMounted").uncheck();
  await expect(playground.controls.advisory("renewal-keyed-by-token")).toContainText(
    "Never key it by the token.",
  );
  // Personal connections off: the renewal switch goes with its advisory (chat-only tokens never expire).
  await playground.controls.personalConnections(false);
  await expect(renews).toHaveCount(0);
  await expect(playground.controls.advisory("mcp-access-without-renewal")).toHaveCount(0);

  // v4 has neither switch.
  await playground.header.chooseVersion("v4");
  await expect(card.getByRole("checkbox")).toHaveCount(2);
  await expect(playground.controls.option("lifecycle", "keepMounted")).toHaveCount(0);
  await expect(playground.controls.advisory("renewal-keyed-by-token")).toHaveCount(0);
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds nothing in the lifecycle card with its advisories (${theme})`, async ({
    playground,
  }) => {
    await playground.open(
      shareLink({
        m: "server",
        se: "jane@example.com",
        mp: true,
        st: true,
        cc: true,
        sk: false,
        km: false,
        rn: false,
      }),
    );
    await playground.header.setTheme(theme);
    await playground.reveal("controls");
    expect(
      await violations(axe(playground.page).include('[data-testid="controls.lifecycle"]')),
    ).toEqual([]);
  });
}
