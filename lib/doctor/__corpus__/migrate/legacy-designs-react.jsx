import { Widget } from '@opencx/widget/designs';

export function Support({ contactToken }) {
  return <Widget options={{ token: 'wt_shop_123', contactToken }} />;
}
