/**
 * One page load of the widget, as a pure function (domain.md §3.2–§3.5).
 *
 * The simulator acts on `toWidgetConfig(config)`, exactly what the widget
 * receives, and mirrors the widget's truthiness checks: an empty `user.token`
 * or an empty persisted token counts as absent, as it does in the widget.
 *
 * Invariants (property-tested):
 * - never throws, and the same inputs give the same result;
 * - the verified row (A) neither reads nor writes storage;
 * - a resolved non-verified contact always has an externalId;
 * - only the two keys of this widget token are ever written.
 */
import type { PlaygroundConfig } from "../config/options";
import { toWidgetConfig } from "../config/widget-config";
import {
  bodyFromUserData,
  candidateRow,
  historyScopeOf,
  idContext,
  identityInputs,
  screenAfterResolution,
  setUnverifiedContact,
  welcomeFormOf,
  type RoutingEnv,
} from "./contact";
import { hashIds } from "./ids";
import { applyWrites, readStorage, storageKeys } from "./storage";
import type {
  ContactKind,
  DecisionRow,
  DeviceStorage,
  LoadEnv,
  LoadResult,
  ResolvedContact,
  Screen,
  StorageWrite,
} from "./types";

const quote = (s: string) => JSON.stringify(s);

function externalIdSentence(contact: ResolvedContact): string {
  switch (contact.externalIdSource) {
    case "config": {
      // Stryker disable next-line StringLiteral: the config source always carries user.externalId, so the fallback is never used.
      const id = quote(contact.externalId ?? "");
      return contact.kind === "verified"
        ? `History is limited to sessions created with externalId ${id}, on any device.`
        : `externalId ${id} comes from user.externalId and replaces the device id, so anyone who knows it can see these conversations.`;
    }
    case "persisted":
      return "This browser's saved externalId is reused, so its earlier conversations stay visible.";
    case "generated":
      return "A new device id is generated and saved as the externalId, so only this browser sees these conversations.";
    case "none":
      return "No externalId is set, so the contact sees their verified sessions from every device.";
  }
}

function routingSentence(screen: Screen, env: RoutingEnv): string {
  if (env.chatScreenOnly) return "router.chatScreenOnly is on, so the chat screen opens.";
  if (screen === "chat")
    return "The contact has no sessions yet, so the widget goes straight to a new chat.";
  return "The sessions list shows first.";
}

/**
 * Simulates one page load: which row of the decision table applies, what the
 * widget sends and stores, and which screen the visitor sees.
 */
