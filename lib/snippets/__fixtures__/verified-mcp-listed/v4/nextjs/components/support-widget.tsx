'use client';

// OpenCX widget v4 (pinned to 4.0.63): npm install --save-exact @opencx/widget-react@4.0.63
// Render <SupportWidget /> once, inside <body> in app/layout.tsx.
// It fetches the token once per mount: when a user signs in or out without a page load,
// remount it (e.g. <SupportWidget key={userId} />) so the widget gets the new identity.
import dynamic from 'next/dynamic';
import { useEffect, useState, type ComponentProps } from 'react';
import type { Widget as OpenCxWidget } from '@opencx/widget-react';

// The widget reads window and localStorage: load it in the browser only.
const Widget = dynamic(() => import('@opencx/widget-react').then((mod) => mod.Widget), {
  ssr: false,
});

type WidgetOptions = ComponentProps<typeof OpenCxWidget>['options'];

export function SupportWidget() {
  const [contactToken, setContactToken] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // The contact token comes from YOUR backend; the org API key never leaves it.
    fetch('/api/opencx/contact-token', { method: 'POST', credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { token: string } | null) => {
        if (!cancelled && data) setContactToken(data.token);
      })
      .catch(() => {
        // Network error: the widget stays hidden.
      });
    return () => {
      cancelled = true;
    };
  }, []);

  // Not signed in (401) or still loading: a verified widget needs its token first.
  if (contactToken === null) return null;

  const options: WidgetOptions = {
    token: 'wt_3f9a2c7e',
    language: 'fr',
    user: { token: contactToken, externalId: 'workspace_42' },
  };

  // The widget initialises once per mount: a new token (a new identity) needs a new instance.
  return <Widget key={contactToken} options={options} />;
}
