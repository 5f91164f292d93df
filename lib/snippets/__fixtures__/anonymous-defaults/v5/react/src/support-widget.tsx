// OpenCX widget v5 (pinned to 5.0.0), for React 18 or 19: npm install --save-exact @opencx/widget-react@5.0.0
// Render <SupportWidget key={visit} /> once, near the root of your app.
// One integration per page: not beside the HTML embed.
// Key it by a counter your sign-out increments: a new identity needs a new key (see
// clearOpenCxWidgetStorage below).
import type { ComponentProps } from 'react';
import { Widget } from '@opencx/widget-react';

type WidgetOptions = ComponentProps<typeof Widget>['options'];

const options: WidgetOptions = {
  token: 'YOUR_WIDGET_TOKEN',
};

// v5 renders nothing when it cannot start (a wrong widget token, say): show something instead.
function renderWidgetError(error: Error) {
  console.error('The OpenCX widget could not start:', error);
  return <p role="status">Chat is unavailable right now.</p>;
}

export function SupportWidget() {
  return <Widget options={options} errorComponent={renderWidgetError} />;
}

// Removes every key widget v5 keeps for this widget token: the visitor's contact token and
// device id, the open conversation and the companion layout. The widget has no sign-out of its
// own, so your page removes them when a person is done on a shared computer (your app's
// sign-out, a kiosk's Start over). Clear the keys before the new identity initialises,
// otherwise the widget reuses the old contact token: on a shared computer, the next person
// would continue as the previous visitor and see their conversations. Call it in your sign-out
// handler, before the next identity renders. Then give <SupportWidget> a new key (a counter
// your sign-out increments): v5 keeps the previous contact for a visitor without a verified
// token.
export function clearOpenCxWidgetStorage() {
  const prefix = 'opencx-widget:org-token-YOUR_WIDGET_TOKEN:';
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
