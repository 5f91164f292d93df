/**
 * The widget's localStorage keys (domain.md §3.3). There are two per widget
 * token, and the token is used literally in the key.
 */
import type { WidgetMajor } from "../config/versions";
import type { DeviceStorage } from "./types";

export const STORAGE_KEY_PREFIX = "opencx-widget:org-token-";

export interface WidgetStorageKeys {
  /** Holds the unverified contact JWT. */
  contactToken: string;
  /** Holds the externalId of the non-verified contact. */
  externalId: string;
}

/** The two keys the widget uses for `widgetToken`. */
export function storageKeys(widgetToken: string): WidgetStorageKeys {
  const base = `${STORAGE_KEY_PREFIX}${widgetToken}`;
  return { contactToken: `${base}:contact-token`, externalId: `${base}:external-contact-id` };
}

/** `getItem`: own keys only, so a key such as `constructor` never reads the prototype. */
export function readStorage(storage: DeviceStorage, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(storage, key) ? storage[key] : undefined;
}

/** What this browser has persisted for `widgetToken`. */
export function persistedIdentity(
  storage: DeviceStorage,
  widgetToken: string,
): { contactToken?: string; externalId?: string } {
  const keys = storageKeys(widgetToken);
  const out: { contactToken?: string; externalId?: string } = {};
  const contactToken = readStorage(storage, keys.contactToken);
  const externalId = readStorage(storage, keys.externalId);
  if (contactToken !== undefined) out.contactToken = contactToken;
  if (externalId !== undefined) out.externalId = externalId;
  return out;
}

/**
 * "Clear site data" for one widget token: the storage without its two keys
 * (domain.md §15.13: an identity change needs them cleared). Other keys stay.
 */
export function clearWidgetStorage(storage: DeviceStorage, widgetToken: string): DeviceStorage {
  const keys = storageKeys(widgetToken);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(storage)) {
    if (key !== keys.contactToken && key !== keys.externalId) defineEntry(out, key, value);
  }
  return out;
}

/** Every key of `widgetToken`'s namespace: `opencx-widget:org-token-<TOKEN>:…`. */
export function widgetNamespace(widgetToken: string): string {
  return `${STORAGE_KEY_PREFIX}${widgetToken}:`;
}

/**
 * The keys a host removes to reset the visitor or sign them out (domain-v5 §18), in storage order:
 * - v4: the two identity keys (`:contact-token`, `:external-contact-id`);
 * - v5: every key of the widget token's namespace, so also `:active-session` and `:companion-*`.
 */
export function visitorKeys(
  storage: DeviceStorage,
  widgetToken: string,
  major: WidgetMajor,
): string[] {
  const keys = storageKeys(widgetToken);
  const namespace = widgetNamespace(widgetToken);
  return Object.keys(storage).filter((key) =>
    major === "v5"
      ? key.startsWith(namespace)
      : key === keys.contactToken || key === keys.externalId,
  );
}

/** "Reset visitor" / sign-out for `major`: the storage without `visitorKeys`, and those keys. */
export function resetVisitor(
  storage: DeviceStorage,
  widgetToken: string,
  major: WidgetMajor,
): { storage: DeviceStorage; removed: string[] } {
  const removed = visitorKeys(storage, widgetToken, major);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(storage)) {
    if (!removed.includes(key)) defineEntry(out, key, value);
  }
  return { storage: out, removed };
}

/** Applies writes to a copy of `storage`. */
export function applyWrites(
  storage: DeviceStorage,
  writes: readonly { key: string; value: string }[],
): DeviceStorage {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(storage)) defineEntry(out, key, value);
  for (const { key, value } of writes) defineEntry(out, key, value);
  return out;
}

// defineProperty, not assignment: a key such as `__proto__` stays a plain entry.
function defineEntry(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    // Stryker disable next-line BooleanLiteral: DeviceStorage is read-only by type, so no caller can tell whether an entry is writable.
    writable: true,
    // Stryker disable next-line BooleanLiteral: DeviceStorage is read-only by type, so no caller can delete or redefine an entry.
    configurable: true,
  });
}
