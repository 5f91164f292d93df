import { createConfig } from '@opencx/widget';

const options = createConfig({
  token: 'wt_shop_123',
  collectUserInfo: true,
  user: { external_id: 'workspace-42' },
  settings: { persistSession: true },
});
initOpenScript(options);
