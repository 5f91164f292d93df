import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configArbitrary } from "./arbitraries";
import { defaultConfig, OPTION_KEYS, OPTIONS, type PlaygroundConfig } from "./options";
import {
  inVersion,
  mintsWithMcpAccess,
  toAuthenticateRequest,
  toMcpAccess,
  toWidgetConfig,
} from "./widget-config";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  ...over,
});

const personal = make({
  model: "server",
  serverEmail: "jane@example.com",
  personalConnections: true,
  streaming: true,
  capabilitiesConnections: true,
});

describe("options per widget version (domain-v5.md §10.5, §12, §19)", () => {
  it("identity options are the same in both majors; only the v5 rows are v5-only, and v4's remount v4-only", () => {
    const v5Only = OPTION_KEYS.filter((k) => !OPTIONS[k].versions.includes("v4"));
    expect(v5Only.sort()).toEqual(
      [
        "agentName",
        "capabilitiesConnections",
        "keepMounted",
        "mcpAccountId",
        "mcpServerIds",
        "mcpServerScope",
        "personalConnections",
        "renewsToken",
        "streaming",
      ].sort(),
    );
    // v4 reads its options once per mount: a page remounts it on an identity change (domain-v5.md
    // §3.7). A preview setting, not a widget option: no snippet of either version carries it.
    const v4Only = OPTION_KEYS.filter((k) => !OPTIONS[k].versions.includes("v5"));
    expect(v4Only).toEqual(["remountOnIdentityChange"]);
    expect(OPTIONS.remountOnIdentityChange.widgetOption).toBeNull();
    expect(OPTIONS.remountOnIdentityChange.apiField).toBeNull();
    expect(inVersion(make({ widgetVersion: "v4" }), "streaming")).toBe(false);
    expect(inVersion(make({ widgetVersion: "v4" }), "userEmail")).toBe(true);
  });

  it("v5 emits streaming and capabilities.connections only when switched on", () => {
    expect(toWidgetConfig(make({}))).toEqual({ token: "YOUR_WIDGET_TOKEN" });
    expect(toWidgetConfig(make({ streaming: true }))).toEqual({
      token: "YOUR_WIDGET_TOKEN",
      streaming: true,
    });
    expect(toWidgetConfig(make({ capabilitiesConnections: true }))).toEqual({
      token: "YOUR_WIDGET_TOKEN",
      capabilities: { connections: true },
    });
  });

  it("never puts a v5-only key in a v4 configuration", () => {
    fc.assert(
      fc.property(configArbitrary(), (config) => {
        const v4 = { ...config, widgetVersion: "v4" as const };
        const options = toWidgetConfig(v4, { contactToken: "t" });
        expect(options).not.toHaveProperty("streaming");
        expect(options).not.toHaveProperty("capabilities");
        if (config.model === "server" && config.serverEmail !== "") {
          expect(toAuthenticateRequest(v4)).not.toHaveProperty("mcp_access");
        }
        // Everything else is the same in both majors.
        const v5 = toWidgetConfig({ ...config, widgetVersion: "v5" }, { contactToken: "t" });
        const { streaming: _s, capabilities: _c, ...shared } = v5;
        expect(options).toEqual(shared);
      }),
      { numRuns: 300 },
    );
  });

  it("mints with mcp_access only on v5, in the verified model, with personal connections on", () => {
    expect(mintsWithMcpAccess(personal)).toBe(true);
    expect(mintsWithMcpAccess({ ...personal, widgetVersion: "v4" })).toBe(false);
    expect(mintsWithMcpAccess({ ...personal, model: "browser" })).toBe(false);
    expect(mintsWithMcpAccess({ ...personal, personalConnections: false })).toBe(false);
    expect(toMcpAccess({ ...personal, personalConnections: false })).toBeUndefined();
  });

  it("writes {} for every server, server_ids for a list (empty allows none), and account_id when given", () => {
    expect(toAuthenticateRequest(personal)).toEqual({ email: "jane@example.com", mcp_access: {} });
    expect(toMcpAccess({ ...personal, mcpServerScope: "listed" })).toEqual({ server_ids: [] });
    expect(
      toMcpAccess({ ...personal, mcpServerScope: "listed", mcpServerIds: ["github", " ", "crm"] }),
    ).toEqual({ server_ids: ["github", "crm"] });
    // The list is kept but not sent while every server is chosen.
    expect(toMcpAccess({ ...personal, mcpServerIds: ["github"] })).toEqual({});
    expect(toMcpAccess({ ...personal, mcpAccountId: "acct_1" })).toEqual({ account_id: "acct_1" });
  });
});
