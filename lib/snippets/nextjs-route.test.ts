/**
 * The Next.js route handler's session source: by default the placeholder `getSignedInUser()`
 * the customer implements (the goldens pin that text); with `sessionModule` (the starter
 * project's demo sign-in) an import of it, escaped as a JS string, in place of the placeholder,
 * and nothing else changes.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../config/options";
import { WIDGET_MAJORS } from "../config/versions";
import { nextRouteFile, SIGNED_IN_USER_FUNCTION } from "./nextjs-snippet";
import { transpileErrors } from "./test-support/literal-eval";

const verified = { ...defaultConfig(), model: "server" as const };

describe("nextRouteFile's session source", () => {
  it("declares the placeholder by default", () => {
    const code = nextRouteFile(verified).code;
    expect(code).toContain(
      `async function ${SIGNED_IN_USER_FUNCTION}(): Promise<SignedInUser | null> {`,
    );
    expect(code).toContain("TODO: implement with YOUR auth");
    expect(code).not.toMatch(/^import /m);
  });

  it.each(WIDGET_MAJORS)(
    "%s: imports it from sessionModule instead, above the API URL",
    (major) => {
      const config = { ...verified, widgetVersion: major };
      const plain = nextRouteFile(config).code;
      const code = nextRouteFile(config, { sessionModule: "@/lib/session" }).code;
      const lines = code.split("\n");
      expect(lines[3]).toBe(`import { ${SIGNED_IN_USER_FUNCTION} } from '@/lib/session';`);
      expect(lines[4]).toBe("");
      expect(lines[5]).toMatch(/^const OPENCX_API_URL = /);
      expect(code).not.toContain("interface SignedInUser");
      expect(code).not.toContain("TODO");
      expect(code).toContain(`  const user = await ${SIGNED_IN_USER_FUNCTION}();`);
      // Every other line is the default file's, in order.
      const rest = lines.filter((_, i) => i !== 3 && i !== 4);
      const start = plain.indexOf("interface SignedInUser {");
      const end = plain.indexOf("/**\n * Calls POST");
      expect(rest.join("\n")).toBe(plain.slice(0, start) + plain.slice(end));
      expect(transpileErrors(code, "route.ts")).toEqual([]);
    },
  );

  it("prints the module name as an escaped string literal", () => {
    const code = nextRouteFile(verified, { sessionModule: "it's\n</script>" }).code;
    expect(code).toContain(`import { ${SIGNED_IN_USER_FUNCTION} } from 'it\\'s\\n<\\/script>';`);
    expect(transpileErrors(code, "route.ts")).toEqual([]);
  });
});
