/**
 * The starter zip: the same files give the same bytes (in any time zone), and unzipping gives
 * back exactly the files, under one top folder.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { defaultConfig } from "../config/options";
import { STARTER_FOLDERS, STARTER_STACKS, starterFiles, starterZip } from "./index";

const LINK = "https://playground.example.test/?s=abc";
const verified = { ...defaultConfig(), model: "server" as const };

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe("starterZip", () => {
  it.each(STARTER_STACKS)("%s: unzips to exactly the files, under one top folder", (stack) => {
    const files = starterFiles(verified, stack, { playgroundUrl: LINK });
    const folder = STARTER_FOLDERS[stack];
    const unzipped = unzipSync(starterZip(files, folder));
    expect(Object.keys(unzipped)).toEqual(files.map((f) => `${folder}/${f.path}`));
    for (const f of files) expect(strFromU8(unzipped[`${folder}/${f.path}`]!)).toBe(f.contents);
  });

  it("gives the same bytes for the same files, whatever the time zone or the clock", () => {
    const files = starterFiles(verified, "nextjs", { playgroundUrl: LINK });
    process.env.TZ = "UTC";
    const utc = starterZip(files, "x");
    process.env.TZ = "Pacific/Kiritimati";
    const plus14 = starterZip(files, "x");
    process.env.TZ = "America/Los_Angeles";
    const minus8 = starterZip(files, "x");
    expect(plus14).toEqual(utc);
    expect(minus8).toEqual(utc);
  });

  it("dates every entry 2026-01-01 00:00 (DOS date and time in the local header)", () => {
    const zip = starterZip([{ path: "a.txt", contents: "a" }], "x");
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // local file header
    expect(view.getUint16(10, true)).toBe(0); // time 00:00:00
    expect(view.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (1 << 5) | 1);
  });

  it("differs when a file differs", () => {
    const a = starterZip([{ path: "a.txt", contents: "a" }], "x");
    const b = starterZip([{ path: "a.txt", contents: "b" }], "x");
    expect(a).not.toEqual(b);
  });

  it.each(["../evil", "/abs", "a//b", "a/./b", "a\\b", ""])("refuses the path %j", (path) => {
    expect(() => starterZip([{ path, contents: "" }], "x")).toThrow(/relative project path/);
    expect(() => starterZip([], path)).toThrow(/relative project path/);
  });

  it("refuses two files at one path", () => {
    const file = { path: "a.txt", contents: "" };
    expect(() => starterZip([file, file], "x")).toThrow(/Two files/);
  });
});
