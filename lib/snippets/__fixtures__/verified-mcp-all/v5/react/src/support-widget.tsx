// OpenCX widget v5 (pinned to 5.0.0), for React 18 or 19: npm install --save-exact @opencx/widget-react@5.0.0
// Render <SupportWidget /> once, near the root of your app: one integration per page, not beside the HTML embed.
// Render it while a user is signed in. v5 keeps the conversation when the same user's token
// is renewed and starts over for another user, so the widget stays mounted.
import { useEffect, useState, type ComponentProps } from 'react';
import { Widget } from '@opencx/widget-react';

type WidgetOptions = ComponentProps<typeof Widget>['options'];

const RENEW_AFTER_MS = 50 * 60 * 1000;

/** Asks YOUR backend for the signed-in user's contact token; null when nobody is signed in. */
async function fetchContactToken(): Promise<string | null> {
  const response = await fetch('/api/opencx/contact-token', {
    method: 'POST',
    credentials: 'same-origin',
  });
  if (!response.ok) return null;
  const data = (await response.json()) as { token: string };
  return data.token;
}

// v5 renders nothing when it cannot start (a wrong widget token, say): show something instead.
function renderWidgetError(error: Error) {
  console.error('The OpenCX widget could not start:', error);
  return <p role="status">Chat is unavailable right now.</p>;
}

export function SupportWidget() {
  const [contactToken, setContactToken] = useState<string | null>(null);

  useEffect(() => {
    // The token was minted with mcp_access, so it expires after one hour. Fetch one now,
    // a new one after 50 minutes and when the tab is shown again (background
    // tabs pause timers); each goes to the same mounted <Widget>. The org API key never
    // leaves your backend.
    let cancelled = false;
    let fetchedAt = 0;
    const renewIfDue = () => {
      if (Date.now() - fetchedAt < RENEW_AFTER_MS) return;
      fetchedAt = Date.now();
      fetchContactToken()
        .then((token) => {
          if (!cancelled && token !== null) setContactToken(token);
        })
        .catch(() => {
          fetchedAt = 0; // Network error: try again at the next check.
        });
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') renewIfDue();
    };
    renewIfDue();
    const timer = setInterval(renewIfDue, 60 * 1000);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      cancelled = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, []);

  // Not signed in (401) or still loading: a verified widget needs its token first.
  if (contactToken === null) return null;

  const options: WidgetOptions = {
    token: 'wt_3f9a2c7e',
    user: { token: contactToken },
    streaming: true,
    capabilities: { connections: true },
  };

  // A new token goes to this same <Widget> through its options: never key it by the token.
  return <Widget options={options} errorComponent={renderWidgetError} />;
}