export function simulateLoad(
  config: PlaygroundConfig,
  storage: DeviceStorage = {},
  env: LoadEnv = {},
): LoadResult {
  const widgetConfig = toWidgetConfig(config, { contactToken: env.contactToken });
  const inputs = identityInputs(widgetConfig);
  const keys = storageKeys(inputs.widgetToken);
  const newId = env.newId ?? hashIds(env.seed ?? "");
  const initialScreen: Screen =
    inputs.collectUserData && !inputs.userToken
      ? "welcome"
      : env.chatScreenOnly
        ? "chat"
        : "sessions";
  const resolvedScreen = screenAfterResolution(env);

  const explanation: string[] = [];
  const reads: string[] = [];
  let writes: StorageWrite[] = [];
  let call: LoadResult["call"] = { kind: "none" };
  let contact: ResolvedContact | null = null;
  // Stryker disable next-line StringLiteral: every row assigns the kind before it is read.
  let kind: ContactKind = "anonymous";
  let row: DecisionRow = candidateRow(inputs);

  const droppedUserData = Boolean(inputs.data?.name || inputs.data?.customData);
  if (config.model === "server" && !inputs.userToken) {
    explanation.push(
      "user.token is empty, so the widget ignores it and treats the visitor as anonymous.",
    );
  }

  const resolveUnverified = (
    token: string,
    k: Exclude<ContactKind, "verified">,
    extra: unknown,
  ) => {
    const r = setUnverifiedContact(
      token,
      k,
      inputs,
      storage,
      newId,
      idContext(inputs.widgetToken, storage, extra),
    );
    reads.push(...r.reads);
    writes = r.writes;
    return r.contact;
  };

  if (row === "A") {
    kind = "verified";
    const externalId = inputs.configExternalId ?? null;
    contact = {
      // Stryker disable next-line StringLiteral: row A means user.token is set, so the fallback is never used.
      token: inputs.userToken ?? "",
      kind,
      externalId,
      externalIdSource: externalId ? "config" : "none",
    };
    explanation.push(
      "user.token is set, so the widget uses it as a verified contact: no API call at load, and storage is neither read nor written.",
    );
    if (config.collectUserData)
      explanation.push(
        "collectUserData is ignored with a verified token: the welcome form never shows.",
      );
    if (readStorage(storage, keys.contactToken)) {
      explanation.push("An earlier unverified contact token stays in storage, unused.");
    }
  } else if (row === "B" || row === "C") {
    kind = "non-verified";
    if (row === "C") {
      explanation.push(
        "Extra fields are set, so the widget does not read the saved contact token: the welcome form shows on every page load.",
        "Submitting still saves a token and reuses this browser's externalId, so history on this device continues.",
      );
    } else {
      reads.push(keys.contactToken);
      const persisted = readStorage(storage, keys.contactToken);
      if (persisted) {
        contact = resolveUnverified(persisted, "non-verified", null);
        explanation.push(
          "collectUserData is on and this browser already has a contact token, so the widget reuses it and skips the welcome form.",
          "Anonymous and collected contacts share that key, so an earlier anonymous visit also skips the form.",
        );
      } else {
        explanation.push(
          "collectUserData is on and no contact token is saved on this browser, so the welcome form waits for the visitor's name and email.",
        );
      }
    }
    if (droppedUserData) {
      explanation.push(
        "Without user.data.email, user.data name and customData are never sent on this path: the form sends only the typed name and email, and does not prefill from user.data.",
      );
    }
  } else {
    if (row === "D") {
      reads.push(keys.contactToken);
      const persisted = readStorage(storage, keys.contactToken);
      if (persisted) {
        kind = "anonymous";
        contact = resolveUnverified(persisted, kind, null);
        explanation.push(
          "No email is given and this browser has a contact token, so the widget reuses it with no API call.",
        );
        if (droppedUserData) explanation.push("user.data name and customData are not sent again.");
      } else {
        row = "E";
      }
    }
    if (row === "E") {
      const body = bodyFromUserData(inputs.data);
      call = { kind: "create-unverified", when: "load", body };
      kind = inputs.email ? "non-verified" : "anonymous";
      if (inputs.email) {
        explanation.push(
          "user.data.email is set, so the widget upserts the contact with create-unverified on every page load and ignores any saved token.",
        );
        // Only the browser model sets user.data.email, so this is a browser config.
        if (config.collectUserData) {
          explanation.push("The email wins over collectUserData: the welcome form is skipped.");
        }
      } else if (droppedUserData) {
        explanation.push(
          "No email is given and no contact token is saved, so the widget creates a contact from user.data without an email.",
        );
      } else {
        explanation.push(
          "No contact token is saved on this browser, so the widget creates an anonymous contact.",
        );
      }
      contact = resolveUnverified(
        newId("contact-token", idContext(inputs.widgetToken, storage, body)),
        kind,
        body,
      );
    }
    if (inputs.data?.avatarUrl)
      explanation.push("user.data.avatarUrl is not sent: widget 4.0.57 drops it.");
  }

  const resolved = contact;
  const firstScreen: Screen = resolved ? resolvedScreen : "welcome";
  if (resolved) {
    explanation.push(externalIdSentence(resolved));
    if (initialScreen === "welcome") {
      explanation.push(
        "The router starts on the welcome screen and leaves it as soon as the token is set.",
      );
    }
    explanation.push(routingSentence(firstScreen, env));
  }

  return {
    widgetConfig,
    row,
    initialScreen,
    firstScreen,
    contact: resolved,
    kind,
    call,
    storageReads: reads,
    storageWrites: writes,
    storageAfter: writes.length > 0 ? applyWrites(storage, writes) : storage,
    externalId: resolved?.externalId ?? null,
    externalIdSource: resolved?.externalIdSource ?? "none",
    formEveryLoad: row === "C",
    form: firstScreen === "welcome" ? welcomeFormOf(widgetConfig) : null,
    historyScope: historyScopeOf(kind, resolved?.externalId ?? null),
    explanation,
  };
}
