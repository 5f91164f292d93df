/**
 * Named starting points. Each preset is a partial config applied over the
 * defaults, keeping the widget token and appearance the user already chose.
 */
import type { PlaygroundConfig } from "./options";

export interface Preset {
  id: string;
  label: string;
  description: string;
  values: Partial<PlaygroundConfig>;
}

export const PRESETS: readonly Preset[] = [
  {
    id: "anonymous",
    label: "Anonymous",
    description: "Only the widget token: history stays on this browser.",
    values: { model: "anonymous" },
  },
  {
    id: "collect",
    label: "Collect in the widget",
    description: "A welcome form asks for name and email; non-verified.",
    values: { model: "collect" },
  },
  {
    id: "collect-extra-fields",
    label: "Collect with extra fields",
    description: "Company and order number on the form; the form returns on every load.",
    values: { model: "collect", prefillName: "", prefillEmail: "", extraFields: ["Company", "Order #"] },
  },
  {
    id: "browser",
    label: "Pass from the browser",
    description: "Your page passes user.data; non-verified, no form.",
    values: {
      model: "browser",
      userName: "Jane Doe",
      userEmail: "jane@example.com",
      userCustomData: [{ key: "plan", value: "pro" }],
    },
  },
  {
    id: "server",
    label: "Verified by your server",
    description: "Your backend mints a contact token; history follows the user.",
    values: { model: "server", serverEmail: "jane@example.com", serverName: "Jane Doe" },
  },
  {
    id: "multi-tenant",
    label: "Multi-tenant with externalId",
    description: "Verified, with sessions scoped to one workspace.",
    values: {
      model: "server",
      serverEmail: "jane@example.com",
      serverName: "Jane Doe",
      externalId: "workspace_42",
      serverCustomData: [{ key: "workspace", value: "Acme EU" }],
    },
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
