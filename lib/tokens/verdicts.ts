/**
 * The inspector's verdicts, one builder per kind: the title, severity, where the credential
 * belongs, the advice and, for a contact token, what its decoded claims say.
 */
import { SANDBOX_ISSUER } from "../sandbox/settings";
import { contactIdentity, identityNotes } from "./identity";
import type {
  ContactTokenInspection,
  EmptyInspection,
  JsonObject,
  MalformedJwtInspection,
  OrgApiKeyInspection,
  SandboxApiKeyInspection,
  UnknownInspection,
  WidgetTokenInspection,
} from "./inspection";

const WHERE = {
  none: "Nowhere yet: paste a token to see where it belongs",
  widget: "WidgetConfig.token in your page",
  contact: "user.token, given by your backend to this user's browser only",
  apiKey: "your server's environment (OPENCX_API_KEY) only",
  secret: "your server's secret store only",
  sandbox:
    "server code calling this playground's sandbox authenticate-user only (like the real key)",
  unknown: "Not sure: none of the widget's three tokens looks like this",
} as const;

/** A NumericDate claim (seconds since the epoch) as an ISO date, or null. */
function numericDate(value: unknown): { ms: number; iso: string } | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  const ms = value * 1000;
  // The range of a JavaScript Date.
  if (Math.abs(ms) > 8.64e15) return null;
  return { ms, iso: new Date(ms).toISOString() };
}

function readableDate(iso: string): string {
  return iso
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, " UTC")
    .replace(/Z$/, " UTC");
}

export function empty(): EmptyInspection {
  return {
    kind: "empty",
    title: "Paste a token to inspect it",
    severity: "ok",
    where: WHERE.none,
    advice:
      "Paste a widget token, a contact token (JWT) or an API key to see what it is and where it belongs. The check runs in this page: nothing is sent anywhere unless you ask to check a JWT's signature.",
    notes: [],
  };
}

export function orgApiKey(
  shape: OrgApiKeyInspection["shape"],
  notes: string[],
): OrgApiKeyInspection {
  if (shape === "private-key") {
    return {
      kind: "org-api-key",
      shape,
      title: "Private key — a secret!",
      severity: "danger",
      where: WHERE.secret,
      advice:
        "A private key signs or decrypts on your server; the widget never needs one. Never put it in page code, a snippet, a URL, an issue or a chat. If it has been shared, replace it and revoke the old one.",
      notes,
    };
  }
  return {
    kind: "org-api-key",
    shape,
    title: "Org API key — a secret!",
    severity: "danger",
    where: WHERE.apiKey,
    advice:
      "Only your backend uses it, as Authorization: Bearer on POST https://api.open.cx/widget/authenticate-user. Never put it in WidgetConfig, page code, a client bundle, a URL or a chat. If it has been published anywhere, revoke it in the OpenCX dashboard and create a new one.",
    notes,
  };
}

export function sandboxApiKey(notes: string[]): SandboxApiKeyInspection {
  return {
    kind: "sandbox-api-key",
    title: "Sandbox API key — only works in this playground",
    severity: "warning",
    where: WHERE.sandbox,
    advice:
      "It is public on purpose and only works against this playground's sandbox, whose tokens open.cx does not accept. Treat it like the real org API key anyway: server code only, never in WidgetConfig or page code, so the habit carries over to the real key.",
    notes,
  };
}

export function widgetToken(notes: string[]): WidgetTokenInspection {
  return {
    kind: "widget-token",
    title: "Looks like a widget token (public)",
    severity: "ok",
    where: WHERE.widget,
    advice:
      "Widget tokens are public: the widget sends it as X-Bot-Token on every request and shows it in the “Powered by” link, so page code is the right place. It is neither a contact token nor the API key: don't put it in user.token or use it to call authenticate-user.",
    notes,
  };
}

export function unknown(reason: string, notes: string[]): UnknownInspection {
  return {
    kind: "unknown",
    reason,
    title: "Not a token this widget uses",
    severity: "warning",
    where: WHERE.unknown,
    advice: `${reason} Widget tokens are short ids without spaces, contact tokens are JWTs (eyJ…), and org API keys start with sk_: check that you copied the whole value and nothing around it.`,
    notes,
  };
}

