/**
 * The lifecycle advisories: what happens after the first load when the page skips its part
 * (domain-v5.md §3.6, §3.7, §18; domain.md §3.2, §5 rule 11). Each message is stated in full:
 * what the next person sees, and the fix, in the version's words.
 */
import { describe, expect, it } from "vitest";
import { defaultConfig, type PlaygroundConfig } from "../config/options";
import { fakeJwt } from "../secrets/test-support/fake-keys";
import { KEYS_TO_CLEAR, clearKeysFix } from "./helpers";
import { lintConfig } from "./index";

const make = (over: Partial<PlaygroundConfig>): PlaygroundConfig => ({
  ...defaultConfig(),
  widgetToken: "wt_1",
  ...over,
});
const JWT = fakeJwt({ alg: "HS256" }, { sub: "1" }, "signature");
const server = (over: Partial<PlaygroundConfig> = {}) =>
  make({ model: "server", serverEmail: "jane@example.com", contactToken: JWT, ...over });
const only = (id: string, config: PlaygroundConfig) =>
  lintConfig(config)
    .filter((a) => a.id === id)
    .map(({ severity, option, message }) => ({ severity, option, message }));

const V4_FIX =
  "On sign-out, before the next identity loads, remove the widget's two keys, `opencx-widget:org-token-<TOKEN>:contact-token` and `…:external-contact-id`, as the sign-out snippet's clear function does.";
const V5_FIX =
  "On sign-out, before the next identity loads, remove every `opencx-widget:org-token-<TOKEN>:` key (the contact token, the device id and the open-conversation pointer), as the sign-out snippet's clear function does.";

describe("the sign-out fix names the keys of the version (domain-v5.md §18)", () => {
  it("v4: its two keys; v5: its whole namespace", () => {
    expect(clearKeysFix(make({ widgetVersion: "v4" }))).toBe(V4_FIX);
    expect(clearKeysFix(make({ widgetVersion: "v5" }))).toBe(V5_FIX);
    expect(KEYS_TO_CLEAR.v4).not.toContain("active");
    expect(KEYS_TO_CLEAR.v5).toContain("open-conversation pointer");
  });
});

