/** The batch runner itself: records per case, and a case that ends the shell ends only itself. */
import { describe, expect, it } from "vitest";
import { runBashBatch } from "./bash";

describe("runBashBatch", () => {
  it("keeps each case's output, error output and last curl arguments apart", () => {
    const results = runBashBatch([
      "printf 'one'; curl -a 'b c'; curl --last",
      "printf 'two' >&2",
      "printf '%s\\0' x y",
    ]);
    expect(results.map((r) => r.status)).toEqual([0, 0, 0]);
    expect(results[0]!.stdout).toBe(
      `one${'{"token":"stub-token","contact":{"id":"c_1"}}'.repeat(2)}`,
    );
    expect(results[0]!.curlArgs).toEqual(["--last"]);
    expect(results[1]).toEqual({ status: 0, stdout: "", stderr: "two", curlArgs: null });
    expect(results[2]!.stdout).toBe("x\0y\0");
  });

  it("reports a case that stops the shell and runs the cases after it in a fresh shell", () => {
    const results = runBashBatch([
      "printf a",
      "set -e; printf b; false; printf never",
      "printf c; exit 0",
      "printf d; curl e | jq -r .token",
    ]);
    expect(results.map((r) => [r.status, r.stdout])).toEqual([
      [0, "a"],
      [1, "b"],
      [0, "c"],
      [0, "dstub-token\n"],
    ]);
    expect(results[3]!.curlArgs).toEqual(["e"]);
  });
});
