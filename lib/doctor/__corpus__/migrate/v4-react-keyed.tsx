'use client';
// npm install @opencx/widget-react@4.0.57
import { Widget } from '@opencx/widget-react';

export function Support({ token }: { token: string }) {
  return <Widget key={token} options={{ token: 'wt_shop_123', user: { token } }} />;
}