describe("sign-out-keeps-keys: the next person on a shared browser", () => {
  const off = { signOutClearsKeys: false };

  it("browser: a warning, the previous user's stored contact is reused once the page loads without an email", () => {
    for (const [widgetVersion, fix] of [
      ["v4", V4_FIX],
      ["v5", V5_FIX],
    ] as const) {
      expect(
        only(
          "sign-out-keeps-keys",
          make({ model: "browser", userEmail: "jane@example.com", widgetVersion, ...off }),
        ),
      ).toEqual([
        {
          severity: "warning",
          option: "signOutClearsKeys",
          message: `Shared-device leak: the widget stored the signed-in user's contact token, and when your page loads it again with no email after sign-out, the widget reuses that token, so the next person on this browser sees the previous user's conversations. ${fix}`,
        },
      ]);
    }
  });

  it("browser without an email is the same leak (the stored token is reused from the start)", () => {
    expect(
      only("sign-out-keeps-keys", make({ model: "browser", userName: "Jane", ...off }))[0]
        ?.severity,
    ).toBe("warning");
  });

  it("collect: a warning, the stored token is reused and the welcome form skipped", () => {
    expect(only("sign-out-keeps-keys", make({ model: "collect", ...off }))).toEqual([
      {
        severity: "warning",
        option: "signOutClearsKeys",
        message: `Shared-device leak: the next person on this browser reuses the stored contact token, skips the welcome form and sees the previous person's conversations. ${V5_FIX}`,
      },
    ]);
  });

  it("collect with extra fields: a note, the form shows on every load and the stored token is not read", () => {
    const note = {
      severity: "info",
      option: "signOutClearsKeys",
      message: `With extra fields the welcome form shows on every load and the stored contact token is not read, so the next person on this browser does not continue as the previous one; the keys still hold the previous contact's token and device id. ${V4_FIX}`,
    };
    expect(
      only(
        "sign-out-keeps-keys",
        make({ model: "collect", widgetVersion: "v4", extraFields: ["Company"], ...off }),
      ),
    ).toEqual([note]);
    // Blank extra fields are not asked for: the form is an ordinary one.
    expect(
      only(
        "sign-out-keeps-keys",
        make({ model: "collect", widgetVersion: "v4", extraFields: ["", "  "], ...off }),
      )[0]?.severity,
    ).toBe("warning");
    // One real field among blank ones is enough.
    expect(
      only(
        "sign-out-keeps-keys",
        make({ model: "collect", widgetVersion: "v4", extraFields: [" ", "Company"], ...off }),
      ),
    ).toEqual([note]);
  });

  it("anonymous: a note, history tied to the browser is the model; a page with its own sign-in clears it", () => {
    expect(only("sign-out-keeps-keys", make({ model: "anonymous", ...off }))).toEqual([
      {
        severity: "info",
        option: "signOutClearsKeys",
        message: `The next person on this browser continues the stored anonymous contact and sees its conversations: anonymous history belongs to the browser. If your page has its own sign-in, clear the keys when a user signs out. ${V5_FIX}`,
      },
    ]);
  });

  it("server: a note, verified history never leaks; an anonymous contact from before or after can be reused", () => {
    expect(only("sign-out-keeps-keys", server({ widgetVersion: "v4", ...off }))).toEqual([
      {
        severity: "info",
        option: "signOutClearsKeys",
        message: `Verified conversations do not leak: the widget never stores a verified token. An anonymous contact from before sign-in or after sign-out does stay, and the next visitor who is not signed in reuses it and sees its conversations. ${V4_FIX}`,
      },
    ]);
  });

  it("is quiet in every model while the page clears the keys", () => {
    for (const model of ["anonymous", "collect", "browser", "server"] as const) {
      expect(only("sign-out-keeps-keys", make({ model })), model).toEqual([]);
    }
  });
});

describe("remount-missing-v4: v4 reads its options once per mount", () => {
  const off = { widgetVersion: "v4", remountOnIdentityChange: false } as const;
  const FIX =
    "Reload the page, or remount the widget with a new React key (the user's id or a counter), whenever the user changes.";

  it("server: a warning, the previous user's verified token stays", () => {
    expect(only("remount-missing-v4", server(off))).toEqual([
      {
        severity: "warning",
        option: "remountOnIdentityChange",
        message: `Widget v4 reads its options once per mount: after a sign-out or a switch of user it keeps the previous user's verified token, so the next user sees the previous user's verified conversations. ${FIX}`,
      },
    ]);
  });

  it("browser: a warning, the contact made from the previous user's data stays", () => {
    expect(only("remount-missing-v4", make({ model: "browser", ...off }))).toEqual([
      {
        severity: "warning",
        option: "remountOnIdentityChange",
        message: `Widget v4 reads its options once per mount: after a sign-out or a switch of user it keeps the contact made from the previous user's user.data, so the next user sees the previous user's conversations. ${FIX}`,
      },
    ]);
  });

  it("collect: a warning once the sign-out clears the keys (the mounted widget still holds the contact)", () => {
    expect(only("remount-missing-v4", make({ model: "collect", ...off }))).toEqual([
      {
        severity: "warning",
        option: "remountOnIdentityChange",
        message: `Widget v4 reads its options once per mount: after your sign-out clears its keys, the mounted widget still holds the previous person's contact until the page reloads, so the next person sees their conversations. ${FIX}`,
      },
    ]);
    expect(
      only("remount-missing-v4", make({ model: "collect", ...off, signOutClearsKeys: false })),
    ).toEqual([]);
  });

  it("anonymous: a note once the sign-out clears the keys", () => {
    expect(only("remount-missing-v4", make({ model: "anonymous", ...off }))).toEqual([
      {
        severity: "info",
        option: "remountOnIdentityChange",
        message: `Widget v4 reads its options once per mount: after your sign-out clears its keys, the mounted widget still holds the previous anonymous contact until the page reloads. ${FIX}`,
      },
    ]);
    expect(
      only("remount-missing-v4", make({ model: "anonymous", ...off, signOutClearsKeys: false })),
    ).toEqual([]);
  });

  it("is quiet on v5 and while the page remounts, in every model", () => {
    for (const model of ["anonymous", "collect", "browser", "server"] as const) {
      expect(
        only(
          "remount-missing-v4",
          make({ model, widgetVersion: "v5", remountOnIdentityChange: false }),
        ),
        model,
      ).toEqual([]);
      expect(only("remount-missing-v4", make({ model, widgetVersion: "v4" })), model).toEqual([]);
    }
  });
});

