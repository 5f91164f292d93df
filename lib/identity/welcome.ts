/**
 * The welcome form: submitting it (domain.md §6.3–§6.4) and what happens to
 * the extra fields (§6.5).
 */
import type { PlaygroundConfig } from "../config/options";
import { hashIds } from "./ids";
import { identityInputs, idContext, screenAfterResolution, setUnverifiedContact } from "./contact";
import { simulateLoad } from "./simulate";
import { applyWrites } from "./storage";
import type {
  CreateUnverifiedContactBody,
  DeviceStorage,
  FormProblem,
  LoadEnv,
  SubmitResult,
  WelcomeFormInput,
} from "./types";
import {
  MIN_NAME_LENGTH,
  isValidName,
  passesBrowserEmailCheck,
  passesWidgetEmailCheck,
  sanitizeEmailInput,
} from "./validation";

function ownValue(
  record: Readonly<Record<string, string>> | undefined,
  key: string,
): string | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Native validation: `required` on both inputs, `type="email"` on the email (§6.3). */
function browserProblems(name: string, email: string): FormProblem[] {
  const problems: FormProblem[] = [];
  if (name === "") {
    problems.push({
      field: "name",
      reason: "required",
      feedback: "browser-tooltip",
      message: "The name is required: the browser shows its own tooltip and does not submit.",
    });
  }
  if (email === "") {
    problems.push({
      field: "email",
      reason: "required",
      feedback: "browser-tooltip",
      message: "The email is required: the browser shows its own tooltip and does not submit.",
    });
  } else if (!passesBrowserEmailCheck(email)) {
    problems.push({
      field: "email",
      reason: "invalid-email",
      feedback: "browser-tooltip",
      message: "The browser rejects this email address with its own tooltip and does not submit.",
    });
  }
  return problems;
}

/** The widget's zod check, which fails without any message (§6.3). */
function widgetProblems(name: string, email: string): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!isValidName(name)) {
    problems.push({
      field: "name",
      reason: "too-short",
      feedback: "none",
      message: `The name has fewer than ${MIN_NAME_LENGTH} characters: the widget silently does nothing (no request, no message).`,
    });
  }
  if (!passesWidgetEmailCheck(email)) {
    problems.push({
      field: "email",
      reason: "invalid-email",
      feedback: "none",
      message:
        "The widget's own email check rejects this address: it silently does nothing (no request, no message).",
    });
  }
  return problems;
}

/**
 * The visitor submits the welcome form on the page load that `storage`
 * describes. Refused submits make no request; an accepted one creates the
 * non-verified contact from the typed name and email only.
 */
export function submitWelcomeForm(
  config: PlaygroundConfig,
  storage: DeviceStorage,
  input: WelcomeFormInput,
  env: LoadEnv = {},
): SubmitResult {
  const load = simulateLoad(config, storage, env);
  // The load renders a form exactly when its first screen is the welcome screen.
  if (load.form === null) {
    return {
      accepted: false,
      call: { kind: "none" },
      problems: [
        {
          field: "form",
          reason: "form-not-shown",
          feedback: "none",
          message:
            "The welcome form is not shown on this page load, so there is nothing to submit.",
        },
      ],
    };
  }

  const name = input.name;
  const email = sanitizeEmailInput(input.email);
  const native = browserProblems(name, email);
  const problems = native.length > 0 ? native : widgetProblems(name, email);
  if (problems.length > 0) return { accepted: false, call: { kind: "none" }, problems };

  const extraCollectedData: Record<string, string> = {};
  for (const field of load.form.extraFields) {
    const value = ownValue(input.extras, field);
    // defineProperty: a field called `__proto__` must stay a plain entry.
    if (value)
      Object.defineProperty(extraCollectedData, field, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  const hasExtras = Object.keys(extraCollectedData).length > 0;

  const body: CreateUnverifiedContactBody = { email, non_verified_name: name };
  const inputs = identityInputs(load.widgetConfig);
  const newId = env.newId ?? hashIds(env.seed ?? "");
  const context = idContext(inputs.widgetToken, storage, { submit: body });
  const token = newId("contact-token", context);
  const resolution = setUnverifiedContact(token, "non-verified", inputs, storage, newId, context);
  const nextScreen = screenAfterResolution(env);

  const explanation = [
    "The widget calls create-unverified with the typed email and name only: no custom data and no avatar.",
    resolution.contact.externalIdSource === "persisted"
      ? "This browser's saved externalId is reused, so earlier conversations on this device stay visible."
      : resolution.contact.externalIdSource === "config"
        ? "The externalId from user.externalId is saved with the new contact token."
        : "A new device id is generated and saved with the contact token.",
    hasExtras
      ? "The extra field values stay in memory and are prepended to the visitor's first message."
      : "No extra field was filled in, so the first message is sent as typed.",
    nextScreen === "chat"
      ? "The router leaves the welcome screen for a new chat."
      : "The router leaves the welcome screen for the sessions list.",
  ];
  if (load.formEveryLoad)
    explanation.push("The form will show again on the next page load (extra fields are set).");

  return {
    accepted: true,
    call: { kind: "create-unverified", when: "form-submit", body },
    contact: resolution.contact,
    storageReads: resolution.reads,
    storageWrites: resolution.writes,
    storageAfter: applyWrites(storage, resolution.writes),
    extraCollectedData: hasExtras ? extraCollectedData : undefined,
    nextScreen,
    explanation,
  };
}

/**
 * The text of a session's first message (§6.5): one `"<field>: <value>"` line
 * per non-empty extra field, joined by `" \n"`, then `" \n\n"` and the typed
 * text. With no non-empty extras the text is unchanged.
 */
export function composeFirstMessage(
  extraCollectedData: Readonly<Record<string, string>> | undefined,
  text: string,
): string {
  const lines = Object.entries(extraCollectedData ?? {})
    .filter(([, value]) => value !== "")
    .map(([field, value]) => `${field}: ${value}`);
  return lines.length === 0 ? text : `${lines.join(" \n")} \n\n${text}`;
}
