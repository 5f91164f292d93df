import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64UrlJson, fakeJwt } from "../secrets/test-support/fake-keys";
import { SANDBOX_DEV_JWT_SECRET } from "../sandbox/settings";
import { issueSandboxToken } from "../sandbox/token";
import {
  compareTokens,
  contactClaimsOf,
  identityFingerprint,
  readContactClaims,
  type TokenSwap,
} from "./fingerprint";

const b64url = base64UrlJson;
const jwt = (
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: "HS256", typ: "JWT" },
) => fakeJwt(header, claims, "signature");

interface Owner {
  org_id: string;
  contact: { id: string; verified: boolean };
  mcp_access?: { server_ids: string[]; account_id?: string };
}
const JANE: Owner = {
  org_id: "org_1",
  contact: { id: "ct_jane", verified: true },
  mcp_access: { server_ids: ["github", "crm"], account_id: "acct_1" },
};
const envelope = (owner: Owner, extra: Record<string, unknown> = {}) =>
  jwt({ sub: { type: "widget-contact", payload: owner }, iat: 1_700_000_000, ...extra });
const flat = (owner: Owner, extra: Record<string, unknown> = {}) =>
  jwt({ ...owner, iat: 1_700_000_000, ...extra });

const expectRenewal = (swap: TokenSwap) => expect(swap.kind, swap.why).toBe("renewal");
function expectReset(swap: TokenSwap, why: RegExp) {
  expect(swap.kind).toBe("reset");
  expect(swap.why).toMatch(why);
}

describe("readContactClaims", () => {
  it("reads the backend envelope and the flat v4-era layout alike", () => {
    const want = {
      orgId: "org_1",
      contactId: "ct_jane",
      verified: true,
      mcpAccess: { serverIds: ["github", "crm"], accountId: "acct_1" },
    };
    expect(readContactClaims(envelope(JANE))).toEqual({ ...want, layout: "envelope" });
    expect(readContactClaims(flat(JANE))).toEqual({ ...want, layout: "flat" });
  });

  it("gives null mcpAccess to a chat-only token and a null accountId without account_id", () => {
    const { mcp_access: _, ...chatOnly } = JANE;
    expect(readContactClaims(envelope(chatOnly))?.mcpAccess).toBeNull();
    expect(
      readContactClaims(envelope({ ...JANE, mcp_access: { server_ids: [] } }))?.mcpAccess,
    ).toEqual({ serverIds: [], accountId: null });
  });

  it.each([
    ["no org_id", { contact: JANE.contact }],
    ["org_id not a string", { ...JANE, org_id: 1 }],
    ["no contact", { org_id: "org_1" }],
    ["contact.id not a string", { ...JANE, contact: { id: 7, verified: true } }],
    ["no contact.verified", { ...JANE, contact: { id: "ct_jane" } }],
    ["verified as a string", { ...JANE, contact: { id: "ct_jane", verified: "true" } }],
    // What the all-servers grant would look like if the backend left server_ids out (§16.3).
    ["mcp_access without server_ids", { ...JANE, mcp_access: {} }],
    ["server_ids not strings", { ...JANE, mcp_access: { server_ids: [1] } }],
    ["account_id not a string", { ...JANE, mcp_access: { server_ids: [], account_id: 1 } }],
    ["mcp_access null", { ...JANE, mcp_access: null }],
  ])("is null with %s, in either layout", (_, owner) => {
    expect(readContactClaims(flat(owner as Owner))).toBeNull();
    expect(readContactClaims(envelope(owner as Owner))).toBeNull();
  });

  it("is null for what is not a JWT, and reads flat claims when sub is not the envelope", () => {
    for (const junk of ["", "abc", "a.b.c", `${b64url({ typ: "JWT" })}.${b64url(JANE)}.sig`])
      expect(readContactClaims(junk)).toBeNull();
    expect(contactClaimsOf({ ...JANE, sub: "ct_jane" })?.layout).toBe("flat");
    expect(contactClaimsOf({ ...JANE, sub: { type: "other", payload: JANE } })?.layout).toBe(
      "flat",
    );
    // A widget-contact envelope with a broken payload does not fall back to the flat claims.
    expect(
      contactClaimsOf({ ...JANE, sub: { type: "widget-contact", payload: { org_id: 1 } } }),
    ).toBeNull();
  });
});