describe("renewal-keyed-by-token: v5 keeps a mounted widget across a renewal", () => {
  const TAIL =
    "a widget keyed by the token remounts: the open conversation closes and the widget loads its config again. Keep the widget mounted and pass the new token in `user.token`: v5 swaps a renewed token in place and keeps the conversation, and resets itself when the user changes. Never key it by the token.";

  it("with personal connections: every renewal, before the hour runs out", () => {
    expect(
      only("renewal-keyed-by-token", server({ personalConnections: true, keepMounted: false })),
    ).toEqual([
      {
        severity: "warning",
        option: "keepMounted",
        message: `A token minted with mcp_access is renewed before its hour runs out, so at every renewal ${TAIL}`,
      },
    ]);
  });

  it("chat-only tokens: whenever the page fetches a new one", () => {
    expect(only("renewal-keyed-by-token", server({ keepMounted: false }))).toEqual([
      {
        severity: "warning",
        option: "keepMounted",
        message: `Chat-only tokens do not expire, but whenever your page fetches a new one (say, on a route change) ${TAIL}`,
      },
    ]);
  });
});

describe("mcp-access-without-renewal: a token minted with mcp_access lasts one hour", () => {
  it("is an error naming the 401 and the renewal points", () => {
    expect(
      only(
        "mcp-access-without-renewal",
        server({
          personalConnections: true,
          streaming: true,
          capabilitiesConnections: true,
          renewsToken: false,
        }),
      ),
    ).toEqual([
      {
        severity: "error",
        option: "renewsToken",
        message:
          "A token minted with mcp_access expires after one hour; without a renewal the next request then fails with 401, and the widget never recovers a verified token by itself. Renew it through your backend at about 80 % of its lifetime and when a hidden tab becomes visible again, and pass the new token to the mounted widget in `user.token`.",
      },
    ]);
  });
});

describe("the lifecycle advisories together", () => {
  it("a v5 verified page that neither clears, keeps mounted nor renews: error first, then the warning, then the note", () => {
    const out = lintConfig(
      server({
        personalConnections: true,
        streaming: true,
        capabilitiesConnections: true,
        signOutClearsKeys: false,
        keepMounted: false,
        renewsToken: false,
        // v4's switch, off too: not drawn on v5 and not reported.
        remountOnIdentityChange: false,
      }),
    );
    expect(out.map((a) => `${a.severity}:${a.id}`)).toEqual([
      "error:mcp-access-without-renewal",
      "warning:renewal-keyed-by-token",
      "info:sign-out-keeps-keys",
    ]);
  });

  it("a v4 browser page that neither clears nor remounts: both warnings, v5's switches silent", () => {
    const out = lintConfig(
      make({
        model: "browser",
        widgetVersion: "v4",
        userEmail: "jane@example.com",
        signOutClearsKeys: false,
        remountOnIdentityChange: false,
        keepMounted: false,
        renewsToken: false,
      }),
    ).filter((a) => a.id !== "browser-data-unverified");
    expect(out.map((a) => `${a.severity}:${a.id}`)).toEqual([
      "warning:sign-out-keeps-keys",
      "warning:remount-missing-v4",
    ]);
  });
});
