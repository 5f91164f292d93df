/**
 * The Ruby snippet run by ruby 3 (net/http, json), one process per batch, against the recording
 * stand-in API (`test-support/server-language.ts` states the shared properties), and its
 * Sinatra route, loaded unchanged by ruby with a stand-in for the part of Sinatra's classic DSL
 * it uses (Sinatra is a gem, not in the standard library this suite runs with): its handler runs
 * for a signed-in session and an empty one.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTACT_TOKEN_ENDPOINT } from "./model";
import {
  generateRubySnippet,
  RUBY_FUNCTION_FILE,
  RUBY_ROUTES_FILE,
  RUBY_RUN_USAGE,
} from "./ruby-snippet";
import { loadFixtureConfigs } from "./test-support/fixtures";
import { runRubySnippets } from "./test-support/ruby";
import { describeWithRuntime } from "./test-support/runtimes";
import {
  ENV_API_KEY,
  expectAuthenticateCall,
  expectedWire,
  runCommand,
  serverLanguageProperties,
  type LanguageUnderTest,
} from "./test-support/server-language";
import { startStandInApi, type StandInApi } from "./test-support/stand-in-api";

const RUBY: LanguageUnderTest = {
  name: "Ruby",
  target: "ruby",
  command: "ruby",
  functionFile: RUBY_FUNCTION_FILE,
  usage: RUBY_RUN_USAGE,
  run: runRubySnippets,
};

/** Sinatra's classic DSL as far as the route uses it: routes recorded, run on a request context. */
const FAKE_SINATRA = String.raw`
module FakeSinatra
  ROUTES = {}
  Halt = Struct.new(:status, :headers, :body)
  class Halted < StandardError
    attr_reader :response
    def initialize(response)
      super('halt')
      @response = response
    end
  end
  class Context
    attr_reader :session, :headers
    def initialize(session)
      @session = session
      @headers = {}
    end
    def halt(status, headers, body)
      raise Halted.new(Halt.new(status, headers, body))
    end
    def content_type(type)
      @headers['Content-Type'] = { json: 'application/json' }.fetch(type)
    end
    def cache_control(*values)
      @headers['Cache-Control'] = values.map { |v| v.to_s.tr('_', '-') }.join(', ')
    end
  end
end
def helpers(&block) = FakeSinatra::Context.class_eval(&block)
def post(path, &block) = FakeSinatra::ROUTES[['POST', path]] = block
`;

const ROUTE_RUNNER = String.raw`
require 'json'
require 'sinatra'
load ARGV[0]
route = FakeSinatra::ROUTES.fetch(['POST', ARGV[1]])
sessions = [{ user_email: ARGV[2] }, {}, { user_email: '' }]
results = sessions.map do |session|
  context = FakeSinatra::Context.new(session)
  body = context.instance_exec(&route)
  { 'status' => 200, 'headers' => context.headers, 'body' => body }
rescue FakeSinatra::Halted => e
  { 'status' => e.response.status, 'headers' => e.response.headers, 'body' => e.response.body }
end
print JSON.generate(results)
`;

describeWithRuntime("ruby", "Ruby snippet against the stand-in API", () => {
  describe(RUBY_FUNCTION_FILE, () => {
    serverLanguageProperties(RUBY);
  });

  describe(`${RUBY_ROUTES_FILE} (Sinatra)`, () => {
    const config = loadFixtureConfigs().find((f) => f.name === "verified-full")!.config;
    const EMAIL = "signed.in@example.com";
    let api: StandInApi;
    let dir: string;

    beforeAll(async () => {
      api = await startStandInApi();
      dir = mkdtempSync(join(tmpdir(), "snippet-ruby-route-"));
    });
    afterAll(async () => {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it(`POST ${CONTACT_TOKEN_ENDPOINT}: { token } for the session's user, 401 without one or with an empty email`, async () => {
      for (const file of generateRubySnippet(config).files) {
        writeFileSync(join(dir, file.path), file.code);
      }
      mkdirSync(join(dir, "fake"), { recursive: true });
      writeFileSync(join(dir, "fake", "sinatra.rb"), FAKE_SINATRA);
      writeFileSync(join(dir, "run-route.rb"), ROUTE_RUNNER);
      const before = api.requests.length;
      // The route calls the stand-in API in this process: runCommand does not block it.
      const run = await runCommand(
        "ruby",
        ["-I", join(dir, "fake"), "run-route.rb", RUBY_ROUTES_FILE, CONTACT_TOKEN_ENDPOINT, EMAIL],
        dir,
        { OPENCX_API_URL: api.baseUrl, OPENCX_API_KEY: ENV_API_KEY },
      );
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const requests = api.requests.slice(before);
      expect(requests).toHaveLength(1);
      expectAuthenticateCall(requests[0], expectedWire(config, EMAIL), "Sinatra route");
      const [signedIn, anonymous, emptyEmail] = JSON.parse(run.stdout) as {
        status: number;
        headers: Record<string, string>;
        body: string;
      }[];
      expect(signedIn).toEqual({
        status: 200,
        headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
        body: JSON.stringify({ token: requests[0]!.token }),
      });
      expect(anonymous).toEqual({
        status: 401,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ error: "Not signed in" }),
      });
      // An empty email in the session is nobody signed in too, not a 500 from the token function.
      expect(emptyEmail).toEqual(anonymous);
    });
  });
});
