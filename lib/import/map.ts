/**
 * Maps literal widget options (and an authenticate-user body) onto a
 * playground config, reporting everything it could not map.
 *
 * Semantics (domain.md §2, §5, §10.5, §15):
 * - the model follows from the options: `user.token` → verified (server),
 *   else `user.data` → browser, else `collectUserData: true` → collect,
 *   else anonymous; `user.token` wins over `user.data` (reported);
 * - every field the options can express for that model is set from the text,
 *   or to its default when absent; fields the text cannot express (the other
 *   models' fields, the org name, the server body when none is pasted) keep
 *   their current values, so importing a generated snippet gives back the
 *   config that generated it;
 * - a secret (an org API key, a contact JWT) is never imported into any field.
 */
import { isValidColor } from "../color/color";
import { SERVER_LANGUAGE_CHOICES, WIDGET_LANGUAGES } from "../config/languages";
import {
  DEFAULT_CONFIG,
  LIMITS,
  OPTIONS,
  type CustomDataRow,
  type OptionKey,
  type PlaygroundConfig,
  type ServerCustomDataRow,
} from "../config/options";
import { extraFieldProblem } from "../config/schema";
import { WIDGET_TOKEN_PLACEHOLDER } from "../config/widget-config";
import { looksLikeApiKey, looksLikeJwt } from "../rules/helpers";
import { BODY_FIELDS } from "../sandbox/request-body";
import type { LiteralNode, ObjectEntry } from "./literal";
import type { ImportProblem, SourceRange } from "./types";

/** Widget options the playground knows but does not model (domain.md §11, §12). */
const NOT_MODELLED: Readonly<Record<string, string>> = {
  headers: "AI-action plumbing, not authentication: it never identifies the visitor",
  queryParams: "AI-action plumbing, not authentication: it never identifies the visitor",
  bodyProperties: "AI-action plumbing, not authentication: it never identifies the visitor",
  context: "AI context per message, not identity",
  messageCustomData: "per-message data for humans, not identity",
  sessionCustomData: "per-session data for humans, not identity",
  bot: "appearance",
  initialMessages: "appearance",
  initialQuestions: "appearance",
  initialQuestionsPosition: "appearance",
  textContent: "appearance",
  assets: "appearance",
  router: "navigation",
  oneOpenSessionAllowed: "navigation",
  isOpen: "display",
  openAfterNSeconds: "display",
  inline: "display",
  translationOverrides: "text",
  cssOverrides: "appearance",
  customComponents: "custom rendering",
  components: "custom rendering",
  hooks: "callbacks",
  apiUrl: "endpoint",
  socketUrl: "endpoint",
};

/** The top-level widget options the playground models. */
export const MODELLED = [
  "token",
  "language",
  "theme",
  "collectUserData",
  "prefillUserData",
  "extraDataCollectionFields",
  "user",
];
const PLACEHOLDER_TOKENS = new Set([
  WIDGET_TOKEN_PLACEHOLDER,
  "<WIDGET_TOKEN>",
  "WIDGET_TOKEN",
  "<YOUR_WIDGET_TOKEN>",
  "YOUR_TOKEN",
]);

