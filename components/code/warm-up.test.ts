import { describe, expect, it } from "vitest";
import { defaultConfig } from "@/lib/config/options";
import { WARM_LANGUAGES } from "@/lib/highlight/warm";
import { LANGUAGE_GRAMMARS } from "@/lib/highlight/languages";
import { generateSnippets } from "@/lib/snippets";
import type { SnippetLanguage } from "@/lib/snippets/types";
import { warmUpPlan } from "./warm-up";

const verified = { ...defaultConfig(), model: "server" as const, serverEmail: "jane@example.com" };

describe("warming the highlighter when the page is idle", () => {
  it("never warms a grammar outside the warm list, even with every server tab offered", () => {
    const snippets = generateSnippets(verified);
    const used = new Set(snippets.flatMap((s) => s.files.map((f) => f.language)));
    // The verified model's snippets do use languages that must wait for their tab.
    const lazy = [...used].filter((l) => !WARM_LANGUAGES.includes(l));
    expect(lazy).toEqual(expect.arrayContaining(["php", "ruby", "go", "java"]));
    const plan = warmUpPlan(snippets);
    const warmed = [...plan.samples.map((s) => s.language), ...plan.preload];
    for (const language of lazy) expect(warmed).not.toContain(language);
    // Every warm grammar is warmed once: a sample where a snippet uses it, else a preload.
    expect([...warmed].sort()).toEqual([...WARM_LANGUAGES].sort());
  });

  it("samples real code of the first snippet that uses each warm language", () => {
    const snippets = generateSnippets(defaultConfig());
    const plan = warmUpPlan(snippets);
    const html = snippets[0]?.files[0];
    expect(html?.language).toBe("html");
    expect(plan.samples[0]).toEqual({ language: "html", code: html?.code });
    expect(plan.preload).not.toContain("html");
  });

  it("leaves out the grammars added for the new targets (vue, svelte, php, ruby, go, java)", () => {
    const lazy = (Object.keys(LANGUAGE_GRAMMARS) as SnippetLanguage[]).filter(
      (l) => !WARM_LANGUAGES.includes(l),
    );
    expect(lazy.sort()).toEqual(["go", "java", "php", "ruby", "svelte", "vue"]);
  });
});
