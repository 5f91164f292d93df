// OpenCX widget v4 (pinned to 4.0.63): npm install --save-exact @opencx/widget-react@4.0.63
// Render <SupportWidget /> once, near the root of your app.
import type { ComponentProps } from 'react';
import { Widget } from '@opencx/widget-react';

type WidgetOptions = ComponentProps<typeof Widget>['options'];

const options: WidgetOptions = {
  token: 'wt_3f9a2c7e',
  collectUserData: true,
  user: {
    data: { name: 'Jane Doe' },
  },
};

export function SupportWidget() {
  return <Widget options={options} />;
}
