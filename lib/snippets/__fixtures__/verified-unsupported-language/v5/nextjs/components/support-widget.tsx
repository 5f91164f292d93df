'use client';

// OpenCX widget v5 (pinned to 5.0.0), for React 18 or 19: npm install --save-exact @opencx/widget-react@5.0.0
// Render <SupportWidget /> once, inside <body> in app/layout.tsx: one integration per page, not beside the HTML embed.
// Render it while a user is signed in. v5 keeps the conversation when the same user's token
// is renewed and starts over for another user, so the widget stays mounted.
import dynamic from 'next/dynamic';
import { useEffect, useState, type ComponentProps } from 'react';
import type { Widget as OpenCxWidget } from '@opencx/widget-react';

// The widget reads window and localStorage: load it in the browser only.
const Widget = dynamic(() => import('@opencx/widget-react').then((mod) => mod.Widget), {
  ssr: false,
});

type WidgetOptions = ComponentProps<typeof OpenCxWidget>['options'];

// v5 renders nothing when it cannot start (a wrong widget token, say): show something instead.
function renderWidgetError(error: Error) {
  console.error('The OpenCX widget could not start:', error);
  return <p role="status">Chat is unavailable right now.</p>;
}

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
    token: 'YOUR_WIDGET_TOKEN',
    language: 'lb',
    user: { token: contactToken },
  };

  // A new token goes to this same <Widget> through its options: never key it by the token.
  return <Widget options={options} errorComponent={renderWidgetError} />;
}
