/**
 * Import of code as people have it: the docs' example shapes (domain.md §10),
 * hand-written variants, mistakes the playground must name, and text that is
 * not code at all.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../config/arbitraries";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { parseConfig } from "../config/schema";
import { fakeJwt } from "../secrets/test-support/fake-keys";
import { generateSnippet } from "../snippets";
import { importSnippet, type ImportResult } from "./index";

const base = (): PlaygroundConfig => ({ ...defaultConfig(), orgName: "Kept Org" });

function at(text: string, result: ImportResult, path: string) {
  const problem = result.problems.find((p) => p.path === path);
  if (!problem) throw new Error(`no problem at ${path}: ${JSON.stringify(result.problems)}`);
  return {
    ...problem,
    text: problem.range ? text.slice(problem.range.start, problem.range.end) : null,
  };
}

describe("the docs' own snippet shapes (domain.md §10)", () => {
  it("HTML embed (§10.1): script tag + options + initOpenScript on DOMContentLoaded", () => {
    const text = `<script src="https://unpkg.com/@opencx/widget@latest/dist-embed/script.js"></script>
<script>
  const options = { token: '<WIDGET_TOKEN>' /* + identity options */ };
  window.addEventListener('DOMContentLoaded', () => { initOpenScript(options); });
</script>`;
    const result = importSnippet(text, base());
    expect(result.ok).toBe(true);
    expect(result.kind).toBe("html");
    expect(result.config.model).toBe("anonymous");
    expect(result.config.widgetToken).toBe(""); // the docs' placeholder is not a token
    const latest = at(text, result, "version");
    expect(latest.severity).toBe("warning");
    expect(latest.message).toMatch(/`@opencx\/widget@latest` is not a pin/);
    expect(latest.message).toContain("`@opencx/widget@5.0.0` (v5) or `@opencx/widget@4.0.63` (v4)");
    expect(latest.text).toContain("@latest");
    // No pin names a version: the playground's own is kept.
    expect(result.version).toEqual({ snippet: null, pin: null, applied: "v5" });
    expect(result.config.widgetVersion).toBe("v5");
  });

  it("React (§10.2): <Widget options={{ … }} /> inline", () => {
    const text = `import { Widget } from '@opencx/widget-react';
export default function App() {
  return <Widget options={{ token: 'wt_live_123', collectUserData: true, extraDataCollectionFields: ['Company', 'Order #',], }} />;
}`;
    const result = importSnippet(text, base());
    expect(result.kind).toBe("react");
    expect(result.config).toMatchObject({
      model: "collect",
      widgetToken: "wt_live_123",
      extraFields: ["Company", "Order #"],
    });
    // A component file says nothing about the version: named once, at its import.
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: "warning", path: "version" }),
    ]);
    expect(at(text, result, "version").text).toBe("import { Widget } from '@opencx/widget-react';");
  });

  it("collect delta (§10.5) with prefill", () => {
    const result = importSnippet(
      `{ token: "wt_1", collectUserData: true, prefillUserData: { name: "Jane", email: "jane@example.com" } }`,
      base(),
    );
    expect(result.kind).toBe("options");
    expect(result.config).toMatchObject({
      model: "collect",
      prefillName: "Jane",
      prefillEmail: "jane@example.com",
      extraFields: [],
    });
  });

  it("browser delta (§10.5): user.data with string customData", () => {
    const result = importSnippet(
      `const options = { token: 'wt_1', user: { data: { name: 'Jane', email: 'jane@example.com', avatarUrl: 'https://x.test/a.png', customData: { plan: 'pro' } }, externalId: 'ws_1' } };`,
      base(),
    );
    expect(result.config).toMatchObject({
      model: "browser",
      userName: "Jane",
      userEmail: "jane@example.com",
      userAvatarUrl: "https://x.test/a.png",
      userCustomData: [{ key: "plan", value: "pro" }],
      externalId: "ws_1",
    });
    expect(result.problems).toEqual([]);
  });

  it("verified front-end half (§10.4): user.token from a variable → the Verified model, nothing to report", () => {
    const result = importSnippet(
      `options = { token: '<WIDGET_TOKEN>', user: { token: userToken, externalId: 'acme' } }`,
      base(),
    );
    expect(result.config).toMatchObject({ model: "server", externalId: "acme", contactToken: "" });
    expect(result.problems).toEqual([]);
    expect(result.mapped).toContain("user.token");
  });

  it("the recipe's axios body (§10.4): custom_data is named, customData imported, server fields set", () => {
    const text = `// POST to open.cx
