// OpenCX widget v5 (pinned to 5.0.0), for React 18 or 19: npm install --save-exact @opencx/widget-react@5.0.0
// Render <SupportWidget /> once, near the root of your app: one integration per page, not beside the HTML embed.
import type { ComponentProps } from 'react';
import { Widget } from '@opencx/widget-react';

type WidgetOptions = ComponentProps<typeof Widget>['options'];

const options: WidgetOptions = {
  token: 'wt_3f9a2c7e',
  streaming: true,
  capabilities: { connections: true },
};

// v5 renders nothing when it cannot start (a wrong widget token, say): show something instead.
function renderWidgetError(error: Error) {
  console.error('The OpenCX widget could not start:', error);
  return <p role="status">Chat is unavailable right now.</p>;
}

export function SupportWidget() {
  return <Widget options={options} errorComponent={renderWidgetError} />;
}