/** Edit distance, for "did you mean" on misspelt option names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(
        row[j]! + 1,
        row[j - 1]! + 1,
        previous + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length]!;
}

function suggestion(key: string, known: readonly string[]): string {
  const best = known.map((k) => ({ k, d: distance(key, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(key.length / 4))
    ? ` Did you mean \`${best.k}\`?`
    : "";
}

export class Report {
  readonly problems: ImportProblem[] = [];
  readonly mapped: string[] = [];
  constructor(private readonly apiKey: string) {}

  error(path: string, message: string, range: SourceRange | null) {
    this.problems.push({ severity: "error", path, message, range });
  }
  warn(path: string, message: string, range: SourceRange | null) {
    this.problems.push({ severity: "warning", path, message, range });
  }

  /** A string value, or `undefined` after reporting why not. Secrets are refused. */
  string(
    path: string,
    node: LiteralNode | undefined,
    opts: {
      max?: number;
      sample?: string;
      /** A further rule for this value: the reason it is refused, or null. */
      check?: (value: string) => string | null;
    } = {},
  ): string | undefined {
    if (node === undefined || node.kind === "undefined") return undefined;
    if (node.kind === "opaque") {
      const sample =
        opts.sample && opts.sample.length > 40 ? `${opts.sample.slice(0, 39)}…` : opts.sample;
      const keep = sample ? ` The playground keeps its sample value "${sample}".` : " Left empty.";
      this.warn(
        path,
        `\`${path}\` is ${node.what}: its value is only known when your page runs.${keep}`,
        node.range,
      );
      return undefined;
    }
    if (node.kind !== "string") {
      this.error(path, `\`${path}\` must be a string, not ${kindName(node)}.`, node.range);
      return undefined;
    }
    if (looksLikeApiKey(node.value, this.apiKey)) {
      this.error(
        path,
        `\`${path}\` holds what looks like an org API key. It must never be in page code: rotate it, and keep it on your server. Not imported.`,
        node.range,
      );
      return undefined;
    }
    if (looksLikeJwt(node.value)) {
      this.error(
        path,
        `\`${path}\` holds a JWT, probably a contact token. Contact tokens are per user and come from your backend; not imported.`,
        node.range,
      );
      return undefined;
    }
    const max = opts.max ?? LIMITS.shortText;
    if (node.value.length > max) {
      this.error(
        path,
        `\`${path}\` is ${node.value.length} characters; the playground keeps at most ${max}. Not imported.`,
        node.range,
      );
      return undefined;
    }
    const refused = opts.check?.(node.value) ?? null;
    if (refused !== null) {
      this.error(path, refused, node.range);
      return undefined;
    }
    this.mapped.push(path);
    return node.value;
  }

  /** An object's entries by key (last wins, as in JavaScript), reporting unreadable ones. */
  object(path: string, node: LiteralNode | undefined): Map<string, ObjectEntry> | undefined {
    if (node === undefined || node.kind === "undefined") return undefined;
    if (node.kind !== "object") {
      if (node.kind === "opaque")
        this.warn(
          path,
          `\`${path}\` is ${node.what}: only an object literal can be read. Left out.`,
          node.range,
        );
      else this.error(path, `\`${path}\` must be an object, not ${kindName(node)}.`, node.range);
      return undefined;
    }
    const out = new Map<string, ObjectEntry>();
    for (const entry of node.entries) {
      if (entry.key === null) {
        const what = entry.value.kind === "opaque" ? entry.value.what : "an entry";
        this.warn(
          path,
          `${capitalise(what)} in \`${path || "options"}\` cannot be read without running the code. Left out.`,
          entry.value.range,
        );
        continue;
      }
      if (out.has(entry.key)) {
        this.warn(
          join(path, entry.key),
          `\`${join(path, entry.key)}\` is set twice; the last one wins, as in JavaScript.`,
          entry.keyRange,
        );
      }
      out.set(entry.key, entry);
    }
    return out;
  }

  unknownKeys(path: string, entries: Map<string, ObjectEntry>, known: readonly string[]) {
    for (const [key, entry] of entries) {
      if (known.includes(key)) continue;
      this.warn(
        join(path, key),
        `\`${join(path, key)}\` is not an option here.${suggestion(key, known)} Left out.`,
        entry.keyRange,
      );
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function kindName(node: LiteralNode): string {
  switch (node.kind) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "null":
      return "null";
    case "undefined":
      return "undefined";
    case "array":
      return "an array";
    case "object":
      return "an object";
    default:
      return node.what;
  }
}

function boolean(report: Report, path: string, node: LiteralNode | undefined): boolean | undefined {
  if (node === undefined || node.kind === "undefined") return undefined;
  if (node.kind === "boolean") {
    report.mapped.push(path);
    return node.value;
  }
  if (node.kind === "opaque")
    report.warn(
      path,
      `\`${path}\` is ${node.what}: only true or false can be read. Left out.`,
      node.range,
    );
  else report.error(path, `\`${path}\` must be true or false, not ${kindName(node)}.`, node.range);
  return undefined;
}

function customDataRows(
  report: Report,
  path: string,
  node: LiteralNode | undefined,
  allowTyped: boolean,
): ServerCustomDataRow[] | undefined {
  const entries = report.object(path, node);
  if (!entries) return undefined;
  const rows: ServerCustomDataRow[] = [];
  for (const [key, entry] of entries) {
    const itemPath = join(path, key);
    const value = entry.value;
    if (key.length > LIMITS.shortText) {
      report.error(
        itemPath,
        `The key \`${key.slice(0, 20)}…\` is longer than ${LIMITS.shortText} characters. Not imported.`,
        entry.keyRange,
      );
      continue;
    }
    if (allowTyped && value.kind === "number") {
      if (!Number.isFinite(value.value)) {
        report.error(itemPath, `\`${itemPath}\` must be a finite number.`, value.range);
        continue;
      }
      rows.push({ key, value: value.value });
      report.mapped.push(itemPath);
      continue;
    }
    if (allowTyped && value.kind === "boolean") {
      rows.push({ key, value: value.value });
      report.mapped.push(itemPath);
      continue;
    }
    if (!allowTyped && (value.kind === "number" || value.kind === "boolean")) {
      report.error(
        itemPath,
        `\`${itemPath}\` must be a string: the widget's type is Record<string, string>. Write '${String(value.value)}'.`,
        value.range,
      );
      continue;
    }
    const text = report.string(itemPath, value);
    if (text !== undefined) rows.push({ key, value: text });
  }
  if (rows.length > LIMITS.customDataRows) {
    report.error(
      path,
      `At most ${LIMITS.customDataRows} custom data entries; the rest were not imported.`,
      node?.range ?? null,
    );
    return rows.slice(0, LIMITS.customDataRows);
  }
  return rows;
}

function stringArray(
  report: Report,
  path: string,
  node: LiteralNode | undefined,
): string[] | undefined {
  if (node === undefined || node.kind === "undefined") return undefined;
  if (node.kind !== "array") {
    if (node.kind === "opaque")
      report.warn(
        path,
        `\`${path}\` is ${node.what}: only an array literal can be read. Left out.`,
        node.range,
      );
    else
      report.error(
        path,
        `\`${path}\` must be an array of strings, not ${kindName(node)}.`,
        node.range,
      );
    return undefined;
  }
  const out: string[] = [];
  node.items.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    const value = report.string(itemPath, item, {
      check: (name) => {
        const problem = extraFieldProblem(name, out);
        if (problem) return `${problem} Not imported.`;
        return out.length >= LIMITS.extraFields
          ? `At most ${LIMITS.extraFields} extra fields. Not imported.`
          : null;
      },
    });
    if (value === undefined) return;
    out.push(value);
  });
  return out;
}

