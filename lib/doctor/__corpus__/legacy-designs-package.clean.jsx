import { Widget } from '@opencx/widget-react';

export function Support() {
  return <Widget options={{ token: 'wt_shop_123' }} />;
}
