'use client';

// OpenCX widget v5 (pinned to 5.0.0), for React 18 or 19: npm install --save-exact @opencx/widget-react@5.0.0
// Render <SupportWidget userId={userId} /> once, inside <body> in app/layout.tsx.
// One integration per page: not beside the HTML embed.
// Pass your signed-in user's id (null when signed out). v5 keeps the conversation when the same
// user's token is renewed and resets itself for another user, so the widget stays mounted.
// Loads on click: until the visitor presses the look-alike launcher, nothing is requested from
// the widget's host, no opencx-widget:* key is written, and the widget's package (its own
// chunk) is not downloaded or run. It shows a look-alike launcher (render it only while a user
// is signed in: a verified widget needs their token); pressing it loads the widget, which
// opens.
import dynamic from 'next/dynamic';
import { useEffect, useState, type ComponentProps, type ComponentType, type CSSProperties } from 'react';
import type { Widget as OpenCxWidget } from '@opencx/widget-react';

// If the package cannot load (offline, or an old tab after a deploy), log it and render nothing
// rather than let the failed import take your app down with it.
function widgetUnavailable(error: unknown): ComponentType<ComponentProps<typeof OpenCxWidget>> {
  console.error('The OpenCX widget could not load:', error);
  return () => null;
}

// The widget reads window and localStorage: load it in the browser only, when it first renders.
const Widget = dynamic<ComponentProps<typeof OpenCxWidget>>(
  () => import('@opencx/widget-react').then((mod) => mod.Widget, widgetUnavailable),
  {
    ssr: false,
    loading: () => <ChatLauncher busy />,
  },
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

// The token was minted with mcp_access, so it expires after one hour. This renews it at 80 % of
// its lifetime (read from its iat and exp claims; 48 minutes when they cannot be read) and when
// a hidden tab is shown again after that point (background tabs delay timers), and hands each
// new token to onToken: the same user keeps the conversation (v5). One timer at a time; it
// returns the function that stops renewing (on sign-out, unmount or a newer token).
function keepOpenCxTokenFresh(token: string, onToken: (token: string) => void): () => void {
  const RENEW_AT_FRACTION = 0.8;
  const ASSUMED_LIFETIME_MS = 60 * 60 * 1000;
  const RETRY_AFTER_MS = 60 * 1000; // After a failure, and the soonest renewal: no tight loop.
  // The lifetime from the token's iat and exp claims, read for timing only (not verified).
  const lifetimeMs = (jwt: string) => {
    try {
      const claims = (jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
      const { iat, exp } = JSON.parse(atob(claims)) as { iat?: unknown; exp?: unknown };
      if (typeof iat === 'number' && typeof exp === 'number' && exp > iat) {
        return Math.min(exp - iat, 24 * 60 * 60) * 1000; // At most a day: a timer browsers keep.
      }
    } catch {
      // Not a token this page can read: assume one hour.
    }
    return ASSUMED_LIFETIME_MS;
  };
  const renewalDelayMs = (jwt: string) =>
    Math.max(lifetimeMs(jwt) * RENEW_AT_FRACTION, RETRY_AFTER_MS);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = 0;
  let renewing = false;
  let stopped = false;
  const renewIn = (delay: number) => {
    clearTimeout(timer);
    dueAt = Date.now() + delay;
    timer = setTimeout(renew, delay);
  };
  const renew = async () => {
    if (stopped || renewing) return;
    renewing = true;
    try {
      const renewed = await fetchOpenCxContactToken();
      if (stopped) return;
      if (renewed === null) {
        stop(); // Signed out meanwhile: your sign-out code takes over.
        return;
      }
      onToken(renewed);
      renewIn(renewalDelayMs(renewed));
    } catch {
      if (!stopped) renewIn(RETRY_AFTER_MS); // Offline or a server error: try again later.
    } finally {
      renewing = false;
    }
  };
  const onVisibilityChange = () => {
    if (document.visibilityState === 'visible' && Date.now() >= dueAt) void renew();
  };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibilityChange);
  };
  document.addEventListener('visibilitychange', onVisibilityChange);
  renewIn(renewalDelayMs(token));
  return stop;
}

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
  const [contactToken, setContactToken] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    if (userId === null) {
      setContactToken(null); // Signed out: no verified widget.
      return;
    }
    // A user signed in, or another one replaced them: fetch their token for the same <Widget>.
    let cancelled = false;
    let stopRenewal = () => {};
    fetchOpenCxContactToken()
      .then((token) => {
        if (cancelled) return;
        setContactToken(token);
        if (token !== null) stopRenewal = keepOpenCxTokenFresh(token, setContactToken);
      })
      .catch(() => {
        // Network error: no widget rather than the previous user's.
        if (!cancelled) setContactToken(null);
      });
    return () => {
      cancelled = true;
      stopRenewal();
    };
  }, [userId]);

  // Still asking your backend: the busy launcher keeps the widget's place until it answers.
  if (contactToken === undefined) return <ChatLauncher busy />;
  // Not signed in (401) or no answer: a verified widget needs its token first.
  if (contactToken === null) return null;

  // Personal connections stay off without streaming: true and capabilities: { connections: true } in these options.
  const options: WidgetOptions = {
    token: 'wt_3f9a2c7e',
    theme: { primaryColor: 'hsl(262 83% 58%)' },
    user: { token: contactToken },
    isOpen: true,
  };

  // A new token goes to this same <Widget> through its options: never key it by the token.
  return <Widget options={options} errorComponent={renderWidgetError} />;
}

export function SupportWidget({ userId }: SupportWidgetProps) {
  const [pressed, setPressed] = useState(false);
  if (userId === null) return null; // Signed out: no verified widget, no launcher.
  // Until it is pressed: no request to the widget's host and no opencx-widget:* key.
  if (!pressed) return <ChatLauncher onPress={() => setPressed(true)} />;
  return <LoadedSupportWidget userId={userId} />;
}

// Looks like the widget's launcher (48px, in your primary colour, in its corner); pressing it
// loads the real widget, which opens in its place.
const launcherStyle: CSSProperties = {
  position: 'fixed',
  right: '22px',
  bottom: '22px',
  zIndex: '10000000',
  width: '48px',
  height: '48px',
  border: '0',
  borderRadius: '9999px',
  padding: '0',
  lineHeight: '0',
  cursor: 'pointer',
  background: '#7c3bed',
  color: '#fafafa',
};

function ChatLauncher({ onPress, busy = false }: { onPress?: () => void; busy?: boolean }) {
  return (
    <button
      type="button"
      aria-label="Chat with us"
      title="Chat with us"
      aria-busy={busy}
      disabled={busy}
      onClick={onPress}
      style={launcherStyle}
    >
      <svg width={24} height={24} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 3.5c5 0 9 3.4 9 7.6s-4 7.6-9 7.6c-1 0-2-.1-2.9-.4L4.6 20.2l1.2-3.9C4.1 14.9 3 13.1 3 11.1 3 6.9 7 3.5 12 3.5Z"
        />
      </svg>
    </button>
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
// no remount. In Next.js call it from client code (your sign-out button's handler) before you
// sign out, and after signing in or out without a full page load call router.refresh() so the
// layout passes the new user.
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
