/**
 * The starter as a zip, built where it is asked for (the browser; no server round trip) with
 * fflate. Deterministic: the same files give the same bytes, on any machine and in any time zone.
 *
 * A zip entry's time is a DOS date, in local time: fflate writes `mtime`'s local year, month,
 * day and time. A `Date` made from local parts reads back those same parts in every time zone, so
 * the entries carry 2026-01-01 00:00 wherever the zip is made (never the current time).
 */
import { strToU8, zipSync, type Zippable } from "fflate";
import type { StarterFile } from "./types";

/** Every entry's modification time (see above): local midnight, 1 January 2026. */
export const STARTER_ZIP_MTIME = () => new Date(2026, 0, 1, 0, 0, 0);

/** A path inside the project: relative, `/`-separated, no empty, `.` or `..` segment. */
function checkPath(path: string): void {
  const segments = path.split("/");
  if (path.includes("\\") || segments.some((s) => s === "" || s === "." || s === ".."))
    throw new Error(`Not a relative project path: ${JSON.stringify(path)}`);
}

/**
 * The zip of `files`, each under `folder/` (one top folder, as a downloaded project is expected
 * to unpack), in the order given, compressed with DEFLATE at fflate's default level.
 */
export function starterZip(files: readonly StarterFile[], folder: string): Uint8Array {
  checkPath(folder);
  const entries: Zippable = {};
  for (const file of files) {
    checkPath(file.path);
    const name = `${folder}/${file.path}`;
    if (Object.hasOwn(entries, name)) throw new Error(`Two files at ${name}`);
    entries[name] = strToU8(file.contents);
  }
  return zipSync(entries, { mtime: STARTER_ZIP_MTIME() });
}
