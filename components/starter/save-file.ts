/**
 * Saving bytes made in the page as a download: no server round trip. An object URL on a
 * temporary `<a download>`, clicked once; the URL is revoked a moment later (the browser has
 * started the download from it by then; revoking in the same task breaks it in some browsers).
 */

/** How long the object URL lives after the click. */
const REVOKE_AFTER_MS = 1000;

export function saveFile(bytes: Uint8Array, name: string, type: string): void {
  // A copy on a plain ArrayBuffer: what `Blob` accepts for any `Uint8Array`.
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
