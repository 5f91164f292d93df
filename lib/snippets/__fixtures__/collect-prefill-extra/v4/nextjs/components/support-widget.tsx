'use client';

// OpenCX widget v4 (pinned to 4.0.63): npm install --save-exact @opencx/widget-react@4.0.63
// Render <SupportWidget /> once, inside <body> in app/layout.tsx.
import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type { Widget as OpenCxWidget } from '@opencx/widget-react';

// The widget reads window and localStorage: load it in the browser only.
const Widget = dynamic(() => import('@opencx/widget-react').then((mod) => mod.Widget), {
  ssr: false,
});

type WidgetOptions = ComponentProps<typeof OpenCxWidget>['options'];

const options: WidgetOptions = {
  token: 'wt_3f9a2c7e',
  collectUserData: true,
  prefillUserData: { name: 'Jane Doe', email: 'jane@example.com' },
  extraDataCollectionFields: ['Company', 'Order #'],
};

export function SupportWidget() {
  return <Widget options={options} />;
}
