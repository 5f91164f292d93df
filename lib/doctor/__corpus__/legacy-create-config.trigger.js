import { createConfig } from '@opencx/widget';

export const options = createConfig({ token: 'wt_shop_123' });
