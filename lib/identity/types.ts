/**
 * Types of the identity simulator (domain.md §3). A device is a storage
 * namespace: a reload, a second device and "clear site data" are all just
 * different storage passed to the same pure functions.
 */

/** A browser's localStorage for the page: key → value. */
export type DeviceStorage = Readonly<Record<string, string>>;

/** Rows of the contact-resolution decision table, domain.md §3.2. */
export type DecisionRow = "A" | "B" | "C" | "D" | "E";
export type Screen = "welcome" | "sessions" | "chat";
export type ContactKind = "anonymous" | "non-verified" | "verified";
export type HistoryScope = "this-browser" | "every-device" | "every-device-scoped";

/** The body of the widget's internal create-unverified call. */
export interface CreateUnverifiedContactBody {
  email?: string | null;
  non_verified_name?: string | null;
  non_verified_custom_data?: Record<string, string | number | boolean> | null;
}

export type WidgetApiCall =
  | { kind: "none" }
  | { kind: "create-unverified"; when: "load" | "form-submit"; body: CreateUnverifiedContactBody };

export interface ResolvedContact {
  /** The contact token in force (a simulated token for non-verified contacts). */
  token: string;
  kind: ContactKind;
  externalId: string | null;
  externalIdSource: "config" | "persisted" | "generated" | "none";
}
