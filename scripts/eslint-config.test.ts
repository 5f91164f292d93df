/**
 * The import fences of eslint.config.mjs, run through ESLint's Node API on in-memory files:
 * - the replica's: it fires on every way of reaching the store or the playground from
 *   components/preview (outside host/), and stays quiet for the host and for allowed imports;
 * - the e2e suite's: a spec takes `test` from the suite's fixtures, never from Playwright.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsOf(rule: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

const fenceErrors = (filePath: string, code: string) =>
  errorsOf("local/no-imports-from", filePath, code);

const REPLICA = "components/preview/widget-replica/x.tsx";

/** Each reaches a forbidden folder or package from REPLICA. */
const FORBIDDEN = [
  'import { createPlaygroundStore } from "@/lib/state/store";',
  'import { usePlayground } from "@/components/state/store-provider";',
  'import { Header } from "@/components/playground/header";',
  'import { ControlsPanel } from "@/components/controls/controls-panel";',
  'import type { CodePane } from "@/components/code/code-pane";',
  'import { create } from "zustand";',
  'export { createStore } from "zustand/vanilla";',
  'import { usePlayground } from "../../state/store-provider";',
  'import { createPlaygroundStore } from "../../../lib/state/store";',
  'export * from "../../controls/field";',
  'const pane = () => import("@/components/code/code-pane");',
  "const header = () => import(`../../playground/header`);",
];

describe("the replica's import fence", () => {
  it.each(FORBIDDEN)("forbids %s in the replica", async (line) => {
    const errors = await fenceErrors(REPLICA, `${line}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/must not import the store or the playground/);
  });

  it("covers every file of components/preview outside host/, at any depth", async () => {
    const line = 'import { usePlayground } from "@/components/state/store-provider";\n';
    for (const file of [
      "components/preview/preview-document.tsx",
      "components/preview/use-small-screen.ts",
      "components/preview/widget-replica/deep/y.tsx",
    ])
      expect(await fenceErrors(file, line), file).toHaveLength(1);
    // From components/preview/x.tsx, one `../` fewer reaches the same room.
    expect(
      await fenceErrors("components/preview/x.tsx", 'import "../state/store-provider";\n'),
    ).toHaveLength(1);
  });

  it("lets the host reach the store", async () => {
    const code = FORBIDDEN.join("\n") + "\n";
    expect(await fenceErrors("components/preview/host/preview-pane.tsx", code)).toEqual([]);
  });

  it("allows the core, the replica's own files and look-alike names", async () => {
    const code = [
      'import type { PlaygroundConfig } from "@/lib/config/options";',
      'import { parsePreviewMessage } from "@/lib/preview/messages";',
      'import { cx } from "./ui";',
      'import { useSmallScreen } from "../use-small-screen";',
      'import { x } from "@/lib/statements";',
      'import { y } from "zustand-like";',
    ].join("\n");
    expect(await fenceErrors(REPLICA, `${code}\n`)).toEqual([]);
  });
});

describe("the e2e suite's fence", () => {
  const playwrightErrors = (filePath: string, code: string) =>
    errorsOf("no-restricted-imports", filePath, `${code}\n`);

  it("forbids a spec's test from Playwright itself", async () => {
    for (const line of [
      'import { test } from "@playwright/test";',
      'import { expect, test as base } from "@playwright/test";',
    ]) {
      const errors = await playwrightErrors("e2e/x.spec.ts", line);
      expect(errors, line).toHaveLength(1);
      expect(errors[0]).toMatch(/e2e\/support\/fixtures\.ts/);
    }
    expect(
      await playwrightErrors("e2e/support/y.ts", 'import { test } from "@playwright/test";'),
    ).toHaveLength(1);
  });

  it("allows the fixtures, Playwright's types, and the fixtures file itself", async () => {
    const spec = [
      'import type { Page } from "@playwright/test";',
      'import { expect, test } from "./support/fixtures";',
    ].join("\n");
    expect(await playwrightErrors("e2e/x.spec.ts", spec)).toEqual([]);
    expect(
      await playwrightErrors(
        "e2e/support/fixtures.ts",
        'import { test as base } from "@playwright/test";',
      ),
    ).toEqual([]);
  });
});
