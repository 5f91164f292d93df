import { it } from "vitest";
import { writeFileSync, mkdirSync, rmSync } from "node:fs";
import { generateSnippet } from "./index";
import { sampleConfigs } from "./test-support/property";
it("gen", () => {
  const d = "/tmp/gj-scratch/many";
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  const all = [
    ...sampleConfigs(false, 1000).configs,
    ...sampleConfigs(true, 1000).configs,
    ...sampleConfigs(true, 1000, true).configs,
  ];
  all.forEach((c, i) => {
    mkdirSync(`${d}/c${i}`);
    writeFileSync(`${d}/c${i}/a.go`, generateSnippet("go", c).files[0]!.code);
    writeFileSync(`${d}/c${i}/config.json`, JSON.stringify(c));
  });
});
