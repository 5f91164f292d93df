/**
 * Test support: many Go or Java server snippets built by ONE compiler run and called by ONE
 * driver process, each case with its own email, against whatever `OPENCX_API_URL` points at.
 *
 * What differs between two snippets of a language is the function that builds the body and
 * calls authenticate-user (its body literal and its comments) and the version line; everything
 * else is the same text. So a batch compiles the first snippet whole
 * plus every case's own function, renamed `ContactToken<i>` (Go) / `contactToken<i>` (Java) by
 * a mechanical cut, next to it, and `splitSnippet` proves the rest of every snippet is exactly
 * the first one's: the compiler reads ~40 lines per case instead of ~150 (Go) or ~300 (Java).
 *
 * Go: one package `cases` (the first snippet with `package main` and `func main()` renamed,
 * the only two lines that stop a `main` package from being imported; one file per case), a
 * driver that calls every `cases.ContactToken<i>(email)` in order and the first snippet's
 * `ContactToken("")`, then plays a POST and a GET against its `HandleContactToken`, prints what
 * it saw, and last runs its `main` without an argument, which ends the process (usage line,
 * exit status 1). One `go build`, one `go vet` of the first snippet (it must pass), one run.
 *
 * Java: one class `Cases` (the first snippet, renamed, with every case's method added), a
 * driver that calls every `Cases.contactToken<i>(email)` in order and `Cases.contactToken("")`,
 * serves `Cases.handleContactToken` on a `com.sun.net.httpserver.HttpServer` for a POST and a
 * GET, reads then writes `jsonDocs` with the snippet's own JSON reader and writer, prints what it
 * saw, and last runs `Cases.main` without an argument, which ends the process (usage line,
 * exit status 1). One `javac` (`-Xlint:all -Werror`), one `java`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONTACT_TOKEN_ENDPOINT } from "../model";
import { goString, javaString } from "../print";
import { GO_FUNCTION, GO_HANDLER } from "../go-snippet";
import { JAVA_CLASS, JAVA_FILE, JAVA_HANDLER, JAVA_METHOD } from "../java-snippet";
import { baseEnv, goEnv, runCommand, type CommandResult } from "./toolchain";

export type CallResult = { token: string } | { error: string };

/** What the driver saw when it sent the route a POST and a GET without a signed-in user. */
export interface HandlerCheck {
  postStatus: number;
  postBody: string;
  contentType: string;
  cacheControl: string;
  getStatus: number;
  allow: string;
}

/** How the snippet's `main` ended without its argument: the process's status and stderr. */
export interface WithoutArgument {
  status: number | null;
  stderr: string;
}

export interface BatchRun {
  results: CallResult[];
  /** What the token function answered for the email "". */
  emptyEmail: CallResult;
  withoutArgument: WithoutArgument;
  handler: HandlerCheck;
  /** Java only: each of `jsonDocs` read and written again, or `error` when the reader refused it. */
  roundTrips: string[];
  /** Compile and run times, in milliseconds. */
  compileMs: number;
  runMs: number;
}

export interface SplitSnippet {
  /** The function that builds the body and calls authenticate-user, as it is in the snippet. */
  call: string;
  /** The rest, with that function and the first (version) line cut out. */
  rest: string;
}

/**
 * Cuts a snippet into its call function and the rest. The function starts at `head` and ends
 * at the first line that is exactly `end` (a closing brace at the function's indentation).
 */
export function splitSnippet(code: string, head: string, end: string): SplitSnippet {
  const from = code.indexOf(head);
  if (from < 0 || code.indexOf(head, from + 1) >= 0) {
    throw new Error(`Expected exactly one ${JSON.stringify(head)} in the snippet`);
  }
  const to = code.indexOf(`\n${end}\n`, from) + end.length + 2;
  if (to < from + end.length + 2) throw new Error(`No ${JSON.stringify(end)} after ${head}`);
  const rest = code.slice(0, from) + "<call>\n" + code.slice(to);
  return { call: code.slice(from, to), rest: rest.replace(/^.*\n/, "<version>\n") };
}

export const GO_CALL_HEAD = `func ${GO_FUNCTION}(email string) (string, error) {\n`;
export const JAVA_CALL_HEAD = `    public static String ${JAVA_METHOD}(String email) throws IOException, InterruptedException {\n`;

