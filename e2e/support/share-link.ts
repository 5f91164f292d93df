/**
 * Share links built and read by hand. Links are forever, so the suite pins the formats
 * (`?s=2.<lz-string>`, and format 1, made before the widget-version axis, which opens as v4)
 * here rather than borrowing the codec's own tables.
 */
import LZString from "lz-string";
import type { IdentityModel } from "./page/controls";

/** Share-link keys (formats 1 and 2 share them; 2 adds `v`), written out here on purpose. */
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
  /** The widget version (format 2 only): "v4"; absent means v5. */
  v?: string;
  [key: string]: unknown;
}

/** A `?s=2.…` link built by hand, as this page or a person editing a link would make it. */
export function shareLink(values: LinkValues): string {
  return `/?s=2.${LZString.compressToEncodedURIComponent(JSON.stringify(values))}`;
}

/** A `?s=1.…` link, as the playground wrote before the widget-version axis: it opens as v4. */
export function legacyShareLink(values: LinkValues): string {
  return `/?s=1.${LZString.compressToEncodedURIComponent(JSON.stringify(values))}`;
}

/** The settings a share URL carries (`{}` for none), or `null` when it cannot be read. */
export function decodeShareLink(url: string): Record<string, unknown> | null {
  const s = new URL(url, "http://localhost").searchParams.get("s");
  if (s === null) return {};
  const match = /^[12]\.(.*)$/s.exec(s.replace(/ /g, "+"));
  if (!match) return null;
  const json = LZString.decompressFromEncodedURIComponent(match[1] ?? "");
  if (!json) return null;
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}
