// OpenCX widget v5 (pinned to 5.0.0), for React 18 or 19: npm install --save-exact @opencx/widget-react@5.0.0
// Render <SupportWidget userId={userId} consented={consented} /> once, near the root of your app.
// One integration per page: not beside the HTML embed.
// Pass your signed-in user's id (null when signed out). v5 keeps the conversation when the same
// user's token is renewed and resets itself for another user, so the widget stays mounted.
// Loads after consent: until your page passes consented={true}, nothing is requested from the
// widget's host, no opencx-widget:* key is written, and the widget's package (its own chunk) is
// not downloaded or run. Pass consented={true} when your consent tool says yes (on every page
// load where consent is stored).
import { lazy, Suspense, useEffect, useState, type ComponentProps, type ComponentType } from 'react';
import type { Widget as OpenCxWidget } from '@opencx/widget-react';

// If the package cannot load (offline, or an old tab after a deploy), log it and render nothing
// rather than let the failed import take your app down with it.
function widgetUnavailable(error: unknown): ComponentType<ComponentProps<typeof OpenCxWidget>> {
  console.error('The OpenCX widget could not load:', error);
  return () => null;
}

// The widget's package is a separate chunk, loaded when the widget first renders.
const Widget = lazy<ComponentType<ComponentProps<typeof OpenCxWidget>>>(() =>
  import('@opencx/widget-react').then(
    (mod) => ({ default: mod.Widget }),
    (error: unknown) => ({ default: widgetUnavailable(error) }),
  ),
);

type WidgetOptions = ComponentProps<typeof OpenCxWidget>['options'];

/** Asks YOUR backend for the signed-in user's contact token; null when nobody is signed in. */
async function fetchOpenCxContactToken(): Promise<string | null> {
  const response = await fetch('/api/opencx/contact-token', {
    method: 'POST',
    credentials: 'same-origin',
  });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`Contact token request failed (${response.status})`);
  const data = (await response.json()) as { token: string };
  return data.token;
}

// This token is minted without mcp_access (chat-only), so it does not expire: nothing to renew.

// v5 renders nothing when it cannot start (a wrong widget token, say): show something instead.
function renderWidgetError(error: Error) {
  console.error('The OpenCX widget could not start:', error);
  return <p role="status">Chat is unavailable right now.</p>;
}

interface SupportWidgetProps {
  /** Your signed-in user's id, or null when nobody is signed in. */
  userId: string | null;
}

function LoadedSupportWidget({ userId }: SupportWidgetProps) {
  const [contactToken, setContactToken] = useState<string | null>(null);

  useEffect(() => {
    if (userId === null) {
      setContactToken(null); // Signed out: no verified widget.
      return;
    }
    // A user signed in, or another one replaced them: fetch their token for the same <Widget>.
    let cancelled = false;
    fetchOpenCxContactToken()
      .then((token) => {
        if (cancelled) return;
        setContactToken(token);
      })
      .catch(() => {
        // Network error: no widget rather than the previous user's.
        if (!cancelled) setContactToken(null);
      });
    return () => {
      cancelled = true;
    };
  }, [userId]);

  // Not signed in (401) or still loading: a verified widget needs its token first.
  if (contactToken === null) return null;

  const options: WidgetOptions = {
    token: 'wt_3f9a2c7e',
    user: { token: contactToken },
  };

  // A new token goes to this same <Widget> through its options: never key it by the token.
  return <Widget options={options} errorComponent={renderWidgetError} />;
}

interface ConsentProps {
  /** True once your consent tool says yes: until then the widget's package is not loaded. */
  consented: boolean;
}

export function SupportWidget({ consented, userId }: SupportWidgetProps & ConsentProps) {
  // Before consent: no request to the widget's host and no opencx-widget:* key.
  if (!consented) return null;
  return (
    <Suspense fallback={null}>
      <LoadedSupportWidget userId={userId} />
    </Suspense>
  );
}

// Removes every key widget v5 keeps for this widget token: the visitor's contact token and
// device id, the open conversation and the companion layout. The widget has no sign-out of its
// own, so your page removes them when a user signs out, and before another user signs in on
// this browser. Clear the keys before the new identity initialises, otherwise the widget reuses
// the old contact token: on a shared computer, a contact token from an anonymous visit before
// sign-in would be picked up again after sign-out. Call it in your sign-out handler, before the
// next identity renders. Then pass the new userId to <SupportWidget> (null after sign-out): it
// fetches the next user's token for the same <Widget>, and v5 resets itself in place. No key,
// no remount.
export function clearOpenCxWidgetStorage() {
  const prefix = 'opencx-widget:org-token-wt_3f9a2c7e:';
  try {
    // Collect the keys first: removing while reading by index would skip some.
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
    for (const key of keys) {
      if (key?.startsWith(prefix)) localStorage.removeItem(key);
    }
  } catch {
    // Storage is blocked in this browser, so the widget could not keep anything either.
  }
}