function replaceOnce(code: string, from: string, to: string): string {
  const at = code.indexOf(from);
  if (at < 0 || code.indexOf(from, at + 1) >= 0) {
    throw new Error(`Expected exactly one ${JSON.stringify(from)} in the snippet`);
  }
  return code.slice(0, at) + to + code.slice(at + from.length);
}

function failed(what: string, run: CommandResult): Error {
  return new Error(
    `${what} failed (${run.status}):\n${run.stderr}\n${run.stdout}`.slice(0, 20_000),
  );
}

/** Every import the Go call function uses (a Go file must import exactly what it uses). */
const GO_CALL_IMPORTS = ["bytes", "encoding/json", "errors", "fmt", "net/http", "os"];

export interface GoBatchRun extends BatchRun {
  /** `go vet` time for the first snippet, in milliseconds (it must pass). */
  vetMs: number;
  /** Files `gofmt -l` lists: every whole snippet must be gofmt-clean. */
  gofmtUnformatted: string[];
}

export async function runGoBatch(
  codes: readonly string[],
  emails: readonly string[],
  env: Record<string, string>,
): Promise<GoBatchRun> {
  const parts = codes.map((code) => splitSnippet(code, GO_CALL_HEAD, "}"));
  parts.forEach(({ rest }, i) => {
    if (rest !== parts[0]!.rest) throw new Error(`Go case ${i} differs outside its call function`);
  });
  const dir = mkdtempSync(join(tmpdir(), "snippet-go-batch-"));
  const toolEnv = goEnv(env);
  try {
    writeFileSync(join(dir, "go.mod"), "module batch\n\ngo 1.19\n");
    mkdirSync(join(dir, "snippets"));
    codes.forEach((code, i) => writeFileSync(join(dir, "snippets", `s${i}.go`), code));
    mkdirSync(join(dir, "cases"));
    const first = replaceOnce(
      replaceOnce(codes[0]!, "\npackage main\n", "\npackage cases\n"),
      "\nfunc main() {\n",
      "\nfunc Main() {\n",
    );
    writeFileSync(join(dir, "cases", "snippet.go"), first);
    parts.forEach(({ call }, i) => {
      const source = [
        "package cases",
        "",
        "import (",
        ...GO_CALL_IMPORTS.map((name) => `\t${goString(name)}`),
        ")",
        "",
        replaceOnce(call, GO_CALL_HEAD, GO_CALL_HEAD.replace(GO_FUNCTION, `${GO_FUNCTION}${i}`)),
      ].join("\n");
      writeFileSync(join(dir, "cases", `case${i}.go`), source);
    });
    const driver = [
      "package main",
      "",
      "import (",
      '\t"encoding/json"',
      '\t"net/http"',
      '\t"net/http/httptest"',
      '\t"os"',
      "",
      '\t"batch/cases"',
      ")",
      "",
      "type result struct {",
      '\tToken string `json:"token,omitempty"`',
      '\tError string `json:"error,omitempty"`',
      "}",
      "",
      "func main() {",
      "\tcalls := []func(string) (string, error){",
      ...codes.map((_, i) => `\t\tcases.${GO_FUNCTION}${i},`),
      "\t}",
      "\temails := []string{",
      ...emails.map((email) => `\t\t${goString(email)},`),
      "\t}",
      "\tresults := make([]result, len(calls))",
      "\tfor i, call := range calls {",
      "\t\tresults[i] = outcome(call(emails[i]))",
      "\t}",
      "\tpost := httptest.NewRecorder()",
      `\tcases.${GO_HANDLER}(post, httptest.NewRequest(http.MethodPost, ${goString(CONTACT_TOKEN_ENDPOINT)}, nil))`,
      "\tget := httptest.NewRecorder()",
      `\tcases.${GO_HANDLER}(get, httptest.NewRequest(http.MethodGet, ${goString(CONTACT_TOKEN_ENDPOINT)}, nil))`,
      "\tjson.NewEncoder(os.Stdout).Encode(map[string]any{",
      '\t\t"results":    results,',
      `\t\t"emptyEmail": outcome(cases.${GO_FUNCTION}("")),`,
      '\t\t"handler": map[string]any{',
      '\t\t\t"postStatus":   post.Code,',
      '\t\t\t"postBody":     post.Body.String(),',
      '\t\t\t"contentType":  post.Header().Get("Content-Type"),',
      '\t\t\t"cacheControl": post.Header().Get("Cache-Control"),',
      '\t\t\t"getStatus":    get.Code,',
      '\t\t\t"allow":        get.Header().Get("Allow"),',
      "\t\t},",
      "\t})",
      "\t// Last: the snippet's main without its argument ends this process.",
      '\tos.Args = []string{"opencx_contact_token"}',
      "\tcases.Main()",
      "\tos.Exit(3)",
      "}",
      "",
      "func outcome(token string, err error) result {",
      "\tif err != nil {",
      "\t\treturn result{Error: err.Error()}",
      "\t}",
      "\treturn result{Token: token}",
      "}",
      "",
    ].join("\n");
    writeFileSync(join(dir, "main.go"), driver);
    const gofmt = await runCommand("gofmt", ["-l", "snippets"], { cwd: dir, env: toolEnv });
    if (gofmt.status !== 0) throw failed("gofmt -l", gofmt);
    const build = await runCommand("go", ["build", "-o", "driver", "."], {
      cwd: dir,
      env: toolEnv,
    });
    if (build.status !== 0) throw failed("go build", build);
    // go vet's checks (printf verbs, unreachable code, copied locks …) on the first snippet as
    // it is; the others differ from it only in a map literal, which vet has nothing to say about.
    const vet = await runCommand("go", ["vet", "snippets/s0.go"], { cwd: dir, env: toolEnv });
    if (vet.status !== 0) throw failed("go vet", vet);
    const run = await runCommand(join(dir, "driver"), [], { cwd: dir, env: baseEnv(env) });
    if (!run.stdout.endsWith("}\n")) throw failed("the Go driver", run);
    const out = JSON.parse(run.stdout) as {
      results: CallResult[];
      emptyEmail: CallResult;
      handler: HandlerCheck;
    };
    return {
      ...out,
      withoutArgument: { status: run.status, stderr: run.stderr },
      roundTrips: [],
      compileMs: build.ms,
      vetMs: vet.ms,
      runMs: run.ms,
      gofmtUnformatted: gofmt.stdout.split("\n").filter(Boolean),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A short-lived JVM starts faster with only the quick JIT and the serial collector: javac's
 * time for a batch halves on this machine. It changes no result.
 */
export const JVM_QUICK_START = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

const JAVA_DRIVER = (
  count: number,
  emails: readonly string[],
) => `import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public final class Driver {
    private Driver() {}

    interface Call {
        String call(String email) throws Exception;
    }

    private static String oneLine(Object value) {
        return String.valueOf(value).replace('\\n', ' ').replace('\\r', ' ');
    }

    public static void main(String[] args) throws Exception {
        Call[] calls = {
${Array.from({ length: count }, (_, i) => `            Cases::${JAVA_METHOD}${i},`).join("\n")}
        };
        String[] emails = {
${emails.map((email) => `            ${javaString(email)},`).join("\n")}
        };
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < calls.length; i++) {
            try {
                out.append("token\\t").append(calls[i].call(emails[i])).append('\\n');
            } catch (Exception e) {
                out.append("error\\t").append(oneLine(e)).append('\\n');
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(${javaString(CONTACT_TOKEN_ENDPOINT)}, Cases::${JAVA_HANDLER});
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + ${javaString(CONTACT_TOKEN_ENDPOINT)});
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> post = client.send(
                    HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> get = client.send(
                    HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            out.append("handler\\t").append(post.statusCode())
                    .append('\\t').append(post.headers().firstValue("Content-Type").orElse(""))
                    .append('\\t').append(post.headers().firstValue("Cache-Control").orElse(""))
                    .append('\\t').append(get.statusCode())
                    .append('\\t').append(get.headers().firstValue("Allow").orElse(""))
                    .append('\\t').append(post.body()).append('\\n');
        } finally {
            server.stop(0);
        }
        for (String doc : Files.readString(Path.of(args[0]), StandardCharsets.UTF_8).split("\\n", -1)) {
            String written;
            try {
                written = Cases.Json.write(Cases.Json.read(doc));
            } catch (IllegalArgumentException e) {
                written = "error";
            }
            out.append("json\\t").append(written).append('\\n');
        }
        try {
            String token = Cases.${JAVA_METHOD}("");
            out.append("empty\\ttoken\\t").append(token).append('\\n');
        } catch (Exception e) {
            out.append("empty\\terror\\t").append(oneLine(e)).append('\\n');
        }
        System.out.print(out);
        System.out.flush();
        // Last: the snippet's main without its argument ends this process.
        Cases.main(new String[0]);
        System.exit(3);
    }
}
`;

export async function runJavaBatch(
  codes: readonly string[],
  emails: readonly string[],
  env: Record<string, string>,
  jsonDocs: readonly string[] = [],
): Promise<BatchRun> {
  const parts = codes.map((code) => splitSnippet(code, JAVA_CALL_HEAD, "    }"));
  parts.forEach(({ rest }, i) => {
    if (rest !== parts[0]!.rest) throw new Error(`Java case ${i} differs outside its call method`);
  });
  const dir = mkdtempSync(join(tmpdir(), "snippet-java-batch-"));
  try {
    const methods = parts.map(({ call }, i) =>
      replaceOnce(call, JAVA_CALL_HEAD, JAVA_CALL_HEAD.replace(JAVA_METHOD, `${JAVA_METHOD}${i}`)),
    );
    const classHead = `public final class ${JAVA_CLASS} {\n`;
    const cases = replaceOnce(codes[0]!, classHead, `${classHead}${methods.join("\n")}\n`);
    // The class is renamed; the file name its usage line names (`java OpenCxContactToken.java`) is not.
    const renamed = cases
      .replaceAll(JAVA_FILE, "\u0000")
      .replaceAll(JAVA_CLASS, "Cases")
      .replaceAll("\u0000", JAVA_FILE);
    writeFileSync(join(dir, "Cases.java"), renamed);
    writeFileSync(join(dir, "Driver.java"), JAVA_DRIVER(codes.length, emails));
    writeFileSync(join(dir, "docs.txt"), jsonDocs.join("\n"));
    const javac = await runCommand(
      "javac",
      [
        ...JVM_QUICK_START.map((flag) => `-J${flag}`),
        "-Xlint:all",
        "-Werror",
        "-d",
        "classes",
        "Cases.java",
        "Driver.java",
      ],
      { cwd: dir, env: baseEnv() },
    );
    if (javac.status !== 0) throw failed("javac", javac);
    const run = await runCommand(
      "java",
      [...JVM_QUICK_START, "-cp", "classes", "Driver", "docs.txt"],
      {
        cwd: dir,
        env: baseEnv(env),
      },
    );
    if (!/^empty\t/m.test(run.stdout)) throw failed("the Java driver", run);
    const lines = run.stdout.split("\n").filter(Boolean);
    const results: CallResult[] = [];
    let emptyEmail: CallResult | undefined;
    const roundTrips: string[] = [];
    let handler: HandlerCheck | undefined;
    for (const line of lines) {
      const [kind, ...rest] = line.split("\t");
      if (kind === "token") results.push({ token: rest.join("\t") });
      else if (kind === "error") results.push({ error: rest.join("\t") });
      else if (kind === "json") roundTrips.push(rest.join("\t"));
      else if (kind === "empty") {
        const [outcome, ...text] = rest;
        emptyEmail = outcome === "token" ? { token: text.join("\t") } : { error: text.join("\t") };
      } else if (kind === "handler") {
        const [postStatus, contentType, cacheControl, getStatus, allow, ...body] = rest;
        handler = {
          postStatus: Number(postStatus),
          postBody: body.join("\t"),
          contentType: contentType ?? "",
          cacheControl: cacheControl ?? "",
          getStatus: Number(getStatus),
          allow: allow ?? "",
        };
      } else throw new Error(`Unexpected driver line: ${line}`);
    }
    if (!handler) throw new Error(`The Java driver printed no handler line:\n${run.stdout}`);
    return {
      results,
      emptyEmail: emptyEmail!,
      withoutArgument: { status: run.status, stderr: run.stderr },
      handler,
      roundTrips,
      compileMs: javac.ms,
      runMs: run.ms,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
