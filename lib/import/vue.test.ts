/**
 * Import of Vue single-file components and Nuxt plugins: the kind of text is recognised, the
 * options are read from the script blocks (parsed by the same Babel reader as an HTML page's
 * inline scripts; the template is not read), the embed pin gives the version, and places in the
 * text point into the component as pasted. The round trip over generated snippets is in
 * round-trip.test.ts.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { generateSnippet } from "../snippets";
import { importSnippet } from "./index";

const base = (): PlaygroundConfig => ({ ...defaultConfig(), orgName: "Kept Org" });

describe("Vue components", () => {
  it("reads a hand-written component: <script setup>, the embed pinned, options inline", () => {
    const text = `<template>
  <div id="app"><RouterView /></div>
</template>

<script setup lang="ts">
import { onMounted } from 'vue';

onMounted(() => {
  const script = document.createElement('script');
  script.src = 'https://unpkg.com/@opencx/widget@4.0.63/dist-embed/script.js';
  script.onload = () => {
    initOpenScript({ token: 'wt_vue_1', collectUserData: true, extraDataCollectionFields: ['Plan'] });
  };
  document.head.append(script);
});
</script>
`;
    const result = importSnippet(text, base());
    expect(result.ok).toBe(true);
    expect(result.kind).toBe("vue");
    expect(result.version).toEqual({ snippet: "v4", pin: "4.0.63", applied: "v4" });
    expect(result.config).toMatchObject({
      model: "collect",
      widgetToken: "wt_vue_1",
      extraFields: ["Plan"],
      orgName: "Kept Org",
    });
    expect(result.problems).toEqual([]);
  });

  it("reads the generated component's two script blocks, and nothing from the template", () => {
    const config = { ...defaultConfig(), widgetToken: "wt_generated", userEmail: "a@b.example" };
    const code = generateSnippet("vue", { ...config, model: "browser" }).files[0]!.code;
    const withTemplate = code.replace(
      "<template>\n",
      "<template>\n  <p>{{ { token: 'wt_in_the_template' } }}</p>\n",
    );
    const result = importSnippet(withTemplate, base());
    expect(result.kind).toBe("vue");
    expect(result.config.widgetToken).toBe("wt_generated");
    expect(result.config.userEmail).toBe("a@b.example");
  });

  it("points a syntax error in <script setup> at its place in the component", () => {
    const text = `<script setup lang="ts">\nconst options = { token: 'wt_1', };;\nwindow.initOpenScript(options;\n</script>\n`;
    const result = importSnippet(text, base());
    expect(result.ok).toBe(false);
    expect(result.kind).toBe("vue");
    const range = result.problems[0]!.range!;
    expect(text.slice(range.start, range.end)).toBe(";");
    expect(text.slice(0, range.start)).toContain("window.initOpenScript(options");
  });

  it("says when the component loads the embed without a version", () => {
    const text = `<script setup>
import { onMounted } from 'vue';
onMounted(() => window.initOpenScript({ token: 'wt_unpinned' }));
</script>`;
    const result = importSnippet(text, base());
    expect(result.kind).toBe("vue");
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("no script URL names an `@opencx/widget` version"),
    ]);
  });

  it("an HTML page with a <template> element stays an HTML page", () => {
    const text = `<!doctype html>
<html><body>
<template><p>hi</p></template>
<script src="https://unpkg.com/@opencx/widget@5.0.0/dist-embed/script.js"></script>
<script>window.initOpenScript({ token: 'wt_page' });</script>
</body></html>`;
    expect(importSnippet(text, base()).kind).toBe("html");
    expect(importSnippet(`<script>initOpenScript({ token: 'wt_x' });</script>`, base()).kind).toBe(
      "html",
    );
  });
});

describe("Nuxt plugins", () => {
  it("recognises the plugin and reads its options; its server route is server code", () => {
    const config = {
      ...defaultConfig(),
      widgetToken: "wt_nuxt",
      model: "server" as const,
      serverEmail: "jane@example.com",
    };
    const [plugin, route] = generateSnippet("nuxt", config).files;
    const read = importSnippet(plugin!.code, base());
    expect(read.kind).toBe("nuxt");
    expect(read.version.snippet).toBe("v5");
    expect(read.config).toMatchObject({ model: "server", widgetToken: "wt_nuxt" });
    expect(read.problems).toEqual([]);
    const body = importSnippet(route!.code, base());
    expect(body.kind).toBe("script");
    // The route sends the signed-in user's email (a variable): the import keeps the
    // playground's own sample email and says why.
    expect(body.config.serverEmail).toBe(base().serverEmail);
    expect(JSON.stringify(body.problems)).toContain("body.email");
  });
});
