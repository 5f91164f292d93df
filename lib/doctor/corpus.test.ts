/**
 * The doctor's corpus (`__corpus__/`, reviewed like code): pages, components and server code as
 * customers write them, and probe results (`probe/*.json`, what the probe collects). Each rule
 * has a fixture that triggers it (`<rule>.trigger.*`) and one that does not (`<rule>.clean.*`);
 * every fixture's whole report is a golden file (`__golden__/`; `UPDATE_GOLDEN=1` rewrites them).
 * No secret-shaped value is committed: a fixture writes `__FAKE_ORG_API_KEY__` or
 * `__FAKE_CONTACT_TOKEN__`, replaced here by values built at run time (fake-keys.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeJwt, fakeKey } from "../secrets/test-support/fake-keys";
import { diagnoseText } from "./diagnose";
import { diagnoseProbe, probeFactsSchema } from "./probe";
import { reportText } from "./report-text";
import { DOCTOR_RULE_IDS } from "./rule-ids";
import type { DoctorReport } from "./types";

const CORPUS = join(__dirname, "__corpus__");
const GOLDEN = join(CORPUS, "__golden__");

interface Fixture {
  name: string;
  rule: string;
  triggers: boolean;
  report: DoctorReport;
  text: string | null;
}

function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  const add = (dir: string, file: string, probe: boolean) => {
    const match = /^([a-z0-9-]+)\.(trigger|clean)\./.exec(file);
    if (!match) throw new Error(`corpus file ${file} is not named <rule>.trigger|clean.<ext>`);
    const source = readFileSync(join(dir, file), "utf8")
      .replaceAll("__FAKE_ORG_API_KEY__", fakeKey("live", "9f8e7d6c5b4a"))
      .replaceAll("__FAKE_CONTACT_TOKEN__", fakeJwt({ alg: "HS256" }, { sub: "x" }, "signature"));
    out.push({
      name: probe ? `probe/${file}` : file,
      rule: match[1]!,
      triggers: match[2] === "trigger",
      report: probe
        ? diagnoseProbe(probeFactsSchema.parse(JSON.parse(source)))
        : diagnoseText(source),
      text: probe ? null : source,
    });
  };
  for (const file of readdirSync(CORPUS).sort()) {
    if (file === "probe" || file === "migrate" || file === "__golden__") continue;
    add(CORPUS, file, false);
  }
  for (const file of readdirSync(join(CORPUS, "probe")).sort())
    add(join(CORPUS, "probe"), file, true);
  return out;
}

const ALL = fixtures();

describe("doctor corpus", () => {
  it.each(DOCTOR_RULE_IDS)("%s has a fixture that triggers it and one that does not", (rule) => {
    const own = ALL.filter((f) => f.rule === rule);
    expect(own.filter((f) => f.triggers).length, "trigger fixtures").toBeGreaterThan(0);
    expect(own.filter((f) => !f.triggers).length, "clean fixtures").toBeGreaterThan(0);
  });

  it.each(ALL.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    const rules = fixture.report.findings.map((f) => f.rule);
    if (fixture.triggers) expect(rules).toContain(fixture.rule);
    else expect(rules).not.toContain(fixture.rule);
    expect(DOCTOR_RULE_IDS).toEqual(expect.arrayContaining(rules));
    const golden = join(GOLDEN, `${fixture.name.replace("/", "--")}.txt`);
    const actual = reportText(fixture.report, fixture.text);
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(golden, actual);
      if (process.env.CI) throw new Error(`golden ${golden} was missing`);
    }
    expect(actual).toBe(readFileSync(golden, "utf8"));
  });

  it("no fixture file is named for a rule that does not exist", () => {
    expect(DOCTOR_RULE_IDS).toEqual(expect.arrayContaining([...new Set(ALL.map((f) => f.rule))]));
  });
});
