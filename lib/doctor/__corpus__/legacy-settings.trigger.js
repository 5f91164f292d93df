window.initOpenScript({
  token: 'wt_shop_123',
  settings: { persistSession: true },
  theme: { triggerOffset: '24px' },
});
