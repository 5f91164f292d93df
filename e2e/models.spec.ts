/**
 * Journey 1: a developer tries each identity model and sees what the widget
 * would show first, and how the snippets change (domain.md §3.2, §4, §5, §15).
 */
import { defaultConfig, type PlaygroundConfig } from "../lib/config/options";
import { shareQuery } from "../lib/url/codec";
import { expect, test, TRACE } from "./support/fixtures";
import {
  CLIENT_TARGETS,
  embedScriptTag,
  reactInstall,
  SERVER_TARGETS,
  WIDGET_PINS,
} from "./support/page/code";
import { legacyShareLink } from "./support/share-link";

/** A link made now (format 2) for `over` on top of the defaults. */
const linkFor = (over: Partial<PlaygroundConfig>) =>
  `/${shareQuery({ ...defaultConfig(), ...over })}`;

test.use(TRACE);

test.beforeEach(async ({ playground }) => {
  await playground.open();
});

test("anonymous: the widget opens on the chat; the snippets carry only the token", async ({
  playground,
}) => {
  await playground.controls.expectModel("anonymous");
  await playground.reveal("preview");
  await playground.preview.expectScreen("chat");
  await expect(playground.preview.welcome()).toHaveCount(0);
  await expect(playground.preview.chatMessages("bot").first()).toHaveText(
    "Hello, how can I help you?",
  );
  await expect(playground.controls.trustKind).toHaveText("Anonymous");

  // v5 by default: the pane says so, and the deferred 5.0.0 embed calls window.initOpenScript.
  await playground.reveal("code");
  await expect(playground.code.version).toHaveText(`Widget v5 · pinned @${WIDGET_PINS.v5}`);
  const html = await playground.code.text("html", 0);
  expect(html).toContain(embedScriptTag("v5"));
  expect(html).toContain("window.initOpenScript(options)");
  expect(html).toContain("token: 'YOUR_WIDGET_TOKEN'");
  expect(html).not.toContain("collectUserData");
  expect(html).not.toContain("user:");
  expect(await playground.code.targets()).toEqual([...CLIENT_TARGETS]);

  // The React tab: the pinned install command, then the component.
  expect(await playground.code.text("react", "install")).toBe(reactInstall("v5"));
  const react = await playground.code.text("react", 0);
  expect(react).toContain("import { Widget } from '@opencx/widget-react';");
  expect(react).toContain("errorComponent={renderWidgetError}");
});

test("collect: the welcome screen with its exact strings; collectUserData: true in the snippet", async ({
  playground,
}) => {
  await playground.controls.chooseModel("collect");
  await playground.reveal("preview");
  await playground.preview.expectScreen("welcome");
  const welcome = playground.preview.welcome();
  await expect(welcome.getByRole("heading", { level: 1 })).toHaveText(
    "Welcome to our support chat",
  );
  await expect(welcome).toContainText(
    "We're here to help! Start a conversation and we'll get back to you as soon as possible.",
  );
  await expect(playground.preview.welcomeInput("name")).toHaveAttribute("placeholder", "Your name");
  await expect(playground.preview.welcomeInput("email")).toHaveAttribute(
    "placeholder",
    "Your email address",
  );
  await expect(playground.preview.welcomeInput("email")).toHaveAttribute("type", "email");
  await expect(playground.preview.welcomeInput("submit")).toHaveText("Talk to support");
  await expect(welcome.getByRole("link", { name: /powered by/i })).toHaveAttribute(
    "href",
    /^https:\/\/open\.cx\/\?ref=/,
  );
  await expect(playground.controls.trustKind).toHaveText("Non-verified");

  expect(await playground.code.text("html", 0)).toContain("collectUserData: true");
  expect(await playground.code.text("react", "install")).toBe(reactInstall("v5"));
  expect(await playground.code.targets()).toEqual([...CLIENT_TARGETS]);
});

test("browser: with an email and collectUserData no welcome screen; without the email the form runs", async ({
  playground,
}) => {
  await playground.controls.chooseModel("browser");
  await playground.controls.setOption("browser", "userEmail", "jane@example.com");
  await playground.controls.alsoCollect("browser");
  await expect(playground.controls.option("browser", "collectUserData")).toBeChecked();

  // The email wins over collectUserData (domain.md §5.4): straight to the chat.
  await playground.reveal("preview");
  await playground.preview.expectScreen("chat");
  await expect(playground.preview.welcome()).toHaveCount(0);
  await expect(playground.preview.chatMessages("bot").first()).toHaveText(
    "Hello, how can I help you?",
  );
  await expect(playground.controls.advisory("collect-overridden-by-browser-email")).toBeVisible();
  await expect(playground.controls.trustKind).toHaveText("Non-verified");
  let html = await playground.code.text("html", 0);
  expect(html).toContain("email: 'jane@example.com'");
  expect(html).not.toContain("collectUserData");
  expect(await playground.code.targets()).toEqual([...CLIENT_TARGETS]);

  // Without the email, collectUserData applies (domain.md §5.5) ...
  await playground.controls.setOption("browser", "userEmail", "");
  await playground.controls.setOption("browser", "userName", "Jane Doe");
  await expect(playground.page.getByTestId("trust.form")).toHaveText(
    "First visit on each browser only",
  );
  html = await playground.code.text("html", 0);
  expect(html).toContain("collectUserData: true");
  // ... but the load before saved a contact token, which collected contacts share, so this
  // browser skips the form (domain.md §3.3); a browser with no saved token gets it.
  await playground.preview.expectScreen("chat");
  await playground.preview.clearSiteData();
  await playground.preview.expectScreen("welcome");
  // user.data.name never prefills the form.
  await expect(playground.preview.welcomeInput("name")).toHaveValue("");
});

