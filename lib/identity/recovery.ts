/**
 * What the widget does when the backend rejects the contact token in force (a 401), per major
 * (domain-v5.md §3.6):
 *
 * - v4 has no recovery: the dead token stays in storage and every request keeps failing until
 *   someone clears the site data (or, for `user.data` with an email, the next page load upserts).
 * - v5 recovers a *non-verified* token: it forgets the token (`clearContactToken`, only that key),
 *   then calls create-unverified with `user.data` as configured. The persisted externalId is
 *   reused. A collect-mode visitor therefore becomes a new anonymous contact: the name and email
 *   typed into the welcome form are lost, and the form does not come back (a token lands).
 *   A `user.data` visitor is upserted again with the same email.
 * - v5 never recovers a *verified* token: "A host-provided verified token is the host's to renew."
 *   Neither does v4 (it recovers nothing), and clearing site data cannot help there either.
 *
 * Pure and deterministic: ids come from `env.newId` or the hash generator, as in `simulateLoad`.
 */
import type { PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import type { WidgetMajor } from "../config/versions";
import { bodyFromUserData, idContext, identityInputs, setUnverifiedContact } from "./contact";
import { hashIds } from "./ids";
import { applyWrites, storageKeys } from "./storage";
import type {
  CreateUnverifiedContactBody,
  DeviceStorage,
  LoadEnv,
  ResolvedContact,
  StorageWrite,
} from "./types";

/** Why the widget ended where it did after the rejection. */
export type RejectionReason =
  /** v5: a fresh anonymous contact (anonymous visitor, or `user.data` without an email). */
  | "recovered-anonymous"
  /** v5: collect mode; the collected name and email are lost and the form does not return. */
  | "recovered-collected-lost"
  /** v5: `user.data` with an email, upserted again with the same email. */
  | "recovered-same-email"
  /** Either major: a verified token is the host's to renew; requests fail until it does. */
  | "verified-host-renews"
  /** v4: no recovery at all; requests fail until the site data is cleared. */
  | "v4-no-recovery";

export type RejectedTokenOutcome =
  | {
      kind: "recovered";
      reason: Extract<RejectionReason, `recovered-${string}`>;
      contact: ResolvedContact;
      call: {
        kind: "create-unverified";
        when: "recovery";
        body: CreateUnverifiedContactBody;
      };
      /** The contact-token key is removed first; then both identity keys are written. */
      storageRemoved: string[];
      storageWrites: StorageWrite[];
      storageAfter: DeviceStorage;
      explanation: string[];
    }
  | {
      kind: "failing";
      reason: Extract<RejectionReason, "verified-host-renews" | "v4-no-recovery">;
      explanation: string[];
    };

/**
 * domain-v5 §3.6: the sources show recovery (a) when starting a chat gets a 401, and (b) on any
 * 401 through the root runtime; whether (b) is already in 5.0.0 is UNKNOWN. The replica recovers
 * at the first request, as (b) would, and says that this part is not published.
 */
export const RECOVERY_TRIGGER_UNKNOWN =
  "Not published: whether 5.0.0 recovers on any 401, as shown here, or only when starting a chat gets one.";

const SENTENCES: Record<RejectionReason, string> = {
  "recovered-anonymous":
    "Widget v5 recovers: it forgets the rejected token and creates a fresh anonymous contact, reusing this browser's externalId. Conversations of the old token are no longer listed.",
  "recovered-collected-lost":
    "Widget v5 recovers: it forgets the rejected token and creates a fresh anonymous contact. The name and email collected by the welcome form are lost, and the form does not come back.",
  "recovered-same-email":
    "Widget v5 recovers: it forgets the rejected token and upserts the contact again with the same user.data email, so its conversations stay listed.",
  "verified-host-renews":
    "A verified token is never recovered by the widget: requests fail with 401 until your page passes a renewed user.token.",
  "v4-no-recovery":
    "Widget v4 has no recovery: the rejected token stays in storage and every request fails until the site data is cleared.",
};

/** One sentence on what the widget did after a rejected token. */
export function rejectionSentence(reason: RejectionReason): string {
  const sentence = SENTENCES[reason];
  return reason.startsWith("recovered-") ? `${sentence} ${RECOVERY_TRIGGER_UNKNOWN}` : sentence;
}

/**
 * The backend rejects `contact.token`, the token in force on a page whose storage is `storage`.
 * `env` carries the verified token and the id seed, as for `simulateLoad`.
 */
export function rejectedTokenOutcome(
  config: PlaygroundConfig,
  major: WidgetMajor,
  storage: DeviceStorage,
  contact: ResolvedContact,
  env: LoadEnv = {},
): RejectedTokenOutcome {
  const inputs = identityInputs(toWidgetConfig(config));
  // Neither major recovers a verified token: it lives in the host's page, not in storage.
  if (contact.kind === "verified") {
    return {
      kind: "failing",
      reason: "verified-host-renews",
      explanation: [SENTENCES["verified-host-renews"]],
    };
  }
  if (major === "v4") {
    return {
      kind: "failing",
      reason: "v4-no-recovery",
      explanation: [SENTENCES["v4-no-recovery"]],
    };
  }
  const keys = storageKeys(inputs.widgetToken);
  // clearContactToken removes only the token; the device's externalId stays and is reused.
  // Object.fromEntries defines own properties, so even a "__proto__" key is copied as data.
  const cleared: Record<string, string> = Object.fromEntries(
    // Stryker disable next-line ConditionalExpression,MethodExpression: keeping the dead token changes nothing seen: setUnverifiedContact writes the new one over it.
    Object.entries(storage).filter(([key]) => key !== keys.contactToken),
  );
  const body = bodyFromUserData(inputs.data);
  const newId = env.newId ?? hashIds(env.seed);
  const context = idContext(inputs.widgetToken, cleared, { recovery: contact.token, body });
  const kind = inputs.email ? "non-verified" : "anonymous";
  const r = setUnverifiedContact(
    // Stryker disable next-line StringLiteral: the label only namespaces the generated id; any label mints a fresh token.
    newId("contact-token", context),
    kind,
    inputs,
    cleared,
    newId,
    context,
  );
  const reason = inputs.email
    ? "recovered-same-email"
    : inputs.collectUserData
      ? "recovered-collected-lost"
      : "recovered-anonymous";
  return {
    kind: "recovered",
    reason,
    contact: r.contact,
    call: { kind: "create-unverified", when: "recovery", body },
    storageRemoved: [keys.contactToken],
    storageWrites: r.writes,
    storageAfter: applyWrites(cleared, r.writes),
    explanation: [SENTENCES[reason]],
  };
}
