/** The token inside a paste: quotes, `NAME=value`, header lines and `Bearer ` taken off. */
import { startsLikeJwt } from "../secrets/detect";
import { hasJwtParts } from "./jwt";

/** `NAME=value` / `export NAME="value"`; a base64 value ending in `=`/`==` does not match (value cannot start with `=`). */
const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([^=\s][\s\S]*)$/;
const HEADER = /^(authorization|x-bot-token)\s*:\s*([\s\S]*)$/i;
const BEARER = /^bearer\s+([\s\S]*)$/i;

export interface Normalized {
  value: string;
  notes: string[];
  /** Set when the paste was `NAME=value`. */
  variable: string | null;
}

function stripQuotes(value: string): string {
  const match = /^(["'`])([\s\S]*)\1$/.exec(value);
  return match ? (match[2] ?? "").trim() : value;
}

/**
 * The value inside common wrappings: surrounding quotes, `NAME=value`,
 * `Authorization:` / `X-Bot-Token:` header lines and the `Bearer ` scheme.
 */
export function normalizeTokenInput(input: string): Normalized {
  const notes: string[] = [];
  let variable: string | null = null;
  let value = stripQuotes(input.trim());
  const assignment = ASSIGNMENT.exec(value);
  if (assignment) {
    variable = assignment[1] ?? "";
    value = stripQuotes((assignment[2] ?? "").trim());
    notes.push(`Read the value assigned to ${variable}.`);
  }
  const header = HEADER.exec(value);
  if (header) {
    const name = header[1]?.toLowerCase() === "authorization" ? "Authorization" : "X-Bot-Token";
    value = stripQuotes((header[2] ?? "").trim());
    notes.push(`Read the value of the ${name} header.`);
  }
  const bearer = BEARER.exec(value);
  if (bearer) {
    value = (bearer[1] ?? "").trim();
    notes.push("Ignored the “Bearer ” prefix.");
  }
  // A JWT copied across lines keeps its line breaks; they are never part of it.
  if (startsLikeJwt(value) && /\s/.test(value)) {
    const joined = value.replace(/\s+/g, "");
    if (hasJwtParts(joined)) {
      value = joined;
      notes.push("Ignored spaces and line breaks inside the JWT.");
    }
  }
  return { value, notes, variable };
}
