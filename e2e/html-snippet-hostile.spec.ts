/**
 * The HTML snippet, run in a real browser, for thousands of hostile configs:
 * whatever the strings hold (`</script>`, quotes, U+2028, comment openers and
 * canaries that would call `pwned()` if they ever escaped into code), the page
 * a customer pastes the snippet into runs exactly the two scripts the snippet
 * means, calls `initOpenScript` once, with exactly `toWidgetConfig(config)`.
 *
 * Each config becomes a document in an `<iframe srcdoc>` (a batch of them per
 * page load): a harness script first, then the snippet as generated. The
 * pinned unpkg URL is answered by a stub that defines `initOpenScript`, and
 * the verified model's token endpoint by a fixed token: nothing leaves the
 * machine. Seeds: FC_SEED=<n> replays a run; HTML_SNIPPET_RUNS sets the count.
 */
import fc from "fast-check";
import { configArbitrary } from "../lib/config/arbitraries";
import { OPTIONS, type OptionKey, type PlaygroundConfig } from "../lib/config/options";
import { toWidgetConfig } from "../lib/config/widget-config";
import { generateSnippet } from "../lib/snippets";
import { WIDGET_MAJORS } from "../lib/config/versions";
import { CONTACT_TOKEN_ENDPOINT, embedScriptUrl } from "../lib/snippets/model";
import { canonical } from "./support/canonical";
import { expect, test } from "./support/fixtures";

/**
 * 2 000 in `npm test`: a document costs about 50 ms of CPU here (Chromium plus Playwright's
 * per-frame bookkeeping), so the 10 000 of issue 8 take 12 minutes on a shared 2-core machine,
 * more than the whole CI may. Run them with HTML_SNIPPET_RUNS=10000.
 */
const RUNS = Number(process.env.HTML_SNIPPET_RUNS ?? 2_000);
const BATCH = 500;
/** Frames loading at once. */
const POOL = 20;
const SEED = process.env.FC_SEED
  ? Number(process.env.FC_SEED)
  : Math.floor(Math.random() * 2 ** 31);
const HARNESS = "http://snippet-harness.test/";
/** What the stubbed backend answers for the verified model's token. */
const BOUND_TOKEN = "«token fetched from your backend»";

/** Fragments that call the canary if a generator ever lets a string out of its literal. */
const CANARIES = [
  "</script><script>pwned()</script>",
  "</SCRIPT ><img src=x onerror=pwned()>",
  "<!--<script>pwned()</script>-->",
  "';pwned();'",
  '";pwned();"',
  "`;pwned();`",
  "${pwned()}",
  "\\';pwned();//",
  "\u2028pwned();//",
  "*/pwned();/*",
  "\n pwned(); //",
  "<\\/script><script>pwned()<\\/script>",
  "]]><script>pwned()</script>",
];

/** The config's free-text places (enums excluded: a bad enum is not a hostile string but an invalid config). */
function stringSlots(config: PlaygroundConfig): { get: () => string; set: (v: string) => void }[] {
  const slots: { get: () => string; set: (v: string) => void }[] = [];
  const record = config as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    // Enums (the model, languages, the widget version, select rows) take no free text.
    if (key === "model" || OPTIONS[key as OptionKey]?.control.kind === "select") continue;
    if (typeof value === "string")
      slots.push({ get: () => record[key] as string, set: (v) => (record[key] = v) });
    if (Array.isArray(value))
      value.forEach((item, i) => {
        if (typeof item === "string")
          slots.push({ get: () => value[i] as string, set: (v) => (value[i] = v) });
        else if (item && typeof item === "object")
          for (const field of ["key", "value"] as const)
            if (typeof item[field] === "string")
              slots.push({ get: () => item[field], set: (v) => (item[field] = v) });
      });
  }
  return slots;
}

/** Hostile configs, some strings of which also carry canaries. */
const hostileConfigs = fc
  .tuple(
    configArbitrary({ hostile: true }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...CANARIES), fc.nat()), { maxLength: 3 }),
  )
  .map(([config, insertions]) => {
    // Loaded with the page, as these checks expect; consent and click: loading-html.spec.ts.
    const copy = { ...structuredClone(config), loading: "page-load" as const };
    const slots = stringSlots(copy);
    if (slots.length > 0)
      for (const [slot, canary, at] of insertions) {
        const target = slots[slot % slots.length]!;
        const text = Array.from(target.get());
        const cut = at % (text.length + 1);
        target.set([...text.slice(0, cut), canary, ...text.slice(cut)].join(""));
      }
    return copy;
  });

