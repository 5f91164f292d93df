import { describe, expect, it } from "vitest";
import type { FileChange } from "@/lib/explain/explain";
import { marksOf } from "./diff-marks";

const reason = (options: readonly string[]) => `because ${options.join("+")}`;

describe("marksOf", () => {
  it("splits a hunk where the responsible options change, and gives each reason once per file", () => {
    const file: FileChange = {
      path: "index.html",
      added: false,
      hunks: [
        {
          before: { start: 2, end: 3 },
          after: { start: 2, end: 5 },
          removed: ["old"],
          removedOptions: [["model"]],
          lineOptions: [["model"], ["model"], ["primaryColor"]],
          options: ["model", "primaryColor"],
        },
        {
          before: { start: 8, end: 8 },
          after: { start: 10, end: 11 },
          removed: [],
          removedOptions: [],
          lineOptions: [["model"]],
          options: ["model"],
        },
        {
          before: { start: 12, end: 18 },
          after: { start: 14, end: 14 },
          removed: ["a", "b", "c", "d", "e", "f"],
          removedOptions: Array.from({ length: 6 }, () => ["widgetToken" as const]),
          lineOptions: [],
          options: ["widgetToken"],
        },
      ],
    };
    expect(marksOf(file, reason)).toEqual([
      { kind: "removed", line: 2, count: 0, text: "old", label: undefined },
      { kind: "changed", line: 2, count: 2, label: "because model" },
      { kind: "changed", line: 4, count: 1, label: "because primaryColor" },
      { kind: "added", line: 10, count: 1, label: undefined },
      {
        kind: "removed",
        line: 14,
        count: 0,
        text: "a\nb\nc\nd\n… 2 more removed",
        label: "because widgetToken",
      },
    ]);
  });

  it("marks every line of a new file as added", () => {
    const file: FileChange = {
      path: "server.ts",
      added: true,
      hunks: [
        {
          before: { start: 0, end: 0 },
          after: { start: 0, end: 3 },
          removed: [],
          removedOptions: [],
          lineOptions: [["model"], ["model"], ["model"]],
          options: ["model"],
        },
      ],
    };
    expect(marksOf(file, reason)).toEqual([
      { kind: "added", line: 0, count: 3, label: "because model" },
    ]);
  });
});
