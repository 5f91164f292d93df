// OpenCX widget v5 (pinned to 5.0.0), for React 18 or 19: npm install --save-exact @opencx/widget-react@5.0.0
// Render <SupportWidget key={userId} /> once, near the root of your app.
// One integration per page: not beside the HTML embed.
// Key it by your signed-in user's id, never the token: a new identity needs a new key (see
// clearOpenCxWidgetStorage below).
// Loads on click: until the visitor presses the look-alike launcher, nothing is requested from
// the widget's host, no opencx-widget:* key is written, and the widget's package (its own
// chunk) is not downloaded or run. It shows a look-alike launcher; pressing it loads the
// widget, which opens.
import { lazy, Suspense, useState, type ComponentProps, type ComponentType, type CSSProperties } from 'react';
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

const options: WidgetOptions = {
  token: 'wt_3f9a2c7e',
  theme: { primaryColor: '#fde047' },
  user: {
    data: { name: 'Jane Doe', email: 'jane@example.com' },
  },
  isOpen: true,
};

// v5 renders nothing when it cannot start (a wrong widget token, say): show something instead.
function renderWidgetError(error: Error) {
  console.error('The OpenCX widget could not start:', error);
  return <p role="status">Chat is unavailable right now.</p>;
}

function LoadedSupportWidget() {
  return <Widget options={options} errorComponent={renderWidgetError} />;
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
  background: '#fde047',
  color: '#0a0a0a',
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
// the old contact token: on a shared computer, after sign-out the widget, given no user.data,
// picks up the signed-in user's stored contact token, and the next person sees that user's
// conversations. Call it in your sign-out handler, before the next identity renders. Then give
// <SupportWidget> a new key (the next user's id, never the token) and that user's user.data in
// its options: v5 keeps the previous contact when only user.data changes.
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
