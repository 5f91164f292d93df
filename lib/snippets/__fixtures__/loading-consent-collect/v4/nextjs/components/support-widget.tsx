'use client';

// OpenCX widget v4 (pinned to 4.0.63): npm install --save-exact @opencx/widget-react@4.0.63
// Render <SupportWidget key={visit} consented={consented} /> once, inside <body> in app/layout.tsx.
// Key it by a counter your sign-out increments: widget v4 reads its options once per mount, so
// a new identity needs a new key (see clearOpenCxWidgetStorage below).
// Loads after consent: until your page passes consented={true}, nothing is requested from the
// widget's host, no opencx-widget:* key is written, and the widget's package (its own chunk) is
// not downloaded or run. Pass consented={true} when your consent tool says yes (on every page
// load where consent is stored).
import dynamic from 'next/dynamic';
import type { ComponentProps, ComponentType } from 'react';
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
  },
);

type WidgetOptions = ComponentProps<typeof OpenCxWidget>['options'];

const options: WidgetOptions = {
  token: 'wt_3f9a2c7e',
  collectUserData: true,
  prefillUserData: { email: 'jane@example.com' },
};

function LoadedSupportWidget() {
  return <Widget options={options} />;
}

interface ConsentProps {
  /** True once your consent tool says yes: until then the widget's package is not loaded. */
  consented: boolean;
}

export function SupportWidget({ consented }: ConsentProps) {
  // Before consent: no request to the widget's host and no opencx-widget:* key.
  if (!consented) return null;
  return <LoadedSupportWidget />;
}

// Removes the two keys widget v4 keeps for this widget token: the visitor's contact token and
// device id. The widget has no sign-out of its own, so your page removes them when a person is
// done on a shared computer (your app's sign-out, a kiosk's Start over). Clear the keys before
// the new identity initialises, otherwise the widget reuses the old contact token: on a shared
// computer, the next person would continue as the previous visitor, without the welcome form,
// and see their conversations. Call it in your sign-out handler, before the next identity
// renders. Then give <SupportWidget> a new key (a counter your sign-out increments): widget v4
// reads its options once per mount. In Next.js call it from client code (your sign-out button's
// handler) before you sign out, and after signing in or out without a full page load call
// router.refresh() so the layout passes the new user.
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
