/**
 * What the chosen identity set-up means for trust and history, in sentences
 * for the UI (domain.md §4, §3.4, §6.5). Describes a first visit on a fresh
 * browser; `simulateLoad` covers returning visits.
 */
import type { PlaygroundConfig } from "../config/options";
import { simulateLoad } from "./simulate";
import type { CustomDataTrust, LoadEnv, TrustSummary } from "./types";

/** Stands in for the token your backend will pass. */
const PENDING_CONTACT_TOKEN = "contact-token-from-your-server";

export function trustSummary(config: PlaygroundConfig, env: LoadEnv = {}): TrustSummary {
  // Whether a token is present changes the summary, never its value: the stand-in suffices.
  const load = simulateLoad(config, {}, { ...env, contactToken: PENDING_CONTACT_TOKEN });
  const widget = load.widgetConfig;
  const user = widget.user;
  const data = user && "data" in user ? user.data : undefined;
  const externalId = user?.externalId;
  const sentences: string[] = [];

  switch (load.kind) {
    case "verified":
      sentences.push(
        "Verified contact: your server vouches for the visitor with a contact token from authenticate-user, so agents can trust who they talk to.",
      );
      break;
    case "non-verified":
      sentences.push(
        load.row === "E"
          ? "Non-verified contact: your page supplies the email, and anyone can change page data to pose as someone else."
          : "Non-verified contact: the visitor types a name and email, and anyone can type any email.",
      );
      break;
    case "anonymous":
      sentences.push(
        data
          ? "Anonymous contact: without an email, user.data only labels a contact the widget cannot identify."
          : "Anonymous contact: the widget knows nothing about the visitor.",
      );
      break;
  }

  switch (load.historyScope) {
    case "every-device":
      sentences.push(
        "History follows the contact to every device where your site passes their verified token.",
      );
      break;
    case "every-device-scoped": {
      // Stryker disable next-line StringLiteral: this scope exists only with user.externalId, so the fallback is never used.
      const id = JSON.stringify(externalId ?? "");
      sentences.push(
        `History follows the contact across devices, limited to sessions created with externalId ${id}.`,
      );
      break;
    }
    case "this-browser":
      sentences.push(
        externalId
          ? `History is scoped to externalId ${JSON.stringify(externalId)} instead of a random device id, so anyone who knows that id can see these conversations.`
          : "History stays on this browser: a device id saved in localStorage scopes the conversations, so another browser or cleared site data starts over.",
      );
      break;
  }

  let customData: CustomDataTrust = "none";
  if (load.kind === "verified") {
    customData = "trusted";
    sentences.push(
      "customData your server sends to authenticate-user is saved as trusted contact data: visitors cannot tamper with it.",
    );
  } else if (load.form !== null) {
    if (load.form.extraFields.length > 0) {
      customData = "first-message-only";
      sentences.push(
        "Extra form fields are not saved on the contact: their values are prepended to the visitor's first message.",
      );
    } else {
      sentences.push("The form saves only a name and email: no custom data reaches the contact.");
    }
    if (data?.customData)
      sentences.push("user.data.customData is never sent while the form collects the identity.");
  } else if (data?.customData) {
    customData = "untrusted";
    sentences.push(
      "user.data.customData is saved as non_verified_custom_data: agents and automations should treat it as untrusted.",
    );
  } else {
    sentences.push("No custom data is attached to the contact.");
  }

  if (load.formEveryLoad) {
    sentences.push(
      "The welcome form returns on every page load, because extra fields stop the widget reusing the saved contact.",
    );
  } else if (load.form !== null) {
    sentences.push(
      "The welcome form shows once per browser; later visits reuse the saved contact.",
    );
  } else if (config.collectUserData && (config.model === "server" || config.model === "browser")) {
    sentences.push(
      config.model === "server"
        ? "collectUserData is ignored: with a verified token the welcome form never shows."
        : "collectUserData is ignored: with user.data.email the welcome form never shows.",
    );
  }

  return {
    kind: load.kind,
    historyScope: load.historyScope,
    customData,
    formEveryLoad: load.formEveryLoad,
    sentences,
  };
}
