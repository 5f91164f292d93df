"use client";

import { useState } from "react";
import { SendRightIcon } from "./icons";
import { BUTTON_LG, BUTTON_PRIMARY, CloseButton, cx, INPUT, PoweredBy } from "./ui";

/** English strings of the welcome screen (domain.md §6.2). */
export const WELCOME_STRINGS = {
  title: "Welcome to our support chat",
  description:
    "We're here to help! Start a conversation and we'll get back to you as soon as possible.",
  namePlaceholder: "Your name",
  emailPlaceholder: "Your email address",
  optional: "Optional",
  submit: "Talk to support",
  submitting: "Connecting...",
} as const;

export interface WelcomeFormValues {
  name: string;
  email: string;
  /** Extra field name → typed value (empty when left blank). */
  extras: Record<string, string>;
}

export interface WelcomeScreenProps {
  orgName: string;
  /** `assets.organizationLogo`: replaces the org name line. */
  organizationLogo?: string;
  prefill: { name: string; email: string };
  /** Extra inputs, already filtered as the widget does (no `name`, `email` or empty names). */
  extraFields: readonly string[];
  submitting: boolean;
  widgetToken: string;
  /** Called after the browser's own validation passed (required, type="email"). */
  onSubmit: (values: WelcomeFormValues) => void;
  onClose?: () => void;
}

/**
 * The welcome backdrop: two radial gradients of the primary, from the top-left
 * and the top-right corner, each fading to transparent over the palette-100
 * background (the widget's `ellipse at top left` / `ellipse at top right`; Chromium
 * reports them as `at 0% 0%` and `at 100% 0%`). They sit on the wrapper that holds
 * both the header and the form card, so the colour fades smoothly and tints the
 * margin around the card.
 */
const BACKDROP_STYLE: React.CSSProperties = {
  backgroundImage: [
    "radial-gradient(ellipse at top left, var(--opencx-primary), transparent)",
    "radial-gradient(ellipse at top right, var(--opencx-primary), transparent)",
  ].join(", "),
};

export function WelcomeScreen({
  orgName,
  organizationLogo,
  prefill,
  extraFields,
  submitting,
  widgetToken,
  onSubmit,
  onClose,
}: WelcomeScreenProps) {
  const [name, setName] = useState(prefill.name);
  const [email, setEmail] = useState(prefill.email);
  const [extras, setExtras] = useState<string[]>(() => extraFields.map(() => ""));

  function handleSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    onSubmit({
      name,
      email,
      extras: Object.fromEntries(extraFields.map((f, i) => [f, extras[i] ?? ""])),
    });
  }

  // Spacing as the widget's header lays it out: the org line has an 8px bottom margin and each
  // later block a 16px top margin (the widget's Tailwind 3 `space-y-4`), so org → title is 24px;
  // title → description is 8px. The org line's box is there even without a name, as in the widget.
  return (
    <div data-testid="preview.welcome" className="min-h-0 flex-1 animate-screen-in overflow-y-auto">
      <div
        data-testid="preview.welcome.backdrop"
        className="flex flex-col small:h-full"
        style={BACKDROP_STYLE}
      >
        <div
          data-testid="preview.welcome.header"
          className="relative flex flex-1 flex-col px-4 py-12 text-start text-primary-foreground"
        >
          {onClose && (
            <CloseButton
              onClose={onClose}
              className="absolute end-6 top-6 hover:bg-primary-foreground/10 hover:text-primary-foreground"
            />
          )}
          <div
            data-testid="preview.welcome.org"
            className={cx("mb-2 flex w-full items-center justify-between", onClose && "mt-4")}
          >
            {organizationLogo ? (
              // eslint-disable-next-line @next/next/no-img-element -- any URL the visitor's site gives, not an optimisable asset
              <img
                src={organizationLogo}
                alt="Company Logo"
                className="h-8 w-auto object-contain"
              />
            ) : (
              orgName && <h2 className="text-sm font-bold">{orgName}</h2>
            )}
          </div>
          <div className="mt-4 flex flex-col gap-2">
            <h1
              data-testid="preview.welcome.title"
              className="text-[1.75rem] leading-none font-semibold tracking-tight"
            >
              {WELCOME_STRINGS.title}
            </h1>
            <p data-testid="preview.welcome.description" className="text-sm">
              {WELCOME_STRINGS.description}
            </p>
          </div>
        </div>
        <form
          data-testid="preview.welcome.card"
          onSubmit={handleSubmit}
          className="m-2 flex flex-col gap-2 rounded-3xl border border-border bg-[white] px-2 pt-2 shadow"
        >
          <input
            data-testid="preview.welcome.name"
            name="name"
            required
            autoComplete="name"
            placeholder={WELCOME_STRINGS.namePlaceholder}
            aria-label={WELCOME_STRINGS.namePlaceholder}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={INPUT}
          />
          <input
            data-testid="preview.welcome.email"
            name="email"
            type="email"
            required
            autoComplete="email"
            placeholder={WELCOME_STRINGS.emailPlaceholder}
            aria-label={WELCOME_STRINGS.emailPlaceholder}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={INPUT}
          />
          {extraFields.map((field, i) => {
            const placeholder = `${field} (${WELCOME_STRINGS.optional})`;
            return (
              <input
                key={field}
                data-testid={`preview.welcome.extra.${i}`}
                placeholder={placeholder}
                aria-label={placeholder}
                value={extras[i] ?? ""}
                onChange={(e) => {
                  const value = e.target.value;
                  setExtras((prev) => prev.map((v, j) => (j === i ? value : v)));
                }}
                className={INPUT}
              />
            );
          })}
          <button
            type="submit"
            data-testid="preview.welcome.submit"
            disabled={submitting}
            className={cx(BUTTON_PRIMARY, BUTTON_LG)}
          >
            {submitting ? WELCOME_STRINGS.submitting : WELCOME_STRINGS.submit}
            <SendRightIcon size={16} />
          </button>
          <PoweredBy widgetToken={widgetToken} />
        </form>
      </div>
    </div>
  );
}
