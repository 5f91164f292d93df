"use client";

import { useState } from "react";
import { SendRightIcon } from "./icons";
import { BUTTON_LG, BUTTON_PRIMARY, CloseButton, cx, INPUT, PoweredBy } from "./ui";

/** English strings of the welcome screen (domain.md §6.2). */
export const WELCOME_STRINGS = {
  title: "Welcome to our support chat",
  description: "We're here to help! Start a conversation and we'll get back to you as soon as possible.",
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

/** The gradient band: the primary colour glowing from the top corners over the palette-100 background. */
const BAND_STYLE: React.CSSProperties = {
  backgroundImage: [
    "radial-gradient(ellipse 120% 100% at 0% 0%, var(--opencx-primary) 40%, transparent 100%)",
    "radial-gradient(ellipse 120% 100% at 100% 0%, var(--opencx-primary) 40%, transparent 100%)",
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
    onSubmit({ name, email, extras: Object.fromEntries(extraFields.map((f, i) => [f, extras[i] ?? ""])) });
  }

  return (
    <div data-testid="preview.welcome" className="min-h-0 flex-1 animate-screen-in overflow-y-auto">
      <div className="relative flex flex-col gap-4 px-4 py-12 text-start text-primary-foreground" style={BAND_STYLE}>
        {onClose && <CloseButton onClose={onClose} className="absolute end-6 top-6 hover:bg-primary-foreground/10 hover:text-primary-foreground" />}
        {organizationLogo ? (
          // eslint-disable-next-line @next/next/no-img-element -- any URL the visitor's site gives, not an optimisable asset
          <img src={organizationLogo} alt="Company Logo" className="h-8 w-fit" />
        ) : (
          orgName && <h2 className="text-sm font-bold">{orgName}</h2>
        )}
        <h1 className="text-[1.75rem] leading-none font-semibold tracking-tight">{WELCOME_STRINGS.title}</h1>
        <p className="text-sm">{WELCOME_STRINGS.description}</p>
      </div>
      <form
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
  );
}
