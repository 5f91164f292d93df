/**
 * The Go and Java server snippets, run for real over random verified configs: ordinary strings,
 * hostile ones (quotes, backslashes, `\u000a` as text, `${`, CR/LF, NUL, U+2028/2029, emoji)
 * and a few extreme ones (lone surrogates, values at their length limits). Each language is
 * one compiler run and one driver process for the whole batch (test-support/server-batches.ts)
 * against a recording stand-in of authenticate-user; every request must be a POST to
 * `/widget/authenticate-user` with `Authorization: Bearer <OPENCX_API_KEY>`, a JSON content
 * type and exactly `toAuthenticateRequest(config)` as its body, and every call must return the
 * stand-in's token.
 *
 * Go's one divergence is stated, not hidden: a Go string is UTF-8 and cannot hold a lone
 * surrogate, so the Go snippet sends U+FFFD in its place (`goWire`); Java sends it exactly.
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { bodyWithEmailParameter, GO_RUN_USAGE } from "./go-snippet";
import { JAVA_RUN_USAGE } from "./java-snippet";
import { generateSnippet } from "./index";
import { printGoLayout } from "./print";
import { expectBothMajors, expectNoSecrets, sampleConfigs } from "./test-support/property";
import { describeWithRuntime } from "./test-support/runtimes";
import { runGoBatch, runJavaBatch, type BatchRun } from "./test-support/server-batches";
import { JAVAC_TRAPS } from "./test-support/printable-go-java";
import { startStandInApi, type StandInApi } from "./test-support/stand-in-api";
import { goWire } from "./test-support/toolchain";
import { TroubleCounter } from "./test-support/hostile";

const ORDINARY = 150;
const HOSTILE = 150;
const EXTREME = 50;
const ENV_API_KEY = "env-api-key-sentinel";

const ordinary = sampleConfigs(false, ORDINARY);
const hostile = sampleConfigs(true, HOSTILE);
// The third seed in SAMPLE_SEEDS: the extreme sample is hostile too, but its own draw.
const extreme = sampleConfigs(true, EXTREME, true, 2);
const configs = [...ordinary.configs, ...hostile.configs, ...extreme.configs];
const seeds =
  `seeds ${ordinary.seed} (ordinary), ${hostile.seed} (hostile), ${extreme.seed} (extreme); ` +
  `replay: SAMPLE_SEEDS=${ordinary.seed},${hostile.seed},${extreme.seed}`;

/**
 * A batch whose compiler or driver fails throws before any case is checked: its error says
 * the seeds too, so the failure can be replayed. (The describe titles say them as well.)
 */
async function withSeeds<T>(language: string, batch: Promise<T>): Promise<T> {
  try {
    return await batch;
  } catch (error) {
    throw new Error(`${language}, ${seeds}: ${(error as Error).message}`, { cause: error });
  }
}

const GO_TITLE = `Go snippets: one go build, one run, against the stand-in (${seeds})`;
const JAVA_TITLE = `Java snippets: one javac, one java, against the stand-in (${seeds})`;

/**
 * The signed-in user's email each call gets: the next config's sample email (hostile ones
 * included), so a snippet that sent anything but its argument would fail.
 */
const emails = configs.map((_, i) => configs[(i + 1) % configs.length]!.serverEmail || "a@b.c");
const emailOf = new Map(configs.map((config, i) => [config, emails[i]!]));

/** What goes over the wire: the body, with the call's email, after JSON serialisation (-0 becomes 0). */
const wire = (config: PlaygroundConfig) =>
  JSON.parse(
    JSON.stringify({ ...toAuthenticateRequest(config), email: emailOf.get(config) }),
  ) as unknown;

/** How the snippet's main ends without its argument; and its function, given "". */
function expectUsageAndRefusal(run: BatchRun, usage: string, refusal: RegExp): void {
  expect(run.withoutArgument).toEqual({ status: 1, stderr: `Usage: ${usage}\n` });
  expect(run.emptyEmail).toEqual({ error: expect.stringMatching(refusal) });
}