/**
 * A string field: the literal when there is one; the current (sample) value
 * when the code computes it at run time; empty when absent or refused.
 */
function text(
  report: Report,
  path: string,
  node: LiteralNode | undefined,
  sample: string,
  max?: number,
): string {
  const value = report.string(path, node, { sample, max });
  if (value !== undefined) return value;
  return node?.kind === "opaque" ? sample : "";
}

interface ClientFields {
  model: PlaygroundConfig["model"];
  values: Partial<PlaygroundConfig>;
}

/** Maps the widget options object. */
export function mapWidgetOptions(
  root: LiteralNode,
  base: PlaygroundConfig,
  report: Report,
): ClientFields {
  const options = report.object("", root) ?? new Map<string, ObjectEntry>();
  const values: Partial<PlaygroundConfig> = {};
  const entry = (key: string) => options.get(key)?.value;

  for (const [key, e] of options) {
    if (MODELLED.includes(key)) continue;
    const reason = NOT_MODELLED[key];
    if (reason)
      report.warn(
        key,
        `\`${key}\` is ${reason}; the playground does not model it. Left out.`,
        e.keyRange,
      );
    else
      report.warn(
        key,
        `\`${key}\` is not a widget option.${suggestion(key, [...MODELLED, ...Object.keys(NOT_MODELLED)])} Left out.`,
        e.keyRange,
      );
  }

  // token: the public widget token.
  const tokenNode = entry("token");
  if (tokenNode === undefined || tokenNode.kind === "undefined") {
    report.error(
      "token",
      "`token` (the widget token) is required by the widget.",
      root.range.end > root.range.start
        ? { start: root.range.start, end: root.range.start + 1 }
        : null,
    );
  }
  const token = report.string("token", tokenNode);
  values.widgetToken = token === undefined || PLACEHOLDER_TOKENS.has(token.trim()) ? "" : token;

  const language = entry("language");
  if (
    language?.kind === "string" &&
    !(WIDGET_LANGUAGES as readonly string[]).includes(language.value)
  ) {
    report.error(
      "language",
      `\`language\` "${language.value.slice(0, 20)}" is not one of the widget's ${WIDGET_LANGUAGES.length} codes.${suggestion(language.value, WIDGET_LANGUAGES)}`,
      language.range,
    );
  } else {
    const code = report.string("language", language);
    values.language = (code ?? "en") as PlaygroundConfig["language"];
  }

  values.primaryColor = DEFAULT_CONFIG.primaryColor;
  const theme = report.object("theme", entry("theme"));
  if (theme) {
    report.unknownKeys("theme", theme, ["primaryColor"]);
    const colour = report.string("theme.primaryColor", theme.get("primaryColor")?.value, {
      check: (value) =>
        isValidColor(value)
          ? null
          : `"${value.slice(0, 30)}" is not a colour the widget can parse (use hex, rgb(), hsl() or a name).`,
    });
    if (colour !== undefined) values.primaryColor = colour;
  }

  const collectNode = entry("collectUserData");
  const collect = boolean(report, "collectUserData", collectNode) ?? false;

  const user = report.object("user", entry("user"));
  if (user) report.unknownKeys("user", user, ["token", "data", "externalId"]);
  const userToken = user?.get("token")?.value;
  const hasToken = userToken !== undefined && userToken.kind !== "undefined";
  const dataNode = user?.get("data")?.value;
  const hasData = dataNode !== undefined && dataNode.kind !== "undefined";
  const model: PlaygroundConfig["model"] = hasToken
    ? "server"
    : hasData
      ? "browser"
      : collect
        ? "collect"
        : "anonymous";

  values.externalId = text(
    report,
    "user.externalId",
    user?.get("externalId")?.value,
    base.externalId,
  );

  if (hasToken) {
    if (userToken.kind === "string") {
      if (token !== undefined && userToken.value === token && token !== "") {
        report.error(
          "user.token",
          "`user.token` holds the widget token. It must be the contact token your backend gets from authenticate-user for the signed-in user.",
          userToken.range,
        );
      } else if (looksLikeApiKey(userToken.value, base.apiKey)) {
        report.error(
          "user.token",
          "`user.token` holds what looks like an org API key. It must never be in page code: rotate it. The contact token comes from authenticate-user.",
          userToken.range,
        );
      } else {
        report.warn(
          "user.token",
          "`user.token` is a fixed string: every visitor would be this one user. Fetch it per signed-in user from your backend (see the server snippets). The playground does not import contact tokens.",
          userToken.range,
        );
      }
    } else if (userToken.kind !== "opaque") {
      report.error(
        "user.token",
        `\`user.token\` must be a string from your backend, not ${kindName(userToken)}.`,
        userToken.range,
      );
    } else {
      report.mapped.push("user.token");
    }
    if (hasData) {
      report.error(
        "user.data",
        "`user.token` and `user.data` cannot be used together (the TypeScript types forbid it); the widget uses the token and ignores data. Not imported.",
        dataNode.range,
      );
    }
  }

  const formOptionsUsed = model === "collect";
  const prefillNode = entry("prefillUserData");
  const extraNode = entry("extraDataCollectionFields");
  if (formOptionsUsed) {
    const prefill = report.object("prefillUserData", prefillNode);
    if (prefill) report.unknownKeys("prefillUserData", prefill, ["name", "email"]);
    values.prefillName = report.string("prefillUserData.name", prefill?.get("name")?.value) ?? "";
    values.prefillEmail =
      report.string("prefillUserData.email", prefill?.get("email")?.value) ?? "";
    values.extraFields = stringArray(report, "extraDataCollectionFields", extraNode) ?? [];
  } else {
    const reason =
      model === "server"
        ? "the verified model (user.token) never shows the welcome form"
        : model === "browser"
          ? "this playground sets the welcome form only in the Collect model"
          : "they only work with `collectUserData: true` (domain rule: never alone)";
    for (const [key, node] of [
      ["prefillUserData", prefillNode],
      ["extraDataCollectionFields", extraNode],
    ] as const) {
      if (node && node.kind !== "undefined")
        report.warn(key, `\`${key}\` has no effect here: ${reason}. Left out.`, node.range);
    }
  }

  if (model === "browser") {
    const data = report.object("user.data", dataNode);
    if (data) report.unknownKeys("user.data", data, ["name", "email", "avatarUrl", "customData"]);
    values.userName = text(report, "user.data.name", data?.get("name")?.value, base.userName);
    values.userEmail = text(report, "user.data.email", data?.get("email")?.value, base.userEmail);
    values.userAvatarUrl = text(
      report,
      "user.data.avatarUrl",
      data?.get("avatarUrl")?.value,
      base.userAvatarUrl,
    );
    values.userCustomData = (customDataRows(
      report,
      "user.data.customData",
      data?.get("customData")?.value,
      false,
    ) ?? []) as CustomDataRow[];
    if (values.userEmail !== "") {
      if (collect)
        report.warn(
          "collectUserData",
          "`collectUserData` is ignored: with `user.data.email` the widget skips the welcome form.",
          collectNode?.range ?? null,
        );
      values.collectUserData = collect || base.collectUserData;
    } else {
      values.collectUserData = collect;
    }
  } else if (model === "server" && collect) {
    report.warn(
      "collectUserData",
      "`collectUserData` is ignored: `user.token` always wins and the welcome form never shows.",
      collectNode?.range ?? null,
    );
  }

  return { model, values };
}

