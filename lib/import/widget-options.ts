/**
 * Maps a literal widget options object onto a playground config, reporting
 * everything it could not map.
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
 *
 * Simple options are read from their rows (`simple-options.ts`); what is written
 * here is what a row cannot say: the model, the contact token, the two structured
 * values, the widget token's placeholders and when the widget ignores an option.
 */
import {
  MODEL_INFO,
  OPTIONS,
  type CustomDataRow,
  type IdentityModel,
  type LoadingMode,
  type PlaygroundConfig,
} from "../config/options";
import { WIDGET_TOKEN_PLACEHOLDER } from "../config/widget-config";
import { looksLikeApiKey } from "../secrets/detect";
import type { LiteralNode } from "./literal";
import { setByLoading } from "./loading";
import { NOT_MODELLED } from "./not-modelled";
import {
  appliesIn,
  MODELLED,
  modelsOf,
  OptionTree,
  parentOf,
  WIDGET_OPTION_PATHS,
  WIDGET_OPTION_ROWS,
} from "./option-tree";
import { kindName, suggestion, type Report } from "./report";
import { readSimple, SIMPLE_WIDGET_ROWS } from "./simple-options";
import { customDataRows, extraFieldNames } from "./structured-values";
import { noteV5Only, type ImportMajors } from "./v5-only";

export { MODELLED } from "./option-tree";

/** What docs and templates write where the widget token goes: not a token. */
export const PLACEHOLDER_TOKENS: ReadonlySet<string> = new Set([
  WIDGET_TOKEN_PLACEHOLDER,
  "<WIDGET_TOKEN>",
  "WIDGET_TOKEN",
  "<YOUR_WIDGET_TOKEN>",
  "YOUR_TOKEN",
]);

/** The paths that choose the model; they are read for that, whatever the model. */
const MODEL_PATHS = ["collectUserData", "user.token", "user.data"];

/**
 * Values under `user` describe the visitor and are usually computed from the page's
 * session: when the text computes one, the playground keeps its sample value.
 */
const KEEPS_SAMPLE = (path: string) => path.startsWith("user.");

interface ClientFields {
  model: PlaygroundConfig["model"];
  values: Partial<PlaygroundConfig>;
}

function reportTopLevelKeys(tree: OptionTree, report: Report, loading: LoadingMode) {
  for (const [key, e] of tree.object("") ?? []) {
    if (MODELLED.includes(key) || setByLoading(key, loading)) continue;
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
}

/** Why an option that only works in `needs` has no effect in `model`. */
function noEffectReason(model: IdentityModel, needs: readonly IdentityModel[]): string {
  if (needs.length === 1 && needs[0] === "collect") {
    return model === "server"
      ? "the verified model (user.token) never shows the welcome form"
      : model === "browser"
        ? "this playground sets the welcome form only in the Collect model"
        : "they only work with `collectUserData: true` (domain rule: never alone)";
  }
  return `it only has an effect in the ${needs.map((m) => MODEL_INFO[m].title).join(" or ")} model`;
}

/** Options set in the text that have no effect in `model`: reported, left out. */
function reportNoEffect(tree: OptionTree, model: IdentityModel, report: Report) {
  for (const path of WIDGET_OPTION_PATHS) {
    if (MODEL_PATHS.some((p) => path === p || path.startsWith(`${p}.`))) continue;
    if (appliesIn(path, model) || !appliesIn(parentOf(path), model)) continue;
    const node = tree.node(path);
    if (node && node.kind !== "undefined")
      report.warn(
        path,
        `\`${path}\` has no effect here: ${noEffectReason(model, modelsOf(path))}. Left out.`,
        node.range,
      );
  }
}

/** The contact token is never imported; the text's `user.token` is checked for mistakes. */
function checkUserToken(
  userToken: LiteralNode,
  widgetToken: string,
  apiKey: string,
  report: Report,
) {
  if (userToken.kind === "string") {
    if (widgetToken !== "" && userToken.value === widgetToken) {
      report.error(
        "user.token",
        "`user.token` holds the widget token. It must be the contact token your backend gets from authenticate-user for the signed-in user.",
        userToken.range,
      );
    } else if (looksLikeApiKey(userToken.value, apiKey)) {
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
}

/** Maps the widget options object. */
export function mapWidgetOptions(
  root: LiteralNode,
  base: PlaygroundConfig,
  report: Report,
  versions: ImportMajors,
  loading: LoadingMode,
): ClientFields {
  const tree = new OptionTree(report, root);
  reportTopLevelKeys(tree, report, loading);
  if (!tree.has("token")) {
    report.error(
      "token",
      "`token` (the widget token) is required by the widget.",
      root.range.end > root.range.start
        ? { start: root.range.start, end: root.range.start + 1 }
        : null,
    );
  }

  const collectNode = tree.node("collectUserData");
  const collect = report.boolean("collectUserData", collectNode) ?? false;
  const hasToken = tree.has("user.token");
  const hasData = tree.has("user.data");
  const model: IdentityModel = hasToken
    ? "server"
    : hasData
      ? "browser"
      : collect
        ? "collect"
        : "anonymous";
  reportNoEffect(tree, model, report);

  const values: Partial<PlaygroundConfig> = {};
  for (const key of SIMPLE_WIDGET_ROWS) {
    const row = WIDGET_OPTION_ROWS.find((r) => r.key === key)!;
    if (!appliesIn(row.path, model)) continue;
    const canSay = OPTIONS[key].versions.includes(versions.text);
    const applies = OPTIONS[key].versions.includes(versions.applied);
    if (!canSay || !applies) {
      // A v4 snippet cannot say a v5 option: absent, the config keeps its value (for a
      // switch to v5). Written anyway into text imported as v4, it is imported and named.
      const node = tree.node(row.path);
      const absent = node === undefined || node.kind === "undefined";
      if (absent && !canSay) continue;
      if (!absent && !applies) noteV5Only(report, row.path, key, node.range);
    }
    const sample = KEEPS_SAMPLE(row.path) ? (base[key] as string) : undefined;
    (values as Record<string, unknown>)[key] = readSimple(
      report,
      key,
      row.path,
      tree.node(row.path),
      sample,
    );
  }
  const token = values.widgetToken ?? "";

  if (hasToken) {
    checkUserToken(tree.node("user.token")!, token, base.apiKey, report);
    if (hasData) {
      report.error(
        "user.data",
        "`user.token` and `user.data` cannot be used together (the TypeScript types forbid it); the widget uses the token and ignores data. Not imported.",
        tree.node("user.data")!.range,
      );
    }
  }
  if (PLACEHOLDER_TOKENS.has(token.trim())) values.widgetToken = "";

  if (model === "collect") {
    values.extraFields =
      extraFieldNames(
        report,
        "extraDataCollectionFields",
        tree.node("extraDataCollectionFields"),
      ) ?? [];
  }

  if (model === "browser") {
    values.userCustomData = (customDataRows(
      report,
      "user.data.customData",
      tree.node("user.data.customData"),
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
