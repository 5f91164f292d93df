window.initOpenScript({
  token: 'wt_shop_123',
  collectUserData: 'yes',
  user: { data: { mail: me.email } },
});