/** Maps an authenticate-user body literal onto the server fields. */
export function mapServerBody(
  root: LiteralNode,
  base: PlaygroundConfig,
  report: Report,
): Partial<PlaygroundConfig> {
  const body = report.object("body", root);
  if (!body) return {};
  report.unknownKeys("body", body, [...BODY_FIELDS, "custom_data"]);
  const out: Partial<PlaygroundConfig> = {};
  const field = (key: string, option: OptionKey, max?: number) => {
    out[option] = text(
      report,
      `body.${key}`,
      body.get(key)?.value,
      base[option] as string,
      max,
    ) as never;
  };
  field("email", "serverEmail");
  field("name", "serverName");
  field("avatar_url", "serverAvatarUrl");
  field("phone", "serverPhone");
  field("chat_context", "serverChatContext", LIMITS.longText);
  const language = body.get("language")?.value;
  if (
    language?.kind === "string" &&
    !(SERVER_LANGUAGE_CHOICES as readonly string[]).includes(language.value)
  ) {
    report.error(
      "body.language",
      `"${language.value.slice(0, 20)}" is not an authenticate-user language code.`,
      language.range,
    );
    out.serverLanguage = "";
  } else {
    out.serverLanguage = (report.string("body.language", language) ??
      "") as PlaygroundConfig["serverLanguage"];
  }
  const snake = body.get("custom_data");
  if (snake) {
    report.warn(
      "body.custom_data",
      "The API field is `customData` (camelCase); `custom_data` from the old recipe is not the documented name. Imported as customData.",
      snake.keyRange,
    );
  }
  out.serverCustomData =
    customDataRows(
      report,
      "body.customData",
      body.get("customData")?.value ?? snake?.value,
      true,
    ) ?? [];
  const overrides = body.get("http_action_overrides");
  if (overrides)
    report.warn(
      "body.http_action_overrides",
      "`http_action_overrides` is valid but the playground does not model it. Left out.",
      overrides.keyRange,
    );
  for (const key of [
    "serverEmail",
    "serverName",
    "serverAvatarUrl",
    "serverPhone",
    "serverChatContext",
  ] as const) {
    const check = OPTIONS[key].schema.safeParse(out[key]);
    if (!check.success) out[key] = DEFAULT_CONFIG[key];
  }
  return out;
}
