window.initOpenScript({
  token: 'wt_shop_123',
  collectUserData: true,
  prefillUserData: { email: me.email },
});
