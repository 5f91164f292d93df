/**
 * Content-Security-Policy violations, seen from inside the browser: every
 * document of a context (pages, iframes, srcdoc frames) reports its
 * `securitypolicyviolation` events, and Chromium's console lines about the
 * policy ("Refused to …", "… violates the following Content Security Policy
 * directive …") are kept too, since workers and framing refusals report only
 * there. The suite's fixtures fail a test that saw any it did not expect.
 */
import {
  expect,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
  type Worker,
} from "@playwright/test";

export interface CspViolation {
  source: "event" | "console";
  /** The violated directive (events), or the console line. */
  directive: string;
  blockedURI: string;
  /** The document (or worker) that reported it. */
  where: string;
  sample: string;
}

const CONSOLE_CSP =
  /Content Security Policy|Content-Security-Policy|Refused to (load|execute|apply|connect|frame|create|evaluate)/i;
const BINDING = "__e2eCspViolation";

export class CspWatch {
  readonly violations: CspViolation[] = [];
  private readonly expected: ((v: CspViolation) => boolean)[] = [];

  /** Violations a test provokes on purpose (e.g. another site framing the main page). */
  expect(match: (v: CspViolation) => boolean): void {
    this.expected.push(match);
  }

  /** What no test asked for. */
  unexpected(): CspViolation[] {
    return this.violations.filter((v) => !this.expected.some((match) => match(v)));
  }

  record(v: CspViolation): void {
    this.violations.push(v);
  }
}

/** Starts watching every page, frame and worker of `context`; call before the first navigation. */
export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const watch = new CspWatch();
  await context.exposeBinding(BINDING, ({ frame }, v: Omit<CspViolation, "source" | "where">) =>
    watch.record({ source: "event", where: frame.url(), ...v }),
  );
  await context.addInitScript((binding) => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as Record<string, (v: unknown) => void>)[binding];
      report?.({
        directive: e.effectiveDirective || e.violatedDirective,
        blockedURI: e.blockedURI,
        sample: e.sample,
      });
    });
  }, BINDING);
  const onConsole = (where: () => string) => (msg: ConsoleMessage) => {
    if (CONSOLE_CSP.test(msg.text()))
      watch.record({
        source: "console",
        directive: msg.text(),
        blockedURI: "",
        where: where(),
        sample: "",
      });
  };
  const onWorker = (worker: Worker) =>
    worker.on(
      "console",
      onConsole(() => `worker ${worker.url()}`),
    );
  const onPage = (page: Page) => {
    page.on(
      "console",
      onConsole(() => page.url()),
    );
    page.on("worker", onWorker);
  };
  context.pages().forEach(onPage);
  context.on("page", onPage);
  return watch;
}

export function describeViolations(violations: readonly CspViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.source}] ${v.directive} blocked=${v.blockedURI || "-"} in ${v.where}${v.sample ? ` sample=${JSON.stringify(v.sample)}` : ""}`,
    )
    .join("\n");
}

/**
 * The `csp` fixture every suite's `test` uses (auto): watches the test's
 * context and fails the test on any violation it did not expect.
 */
export async function cspFixture(
  { context }: { context: BrowserContext },
  use: (watch: CspWatch) => Promise<void>,
): Promise<void> {
  const watch = await watchCsp(context);
  await use(watch);
  const unexpected = watch.unexpected();
  expect(unexpected, `CSP violations:\n${describeViolations(unexpected)}`).toEqual([]);
}