test("verified with a server email: chat, no welcome, and server tabs only while verified", async ({
  playground,
}) => {
  await playground.controls.chooseModel("server");
  await playground.controls.setOption("server", "serverEmail", "jane@example.com");
  await playground.controls.alsoCollect("server");

  // A verified token always wins over collectUserData (domain.md §5.3).
  await playground.reveal("preview");
  await playground.preview.expectScreen("chat");
  await expect(playground.preview.welcome()).toHaveCount(0);
  await expect(playground.controls.trustKind).toHaveText("Verified");
  await expect(playground.controls.advisory("collect-overridden-by-verified-token")).toBeVisible();

  expect(await playground.code.targets()).toEqual([...CLIENT_TARGETS, ...SERVER_TARGETS]);
  await playground.reveal("code");
  for (const target of SERVER_TARGETS) await expect(playground.code.tab(target)).toBeVisible();
  const html = await playground.code.text("html", 0);
  expect(html).not.toContain("collectUserData");
  expect(html).toMatch(/user:\s*\{/);
  // v5: the React widget stays mounted for a new token; it is never keyed by it.
  const react = await playground.code.text("react", 0);
  expect(react).toContain("<Widget options={options} errorComponent={renderWidgetError} />");
  expect(react).not.toContain("key={");
  const curl = await playground.code.text("curl", 0);
  expect(curl).toContain("/widget/authenticate-user");
  expect(curl).toContain("Authorization: Bearer ${OPENCX_API_KEY}");
  expect(curl).toContain('"email": "jane@example.com"');

  // Back to anonymous: the server tabs go, and the panel settles on a tab that still exists.
  await playground.controls.chooseModel("anonymous");
  await expect(playground.page.locator('[data-testid^="code.tab."]')).toHaveCount(
    CLIENT_TARGETS.length,
  );
  await expect(playground.code.tab("html")).toHaveAttribute("aria-selected", "true");
  await playground.reveal("code");
  await expect(playground.code.block("html", 0)).toBeVisible();
});

test("v5 personal connections: the server sends mcp_access and the page renews the token in place", async ({
  playground,
}) => {
  await playground.open(
    linkFor({
      model: "server",
      serverEmail: "jane@example.com",
      personalConnections: true,
      mcpServerScope: "listed",
      mcpServerIds: ["github"],
      streaming: true,
      capabilitiesConnections: true,
    }),
  );
  await playground.reveal("code");
  await expect(playground.code.version).toHaveText(`Widget v5 · pinned @${WIDGET_PINS.v5}`);
  const node = await playground.code.text("node", 0);
  expect(node).toMatch(/mcp_access: \{\s*server_ids: \['github'\]/);
  expect(node).toContain("never from the browser");
  const html = await playground.code.text("html", 0);
  expect(html).toContain("streaming: true");
  expect(html).toContain("capabilities: { connections: true }");
  expect(html).toContain("'visibilitychange'");
  expect(html).toContain("keepOpenCxTokenFresh(contactToken, showOpenCxWidget)");
  const react = await playground.code.text("react", 0);
  expect(react).toContain("setContactToken(token)");
  expect(react).not.toContain("key={");
});

test("a link made before v5 opens as v4: the pane and every snippet say v4, pinned 4.0.63", async ({
  playground,
}) => {
  // Format 1: what the playground made before v5.
  await playground.open(legacyShareLink({ m: "server", se: "jane@example.com" }));
  await playground.reveal("code");
  await expect(playground.code.version).toHaveText(`Widget v4 · pinned @${WIDGET_PINS.v4}`);
  const html = await playground.code.text("html", 0);
  expect(html).toContain(embedScriptTag("v4"));
  expect(html).not.toContain("defer");
  expect(html).not.toContain("window.initOpenScript");
  expect(await playground.code.text("react", "install")).toBe(reactInstall("v4"));
  const react = await playground.code.text("react", 0);
  expect(react).toContain("<SupportWidget key={userId} />");
  expect(react).toContain("<Widget options={options} />");
  expect(react).not.toContain("errorComponent");
  for (const text of Object.values(await playground.code.allSnippets())) {
    expect(text).not.toMatch(/streaming|capabilities|mcp_access|@latest|5\.0\.0/);
  }
});
