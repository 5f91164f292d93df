window.initOpenScript({
  token: 'wt_shop_123',
  collectUserData: true,
  user: { data: { email: me.email } },
});
