/**
 * Share links built and read by hand. Links are forever, so the suite pins format 1
 * (`?s=1.<lz-string>`) here rather than borrowing the codec's own tables.
 */
import LZString from "lz-string";
import type { IdentityModel } from "./page/controls";

/** Share-link keys of format 1, written out here on purpose. */
export interface LinkValues {
  m?: IdentityModel | string;
  t?: string;
  c?: boolean;
  pn?: string;
  pe?: string;
  x?: unknown[];
  e?: string;
  un?: string;
  ue?: string;
  se?: string;
  sn?: string;
  pc?: string;
  l?: string;
  o?: string;
  [key: string]: unknown;
}

/** A `?s=1.…` link built by hand, as an older page or a person editing a link would make it. */
export function shareLink(values: LinkValues): string {
  return `/?s=1.${LZString.compressToEncodedURIComponent(JSON.stringify(values))}`;
}

/** The settings a share URL carries (`{}` for none), or `null` when it cannot be read. */
export function decodeShareLink(url: string): Record<string, unknown> | null {
  const s = new URL(url, "http://localhost").searchParams.get("s");
  if (s === null) return {};
  const match = /^1\.(.*)$/s.exec(s.replace(/ /g, "+"));
  if (!match) return null;
  const json = LZString.decompressFromEncodedURIComponent(match[1] ?? "");
  if (!json) return null;
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}
