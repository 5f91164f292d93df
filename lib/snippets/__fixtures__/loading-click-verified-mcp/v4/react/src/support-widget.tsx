// OpenCX widget v4 (pinned to 4.0.63): npm install --save-exact @opencx/widget-react@4.0.63
// Render <SupportWidget key={userId} /> once, near the root of your app.
// Key it by your signed-in user's id, never the token: widget v4 reads its options once per
// mount, so a new identity needs a new key (see clearOpenCxWidgetStorage below).
// Loads on click: until the visitor presses the look-alike launcher, nothing is requested from
// the widget's host, no opencx-widget:* key is written, and the widget's package (its own
// chunk) is not downloaded or run. It shows a look-alike launcher (render it only while a user
// is signed in: a verified widget needs their token); pressing it loads the widget, which
// opens.
import { lazy, Suspense, useEffect, useState, type ComponentProps, type ComponentType, type CSSProperties } from 'react';
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

// Chat-only tokens do not expire: nothing to renew. If you rotate tokens yourself, remount
// <SupportWidget> with a new key to pass the new one (widget v4 reads its options once per
// mount).
function LoadedSupportWidget() {
  const [contactToken, setContactToken] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    // The contact token comes from YOUR backend; the org API key never leaves it.
    fetch('/api/opencx/contact-token', { method: 'POST', credentials: 'same-origin' })
      .then((response) => {
        if (response.status === 401) return null; // Not signed in: no verified widget.
        if (!response.ok) throw new Error(`Contact token request failed (${response.status})`);
        return response.json() as Promise<{ token: string }>;
      })
      .then((data) => {
        if (!cancelled) setContactToken(data ? data.token : null);
      })
      .catch((error: unknown) => {
        // The widget stays hidden; the console says why.
        console.error('The OpenCX contact token could not be fetched:', error);
        if (!cancelled) setContactToken(null);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  // Still asking your backend: the busy launcher keeps the widget's place until it answers.
  if (contactToken === undefined) return <ChatLauncher busy />;
  // Not signed in (401) or no answer: a verified widget needs its token first.
  if (contactToken === null) return null;

  const options: WidgetOptions = {
    token: 'wt_3f9a2c7e',
    theme: { primaryColor: 'hsl(262 83% 58%)' },
    user: { token: contactToken },
    isOpen: true,
  };

  // v4 reads these options once per mount: a new identity needs a new key on <SupportWidget>.
  return <Widget options={options} />;
}

export function SupportWidget() {
  const [pressed, setPressed] = useState(false);
  // Until it is pressed: no request to the widget's host and no opencx-widget:* key.
  if (!pressed) return <ChatLauncher onPress={() => setPressed(true)} />;
  return (
    <Suspense fallback={<ChatLauncher busy />}>
      <LoadedSupportWidget />
    </Suspense>
  );
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

// Removes the two keys widget v4 keeps for this widget token: the visitor's contact token and
// device id. The widget has no sign-out of its own, so your page removes them when a user signs
// out, and before another user signs in on this browser. Clear the keys before the new identity
// initialises, otherwise the widget reuses the old contact token: on a shared computer, a
// contact token from an anonymous visit before sign-in would be picked up again after sign-out.
// Call it in your sign-out handler, before the next identity renders. Then give <SupportWidget>
// a new key (the next user's id, never the token): widget v4 reads its options once per mount.
export function clearOpenCxWidgetStorage() {
  const keys = [
    'opencx-widget:org-token-wt_3f9a2c7e:contact-token',
    'opencx-widget:org-token-wt_3f9a2c7e:external-contact-id',
  ];
  try {
    for (const key of keys) localStorage.removeItem(key);
  } catch {
    // Storage is blocked in this browser, so the widget could not keep anything either.
  }
}
