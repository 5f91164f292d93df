/**
 * Test support: the part of `@opencx/widget-react@4.0.57`'s public types that
 * the React and Next.js snippets rely on (domain.md §2, §10.2), written from
 * the spec so the golden files can be type-checked without the package.
 * Strict where the real types are strict: `language` is the 38-code union and
 * `user` is the token-or-data union.
 */
import type { WidgetLanguage } from "../../config/languages";

interface UserData {
  name?: string;
  email?: string;
  avatarUrl?: string;
  customData?: Record<string, string>;
}

type UserConfig = ({ token: string; data?: never } | { token?: never; data?: UserData }) & {
  externalId?: string;
};

export interface WidgetConfig {
  token: string;
  language?: WidgetLanguage;
  theme?: { palette?: "neutral" | "stone" | "zinc" | "slate"; primaryColor?: string };
  collectUserData?: boolean;
  prefillUserData?: { name?: string; email?: string };
  extraDataCollectionFields?: string[];
  user?: UserConfig;
}

export interface WidgetProps {
  options: WidgetConfig;
  /** A React node; typed loosely because lib/ may not import React. */
  loadingComponent?: unknown;
}

/** A React function component (its element type is irrelevant to the snippets). */
export declare function Widget(props: WidgetProps): null;
