// OpenCX widget v5 (pinned to 5.0.0), for React 18 or 19: npm install --save-exact @opencx/widget-react@5.0.0
// Render <SupportWidget key={userId} /> once, near the root of your app.
// One integration per page: not beside the HTML embed.
// Key it by your signed-in user's id, never the token: a new identity needs a new key (see
// clearOpenCxWidgetStorage below).
import type { ComponentProps } from 'react';
import { Widget } from '@opencx/widget-react';

type WidgetOptions = ComponentProps<typeof Widget>['options'];

const options: WidgetOptions = {
  token: 'wt_\'quoted\'\\token',
  user: {
    data: {
      name: 'Jane <\/script>\x3C!-- \'O"Brien\' --\x3E',
      email: 'jane+`${x}`@example.com',
      avatarUrl: 'https://example.com/a.png?x=<\/SCRIPT>&y=\\u2028',
      customData: {
        '42': 'integer keys come first',
        '<\/script>': '<script>alert(1)<\/script>',
        'line\u2028sep': 'para\u2029graph',
        'emoji 👩🏽‍💻': '😀 é 中文 ؟',
        'back\\slash': 'C:\\Users\\jane\\\'',
        ctrl: 'nul\x00 tab\t cr\r\n bom\uFEFF del\x7F',
        ['__proto__']: 'not a prototype',
      },
    },
    externalId: '${x}`$(rm -rf /)`',
  },
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
// own, so your page removes them when a user signs out, and before another user signs in on
// this browser. Clear the keys before the new identity initialises, otherwise the widget reuses
// the old contact token: on a shared computer, after sign-out the widget, given no user.data,
// picks up the signed-in user's stored contact token, and the next person sees that user's
// conversations. Call it in your sign-out handler, before the next identity renders. Then give
// <SupportWidget> a new key (the next user's id, never the token) and that user's user.data in
// its options: v5 keeps the previous contact when only user.data changes.
export function clearOpenCxWidgetStorage() {
  const prefix = 'opencx-widget:org-token-wt_\'quoted\'\\token:';
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
