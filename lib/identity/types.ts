/**
 * Types of the identity simulator (domain.md §3). A device is a storage
 * namespace: a reload, a second device and "clear site data" are all just
 * different storage passed to the same pure functions.
 */
import type { WidgetConfig } from "../config/widget-config";

/** A browser's localStorage for the page: key → value. */
export type DeviceStorage = Readonly<Record<string, string>>;

/** Rows of the contact-resolution decision table, domain.md §3.2. */
export type DecisionRow = "A" | "B" | "C" | "D" | "E";
export type Screen = "welcome" | "sessions" | "chat";
export type ContactKind = "anonymous" | "non-verified" | "verified";
export type HistoryScope = "this-browser" | "every-device" | "every-device-scoped";
/** Where the externalId in force came from (domain.md §3.4); `none` when there is none. */
export type ExternalIdSource = "config" | "persisted" | "generated" | "none";

/** The body of the widget's internal create-unverified call. */
export interface CreateUnverifiedContactBody {
  email?: string | null;
  non_verified_name?: string | null;
  non_verified_custom_data?: Record<string, string | number | boolean> | null;
}

export type WidgetApiCall =
  | { kind: "none" }
  | {
      kind: "create-unverified";
      /** `recovery`: v5 mints a fresh contact after the backend rejected the stored token (domain-v5 §3.6). */
      when: "load" | "form-submit" | "recovery";
      body: CreateUnverifiedContactBody;
    };

export interface ResolvedContact {
  /** The contact token in force (a simulated token for non-verified contacts). */
  token: string;
  kind: ContactKind;
  externalId: string | null;
  externalIdSource: ExternalIdSource;
}

/** One `localStorage.setItem` the widget performs. */
export interface StorageWrite {
  key: string;
  value: string;
}

/** What the simulator needs to make ids: a contact token or a device externalId. */
export type IdKind = "contact-token" | "external-id";

/**
 * Makes a new id. `context` describes the situation (widget token, storage,
 * request) so a hash-based generator is deterministic yet differs between
 * situations; a counter-based generator may ignore it.
 */
export type NewId = (kind: IdKind, context: string) => string;

/** Everything about one page load that is not in the playground config. */
export interface LoadEnv {
  /**
   * Whether the resolved contact already has sessions (the first sessions fetch).
   * @default false
   */
  hasSessions?: boolean;
  /**
   * The contact token handed to `toWidgetConfig` for the verified model (the
   * sandbox-issued token in the preview). Falls back to `config.contactToken`.
   */
  contactToken?: string;
  /** `router.chatScreenOnly` (not a playground option). @default false */
  chatScreenOnly?: boolean;
  /** `router.goToChatIfNoSessions` (not a playground option). @default true */
  goToChatIfNoSessions?: boolean;
  /** The id generator. @default hashIds(seed) */
  newId?: NewId;
  /**
   * Mixed into the default hash-based ids. Give each simulated device (and each
   * "clear site data") its own seed so two fresh devices get different ids.
   * @default ""
   */
  seed?: string;
}

/** The welcome form as the widget renders it (domain.md §6.1). */
export interface WelcomeForm {
  /** Initial input values from `prefillUserData` (never from `user.data`, §5.5). */
  prefill: { name: string; email: string };
  /** Extra optional inputs, after the widget drops `name`, `email` and empty names. */
  extraFields: string[];
}

/** One simulated page load (domain.md §3.2–§3.5). */
export interface LoadResult {
  /** Exactly what the widget receives; every rule below is evaluated on it. */
  widgetConfig: WidgetConfig;
  row: DecisionRow;
  /** The router's synchronous first screen, before identity resolves (may flash `welcome`). */
  initialScreen: Screen;
  /** The screen after identity resolution and the first sessions fetch. */
  firstScreen: Screen;
  /** `null` while the welcome form waits for the visitor. */
  contact: ResolvedContact | null;
  /** The kind of contact this load has, or will have once the form is submitted. */
  kind: ContactKind;
  /** The API call made at load. */
  call: WidgetApiCall;
  /** Storage keys read, in order. */
  storageReads: string[];
  /** Storage writes, in order. */
  storageWrites: StorageWrite[];
  storageAfter: DeviceStorage;
  /** The externalId in force after this load (`null` while the form waits, or verified without one). */
  externalId: string | null;
  externalIdSource: ExternalIdSource;
  /** Row C: the form comes back on every page load. */
  formEveryLoad: boolean;
  /** The welcome form when `firstScreen` is `welcome`, else `null`. */
  form: WelcomeForm | null;
  historyScope: HistoryScope;
  /** Short sentences saying what the widget did and why. */
  explanation: string[];
}

export interface WelcomeFormInput {
  name: string;
  email: string;
  /** Extra field name → typed value. Fields not on the form are ignored. */
  extras?: Readonly<Record<string, string>>;
}

/**
 * Why a submit did nothing. `browser-tooltip`: the browser's native validation
 * stops it with its own tooltip. `none`: the widget's own check fails and
 * nothing at all happens (no request, no message, domain.md §6.3).
 */
export interface FormProblem {
  field: "name" | "email" | "form";
  reason: "required" | "too-short" | "invalid-email" | "form-not-shown";
  feedback: "browser-tooltip" | "none";
  message: string;
}

export type SubmitResult =
  | {
      accepted: false;
      problems: FormProblem[];
      call: { kind: "none" };
    }
  | {
      accepted: true;
      call: Extract<WidgetApiCall, { kind: "create-unverified" }>;
      contact: ResolvedContact;
      storageReads: string[];
      storageWrites: StorageWrite[];
      storageAfter: DeviceStorage;
      /** Non-empty extra values, kept in memory for the first message; `undefined` when none. */
      extraCollectedData: Record<string, string> | undefined;
      /** Where the router lands after the submit. */
      nextScreen: Screen;
      explanation: string[];
    };

/** What a custom-data value becomes on the contact. */
export type CustomDataTrust = "none" | "untrusted" | "trusted" | "first-message-only";

export interface TrustSummary {
  kind: ContactKind;
  historyScope: HistoryScope;
  customData: CustomDataTrust;
  formEveryLoad: boolean;
  /** Plain sentences for the UI, most important first. */
  sentences: string[];
}
