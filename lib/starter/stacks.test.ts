import { describe, expect, it } from "vitest";
import { SNIPPET_TARGETS } from "../snippets/types";
import { STARTER_FOLDERS, starterStackFor, starterZipName } from "./stacks";
import { STARTER_STACKS, starterFiles } from "./index";
import { defaultConfig } from "../config/options";
import { generateHtmlSnippet } from "../snippets/html-snippet";
import { generateNextjsSnippet } from "../snippets/nextjs-snippet";

describe("starterStackFor: the stack the download offers first", () => {
  it("offers Next.js for the Next.js tabs and the React tab", () => {
    expect(starterStackFor("nextjs")).toBe("nextjs");
    expect(starterStackFor("nextjs-route")).toBe("nextjs");
    expect(starterStackFor("react")).toBe("nextjs");
  });

  it("offers Express for the HTML tab and the Node and Express server tabs", () => {
    expect(starterStackFor("html")).toBe("express");
    expect(starterStackFor("node")).toBe("express");
    expect(starterStackFor("express")).toBe("express");
  });

  it("offers Next.js for a tab no starter holds, and when no tab is known", () => {
    for (const tab of ["vue", "nuxt", "svelte", "angular", "python", "go", "curl"] as const)
      expect(starterStackFor(tab)).toBe("nextjs");
    expect(starterStackFor(null)).toBe("nextjs");
    expect(starterStackFor(undefined)).toBe("nextjs");
  });

  it("offers a stack for every tab", () => {
    for (const tab of SNIPPET_TARGETS) expect(STARTER_STACKS).toContain(starterStackFor(tab));
  });

  it("offers the stack whose project holds the tab's code as it is", () => {
    const config = { ...defaultConfig(), model: "collect" as const };
    const holds = (stack: "nextjs" | "express", code: string) =>
      starterFiles(config, stack, { playgroundUrl: "https://p.example.test/" }).some((f) =>
        f.contents.includes(code),
      );
    const html = generateHtmlSnippet(config).files[0]!.code;
    const next = generateNextjsSnippet(config).files[0]!.code;
    expect(holds(starterStackFor("html"), html)).toBe(true);
    expect(holds(starterStackFor("nextjs"), next)).toBe(true);
  });
});

describe("starterZipName", () => {
  it("names the zip after the folder inside it", () => {
    for (const stack of STARTER_STACKS)
      expect(starterZipName(stack)).toBe(`${STARTER_FOLDERS[stack]}.zip`);
    expect(starterZipName("nextjs")).toBe("opencx-starter-nextjs.zip");
    expect(starterZipName("express")).toBe("opencx-starter-express.zip");
  });
});
