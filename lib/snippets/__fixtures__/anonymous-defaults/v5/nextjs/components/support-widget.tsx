'use client';

// OpenCX widget v5 (pinned to 5.0.0), for React 18 or 19: npm install --save-exact @opencx/widget-react@5.0.0
// Render <SupportWidget /> once, inside <body> in app/layout.tsx: one integration per page, not beside the HTML embed.
import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type { Widget as OpenCxWidget } from '@opencx/widget-react';

// The widget reads window and localStorage: load it in the browser only.
const Widget = dynamic(() => import('@opencx/widget-react').then((mod) => mod.Widget), {
  ssr: false,
});

type WidgetOptions = ComponentProps<typeof OpenCxWidget>['options'];

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