const res = await axios.post('https://api.open.cx/widget/authenticate-user', {
  email: 'jane@example.com',
  name: 'Jane',
  custom_data: { org_id: 'org_185938572649', vip: true },
});`;
    const result = importSnippet(text, base());
    expect(result.ok).toBe(true);
    expect(result.config).toMatchObject({
      model: "server",
      serverEmail: "jane@example.com",
      serverName: "Jane",
      serverCustomData: [
        { key: "org_id", value: "org_185938572649" },
        { key: "vip", value: true },
      ],
    });
    expect(at(text, result, "body.custom_data").message).toMatch(/customData/);
  });
});

describe("what people paste", () => {
  it("JSON with double quotes", () => {
    const result = importSnippet(
      `{"token": "wt_9", "language": "fr", "theme": {"primaryColor": "#2563eb"}}`,
      base(),
    );
    expect(result.config).toMatchObject({
      widgetToken: "wt_9",
      language: "fr",
      primaryColor: "#2563eb",
    });
  });

  it("an options object after a comment", () => {
    const result = importSnippet(
      `// from our site\n/* v4 */ { token: 'wt_9', collectUserData: true, }`,
      base(),
    );
    expect(result.kind).toBe("options");
    expect(result.config).toMatchObject({ model: "collect", widgetToken: "wt_9" });
  });

  it("single quotes, trailing commas, unquoted keys, comments, a TypeScript cast", () => {
    const result = importSnippet(
      `// my widget
const widgetOptions = {
  token: 'wt_9', // public
  /* identity */ collectUserData: true,
} as const satisfies Record<string, unknown>;
initOpenScript(widgetOptions);`,
      base(),
    );
    expect(result.config).toMatchObject({ model: "collect", widgetToken: "wt_9" });
    expect(result.problems).toEqual([]);
  });

  it("keeps what the text cannot say: org name, secrets, other models' values", () => {
    const start = {
      ...base(),
      apiKey: "sk_sandbox_kept",
      serverEmail: "kept@example.com",
      userName: "Kept",
    };
    const result = importSnippet(`{ token: 'wt_1', collectUserData: true }`, start);
    expect(result.config).toMatchObject({
      orgName: "Kept Org",
      apiKey: "sk_sandbox_kept",
      serverEmail: "kept@example.com",
      userName: "Kept",
    });
  });

  it("reports functions, variables, spreads and calls with their place in the text", () => {
    const text = `const options = {
  token: TOKEN,
  ...defaults,
  hooks: { onOpen() {} },
  user: { data: { email: session.user.email, name: getName() } },
};`;
    const result = importSnippet(text, { ...base(), userEmail: "sample@example.com" });
    expect(at(text, result, "token").text).toBe("TOKEN");
    expect(at(text, result, "").text).toBe("...defaults");
    expect(at(text, result, "hooks").message).toMatch(/callbacks/);
    const email = at(text, result, "user.data.email");
    expect(email.text).toBe("session.user.email");
    expect(email.message).toMatch(/sample value "sample@example.com"/);
    expect(at(text, result, "user.data.name").message).toMatch(/a call \(`getName\(\)`\)/);
    expect(result.config.model).toBe("browser");
    expect(result.config.userEmail).toBe("sample@example.com");
    expect(result.problems.every((p) => p.severity === "warning")).toBe(true);
  });

  it("suggests the option a typo meant", () => {
    const result = importSnippet(`{ token: 'x', collectUserdata: true, languge: 'fr' }`, base());
    expect(result.problems.map((p) => p.message).join(" ")).toMatch(
      /Did you mean `collectUserData`\?.*Did you mean `language`\?/,
    );
    expect(result.config.model).toBe("anonymous");
  });

  it("the last of a repeated key wins, and the repeat is reported", () => {
    const text = `{ token: 'a', token: 'b' }`;
    const result = importSnippet(text, base());
    expect(result.config.widgetToken).toBe("b");
    expect(at(text, result, "token").message).toMatch(/twice/);
  });
});

