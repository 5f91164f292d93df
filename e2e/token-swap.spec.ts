/**
 * The token inspector speaks v5 (issue 15, item 6): it reads the widget identity of real
 * sandbox tokens (the backend envelope), and a second box says whether swapping one token for
 * the other on a mounted v5 widget is a renewal (session kept) or a reset, and why.
 * The tokens come from the demo backend, as the verified preview gets them.
 */
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test, TRACE } from "./support/fixtures";
import type { PlaygroundPage } from "./support/playground-page";

test.use(TRACE);

async function mint(
  request: APIRequestContext,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await request.post("/api/demo-backend/contact-token", { data: body, headers });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

async function openInspector(page: Page, playground: PlaygroundPage) {
  await playground.open();
  await playground.reveal("controls");
  await page.getByTestId("tokens.section").locator("summary").click();
}

test("a re-minted token for the same user is a renewal; another user's is a reset", async ({
  playground,
  page,
  request,
}) => {
  const grant = { server_ids: ["github", "crm"], account_id: "acct_1" };
  const first = await mint(request, { email: "jane@example.com", mcp_access: grant });
  // The same grant with the servers in another order, minted with the sandbox-only demo lifetime.
  const renewed = await mint(
    request,
    { email: "jane@example.com", mcp_access: { ...grant, server_ids: ["crm", "github"] } },
    { "X-Sandbox-Token-Lifetime": "600" },
  );
  const john = await mint(request, { email: "john@example.com", mcp_access: grant });

  await openInspector(page, playground);
  await page.getByLabel("Paste any token").fill(first);
  const identity = page.getByTestId("tokens.identity");
  await expect(identity).toContainText("github, crm");
  await expect(identity).toContainText("acct_1");
  await expect(identity).toContainText("backend envelope");
  await expect(identity.getByTestId("tokens.identity.expiry")).toHaveText(
    /^expires in (59|60) min$/,
  );

  const replacement = page.getByLabel("Replacement token");
  const verdict = page.getByTestId("tokens.compare.result");
  await expect(verdict).toHaveAttribute("data-status", "waiting");
  await expect(verdict).toHaveAttribute("role", "status");

  await replacement.fill(renewed);
  await expect(verdict).toHaveAttribute("data-status", "renewal");
  await expect(verdict).toContainText("keeps the session and the conversation");
  await expect(page.getByTestId("tokens.compare.identity.expiry")).toHaveText(
    /^expires in (9|10) min$/,
  );

  await replacement.fill(john);
  await expect(verdict).toHaveAttribute("data-status", "reset");
  await expect(page.getByTestId("tokens.compare.why")).toContainText(
    "the contact (contact.id) differs",
  );

  // A chat-only token of the same user: another (empty) grant, so a reset naming it.
  const chatOnly = await mint(request, { email: "jane@example.com" });
  await replacement.fill(chatOnly);
  await expect(verdict).toHaveAttribute("data-status", "reset");
  await expect(page.getByTestId("tokens.compare.why")).toContainText("account_id");
  await expect(page.getByTestId("tokens.compare.identity.expiry")).toHaveText(
    "chat-only, non-expiring",
  );

  // The comparison section passes axe.
  const { violations } = await new AxeBuilder({ page })
    .include('[data-testid="tokens.compare"]')
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("an API key in the second box is named, never compared and never sent", async ({
  playground,
  page,
  request,
}) => {
  const token = await mint(request, { email: "jane@example.com" });
  await openInspector(page, playground);
  const sent: string[] = [];
  page.on("request", (r) => sent.push(`${r.url()} ${r.postData() ?? ""}`));
  await page.getByLabel("Paste any token").fill(token);
  await page.getByLabel("Replacement token").fill("sk_live_fake_abcdef123456");
  const verdict = page.getByTestId("tokens.compare.result");
  await expect(verdict).toHaveAttribute("data-status", "not-a-contact-token");
  await expect(verdict).toContainText("The second paste is not a contact token");
  await expect(verdict).not.toContainText("sk_live_fake_abcdef123456");
  // Keyboard: Shift+Tab from the box reaches its Clear button; Enter empties the box.
  await page.getByLabel("Replacement token").focus();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByTestId("tokens.compare.clear")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Replacement token")).toHaveValue("");
  await expect(verdict).toHaveAttribute("data-status", "waiting");
  expect(sent.filter((s) => s.includes("sk_live_fake"))).toEqual([]);
});