describe("identityFingerprint", () => {
  const base = { apiUrl: "https://api.example", botToken: "wt_1", externalId: "u_1" };

  it("has verifiedOwner null without a token", () => {
    for (const userToken of [undefined, ""])
      expect(JSON.parse(identityFingerprint({ ...base, userToken }))).toEqual({
        ...base,
        verifiedOwner: null,
      });
  });

  it("leaves iat, exp and the signature out and sorts server_ids", () => {
    const a = envelope(JANE, { exp: 1_700_003_600 });
    const b = envelope(
      { ...JANE, mcp_access: { server_ids: ["crm", "github"], account_id: "acct_1" } },
      { iat: 1_700_009_000, exp: 1_700_012_600 },
    ).replace(/\.[^.]+$/, ".b3RoZXI");
    expect(identityFingerprint({ ...base, userToken: a })).toBe(
      identityFingerprint({ ...base, userToken: b }),
    );
    expect(JSON.parse(identityFingerprint({ ...base, userToken: a })).verifiedOwner).toEqual({
      orgId: "org_1",
      contactId: "ct_jane",
      verified: true,
      accountId: "acct_1",
      serverIds: ["crm", "github"],
    });
  });

  it("keeps an undecodable token whole, and tells widget tokens, API URLs and externalIds apart", () => {
    expect(JSON.parse(identityFingerprint({ ...base, userToken: "opaque" }))).toEqual({
      ...base,
      opaqueToken: "opaque",
    });
    const token = envelope(JANE);
    const fp = identityFingerprint({ ...base, userToken: token });
    expect(identityFingerprint({ ...base, botToken: "wt_2", userToken: token })).not.toBe(fp);
    expect(identityFingerprint({ ...base, apiUrl: undefined, userToken: token })).not.toBe(fp);
    expect(identityFingerprint({ ...base, externalId: "u_2", userToken: token })).not.toBe(fp);
  });
});

