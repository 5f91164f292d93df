/**
 * The Express route: it imports the Node module that runs as shown (the same file the Node
 * target gives), and, run with a stand-in Router and token module, answers `{ token }` minted
 * for the signed-in user's email, 401 without a user, and hands failures to `next`.
 */
import { dirname, posix } from "node:path";
import vm from "node:vm";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { WIDGET_MAJORS } from "../config/versions";
import { generateSnippet } from "./index";
import { CONTACT_TOKEN_ENDPOINT } from "./model";
import {
  CONTACT_TOKEN_FUNCTION,
  EXPRESS_ROUTES_FILE,
  NODE_TOKEN_FILE,
  NODE_TOKEN_IMPORT,
} from "./server-snippets";
import { parseSource, syntaxErrors } from "./test-support/literal-eval";

const verified = (major: (typeof WIDGET_MAJORS)[number]): PlaygroundConfig => ({
  ...defaultConfig(),
  model: "server",
  serverEmail: "sample@example.com",
  widgetVersion: major,
});

interface Handled {
  status: number;
  headers: Record<string, string>;
  json: unknown;
  next: unknown[];
  mintedFor: unknown[];
}

/**
 * Loads the routes module with `express` and the token module replaced by stand-ins, then calls
 * its POST handler with `req` as Express would.
 */
async function callExpressRoute(
  code: string,
  req: Record<string, unknown>,
  mint: (email: unknown) => Promise<string>,
): Promise<Handled & { routes: string[] }> {
  const routes: string[] = [];
  let handler: ((req: unknown, res: unknown, next: unknown) => Promise<void>) | undefined;
  const Router = () => ({
    post: (path: string, h: typeof handler) => {
      routes.push(`POST ${path}`);
      handler = h;
    },
  });
  const mintedFor: unknown[] = [];
  const modules: Record<string, unknown> = {
    express: { Router },
    [NODE_TOKEN_IMPORT]: {
      [CONTACT_TOKEN_FUNCTION]: (email: unknown) => {
        mintedFor.push(email);
        return mint(email);
      },
    },
  };
  const { outputText } = ts.transpileModule(code, {
    // As TypeScript (JS is), so the ES module comes out as CommonJS for the stand-in require.
    fileName: "opencx-routes.ts",
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const require = (name: string) => {
    if (!(name in modules)) throw new Error(`The route imports ${name}`);
    return modules[name];
  };
  const exports: Record<string, unknown> = {};
  (
    vm.runInNewContext(`(function (exports, require) {\n${outputText}\n})`, {}) as (
      e: object,
      r: typeof require,
    ) => void
  )(exports, require);
  expect(Object.keys(exports)).toEqual(["opencxRouter"]);
  const handled: Handled = { status: 200, headers: {}, json: undefined, next: [], mintedFor };
  const res = {
    status(code: number) {
      handled.status = code;
      return res;
    },
    set(name: string, value: string) {
      handled.headers[name] = value;
      return res;
    },
    json(body: unknown) {
      handled.json = body;
      return res;
    },
  };
  await handler!(req, res, (error: unknown) => handled.next.push(error));
  return { ...handled, routes };
}

describe("the Express route", () => {
  it("imports the Node module from beside it: the file the Node target runs", () => {
    expect(posix.join(dirname(EXPRESS_ROUTES_FILE), NODE_TOKEN_IMPORT)).toBe(NODE_TOKEN_FILE);
    for (const major of WIDGET_MAJORS) {
      const express = generateSnippet("express", verified(major));
      expect(express.files.map((f) => f.path)).toEqual([NODE_TOKEN_FILE, EXPRESS_ROUTES_FILE]);
      expect(express.files[0]).toEqual(generateSnippet("node", verified(major)).files[0]);
      const routes = express.files[1]!;
      expect(syntaxErrors(parseSource(routes.code, "opencx-routes.mjs"))).toEqual([]);
      expect(routes.code).toContain(
        `import { getContactToken } from './opencx-contact-token.mjs';\n`,
      );
      // The key and the body stay in the token module.
      expect(routes.code).not.toContain("process.env");
      expect(routes.code).not.toContain("/widget/authenticate-user");
    }
  });

  it.each(WIDGET_MAJORS)(
    "%s: answers { token } (no-store) minted for the signed-in user's email",
    async (major) => {
      const code = generateSnippet("express", verified(major)).files[1]!.code;
      const handled = await callExpressRoute(
        code,
        { user: { email: "signed-in@example.com" } },
        async (email) => `token-for-${String(email)}`,
      );
      expect(handled).toEqual({
        routes: [`POST ${CONTACT_TOKEN_ENDPOINT}`],
        status: 200,
        headers: { "Cache-Control": "no-store" },
        json: { token: "token-for-signed-in@example.com" },
        next: [],
        mintedFor: ["signed-in@example.com"],
      });
    },
  );

  it("answers 401 without a signed-in user, and mints nothing", async () => {
    const code = generateSnippet("express", verified("v5")).files[1]!.code;
    const handled = await callExpressRoute(code, {}, async () => "unused");
    expect(handled).toMatchObject({
      status: 401,
      headers: {},
      json: { error: "Not signed in" },
      next: [],
      mintedFor: [],
    });
  });

  it("hands a failed mint to Express's error handling (next), answering nothing itself", async () => {
    const code = generateSnippet("express", verified("v5")).files[1]!.code;
    const failure = new Error("OpenCX authenticate-user failed: HTTP 401");
    const handled = await callExpressRoute(code, { user: { email: "a@example.com" } }, () =>
      Promise.reject(failure),
    );
    expect(handled).toMatchObject({ status: 200, headers: {}, json: undefined, next: [failure] });
  });
});
