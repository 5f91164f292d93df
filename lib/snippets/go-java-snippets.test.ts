/**
 * What the Go and Java server snippets say, without a toolchain (the runs are in
 * go-java.property.test.ts and lib/sandbox/run-go-java-snippet.test.ts): the key and base URL
 * come from the environment, the body is the model's, only the token leaves, the route is the
 * one the page fetches, and the command line's email replaces the sample one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { toAuthenticateRequest } from "../config/widget-config";
import { bodyWithEmailParameter, GO_FILE } from "./go-snippet";
import { CONTACT_TOKEN_ENDPOINT, generateSnippet, SERVER_TARGETS, SNIPPET_TARGETS } from "./index";
import { JAVA_FILE } from "./java-snippet";
import { authenticateBodyValue } from "./model";
import { goString, javaString, printGoValue, printJavaValue, raw } from "./print";
import { loadFixtureCases } from "./test-support/fixtures";
import { expectNoSecrets, verifiedConfigs } from "./test-support/property";

const verified: PlaygroundConfig = {
  ...defaultConfig(),
  model: "server",
  serverEmail: "jane@example.com",
  serverName: "Jane",
};
const codeOf = (target: "go" | "java", config: PlaygroundConfig) =>
  generateSnippet(target, config).files[0]!.code;

describe("registration", () => {
  it("puts Go and Java among the server targets, right before cURL", () => {
    expect(SNIPPET_TARGETS.slice(-3)).toEqual(["go", "java", "curl"]);
    expect(SERVER_TARGETS.slice(-3)).toEqual(["go", "java", "curl"]);
  });

  it("gives each one file to save and run, with no install step (standard library only)", () => {
    expect(generateSnippet("go", verified)).toMatchObject({
      target: "go",
      label: "Go",
      files: [{ path: GO_FILE, language: "go" }],
    });
    expect(generateSnippet("java", verified)).toMatchObject({
      target: "java",
      label: "Java",
      files: [{ path: JAVA_FILE, language: "java" }],
    });
    expect(generateSnippet("go", verified).install).toBeUndefined();
    expect(generateSnippet("java", verified).install).toBeUndefined();
    expect(GO_FILE).toBe("opencx_contact_token.go");
    expect(JAVA_FILE).toBe("OpenCxContactToken.java");
  });
});

describe("the body", () => {
  it("is the model's authenticate-user body with the email taken from the argument", () => {
    fc.assert(
      fc.property(verifiedConfigs(true), (config) => {
        const body = bodyWithEmailParameter(config);
        const { email, ...rest } = authenticateBodyValue(config) as Record<string, unknown>;
        expect(email).toBe(toAuthenticateRequest(config).email);
        expect(body).toEqual({ ...rest, email: raw("email") });
        expect(Object.keys(body)).toEqual(Object.keys(toAuthenticateRequest(config)));
      }),
      { numRuns: 200 },
    );
  });

  it("is printed by the language's printer as a native literal for its JSON encoder", () => {
    const body = bodyWithEmailParameter(verified);
    expect(codeOf("go", verified)).toContain(
      `\tbody := ${printGoValue(body, { level: 1, breakTopLevel: true })}\n`,
    );
    expect(codeOf("go", verified)).toContain("payload, err := json.Marshal(body)");
    expect(codeOf("java", verified)).toContain(
      `Map<String, Object> body = ${printJavaValue(body, { level: 2, column: 35, breakTopLevel: true, objectFunction: "object" })};\n`,
    );
    expect(codeOf("java", verified)).toContain(
      "HttpRequest.BodyPublishers.ofString(Json.write(body))",
    );
  });
});

describe("the call", () => {
  it("Go: key and URL from the environment, POST authenticate-user with the Bearer key, any 2xx, only the token back", () => {
    const code = codeOf("go", verified);
    expect(code).toContain('apiKey := os.Getenv("OPENCX_API_KEY")');
    expect(code).toContain('if url := os.Getenv("OPENCX_API_URL"); url != "" {');
    expect(code).toContain('return "https://api.open.cx"');
    expect(code).toContain(
      'http.NewRequest(http.MethodPost, apiURL()+"/widget/authenticate-user", bytes.NewReader(payload))',
    );
    expect(code).toContain('req.Header.Set("Authorization", "Bearer "+apiKey)');
    expect(code).toContain('req.Header.Set("Content-Type", "application/json")');
    expect(code).toContain("if res.StatusCode < 200 || res.StatusCode > 299 {");
    expect(code).toContain("return result.Token, nil");
  });

  it("Java: the same, with java.net.http.HttpClient", () => {
    const code = codeOf("java", verified);
    expect(code).toContain('String apiKey = System.getenv("OPENCX_API_KEY");');
    expect(code).toContain('String url = System.getenv("OPENCX_API_URL");');
    expect(code).toContain('return url == null || url.isEmpty() ? "https://api.open.cx" : url;');
    expect(code).toContain('URI uri = URI.create(OPENCX_API_URL + "/widget/authenticate-user");');
    expect(code).toContain('.header("Authorization", "Bearer " + apiKey)');
    expect(code).toContain('.header("Content-Type", "application/json")');
    expect(code).toContain("if (response.statusCode() < 200 || response.statusCode() > 299) {");
    expect(code).toContain('result.get("token") instanceof String token');
  });
});

describe("the route and the command line", () => {
  it("serves POST on the endpoint the page fetches, 401 without a signed-in user, only { token }", () => {
    const go = codeOf("go", verified);
    expect(go).toContain(
      `//\thttp.HandleFunc(${goString(CONTACT_TOKEN_ENDPOINT)}, HandleContactToken)`,
    );
    expect(go).toContain("http.StatusUnauthorized");
    expect(go).toContain('writeJSON(w, http.StatusOK, map[string]string{"token": token})');
    const java = codeOf("java", verified);
    expect(java).toContain(
      `server.createContext(${javaString(CONTACT_TOKEN_ENDPOINT)}, OpenCxContactToken::handleContactToken);`,
    );
    expect(java).toContain('respond(exchange, 401, object("error", "Not signed in"));');
    expect(java).toContain('respond(exchange, 200, object("token", token));');
  });

  it("send the argument's email, never a sample: the body's email is the parameter", () => {
    const config = { ...verified, serverEmail: 'o"brien\\@example.com' };
    for (const target of ["go", "java"] as const) {
      expect(codeOf(target, config)).not.toContain("brien");
    }
    expect(codeOf("go", config)).toMatch(/^\t\t"email": +email,$/m);
    expect(codeOf("java", config)).toContain('"email", email,');
  });
});

describe("every fixture", () => {
  it("keeps sensitive values out, and the Java file pure ASCII", () => {
    for (const { config } of loadFixtureCases().filter((f) => f.config.model === "server")) {
      for (const target of ["go", "java"] as const) {
        const code = codeOf(target, config);
        expectNoSecrets(code);
        if (config.apiKey) expect(code).not.toContain(config.apiKey);
      }
      expect(codeOf("java", config)).toMatch(/^[\n\x20-\x7e]*$/);
    }
  });
});
