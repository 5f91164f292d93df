import { Widget } from '@opencx/widget/designs';

export function Support() {
  return <Widget options={{ token: 'wt_shop_123' }} />;
}