function checkBatch(
  language: string,
  run: BatchRun,
  api: StandInApi,
  codes: readonly string[],
  expected: (config: PlaygroundConfig) => unknown,
): void {
  console.log(
    `${language}: ${configs.length} snippets, compiled in ${run.compileMs} ms, run in ${run.runMs} ms (${seeds})`,
  );
  expect(run.results).toHaveLength(configs.length);
  expect(api.requests).toHaveLength(configs.length);
  configs.forEach((config, i) => {
    const message = `${language}, ${seeds}, case ${i}:\n${codes[i]}`;
    const request = api.requests[i]!;
    expect(run.results[i], message).toEqual({ token: request.token });
    expect(request.method, message).toBe("POST");
    expect(request.path, message).toBe("/widget/authenticate-user");
    expect(request.headers.authorization, message).toBe(`Bearer ${ENV_API_KEY}`);
    expect(request.headers["content-type"], message).toMatch(/^application\/json\b/);
    expect(request.json, message).toEqual(expected(config));
    expectNoSecrets(codes[i]!);
  });
}

it("the sample holds both majors, mcp_access and every kind of hostile string", () => {
  expectBothMajors(configs, 10);
  const trouble = new TroubleCounter();
  for (const config of [...hostile.configs, ...extreme.configs]) {
    trouble.add(toAuthenticateRequest(config));
  }
  // Each kind at least once (values at their length limit come only from the extreme configs:
  // with 40 of them, 1 500 samples never missed one).
  expect(trouble.rare(1)).toEqual([]);
});

describeWithRuntime("go", GO_TITLE, () => {
  let api: StandInApi;
  beforeAll(async () => {
    api = await startStandInApi();
  });
  afterAll(() => api.close());

  it("every snippet is gofmt-clean, sends exactly the body and returns the stand-in's token", async () => {
    const codes = configs.map((config) => generateSnippet("go", config).files[0]!.code);
    const run = await withSeeds(
      "Go",
      runGoBatch(codes, emails, { OPENCX_API_URL: api.baseUrl, OPENCX_API_KEY: ENV_API_KEY }),
    );
    // gofmt leaves every snippet as it is, but where its own rounding decides an alignment
    // (a key-size ratio of exactly 2.5 or 0.4: printGoLayout says so).
    const borderline = configs.flatMap((config, i) =>
      printGoLayout(bodyWithEmailParameter(config), { level: 1, breakTopLevel: true }).borderline
        ? [`snippets/s${i}.go`]
        : [],
    );
    console.log(`Go: go vet in ${run.vetMs} ms`);
    expect(run.gofmtUnformatted.filter((file) => !borderline.includes(file))).toEqual([]);
    // A Go string cannot hold a lone surrogate: U+FFFD goes in its place.
    checkBatch("Go", run, api, codes, (config) => goWire(wire(config)));
    expect(emails.filter((email, i) => email !== configs[i]!.serverEmail).length).toBeGreaterThan(
      configs.length / 2,
    );
    expectUsageAndRefusal(
      run,
      GO_RUN_USAGE,
      /^ContactToken needs the email of the signed-in user$/,
    );
    expect(run.handler).toEqual({
      postStatus: 401,
      postBody: '{"error":"Not signed in"}\n',
      contentType: "application/json",
      cacheControl: "no-store",
      getStatus: 405,
      allow: "POST",
    });
    // The divergence is real only where a lone surrogate was: elsewhere Go sends the exact wire.
    const exact = configs.filter(
      (c) => JSON.stringify(goWire(wire(c))) === JSON.stringify(wire(c)),
    );
    expect(exact.length).toBeGreaterThanOrEqual(ORDINARY + HOSTILE);
    expect(exact.length).toBeLessThan(configs.length);
  });
});