describe("mistakes the playground must name (domain.md §15)", () => {
  it("an org API key anywhere is refused, never imported, and called a secret", () => {
    const text = `{ token: 'sk_example_NOT_A_REAL_KEY', user: { data: { email: 'a@b.co', customData: { k: 'sk-fake-abcdefgh12' } } } }`;
    const result = importSnippet(text, base());
    expect(JSON.stringify(result.config)).not.toMatch(/sk[-_]/);
    expect(at(text, result, "token")).toMatchObject({ severity: "error" });
    expect(at(text, result, "token").message).toMatch(/API key.*rotate/);
    expect(at(text, result, "user.data.customData.k").severity).toBe("error");
  });

  it("the config's own API key pasted into an option is refused", () => {
    const result = importSnippet(`{ token: 'my-own-org-secret-123' }`, {
      ...base(),
      apiKey: "my-own-org-secret-123",
    });
    expect(result.config.widgetToken).toBe("");
    expect(result.problems[0]?.severity).toBe("error");
  });

  it("a JWT as the widget token is refused (it is a contact token)", () => {
    const jwt = fakeJwt({ alg: "HS256" }, { sub: "1" }, "signature");
    const result = importSnippet(`{ token: '${jwt}' }`, base());
    expect(result.config.widgetToken).toBe("");
    expect(JSON.stringify(result.config)).not.toContain(jwt);
    expect(result.problems[0]?.message).toMatch(/contact token/);
  });

  it("user.token holding the widget token is an error; a literal contact token is a warning and not imported", () => {
    const same = importSnippet(`{ token: 'wt_1', user: { token: 'wt_1' } }`, base());
    expect(same.problems.find((p) => p.path === "user.token")).toMatchObject({ severity: "error" });
    const literal = importSnippet(`{ token: 'wt_1', user: { token: 'abc.def' } }`, base());
    expect(literal.problems.find((p) => p.path === "user.token")?.message).toMatch(
      /every visitor would be this one user/,
    );
    expect(literal.config.contactToken).toBe("");
  });

  it("user.token and user.data together: token wins, data reported as an error", () => {
    const text = `{ token: 'wt_1', user: { token: t, data: { email: 'a@b.co' } } }`;
    const result = importSnippet(text, base());
    expect(result.config.model).toBe("server");
    expect(result.config.userEmail).toBe("");
    expect(at(text, result, "user.data").message).toMatch(/cannot be used together/);
  });

  it("prefill and extra fields without collectUserData are reported, not imported", () => {
    const result = importSnippet(
      `{ token: 'wt_1', prefillUserData: { name: 'Jane' }, extraDataCollectionFields: ['Company'] }`,
      base(),
    );
    expect(result.config).toMatchObject({ model: "anonymous", prefillName: "", extraFields: [] });
    expect(result.problems.map((p) => p.path)).toEqual([
      "prefillUserData",
      "extraDataCollectionFields",
    ]);
  });

  it("collectUserData next to a verified token or a browser email is reported as ignored", () => {
    expect(
      importSnippet(`{ token: 'a', collectUserData: true, user: { token: t } }`, base()).problems[0]
        ?.message,
    ).toMatch(/user.token.*always wins/);
    expect(
      importSnippet(
        `{ token: 'a', collectUserData: true, user: { data: { email: 'a@b.co' } } }`,
        base(),
      ).problems[0]?.message,
    ).toMatch(/skips the welcome form/);
  });

  it("browser customData must be strings (the widget's type); numbers are named with the fix", () => {
    const result = importSnippet(
      `{ token: 'a', user: { data: { customData: { seats: 25, plan: 'pro' } } } }`,
      base(),
    );
    expect(result.config.userCustomData).toEqual([{ key: "plan", value: "pro" }]);
    expect(result.problems[0]).toMatchObject({
      severity: "error",
      path: "user.data.customData.seats",
    });
    expect(result.problems[0]?.message).toContain("'25'");
  });

  it("wrong types, unknown languages, bad colours and reserved extra fields are errors", () => {
    const result = importSnippet(
      `{ token: 42, language: 'klingon', theme: { primaryColor: 'not-a-colour', palette: 'stone' }, collectUserData: 'yes', extraDataCollectionFields: ['Email', 'Company', 'company'] }`,
      base(),
    );
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.severity]));
    expect(byPath).toMatchObject({
      token: "error",
      language: "error",
      "theme.primaryColor": "error",
      "theme.palette": "warning",
      collectUserData: "error",
    });
    expect(result.config).toMatchObject({ widgetToken: "", language: "en", model: "anonymous" });
  });

  it("a too-long value is refused with its limit", () => {
    const result = importSnippet(`{ token: '${"x".repeat(300)}' }`, base());
    expect(result.problems[0]?.message).toMatch(/300 characters.*200/);
    expect(result.config.widgetToken).toBe("");
  });
});

