/**
 * The steps of one load the widget takes to resolve a contact (domain.md §3.2–§3.5), each a
 * pure function: what it reads from the options, which decision-table row applies, the
 * welcome form it renders, the create-unverified body, how an unverified contact gets its
 * externalId, where the router lands and which history the contact sees.
 * `simulateLoad` (simulate.ts) runs them in the widget's order and explains each step.
 */
import type { WidgetConfig, WidgetUserData } from "../config/widget-config";
import { readStorage, storageKeys } from "./storage";
import type {
  ContactKind,
  CreateUnverifiedContactBody,
  DeviceStorage,
  ExternalIdSource,
  HistoryScope,
  NewId,
  ResolvedContact,
  Screen,
  StorageWrite,
  WelcomeForm,
} from "./types";

/** The parts of the widget config the identity logic reads. */
export interface IdentityInputs {
  widgetToken: string;
  /** `user.token` when truthy. */
  userToken: string | undefined;
  data: WidgetUserData | undefined;
  /** `user.data.email` when truthy. */
  email: string | undefined;
  /** `user.externalId` when truthy. */
  configExternalId: string | undefined;
  collectUserData: boolean;
  extraFields: string[];
}

export function identityInputs(widget: WidgetConfig): IdentityInputs {
  const user = widget.user;
  const userToken = user && "token" in user && user.token ? user.token : undefined;
  const data = user && "data" in user ? user.data : undefined;
  return {
    widgetToken: widget.token,
    userToken,
    data,
    email: data?.email || undefined,
    configExternalId: user?.externalId || undefined,
    collectUserData: widget.collectUserData === true,
    extraFields: widget.extraDataCollectionFields ?? [],
  };
}

/** Which row of the decision table (§3.2) applies, before storage is consulted for D → E. */
export function candidateRow(inputs: IdentityInputs): "A" | "B" | "C" | "D" | "E" {
  if (inputs.userToken) return "A";
  if (inputs.collectUserData && !inputs.email) return inputs.extraFields.length > 0 ? "C" : "B";
  return inputs.email ? "E" : "D";
}

/** The welcome form as rendered: `name`, `email` and empty extra names are dropped (§6.1). */
export function welcomeFormOf(widget: WidgetConfig): WelcomeForm {
  return {
    prefill: {
      name: widget.prefillUserData?.name ?? "",
      email: widget.prefillUserData?.email ?? "",
    },
    extraFields: (widget.extraDataCollectionFields ?? []).filter(
      (f) => f !== "" && f !== "name" && f !== "email",
    ),
  };
}

export interface RoutingEnv {
  hasSessions?: boolean;
  chatScreenOnly?: boolean;
  goToChatIfNoSessions?: boolean;
}

/** Where the router lands once a contact token is in state (§3.5). */
export function screenAfterResolution(env: RoutingEnv): Screen {
  if (env.chatScreenOnly) return "chat";
  const hasSessions = env.hasSessions ?? false;
  return !hasSessions && env.goToChatIfNoSessions !== false ? "chat" : "sessions";
}

/** The history a contact sees (§3.4, §4). */
export function historyScopeOf(kind: ContactKind, externalId: string | null): HistoryScope {
  if (kind !== "verified") return "this-browser";
  return externalId ? "every-device-scoped" : "every-device";
}

/** The create-unverified body for `user.data`: only the fields that are set; never the avatar. */
export function bodyFromUserData(data: WidgetUserData | undefined): CreateUnverifiedContactBody {
  const body: CreateUnverifiedContactBody = {};
  if (data?.email !== undefined) body.email = data.email;
  if (data?.name !== undefined) body.non_verified_name = data.name;
  if (data?.customData !== undefined) body.non_verified_custom_data = { ...data.customData };
  return body;
}

/** A stable description of the situation, for the hash-based ids. */
export function idContext(widgetToken: string, storage: DeviceStorage, extra: unknown): string {
  // Keys of one storage are distinct, so the comparator never needs to answer "equal".
  // Stryker disable next-line EqualityOperator: with distinct keys `<=` sorts the same, and `>=` sorts in reverse, which is just as independent of the order the browser lists its keys in.
  const entries = Object.entries(storage).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([widgetToken, entries, extra ?? null]);
}

export interface UnverifiedResolution {
  contact: ResolvedContact;
  reads: string[];
  writes: StorageWrite[];
}

/**
 * The widget's `setUnverifiedContact`: externalId = config || persisted || new
 * device id; then both keys are written (§3.3, §3.4).
 */
export function setUnverifiedContact(
  token: string,
  kind: Exclude<ContactKind, "verified">,
  inputs: IdentityInputs,
  storage: DeviceStorage,
  newId: NewId,
  context: string,
): UnverifiedResolution {
  const keys = storageKeys(inputs.widgetToken);
  const persisted = readStorage(storage, keys.externalId);
  let externalId: string;
  let externalIdSource: ExternalIdSource;
  if (inputs.configExternalId) {
    externalId = inputs.configExternalId;
    externalIdSource = "config";
  } else if (persisted) {
    externalId = persisted;
    externalIdSource = "persisted";
  } else {
    externalId = newId("external-id", context);
    externalIdSource = "generated";
  }
  return {
    contact: { token, kind, externalId, externalIdSource },
    reads: [keys.externalId],
    writes: [
      { key: keys.contactToken, value: token },
      { key: keys.externalId, value: externalId },
    ],
  };
}