/** Runs first in every document: the canary, and a record of every error. */
const PRELUDE =
  "<script>(function(){var i=window.__i=frameElement.dataset.i;" +
  "window.pwned=function(){parent.__h.pwned(i)};" +
  "addEventListener('error',function(e){parent.__h.error(i,String(e.message))});" +
  "addEventListener('unhandledrejection',function(e){parent.__h.error(i,'unhandled rejection: '+String(e.reason))});" +
  "})()</script>";

/** The stub served for the pinned widget script (`__i`: the document's case number, set by the prelude). */
const WIDGET_STUB =
  "window.initOpenScript=function(o){parent.__h.init(window.__i,JSON.stringify(o))};";

/** The embed script as the config's major loads it: deferred on v5 (domain-v5.md §10.1). */
function embedShape(config: PlaygroundConfig): string {
  const major = config.widgetVersion;
  return `${embedScriptUrl(major)}:${major === "v5" ? "defer,src" : "src"}`;
}
const EMBED_URLS: readonly string[] = WIDGET_MAJORS.map((m) => embedScriptUrl(m));

interface FrameReport {
  calls: string[];
  pwned: number;
  errors: string[];
  /** Tag names of every element in the document, and its scripts as [src, hasOtherAttributes]. */
  elements: string[];
  scripts: { src: string | null; attributes: string[] }[];
}

test("the HTML snippet runs as meant in Chromium for hostile configs", async ({ page }) => {
  // Each document costs milliseconds when the machine is idle, tens of them when other jobs share the cores.
  test.setTimeout(120_000 + RUNS * 100);
  const started = Date.now();
  const configs = fc.sample(hostileConfigs, { numRuns: RUNS, seed: SEED });
  const documents = configs.map(
    (config) => PRELUDE + generateSnippet("html", config).files[0]!.code,
  );
  const expected = configs.map((config) =>
    canonical(
      toWidgetConfig(config, config.model === "server" ? { contactToken: BOUND_TOKEN } : {}),
    ),
  );
  const generatedMs = Date.now() - started;

  let stubServed = 0;
  let tokenServed = 0;
  const unexpectedRequests: string[] = [];
  await page.route("**/*", async (route) => {
    const request = route.request();
    const url = request.url();
    if (url === HARNESS) {
      return route.fulfill({
        contentType: "text/html",
        body: "<!doctype html><title>harness</title><body></body>",
      });
    }
    if (EMBED_URLS.includes(url)) {
      stubServed++;
      return route.fulfill({ contentType: "text/javascript", body: WIDGET_STUB });
    }
    if (url === new URL(CONTACT_TOKEN_ENDPOINT, HARNESS).href && request.method() === "POST") {
      tokenServed++;
      return route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({ token: BOUND_TOKEN }),
      });
    }
    unexpectedRequests.push(`${request.method()} ${url}`);
    return route.abort();
  });
  await page.goto(HARNESS);

  const failures: string[] = [];
  const fail = (i: number, why: string) =>
    failures.push(
      `case ${i} (seed ${SEED}; replay with FC_SEED=${SEED}): ${why}\nconfig: ${JSON.stringify(configs[i])}\nsnippet:\n${documents[i]!.slice(PRELUDE.length)}`,
    );

  for (let start = 0; start < documents.length; start += BATCH) {
    const batch = documents.slice(start, start + BATCH);
    const reports = await page.evaluate(
      async ({ batch, start, POOL }) => {
        type Report = {
          calls: string[];
          pwned: number;
          errors: string[];
          elements: string[];
          scripts: { src: string | null; attributes: string[] }[];
        };
        const reports: Report[] = batch.map(() => ({
          calls: [],
          pwned: 0,
          errors: [],
          elements: [],
          scripts: [],
        }));
        const at = (i: string) => reports[Number(i) - start]!;
        (window as unknown as { __h: unknown }).__h = {
          init: (i: string, json: string) => at(i).calls.push(json),
          pwned: (i: string) => at(i).pwned++,
          error: (i: string, message: string) => at(i).errors.push(message),
        };
        const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
        /** One document: load it, wait for its initOpenScript (after a fetch, for the verified model), read its DOM. */
        const run = async (frame: HTMLIFrameElement, k: number) => {
          const report = reports[k]!;
          const loaded = new Promise((resolve) =>
            frame.addEventListener("load", resolve, { once: true }),
          );
          frame.dataset.i = String(start + k);
          frame.srcdoc = batch[k]!;
          await loaded;
          const deadline = Date.now() + 10_000;
          while (report.calls.length === 0 && report.errors.length === 0 && Date.now() < deadline)
            await sleep(5);
          await sleep(0); // a second call would come at once
          const doc = frame.contentDocument!;
          report.elements = [...doc.querySelectorAll("*")].map((el) => el.localName);
          report.scripts = [...doc.querySelectorAll("script")].map((el) => ({
            src: el.getAttribute("src"),
            attributes: el.getAttributeNames(),
          }));
        };
        // A pool of hidden frames, each loading its share of the batch in turn (reusing a frame is cheaper than a new one).
        let next = 0;
        const pool = Array.from({ length: Math.min(POOL, batch.length) }, () => {
          const frame = document.createElement("iframe");
          frame.style.display = "none";
          document.body.append(frame);
          return frame;
        });
        await Promise.all(
          pool.map(async (frame) => {
            while (next < batch.length) await run(frame, next++);
          }),
        );
        pool.forEach((frame) => frame.remove());
        return reports;
      },
      { batch, start, POOL },
    );
    reports.forEach((report: FrameReport, k) => {
      const i = start + k;
      if (report.pwned > 0) fail(i, `the canary ran ${report.pwned} time(s)`);
      if (report.errors.length > 0) fail(i, `errors: ${report.errors.join(" | ")}`);
      if (report.calls.length !== 1) fail(i, `initOpenScript ran ${report.calls.length} times`);
      else if (canonical(JSON.parse(report.calls[0]!)) !== expected[i])
        fail(i, `initOpenScript got ${report.calls[0]}\nexpected ${expected[i]}`);
      const others = report.elements.filter(
        (name) => !["html", "head", "body", "script"].includes(name),
      );
      if (others.length > 0) fail(i, `unexpected elements: ${others.join(", ")}`);
      // The harness prelude, the pinned widget script, the inline script: nothing else, no attribute but src.
      const shape = report.scripts.map((s) => `${s.src ?? "inline"}:${s.attributes.join(",")}`);
      const meant = ["inline:", embedShape(configs[i]!), "inline:"];
      if (JSON.stringify(shape) !== JSON.stringify(meant))
        fail(i, `scripts: ${JSON.stringify(shape)}`);
    });
    if (failures.length >= 5) break;
  }
  const elapsed = Date.now() - started;
  const verified = configs.filter((c) => c.model === "server").length;
  const withCanary = documents.filter((d) => d.includes("pwned()", PRELUDE.length)).length;
  console.log(
    `html snippet in Chromium: ${configs.length} configs (seed ${SEED}; ${withCanary} with canaries, ${verified} verified) ` +
      `in ${(elapsed / 1000).toFixed(1)} s (generation ${(generatedMs / 1000).toFixed(1)} s)`,
  );
  expect(failures.slice(0, 5).join("\n\n")).toBe("");
  expect(unexpectedRequests).toEqual([]);
  expect(stubServed).toBe(configs.length);
  expect(tokenServed).toBe(verified);
});