describeWithRuntime("java", JAVA_TITLE, () => {
  let api: StandInApi;
  beforeAll(async () => {
    api = await startStandInApi();
  });
  afterAll(() => api.close());

  /** JSON the snippet's reader must read (every escape, nesting, spacing) and refuse. */
  const goodDocs = fc
    .sample(fc.jsonValue(), { numRuns: 200, seed: ordinary.seed })
    .map((v, i) => (i % 2 ? JSON.stringify(v) : JSON.stringify(v, null, "\t")).replace(/\n/g, " "))
    .concat([
      String.raw`{"token":"a\"b\\c\/d\b\f\n\r\t\u00e9\uD83D\uDE00\ud800 \u005c\u0022","contact":{"id":"x"}}`,
      ' \t\r{ "token" : [ 1 , -0.5e+3 , 0 , 1E2 , true , false , null , { } , [ ] ] } ',
    ]);
  const badDocs = [
    '{"token":"a"',
    '{"token":"\\u12"}',
    '{"token":"\\x"}',
    '{"token":"\u0001"}',
    "[1,]",
    "01",
    "+1",
    ".5",
    "1.",
    '{"a" 1}',
    "tru",
    "{} x",
    "",
    "{'a':1}",
  ];

  it("every snippet compiles without a warning, sends exactly the body and returns the stand-in's token", async () => {
    const codes = configs.map((config) => generateSnippet("java", config).files[0]!.code);
    const run = await withSeeds(
      "Java",
      runJavaBatch(codes, emails, { OPENCX_API_URL: api.baseUrl, OPENCX_API_KEY: ENV_API_KEY }, [
        ...goodDocs,
        ...badDocs,
      ]),
    );
    // Lone surrogates included: Java strings hold them and the writer escapes them.
    checkBatch("Java", run, api, codes, wire);
    expectUsageAndRefusal(
      run,
      JAVA_RUN_USAGE,
      /^java\.lang\.IllegalArgumentException: contactToken needs the email of the signed-in user$/,
    );
    for (const code of codes) expect(code).toMatch(/^[\n\x20-\x7e]*$/);
    expect(run.handler).toEqual({
      postStatus: 401,
      postBody: '{"error":"Not signed in"}',
      contentType: "application/json",
      cacheControl: "no-store",
      getStatus: 405,
      allow: "POST",
    });
    // The snippet's JSON reader and writer: every good document reads and writes back to the
    // same value, every bad one is refused.
    expect(run.roundTrips).toHaveLength(goodDocs.length + badDocs.length);
    goodDocs.forEach((doc, i) => {
      expect(JSON.parse(run.roundTrips[i]!), doc).toEqual(JSON.parse(doc));
      expect(run.roundTrips[i], doc).toMatch(/^[\x20-\x7e]*$/);
    });
    expect(run.roundTrips.slice(goodDocs.length)).toEqual(badDocs.map(() => "error"));
  });

  it("the text that once broke javac compiles and goes over the wire exact, in every string of the body and as the email", async () => {
    // A lone high surrogate, then a backslash: javac 17 misread the printed `\uD800\\u2028`
    // (customData key "&+mLNFgnR^P*\uD800\\u2028", extreme seed 1208756076, case 15).
    // (serverLanguage is a choice from a list: the snippet's comments carry no free text.)
    const trapConfigs = JAVAC_TRAPS.map((trap): PlaygroundConfig => ({
      ...defaultConfig(),
      model: "server",
      serverEmail: trap,
      serverName: trap,
      serverAvatarUrl: `https://example.com/${trap}`,
      serverPhone: trap,
      serverChatContext: `${trap} ${trap}`,
      serverCustomData: [
        { key: trap, value: trap },
        { key: `k${trap}`, value: 1 },
      ],
    }));
    const trapEmails = trapConfigs.map((_, i) => JAVAC_TRAPS[(i + 1) % JAVAC_TRAPS.length]!);
    const codes = trapConfigs.map((config) => generateSnippet("java", config).files[0]!.code);
    const own = await startStandInApi();
    try {
      const run = await runJavaBatch(codes, trapEmails, {
        OPENCX_API_URL: own.baseUrl,
        OPENCX_API_KEY: ENV_API_KEY,
      });
      expect(own.requests).toHaveLength(trapConfigs.length);
      expect(run.results).toEqual(own.requests.map((r) => ({ token: r.token })));
      trapConfigs.forEach((config, i) => {
        const expected = { ...toAuthenticateRequest(config), email: trapEmails[i] };
        expect(own.requests[i]!.json, `case ${i}:\n${codes[i]}`).toEqual(
          JSON.parse(JSON.stringify(expected)),
        );
      });
    } finally {
      await own.close();
    }
  });
});