describe("compareTokens (domain-v5 §3.7, §15.12)", () => {
  it("same owner, different iat and exp: a renewal", () => {
    expectRenewal(
      compareTokens(
        envelope(JANE, { exp: 1_700_003_600 }),
        envelope(JANE, { iat: 1_700_003_000, exp: 1_700_006_600 }),
      ),
    );
  });

  it("ignores the order of server_ids", () => {
    const swapped = {
      ...JANE,
      mcp_access: { server_ids: ["crm", "github"], account_id: "acct_1" },
    };
    expectRenewal(compareTokens(envelope(JANE), envelope(swapped, { iat: 1_700_000_001 })));
  });

  it("flat and envelope claims of the same owner: a renewal", () => {
    expectRenewal(compareTokens(flat(JANE), envelope(JANE, { exp: 1_700_003_600 })));
    expectRenewal(compareTokens(envelope(JANE), flat(JANE, { iat: 1_700_000_500 })));
  });

  it("other claims (email, name, iss) do not matter", () => {
    expectRenewal(
      compareTokens(envelope(JANE, { email: "a@x.io" }), envelope(JANE, { email: "b@y.io" })),
    );
  });

  it.each<[string, Owner, RegExp]>([
    [
      "an added server",
      { ...JANE, mcp_access: { server_ids: ["github", "crm", "drive"], account_id: "acct_1" } },
      /server_ids differ/,
    ],
    [
      "a removed server",
      { ...JANE, mcp_access: { server_ids: ["github"], account_id: "acct_1" } },
      /server_ids differ/,
    ],
    [
      "another account",
      { ...JANE, mcp_access: { server_ids: ["github", "crm"], account_id: "acct_2" } },
      /account_id differs/,
    ],
    [
      "no account",
      { ...JANE, mcp_access: { server_ids: ["github", "crm"] } },
      /account_id differs/,
    ],
    ["another contact", { ...JANE, contact: { id: "ct_john", verified: true } }, /contact/],
    ["another org", { ...JANE, org_id: "org_2" }, /organisation/],
    [
      "verified and not verified",
      { ...JANE, contact: { id: "ct_jane", verified: false } },
      /one is verified and the other is not/,
    ],
  ])("%s: a reset, saying why", (_, other, why) => {
    expectReset(compareTokens(envelope(JANE), envelope(other, { iat: 1_700_000_001 })), why);
    expectReset(compareTokens(flat(other), envelope(JANE)), why);
  });

  it("names every difference, not just the first", () => {
    const swap = compareTokens(
      envelope(JANE),
      envelope({ org_id: "org_2", contact: { id: "ct_john", verified: false } }),
    );
    expect(swap.kind).toBe("reset");
    for (const why of [/organisation/, /contact/, /verified/, /account_id/, /server_ids/])
      expect(swap.why).toMatch(why);
  });

  it("undecodable tokens: a reset, saying which and why", () => {
    expectReset(compareTokens("opaque-1", "opaque-2"), /neither token/);
    expectReset(compareTokens("opaque", envelope(JANE)), /first token does not decode as a JWT/);
    expectReset(
      compareTokens(envelope(JANE), jwt({ sub: "ct_jane" })),
      /second token decodes but carries no contact claims/,
    );
    expectReset(
      compareTokens(envelope(JANE), envelope({ ...JANE, mcp_access: {} as never })),
      /second token.*server_ids/,
    );
    expect(compareTokens("opaque", envelope(JANE)).why).toMatch(/compares the token as text/);
  });

  it("the same token, even an undecodable one, changes nothing", () => {
    expectRenewal(compareTokens("opaque", "opaque"));
    expectRenewal(compareTokens(envelope(JANE), envelope(JANE)));
  });

  it("no token on one side: a reset", () => {
    expectReset(compareTokens("", envelope(JANE)), /no token and a token/);
    expectReset(compareTokens(envelope(JANE), ""), /no token and a token/);
    expectRenewal(compareTokens("", ""));
  });

  it("as the fingerprint is described, chat-only matches server_ids [] of the same owner", () => {
    const { mcp_access: _, ...chatOnly } = JANE;
    expectRenewal(
      compareTokens(envelope(chatOnly), envelope({ ...chatOnly, mcp_access: { server_ids: [] } })),
    );
    expectReset(
      compareTokens(
        envelope(chatOnly),
        envelope({ ...chatOnly, mcp_access: { server_ids: ["*"] } }),
      ),
      /server_ids/,
    );
  });

  it("sandbox tokens: a re-mint for the same user renews; another grant or user resets", async () => {
    const issue = async (body: Parameters<typeof issueSandboxToken>[0], at: number) =>
      (await issueSandboxToken(body, { secret: SANDBOX_DEV_JWT_SECRET, now: () => at })).token;
    const t0 = Date.UTC(2026, 9, 1, 12);
    const jane = { email: "jane@example.com", mcp_access: { server_ids: ["github", "crm"] } };
    const first = await issue(jane, t0);
    expectRenewal(compareTokens(first, await issue(jane, t0 + 55 * 60_000)));
    expectRenewal(
      compareTokens(
        first,
        await issue({ ...jane, mcp_access: { server_ids: ["crm", "github"] } }, t0 + 1000),
      ),
    );
    expectReset(compareTokens(first, await issue({ ...jane, mcp_access: {} }, t0)), /server_ids/);
    expectReset(
      compareTokens(first, await issue({ ...jane, email: "john@example.com" }, t0)),
      /contact/,
    );
    const chat = await issue({ email: "jane@example.com" }, t0);
    expectRenewal(compareTokens(chat, await issue({ email: " JANE@example.com" }, t0 + 60_000)));
  });

  const id = fc.stringMatching(/^[a-z0-9_]{1,12}$/);
  const owner: fc.Arbitrary<Owner> = fc.record(
    {
      org_id: id,
      contact: fc.record({ id, verified: fc.boolean() }),
      mcp_access: fc.record(
        { server_ids: fc.uniqueArray(id, { maxLength: 5 }), account_id: id },
        { requiredKeys: ["server_ids"] },
      ),
    },
    { requiredKeys: ["org_id", "contact"] },
  );

  it("property: any layout, iat, exp and server order of one owner is a renewal", () => {
    fc.assert(
      fc.property(
        owner,
        fc.boolean(),
        fc.boolean(),
        fc.nat(),
        fc.nat(),
        fc.integer(),
        (o, envA, envB, iatA, iatB, seed) => {
          // Another order of the same ids: rotated by the seed, then reversed.
          const ids = o.mcp_access?.server_ids ?? [];
          const k = ids.length === 0 ? 0 : Math.abs(seed) % ids.length;
          const shuffled: Owner = o.mcp_access
            ? {
                ...o,
                mcp_access: {
                  ...o.mcp_access,
                  server_ids: [...ids.slice(k), ...ids.slice(0, k)].reverse(),
                },
              }
            : o;
          const a = (envA ? envelope : flat)(o, { iat: iatA, exp: iatA + 3600 });
          const b = (envB ? envelope : flat)(shuffled, { iat: iatB });
          return compareTokens(a, b).kind === "renewal";
        },
      ),
    );
  });

  it("property: changing the org, contact, verified flag, account or server set resets", () => {
    fc.assert(
      fc.property(
        owner,
        fc.constantFrom("org", "contact", "verified", "account", "servers"),
        (o, what) => {
          const other: Owner = structuredClone(o);
          if (what === "org") other.org_id = `${o.org_id}x`;
          if (what === "contact") other.contact.id = `${o.contact.id}x`;
          if (what === "verified") other.contact.verified = !o.contact.verified;
          if (what === "account")
            other.mcp_access = {
              server_ids: o.mcp_access?.server_ids ?? [],
              account_id: `${o.mcp_access?.account_id ?? ""}x`,
            };
          if (what === "servers")
            other.mcp_access = {
              ...o.mcp_access,
              server_ids: [...(o.mcp_access?.server_ids ?? []), "added-server"],
            };
          return compareTokens(envelope(o), envelope(other)).kind === "reset";
        },
      ),
    );
  });
});