describe("text that cannot be imported loses nothing", () => {
  it("a syntax error points at its place and keeps the config", () => {
    const start = { ...base(), widgetToken: "kept" };
    const text = `{ token: 'a', user: { data: { name: 'x' }`;
    const result = importSnippet(text, start);
    expect(result.ok).toBe(false);
    expect(result.config).toBe(start);
    expect(result.problems[0]?.message).toMatch(/^Syntax error/);
    expect(result.problems[0]?.range?.start).toBeGreaterThan(30);
  });

  it("code without widget options says what it expected", () => {
    const result = importSnippet(`console.log('hello')`, base());
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message).toMatch(/initOpenScript/);
  });

  it("options passed as a variable defined elsewhere are named", () => {
    const result = importSnippet(`initOpenScript(window.myOptions)`, base());
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message).toMatch(/window.myOptions/);
  });

  it("empty text", () => {
    expect(importSnippet("   ", base()).ok).toBe(false);
  });

  it("never throws and never returns an invalid config, for any text (2 000 random and mutated inputs)", () => {
    const seedSnippets = (["html", "react", "nextjs"] as const).map(
      (t) =>
        generateSnippet(t, { ...defaultConfig(), model: "browser", userEmail: "a@b.co" }).files[0]!
          .code,
    );
    const mutated = fc
      .tuple(fc.constantFrom(...seedSnippets), fc.nat(), fc.nat(), fc.string({ maxLength: 6 }))
      .map(([s, a, b, insert]) => {
        const i = a % s.length;
        const j = Math.min(s.length, i + (b % 12));
        return s.slice(0, i) + insert + s.slice(j);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), mutated), (text) => {
        const start = base();
        const result = importSnippet(text, start);
        expect(result.config.orgName).toBe("Kept Org");
        expect(parseConfig(result.config).success).toBe(true);
        if (!result.ok) expect(result.config).toBe(start);
        for (const p of result.problems) {
          if (p.range) {
            expect(p.range.start).toBeGreaterThanOrEqual(0);
            expect(p.range.end).toBeLessThanOrEqual(text.length);
          }
        }
      }),
      { numRuns: propertyRuns(2000) },
    );
  });
});

describe("Svelte components", () => {
  it("a hand-written Svelte 5 component: its scripts are read, its markup is not", () => {
    const text = `<script lang="ts">
  import { onMount } from 'svelte';
  let { user } = $props();
  onMount(() => {
    const script = document.createElement('script');
    script.src = 'https://unpkg.com/@opencx/widget@4.0.63/dist-embed/script.js';
    script.onload = () => initOpenScript({ token: 'wt_svelte_1', collectUserData: true });
    document.head.append(script);
  });
</script>

{#if user}<p>{user.name}</p>{/if}`;
    const result = importSnippet(text, base());
    expect(result.ok).toBe(true);
    expect(result.kind).toBe("svelte");
    expect(result.config).toMatchObject({
      model: "collect",
      widgetToken: "wt_svelte_1",
      widgetVersion: "v4",
    });
    expect(result.version).toEqual({ snippet: "v4", pin: "4.0.63", applied: "v4" });
    expect(result.problems).toEqual([]);
  });

  it("recognises a Svelte file by its own syntax, whichever comes first", () => {
    const call = "initOpenScript({ token: 'wt_1' });";
    for (const text of [
      `<svelte:options runes />\n<script>\n  ${call}\n</script>`,
      `<script context="module">\n  ${call}\n</script>`,
      `<script module>\n  ${call}\n</script>`,
      `<script lang="ts">\n  ${call}\n</script>`,
      `<script>\n  import { onMount } from "svelte";\n  onMount(() => ${call.slice(0, -1)});\n</script>`,
      `<script>\n  ${call}\n</script>\n{@render children()}`,
      `<script>\n  ${call}\n</script>\n{#each items as item}{item}{/each}`,
    ]) {
      const result = importSnippet(text, base());
      expect(result.kind, text).toBe("svelte");
      expect(result.config.widgetToken, text).toBe("wt_1");
    }
    // An HTML page is still one, and a `{` in its text is not a Svelte block.
    const page = `<script>\n  ${call}\n</script>\n<p>{ not svelte }</p>`;
    expect(importSnippet(page, base()).kind).toBe("html");
  });

  it("a SvelteKit layout holds no options: the message says which file to paste", () => {
    const layout = generateSnippet("sveltekit", base()).files.find((f) =>
      f.path.endsWith("+layout.svelte"),
    )!;
    const result = importSnippet(layout.code, base());
    expect(result.ok).toBe(false);
    expect(result.kind).toBe("svelte");
    expect(result.problems).toEqual([
      {
        severity: "error",
        path: "",
        message:
          "No widget options found in this Svelte file: paste the component that calls initOpenScript(options) (OpenCxWidget.svelte), not the layout that renders it.",
        range: null,
      },
    ]);
  });

  it("a component whose embed names no version is told to pin it, as an HTML page is", () => {
    const text = `<script lang="ts">\n  const options = { token: 'wt_1' };\n  initOpenScript(options);\n</script>`;
    const result = importSnippet(text, base());
    expect(result.kind).toBe("svelte");
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^The page calls initOpenScript, but no script URL names an `@opencx\/widget` version/,
      ),
    ]);
  });
});