/** Configs per run for the parser-level check below (issue 8 asks for at least 10 000). */
const PARSE_RUNS = Number(process.env.HTML_PARSE_RUNS ?? 10_000);
const PARSE_BATCH = 1_000;

/** The inline script's text as the generator wrote it: what a correct HTML parse must give back. */
function inlineScript(snippet: string): string {
  // The second script: it opens after the first one closes. (A raw `<script>` may appear inside
  // it, in a string, where it is harmless; `</script` never does.)
  const open = snippet.indexOf("<script>", snippet.indexOf("</script>"));
  const close = snippet.lastIndexOf("</script>");
  return snippet.slice(open + "<script>".length, close);
}

test("for 10 000 hostile configs, Chromium's HTML parser sees exactly the snippet's scripts, and the inline one passes exactly the options", async ({
  page,
}) => {
  // The full-document check above loads a frame per config (about 50 ms each here); this one
  // gives every snippet to Chromium's own HTML parser (DOMParser: the same tokenizer, script
  // data states and all, without frames) and runs the inline script it found with stubbed
  // `window`, `fetch` and `initOpenScript`. Together: 10 000 parses + runs, 2 000 full loads.
  test.setTimeout(120_000 + PARSE_RUNS * 20);
  const seed = SEED + 1;
  const configs = fc.sample(hostileConfigs, { numRuns: PARSE_RUNS, seed });
  const snippets = configs.map((config) => generateSnippet("html", config).files[0]!.code);
  const expected = configs.map((config) =>
    canonical(
      toWidgetConfig(config, config.model === "server" ? { contactToken: BOUND_TOKEN } : {}),
    ),
  );
  await page.route("**/*", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: "<!doctype html><title>parser harness</title>",
    }),
  );
  await page.goto(HARNESS);

  const failures: string[] = [];
  let verifiedFetches = 0;
  for (let start = 0; start < snippets.length && failures.length < 5; start += PARSE_BATCH) {
    const batch = snippets.slice(start, start + PARSE_BATCH);
    const reports = await page.evaluate(
      async ({ batch, token }) => {
        const parser = new DOMParser();
        const out = [];
        for (const html of batch) {
          const doc = parser.parseFromString(html, "text/html");
          const scripts = [...doc.querySelectorAll("script")];
          const report = {
            elements: [...doc.querySelectorAll("*")].map((el) => el.localName),
            scripts: scripts.map((s) => ({
              attributes: s.getAttributeNames(),
              src: s.getAttribute("src"),
              text: s.textContent ?? "",
            })),
            calls: [] as string[],
            fetches: [] as string[],
            pwned: 0,
            error: "",
          };
          const inline = scripts[1];
          if (scripts.length === 2 && inline) {
            const handlers: (() => unknown)[] = [];
            const init = (o: unknown) => report.calls.push(JSON.stringify(o));
            const fakeWindow = {
              addEventListener: (type: string, handler: () => unknown) => {
                if (type === "DOMContentLoaded") handlers.push(handler);
              },
              // v5's snippet calls window.initOpenScript; v4's the bare global.
              initOpenScript: init,
            };
            const fakeFetch = async (url: string, init?: { method?: string }) => {
              report.fetches.push(`${init?.method ?? "GET"} ${url}`);
              return { ok: true, json: async () => ({ token }) };
            };
            try {
              // The inline script as its own function body: its globals are the stubs.
              const run = new Function(
                "window",
                "fetch",
                "initOpenScript",
                "pwned",
                inline.textContent ?? "",
              );
              run(fakeWindow, fakeFetch, init, () => report.pwned++);
              for (const handler of handlers) await handler();
            } catch (error) {
              report.error = String(error);
            }
          }
          out.push(report);
        }
        return out;
      },
      { batch, token: BOUND_TOKEN },
    );
    reports.forEach((report, k) => {
      const i = start + k;
      const why: string[] = [];
      const others = report.elements.filter((n) => !["html", "head", "body", "script"].includes(n));
      if (others.length > 0) why.push(`unexpected elements: ${others.join(", ")}`);
      const shape = report.scripts.map((s) => `${s.src ?? "inline"}:${s.attributes.join(",")}`);
      if (JSON.stringify(shape) !== JSON.stringify([embedShape(configs[i]!), "inline:"]))
        why.push(`scripts: ${JSON.stringify(shape)}`);
      else if (report.scripts[1]!.text !== inlineScript(snippets[i]!)) {
        const got = report.scripts[1]!.text;
        const meant = inlineScript(snippets[i]!);
        let at = 0;
        while (at < got.length && got[at] === meant[at]) at++;
        why.push(
          `the parser's inline script text differs from the generated one at ${at}: ${JSON.stringify(got.slice(Math.max(0, at - 20), at + 20))} vs ${JSON.stringify(meant.slice(Math.max(0, at - 20), at + 20))}`,
        );
      }
      if (report.error) why.push(`error: ${report.error}`);
      if (report.pwned > 0) why.push(`the canary ran ${report.pwned} time(s)`);
      if (report.calls.length !== 1) why.push(`initOpenScript ran ${report.calls.length} times`);
      else if (canonical(JSON.parse(report.calls[0]!)) !== expected[i])
        why.push(`initOpenScript got ${report.calls[0]}\nexpected ${expected[i]}`);
      const meantFetches = configs[i]!.model === "server" ? [`POST ${CONTACT_TOKEN_ENDPOINT}`] : [];
      if (JSON.stringify(report.fetches) !== JSON.stringify(meantFetches))
        why.push(`fetches: ${JSON.stringify(report.fetches)}`);
      verifiedFetches += report.fetches.length;
      if (why.length > 0)
        failures.push(
          `case ${i} (seed ${seed}; replay with FC_SEED=${seed - 1}): ${why.join("; ")}\nconfig: ${JSON.stringify(configs[i])}`,
        );
    });
  }
  const withCanary = snippets.filter((s) => s.includes("pwned()")).length;
  console.log(
    `html snippet through Chromium's parser: ${configs.length} configs (seed ${seed}; ${withCanary} with canaries, ${verifiedFetches} verified token fetches)`,
  );
  expect(failures.slice(0, 5).join("\n\n")).toBe("");
  expect(verifiedFetches).toBe(configs.filter((c) => c.model === "server").length);
});
