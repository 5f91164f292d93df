/**
 * Maps an authenticate-user body literal onto the server fields. Simple fields are
 * read from their rows' `apiField`; customData (and the old recipe's `custom_data`),
 * `mcp_access` (personal connections, domain-v5.md §10.4) and the unmodelled
 * `http_action_overrides` are written out here.
 */
import { DEFAULT_CONFIG, LIMITS, OPTIONS, type PlaygroundConfig } from "../config/options";
import { BODY_FIELDS, MCP_ACCESS_FIELDS } from "../sandbox/request-body";
import type { LiteralNode } from "./literal";
import { kindName, type Report } from "./report";
import { isFreeText, readSimple, SIMPLE_BODY_ROWS } from "./simple-options";
import { customDataRows } from "./structured-values";
import { noteV5Only, type ImportMajors } from "./v5-only";

type McpFields = Pick<
  PlaygroundConfig,
  "personalConnections" | "mcpServerScope" | "mcpServerIds" | "mcpAccountId"
>;

/** `server_ids`: an array literal of strings (an empty one allows no server). */
function serverIds(report: Report, node: LiteralNode, base: PlaygroundConfig): string[] {
  const path = "body.mcp_access.server_ids";
  if (node.kind === "opaque") {
    report.warn(
      path,
      `\`${path}\` is ${node.what}: it is decided on your server at run time, as it should be. The playground keeps its sample list.`,
      node.range,
    );
    return base.mcpServerIds;
  }
  if (node.kind !== "array") {
    report.error(
      path,
      `\`${path}\` must be an array of server ids, not ${kindName(node)}.`,
      node.range,
    );
    return base.mcpServerIds;
  }
  const ids: string[] = [];
  node.items.forEach((item, i) => {
    const id = report.string(`${path}[${i}]`, item, {
      check: () =>
        ids.length >= LIMITS.serverIds
          ? `At most ${LIMITS.serverIds} server ids. Not imported.`
          : null,
    });
    if (id !== undefined) ids.push(id);
  });
  report.mapped.push(path);
  return ids;
}

/** `mcp_access`: on with its scope and account, or off when the body has none. */
function mcpAccess(
  report: Report,
  node: LiteralNode | undefined,
  base: PlaygroundConfig,
  versions: ImportMajors,
): Partial<McpFields> {
  if (node === undefined || node.kind === "undefined") {
    // A v4 body cannot say it: the v5 setting is kept for a switch back (and left out of v4 snippets).
    return OPTIONS.personalConnections.versions.includes(versions.text)
      ? { personalConnections: false }
      : {};
  }
  const path = "body.mcp_access";
  if (node.kind === "opaque") {
    report.warn(
      path,
      `\`${path}\` is ${node.what}: personal connections are on, with the playground's sample servers and account.`,
      node.range,
    );
    return { personalConnections: true };
  }
  const entries = report.object(path, node);
  if (!entries) return {};
  report.unknownKeys(path, entries, MCP_ACCESS_FIELDS);
  report.mapped.push(path);
  if (!OPTIONS.personalConnections.versions.includes(versions.applied))
    noteV5Only(report, path, "personalConnections", node.range);
  const ids = entries.get("server_ids")?.value;
  const out: Partial<McpFields> = { personalConnections: true };
  if (ids === undefined || ids.kind === "undefined") out.mcpServerScope = "all";
  else {
    out.mcpServerScope = "listed";
    out.mcpServerIds = serverIds(report, ids, base);
  }
  out.mcpAccountId = readSimple(
    report,
    "mcpAccountId",
    `${path}.account_id`,
    entries.get("account_id")?.value,
    base.mcpAccountId,
  );
  return out;
}

export function mapServerBody(
  root: LiteralNode,
  base: PlaygroundConfig,
  report: Report,
  versions: ImportMajors,
): Partial<PlaygroundConfig> {
  const body = report.object("body", root);
  if (!body) return {};
  report.unknownKeys("body", body, [...BODY_FIELDS, "custom_data"]);
  const out: Partial<PlaygroundConfig> = {};
  for (const key of SIMPLE_BODY_ROWS) {
    const field = OPTIONS[key].apiField!;
    // The body is server code: a value it computes keeps the playground's sample.
    const sample = isFreeText(OPTIONS[key]) ? (base[key] as string) : undefined;
    (out as Record<string, unknown>)[key] = readSimple(
      report,
      key,
      `body.${field}`,
      body.get(field)?.value,
      sample,
    );
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
  Object.assign(out, mcpAccess(report, body.get("mcp_access")?.value, base, versions));
  // A sample kept from `base` passes its row's schema too, or falls back to the default.
  for (const key of SIMPLE_BODY_ROWS) {
    if (!OPTIONS[key].schema.safeParse(out[key]).success)
      (out as Record<string, unknown>)[key] = DEFAULT_CONFIG[key];
  }
  return out;
}
