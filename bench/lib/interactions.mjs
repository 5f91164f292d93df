/**
 * The scripted interactions: a deterministic (seeded) walk through the controls that a person
 * would make: switch the identity model, type into that model's fields and the shared ones
 * (one measured interaction per key press, Backspace included), toggle collectUserData, add
 * extra welcome-form fields, pick languages, paste a colour.
 *
 * Each step: { label, kind, testId, key?, value?, setup?, event }. `setup` is done before the
 * measurement is armed (focusing a field, typing a new field's name); `event` is the DOM event
 * whose timeStamp starts the clock: `click` (radios, checkboxes, buttons: the click that
 * changes the state), `keydown` (typing), `input` (select / paste, dispatched by Playwright).
 */

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODELS = ["collect", "browser", "server", "anonymous"];

/** Text fields visible in each model (identity and appearance ones are always visible). */
const FIELDS = {
  shared: [
    "controls.identity.widgetToken",
    "controls.identity.externalId",
    "controls.appearance.orgName",
  ],
  collect: ["controls.collect.prefillName", "controls.collect.prefillEmail"],
  // Not userEmail: with a browser email the widget ignores collectUserData, and the toggle
  // below would then change nothing on screen.
  browser: ["controls.browser.userName", "controls.browser.userAvatarUrl"],
  server: [
    "controls.server.serverEmail",
    "controls.server.serverName",
    "controls.server.serverPhone",
    "controls.server.serverChatContext",
  ],
  anonymous: [],
};

const WORDS = ["jane", "acme", "ws42", "team", "Doe", "plan", "beta", "x9k", "mail", "corp"];
const EXTRA_FIELD_NAMES = [
  "Company",
  "Plan",
  "Team",
  "Role",
  "Region",
  "Seats",
  "Budget",
  "Source",
  "Country",
  "Phone",
  "Size",
  "Stage",
];
const COLOURS = [
  "#2563eb",
  "#fde047",
  "rgb(16 185 129)",
  "hsl(262 83% 58%)",
  "#0f766e",
  "hsl(0 0% 9%)",
];
const WIDGET_LANGUAGES = ["fr", "de", "es", "ar", "en", "pt"];
const SERVER_LANGUAGES = ["fr", "de", "es", "en", "ja"];

/** The measured steps, exactly `count` of them, plus the unmeasured warm-up steps before them. */
export function interactionPlan(count, seed = 20261124) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const steps = [];
  const lengths = new Map();
  const extraFields = [];
  let extraNames = 0;
  let episode = 0;

  const current = new Map([
    ["controls.appearance.language", "en"],
    ["controls.server.serverLanguage", ""],
    ["controls.appearance.primaryColor", "hsl(0 0% 9%)"],
  ]);
  /** A value different from the control's current one, so the step changes something. */
  const pickNew = (testId, list) => {
    const value = pick(list.filter((v) => v !== current.get(testId)));
    current.set(testId, value);
    return value;
  };

  const push = (step) => {
    if (steps.length < count) steps.push(step);
  };

  const typeWord = (model) => {
    const own = FIELDS[model];
    // In the verified model the code panel shows the Node tab, where the widget token and
    // externalId do not appear: only the organisation name (preview) is shared there.
    const shared = model === "server" ? ["controls.appearance.orgName"] : FIELDS.shared;
    const testId = pick(own.length > 0 && random() < 0.6 ? own : shared);
    const word = pick(WORDS);
    const field = testId.split(".").at(-1);
    let first = true;
    for (const ch of word) {
      push({
        label: `type ${field}`,
        kind: "key",
        testId,
        key: ch,
        focus: first,
        event: "keydown",
      });
      first = false;
    }
    lengths.set(testId, (lengths.get(testId) ?? 0) + word.length);
    if (random() < 0.5) {
      const n = 1 + Math.floor(random() * 3);
      for (let i = 0; i < n && (lengths.get(testId) ?? 0) > 0; i++) {
        push({
          label: `backspace ${field}`,
          kind: "key",
          testId,
          key: "Backspace",
          focus: false,
          event: "keydown",
        });
        lengths.set(testId, lengths.get(testId) - 1);
      }
    }
  };

  const special = (model) => {
    if (model === "collect") {
      if (extraFields.length >= 10 || (extraFields.length > 0 && random() < 0.25)) {
        const index = Math.floor(random() * extraFields.length);
        const [name] = extraFields.splice(index, 1);
        push({
          label: "remove extra field",
          kind: "click",
          testId: `controls.collect.extraFields.${index}.remove`,
          event: "click",
          note: name,
        });
      } else {
        const name = EXTRA_FIELD_NAMES[extraNames++ % EXTRA_FIELD_NAMES.length];
        if (extraFields.includes(name)) return;
        extraFields.push(name);
        push({
          label: "add extra field",
          kind: "click",
          testId: "controls.collect.extraFields.add",
          fillFirst: { testId: "controls.collect.extraFields.new", value: name },
          event: "click",
        });
      }
    } else if (model === "browser" || model === "server") {
      if (model === "server") {
        push({
          label: "select serverLanguage",
          kind: "select",
          testId: "controls.server.serverLanguage",
          value: pickNew("controls.server.serverLanguage", SERVER_LANGUAGES),
          event: "input",
        });
      } else {
        push({
          label: "toggle collectUserData",
          kind: "click",
          testId: `controls.${model}.collectUserData`,
          event: "click",
        });
      }
    } else if (random() < 0.5) {
      push({
        label: "select widget language",
        kind: "select",
        testId: "controls.appearance.language",
        value: pickNew("controls.appearance.language", WIDGET_LANGUAGES),
        event: "input",
      });
    } else {
      push({
        label: "paste primary colour",
        kind: "fill",
        testId: "controls.appearance.primaryColor",
        value: pickNew("controls.appearance.primaryColor", COLOURS),
        event: "input",
      });
    }
  };

  while (steps.length < count) {
    const model = MODELS[episode % MODELS.length];
    episode += 1;
    push({
      label: "switch model",
      kind: "click",
      testId: `controls.identity.model.${model}`,
      event: "click",
      note: model,
    });
    const actions = 3 + Math.floor(random() * 3);
    for (let i = 0; i < actions && steps.length < count; i++) {
      if (random() < 0.65) typeWord(model);
      else special(model);
    }
  }
  return steps;
}

/** Unmeasured steps that exercise every model once, so the run starts from warm code paths. */
export function warmUpPlan() {
  return [...MODELS, "anonymous"].map((model) => ({
    label: "warm-up",
    kind: "click",
    testId: `controls.identity.model.${model}`,
    event: "click",
  }));
}