export function malformedJwt(
  reason: string,
  header: JsonObject | null,
  notes: string[],
): MalformedJwtInspection {
  return {
    kind: "malformed-jwt",
    reason,
    header,
    title: "Broken JWT — it does not decode",
    severity: "warning",
    where: WHERE.contact,
    advice: `${reason} The widget would reject it as user.token: copy the whole token your backend got from authenticate-user, from “eyJ” to the end, with nothing around it.`,
    notes,
  };
}

export function contactToken(
  header: JsonObject,
  claims: JsonObject,
  alg: string,
  nowMs: number,
  notes: string[],
): ContactTokenInspection {
  const exp = numericDate(claims.exp);
  const iat = numericDate(claims.iat);
  const nbf = numericDate(claims.nbf);
  const expired = exp !== null && nowMs >= exp.ms;
  const notYetValid = nbf !== null && nowMs < nbf.ms;
  const algNone = alg.trim().toLowerCase() === "none";
  const issuer = typeof claims.iss === "string" ? claims.iss : null;
  const aud = claims.aud;
  const audience =
    typeof aud === "string"
      ? [aud]
      : Array.isArray(aud)
        ? aud.filter((a): a is string => typeof a === "string")
        : [];
  const subject = typeof claims.sub === "string" ? claims.sub : null;
  const claimsSandboxIssuer = issuer === SANDBOX_ISSUER;
  const identity = contactIdentity(claims, nowMs);

  const found = [...notes];
  found.push("Decoded without checking the signature: anyone can write these claims.");
  for (const [name, parsed] of [
    ["exp", exp],
    ["iat", iat],
    ["nbf", nbf],
  ] as const) {
    if (claims[name] !== undefined && parsed === null)
      found.push(`“${name}” is not a valid date (seconds since 1970).`);
  }
  if (identity === null)
    found.push(
      "It carries none of the widget's contact claims (org_id and contact, in sub.payload or flat): the v5 widget treats it as an opaque token, so any change of it resets a mounted widget.",
    );
  else found.push(...identityNotes(identity));
  if (claims.exp === undefined)
    found.push(
      identity?.access.kind === "chat-only"
        ? "No “exp”: a chat-only token (no mcp_access) never expires, as open.cx documents, so a leaked copy works until the contact is changed."
        : "No “exp”: the token never expires, so a leaked copy works until the contact is changed.",
    );
  if (claimsSandboxIssuer)
    found.push("Its issuer says this playground's sandbox: such tokens open nothing at open.cx.");

  const base = {
    kind: "contact-token" as const,
    where: WHERE.contact,
    header,
    claims,
    alg,
    algNone,
    expiresAt: exp?.iso ?? null,
    issuedAt: iat?.iso ?? null,
    notBefore: nbf?.iso ?? null,
    expired,
    notYetValid,
    issuer,
    audience,
    subject,
    claimsSandboxIssuer,
    identity,
    notes: found,
  };
  const never =
    "never put it in WidgetConfig.token, hard-code it in page code, or reuse it for another user";
  if (algNone) {
    return {
      ...base,
      title: "Unsigned JWT (alg: none) — do not trust it",
      severity: "danger",
      advice:
        "Anyone can write a token with alg: none, so OpenCX and any careful server reject it. Get a signed contact token from POST /widget/authenticate-user instead, and never let your own code accept unsigned tokens.",
    };
  }
  if (expired && exp) {
    return {
      ...base,
      title: "Contact token (JWT) — expired",
      severity: "warning",
      advice: `It expired on ${readableDate(exp.iso)}, so it no longer identifies this user. Have your backend call authenticate-user again and give the fresh token to the browser as user.token; ${never}.`,
    };
  }
  if (notYetValid && nbf) {
    return {
      ...base,
      title: "Contact token (JWT) — not valid yet",
      severity: "warning",
      advice: `It is not valid before ${readableDate(nbf.iso)} (“nbf”), so it will be refused until then; check the issuing server's clock. Once valid it goes to this user's browser as user.token; ${never}.`,
    };
  }
  return {
    ...base,
    title: "Contact token (JWT)",
    severity: "ok",
    advice: `Your backend gets it from POST /widget/authenticate-user and gives it to this signed-in user's browser, which passes it as user.token (the widget sends it as Authorization: Bearer). It identifies one person: ${never}.`,
  };
}
